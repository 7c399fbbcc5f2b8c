import { LruCache, classifyField, pathTail, type FieldType, type Leaf, type Plan, type PlanStep } from '@kamen/core';
import { concreteNames } from './concrete-names.js';

/** Route rule fields: JSON path (`$.employees[*].name`), CSV header or XML path → type. */
export type RouteFields = Readonly<Record<string, FieldType>>;

/** A field type decided for a body, or null: the field's strings are scanned as free text. */
export type Decision = FieldType | null;

/** What a body's fields were decided as: plain data, sent with every batch to the pool's workers. */
export type Decisions = Record<string, Decision>;

/**
 * What a field's name, the route and the policy say, independent of any value: computed once per (plan, route,
 * field) and kept across responses. `steps` caches the step per decided type.
 */
interface FieldInfo {
  readonly key: string;
  /** The route rule's type for the field, or the policy's override entity (not FREE_TEXT), if any. */
  readonly fixed: FieldType | undefined;
  /** True when the route names the field itself: its type wins over a concrete path's. */
  readonly routed: boolean;
  /** One shared type + step per type the field is decided as (no allocation per leaf). */
  readonly resolved: Map<FieldType, Resolved>;
}

/** A leaf's type and the operator step it gets; both undefined: free text. */
export interface Resolved {
  readonly type: FieldType | undefined;
  readonly step: PlanStep | undefined;
}

const FREE: Resolved = Object.freeze({ type: undefined, step: undefined });

const NO_ROUTE: RouteFields = Object.freeze({});
/**
 * Fields per (plan, route) kept across responses: names, not values. Bounded (LruCache) because a hostile upstream
 * can invent field names without end; the fields a route really serves stay hot instead of being dropped all at once.
 */
const MAX_FIELDS = 4096;
/** Per (plan, route): JSON/XML/HTML fields, and CSV headers apart (a header `$.tel` is not the path `$.tel`). */
interface FieldInfos {
  readonly paths: LruCache<string, FieldInfo>;
  readonly headers: LruCache<string, FieldInfo>;
}
const infos = new WeakMap<Plan, WeakMap<RouteFields, FieldInfos>>();
/**
 * Route fields as a Map: looking a fresh path string (`$.employees[3].name`) up as an object property interns it,
 * a measurable cost per leaf; a Map only hashes it.
 */
const routeMaps = new WeakMap<RouteFields, ReadonlyMap<string, FieldType>>();

function infoCache(plan: Plan, route: RouteFields): FieldInfos {
  let byRoute = infos.get(plan);
  if (byRoute === undefined) infos.set(plan, (byRoute = new WeakMap()));
  let cache = byRoute.get(route);
  if (cache === undefined)
    byRoute.set(route, (cache = { paths: new LruCache(MAX_FIELDS), headers: new LruCache(MAX_FIELDS) }));
  return cache;
}

function routeMap(route: RouteFields): ReadonlyMap<string, FieldType> {
  let map = routeMaps.get(route);
  if (map === undefined) routeMaps.set(route, (map = new Map(Object.entries(route))));
  return map;
}

/**
 * classifyField on a field's first value, memoised: a page served again (the same first values) costs lookups,
 * not detection. The memo holds raw values as keys, so it is bounded (LruCache), holds short values
 * only, and lives in this module's closure: nothing logs or serialises it. classifyField depends on the name and
 * the value only (built-in dictionaries and rules), so a hit is exactly what a fresh call returns.
 */
const MAX_MEMO = 8192;
const MAX_MEMO_VALUE = 256;
const classified = new LruCache<string, Decision>(MAX_MEMO);

function classify(key: string, value: string): Decision {
  if (value.length > MAX_MEMO_VALUE) return classifyField(key, [value])?.type ?? null;
  const id = `${key.length}\u0000${key}${value}`;
  const hit = classified.get(id);
  if (hit !== undefined) return hit;
  const type = classifyField(key, value.trim() === '' ? [] : [value])?.type ?? null;
  classified.set(id, type);
  return type;
}

