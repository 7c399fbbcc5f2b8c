/**
 * The piscina worker of the masking proxy (built to dist/mask/worker.js). workerData is the runtime's PlanSetup
 * (policies and key material, never in a task message): each task names its role and tenant, and the worker
 * compiles that plan once. A task is a batch of one body's records packed by core's packRecords with the
 * decisions the main thread made for the body's fields, so a batch masks exactly as it would have inline. The
 * result is the batch's masked UTF-8 bytes, moved (not copied) back, with the counts of what was masked. Any
 * error rejects the task, and the proxy fails the response (FC-01, FC-04).
 */
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import {
  applyTransform,
  encodeRecords,
  liftJsonNumbers,
  LruCache,
  lowerJsonNumbers,
  maskText,
  unpackRecords,
  type KeyRing,
  type Plan,
} from '@kamen/core';
import { compilePlanFor, keyRingOf, type PlanSetup } from '../policy-set.js';
import type { Decisions, RouteFields } from './field-decider.js';
import { createFieldDecider } from './field-decider.js';
import { createLeafMasker } from './leaf-masker.js';
import type { MaskTask, MaskTaskResult } from './mask-task.js';

const setup = workerData as PlanSetup;
const keys: KeyRing = keyRingOf(setup.key);
// Bounded like the main thread's plan cache: many tenants must not grow a worker without limit.
const plans = new LruCache<string, Plan>(256);
const routes = new LruCache<string, RouteFields>(256);
const encoder = new TextEncoder();

function cached<T>(cache: LruCache<string, T>, id: string, make: () => T): T {
  let value = cache.get(id);
  if (value === undefined) cache.set(id, (value = make()));
  return value;
}

// Load the rules and name dictionaries now, not in the first task (the pool reports ready after this).
const first = setup.policies.keys().next().value;
if (first !== undefined)
  maskText('山田太郎 090-1234-5678 taro@example.com', compilePlanFor(setup, keys, first, undefined));

export default function maskTask(task: MaskTask | 'ready'): unknown {
  if (task === 'ready') return true;
  const plan = cached(plans, `${task.role}\u0000${task.tenant ?? ''}`, () =>
    compilePlanFor(setup, keys, task.role, task.tenant),
  );
  // One object per distinct route: the decider caches what names decide per (plan, route object).
  const fields = cached(routes, task.fieldsId, () => task.fields);
  const units = unpackRecords(task.packed);
  const lifted = task.jsonNumbers ? liftJsonNumbers(units) : undefined;
  const counts = new Map<string, number>();
  const decider = createFieldDecider(plan, fields, task.decisions as Decisions);
  applyTransform(units, createLeafMasker(plan, { fields, counts, decider }));
  if (lifted !== undefined) lowerJsonNumbers(units, lifted);
  const bytes = encoder.encode(encodeRecords(task.spec, units)); // its own buffer: safe to move
  const result: MaskTaskResult = { bytes, counts: [...counts] };
  return move({ [transferableSymbol]: bytes.buffer, [valueSymbol]: result } as never);
}
