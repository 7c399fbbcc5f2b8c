import { fileURLToPath } from 'node:url';
import type { LeafKind } from './formats/types.js';

// This file sits at packages/core/{src,dist}/paths.*, and its code in the bundle at packages/core/dist/kamen-core.js
// (scripts/bundle-core.mjs): three levels below the repository root every way.
const ROOT = new URL('../../../', import.meta.url);

/** The built-in rules folder (rules/ at the repository root). */
export const RULES_DIR: string = fileURLToPath(new URL('rules/', ROOT));
/** What the build precomputes from rules/ (packages/core/dist/startup-cache/; the src tree used by tests reads it too). */
export const STARTUP_CACHE_DIR: string = fileURLToPath(new URL('packages/core/dist/startup-cache/', ROOT));
/** Dictionaries and other rule data (rules/data/). */
export const RULES_DATA_DIR: string = fileURLToPath(new URL('rules/data/', ROOT));

/** One JSON path segment as the tokenizer writes it: `.name`, `["any key"]`, `[3]`, and `[*]` in fields. */
const JSON_SEGMENT = /\.([A-Z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\]|\[(?:\d+|\*)\]/iy;

/**
 * The last name of a leaf's path or field: what a policy override, a route rule or a grant may name instead of
 * the whole path, and what the proxy classifies a field by.
 * - JSON (`$` then `.name`, `["key"]`, `[3]`, `[*]`): the last member name, with the indices after it dropped:
 *   `$.a[*].b` → `b`, `$.a["氏 名"]` → `氏 名`, `$["a.b"]` → `a.b`, `$.list[2][3]` → `list`. A root array element
 *   (`$[0]`) names nothing: `''`. A string after `$` that is not such a path (a header `$amount`) is returned whole.
 * - XML (`/a/b`, `/a/@id`) and HTML attributes (`@alt`): the last step after `/`, without `@`: `b`, `id`, `alt`.
 *   Names keep their dots and prefixes (`/a/b.c` → `b.c`, `/a/hr:Name` → `hr:Name`); `/` names nothing: `''`.
 * - Anything else (a CSV header, SSE `id`): the whole string. With `kind` `'cell'` (a CSV cell) the header is
 *   returned whole even when it reads like a path (`$.tel`, `/a/b`, `@id`); `a.b`, `a/b`, `氏名[カナ]` are whole anyway.
 * Linear in the path's length (a sticky regex, no backtracking across segments).
 * @public
 */
export function pathTail(path: string, kind?: LeafKind): string {
  if (kind === 'cell') return path;
  const c = path.charCodeAt(0);
  if (c === 0x24 /* $ */) return jsonTail(path) ?? path;
  if (c === 0x2f /* / */ || c === 0x40 /* @ */) {
    const last = path.slice(path.lastIndexOf('/') + 1);
    return last.startsWith('@') ? last.slice(1) : last;
  }
  return path;
}

/** The last member name of a JSON path (`''` when it names none), or undefined when `path` is not one. */
function jsonTail(path: string): string | undefined {
  let name = '';
  JSON_SEGMENT.lastIndex = 1;
  while (JSON_SEGMENT.lastIndex < path.length) {
    const m = JSON_SEGMENT.exec(path);
    if (m === null) return undefined;
    if (m[1] !== undefined) name = m[1];
    else if (m[2] !== undefined) {
      try {
        name = JSON.parse(m[2]) as string;
      } catch {
        return undefined; // an escape JSON does not know (`\x`): not a path the tokenizer wrote
      }
    }
  }
  return name;
}
