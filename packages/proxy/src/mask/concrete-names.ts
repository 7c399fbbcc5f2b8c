import type { Plan, Policy } from '@kamen/core';
import type { RouteFields } from './field-decider.js';

/** A name with an array index in it (`$.rows[3].memo`; also a quoted key like `$["a[1]"]`: a false alarm is safe). */
const CONCRETE = /\[\d/;
/**
 * Plans whose policy names no field by a concrete array index, in any role or tenant: for them a leaf's concrete
 * path (`$.employees[3].name`, a fresh string per leaf) cannot match an override, and looking it up is skipped.
 * Registered where the proxy compiles plans (policy-set.ts, main thread and workers); any other plan is looked up
 * as before.
 */
const withoutConcreteNames = new WeakSet<Plan>();

/** Notes whether `policy`, which `plan` was compiled from, names any field by a concrete array index. */
export function notePolicyFields(plan: Plan, policy: Policy): void {
  const parts = [...Object.values(policy.roles), ...Object.values(policy.tenants ?? {})];
  if (!parts.some((p) => Object.keys(p.fields ?? {}).some((name) => CONCRETE.test(name))))
    withoutConcreteNames.add(plan);
}

const routeConcrete = new WeakMap<RouteFields, boolean>();
/** True when concrete paths must be looked up for leaves of this plan and route. */
export function concreteNames(plan: Plan, route: RouteFields): boolean {
  if (!withoutConcreteNames.has(plan)) return true;
  let named = routeConcrete.get(route);
  if (named === undefined) routeConcrete.set(route, (named = Object.keys(route).some((k) => CONCRETE.test(k))));
  return named;
}
