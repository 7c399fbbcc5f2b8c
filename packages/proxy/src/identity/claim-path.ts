/**
 * Claim paths name a value inside a JWT payload: `role`, `realm_access.roles[0]`, `resource_access["kamen-proxy"].roles`,
 * or a namespaced claim such as `https://kamen/role` (a payload key that equals the whole path wins, so URL-like
 * claim names need no quoting).
 */
export type ClaimPath = readonly (string | number)[];

/** Thrown at configuration time for a path that does not parse. */
export class ClaimPathError extends Error {
  constructor(path: string, why: string) {
    super(`claim path '${path}': ${why}`);
    this.name = 'ClaimPathError';
  }
}

const IDENT = /^[^.[\]"]+/u;

/** Parses a claim path once, at configuration time. */
export function parseClaimPath(path: string): ClaimPath {
  if (path === '') throw new ClaimPathError(path, 'empty');
  const out: (string | number)[] = [];
  let rest = path;
  let first = true;
  while (rest !== '') {
    if (rest.startsWith('[')) {
      const idx = /^\[(\d{1,4})\]/u.exec(rest);
      const key = /^\["([^"\\]*)"\]/u.exec(rest);
      if (idx !== null) {
        out.push(Number(idx[1]));
        rest = rest.slice(idx[0].length);
      } else if (key !== null) {
        out.push(key[1] as string);
        rest = rest.slice(key[0].length);
      } else throw new ClaimPathError(path, 'expected [N] or ["key"]');
    } else {
      if (!first) {
        if (!rest.startsWith('.')) throw new ClaimPathError(path, 'expected "." or "["');
        rest = rest.slice(1);
      }
      const m = IDENT.exec(rest);
      if (m === null) throw new ClaimPathError(path, 'empty segment');
      out.push(m[0]);
      rest = rest.slice(m[0].length);
    }
    first = false;
  }
  return out;
}

/** Reads a claim; own properties only, so `__proto__` or `constructor` paths read nothing. */
export function readClaim(payload: unknown, path: string, parsed: ClaimPath): unknown {
  if (isRecord(payload) && Object.hasOwn(payload, path)) return payload[path];
  let cur: unknown = payload;
  for (const seg of parsed) {
    if (typeof seg === 'number') {
      if (!Array.isArray(cur) || seg >= cur.length) return undefined;
      cur = cur[seg];
    } else {
      if (!isRecord(cur) || !Object.hasOwn(cur, seg)) return undefined;
      cur = cur[seg];
    }
  }
  return cur;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