/** Decides the type of each leaf of one body, and the plan step a decided leaf gets. */
export interface FieldDecider {
  /** The leaf's type (undefined: free text). Keys, comments and plain-text lines are always free text. */
  typeOf(leaf: Leaf): FieldType | undefined;
  /** The leaf's type and its operator step (undefined: free-text detection), with one lookup of its field. */
  resolve(leaf: Leaf): Resolved;
  /** The decisions made so far, as plain data (to ship with a batch to a worker); only `fields`' if given. */
  decisions(fields?: Iterable<string>): Decisions;
}

/**
 * One body's field decisions. A field's type is, in order: the route rule's (by field, then by concrete path), a
 * policy field override, else classifyField on its name and first non-blank value in the body, decided once for
 * the whole body (`seed`: decisions the main thread made for a worker's batch). What depends only on names
 * (route, override, steps) is cached per plan and route across responses; what depends on a value is decided per
 * body, so every replica and every thread masks one body the same way.
 */
export function createFieldDecider(
  plan: Plan,
  route: RouteFields = NO_ROUTE,
  seed?: Readonly<Decisions>,
): FieldDecider {
  const caches = infoCache(plan, route);
  const routed = routeMap(route);
  const concrete = concreteNames(plan, route);
  // A Map, not an object: field strings are fresh per leaf, and a property lookup would intern each one.
  const decided = new Map<string, Decision>(seed !== undefined ? Object.entries(seed) : []);

  const infoOf = (leaf: Leaf): FieldInfo => {
    const field = leaf.field;
    const cache = leaf.kind === 'cell' ? caches.headers : caches.paths;
    let info = cache.get(field);
    if (info === undefined) {
      const key = pathTail(field, leaf.kind);
      const override = plan.forField([field, key], undefined);
      const route = routed.get(field);
      const fixed =
        route ??
        (override !== undefined && override.context.entity !== 'FREE_TEXT' ? override.context.entity : undefined);
      info = { key, fixed, routed: route !== undefined, resolved: new Map() };
      cache.set(field, info);
    }
    return info;
  };

  /** A type named for this one concrete path (`$.employees[3].name`), by the route or the policy. */
  const concreteType = (leaf: Leaf): FieldType | undefined => {
    const known = routed.get(leaf.path);
    if (known !== undefined) return known;
    const override = plan.forField([leaf.path], undefined);
    return override !== undefined && override.context.entity !== 'FREE_TEXT' ? override.context.entity : undefined;
  };

  const typeWith = (leaf: Leaf, info: FieldInfo): FieldType | undefined => {
    if (info.routed) return info.fixed;
    if (concrete && leaf.path !== leaf.field) {
      const concrete = concreteType(leaf);
      if (concrete !== undefined) return concrete;
    }
    if (info.fixed !== undefined) return info.fixed;
    const known = decided.get(leaf.field);
    if (known !== undefined) return known ?? undefined;
    const type = classify(info.key, leaf.value);
    if (leaf.value.trim() !== '') decided.set(leaf.field, type);
    return type ?? undefined;
  };

  const freeText = (leaf: Leaf): boolean => leaf.kind === 'key' || leaf.kind === 'comment' || leaf.path === '';

  return {
    decisions(fields) {
      if (fields === undefined) return Object.fromEntries(decided);
      const out: Decisions = {};
      for (const f of fields) {
        const d = decided.get(f);
        if (d !== undefined) out[f] = d;
      }
      return out;
    },
    typeOf: (leaf) => (freeText(leaf) ? undefined : typeWith(leaf, infoOf(leaf))),
    resolve(leaf) {
      if (freeText(leaf)) return FREE;
      const info = infoOf(leaf);
      const type = typeWith(leaf, info);
      if (type === undefined) return FREE;
      if (concrete && leaf.path !== leaf.field) {
        const concrete = plan.forField([leaf.path], type);
        if (concrete !== undefined) return { type, step: concrete };
      }
      let r = info.resolved.get(type);
      if (r === undefined) {
        const step =
          plan.forField([leaf.field, info.key], type) ?? (type !== 'FREE_TEXT' ? plan.forType(type) : undefined);
        info.resolved.set(type, (r = { type, step }));
      }
      return r;
    },
  };
}
