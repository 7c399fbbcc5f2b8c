import type { RouteRule } from './config/types.js';

/** A compiled route path pattern. */
export type RouteMatcher = (path: string) => boolean;

const SEGMENT = /^[\w.~!$&'()+,=@-]+$/;

/**
 * Compiles a route pattern: literal segments, `:name` for exactly one segment, `*` as the last segment for any
 * rest (including none). Matching is on the proxy's normalised path, segment by segment (no regex on input).
 */
export function compileRoutePattern(pattern: string): RouteMatcher {
  if (!pattern.startsWith('/')) throw new Error('must start with /');
  const parts = pattern.split('/').slice(1);
  parts.forEach((p, i) => {
    if (p === '*' && i === parts.length - 1) return;
    if (p.startsWith(':') && /^:\w+$/.test(p)) return;
    if (p === '' && i === parts.length - 1) return;
    if (!SEGMENT.test(p)) throw new Error(`has an invalid segment '${p}'`);
  });
  const rest = parts.at(-1) === '*';
  const fixed = rest ? parts.slice(0, -1) : parts;
  return (path) => {
    const segs = path.split('/').slice(1);
    if (rest ? segs.length < fixed.length : segs.length !== fixed.length) return false;
    for (let i = 0; i < fixed.length; i++) {
      const p = fixed[i] as string;
      const s = segs[i] as string;
      if (p.startsWith(':') ? s === '' : p !== s) return false;
    }
    return true;
  };
}

export interface CompiledRoute {
  readonly rule: RouteRule;
  readonly index: number;
  readonly matches: RouteMatcher;
}

/** The first route rule matching method and normalised path, or undefined. */
export function createRouteTable(
  rules: readonly RouteRule[],
): (method: string, path: string) => CompiledRoute | undefined {
  const routes = rules.map((rule, index) => ({ rule, index, matches: compileRoutePattern(rule.path) }));
  return (method, path) =>
    routes.find((r) => (r.rule.methods.length === 0 || r.rule.methods.includes(method)) && r.matches(path));
}
