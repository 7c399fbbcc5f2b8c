import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, parsePolicy, type Leaf, type Plan } from '@kamen/core';
import { notePolicyFields } from '../../packages/proxy/src/mask/concrete-names.js';
import {
  createFieldDecider,
  type FieldDecider,
  type RouteFields,
} from '../../packages/proxy/src/mask/field-decider.js';
import { testKeyRing } from '../helpers/test-keyring.js';

// A policy that names fields by their last name only, with types no classifier would give them.
const plan = compilePolicy(
  parsePolicy(
    'name: t\nmostRestrictive: r\ndefault: { operator: redact }\nroles:\n  r:\n    fields:\n' +
      '      tel: { operator: redact, entity: EMAIL }\n      "氏 名": { operator: redact, entity: PHONE }\n',
  ),
  'r',
  { keys: testKeyRing() },
);

const leaf = (field: string, kind: Leaf['kind'], value = 'x'): Leaf => ({ path: field, field, kind, value, record: 0 });

describe('field decider: what a policy names by last name', () => {
  it('types JSON and XML leaves by their last name (core pathTail)', () => {
    const d = createFieldDecider(plan);
    expect(d.typeOf(leaf('$.rows[*].tel', 'value'))).toBe('EMAIL');
    expect(d.typeOf(leaf('/doc/person/@tel', 'attribute'))).toBe('EMAIL');
    // leafKey returned this path whole (a quoted key followed by an index), so the policy's `氏 名` was missed.
    expect(d.typeOf(leaf('$.rows[*]["氏 名"][*]', 'value'))).toBe('PHONE');
  });

  it('reads a CSV header whole, even one spelled like a path, apart from the JSON path it resembles', () => {
    const d = createFieldDecider(plan);
    expect(d.typeOf(leaf('$.tel', 'value'))).toBe('EMAIL');
    // The same string as a CSV header is one name, `$.tel`, which the policy does not name
    // (classifyField may still read `tel` in it: that is the name classifier's call, not a policy override).
    const header = leaf('$.tel', 'cell', 'plain words');
    expect(d.typeOf(header)).not.toBe('EMAIL');
    expect(createFieldDecider(plan).typeOf(leaf('/x/tel', 'cell', 'plain words'))).not.toBe('EMAIL');
  });
});

describe('field decider: resolve', () => {
  const concrete = compilePolicy(
    parsePolicy(
      'name: t\nmostRestrictive: r\ndefault: { operator: redact }\nroles:\n  r:\n    fields:\n' +
        '      tel: { operator: redact, entity: EMAIL }\n      "$.rows[1].tel": { operator: keep }\n',
    ),
    'r',
    { keys: testKeyRing() },
  );
  const at = (i: number): Leaf => ({
    path: `$.rows[${i}].tel`,
    field: '$.rows[*].tel',
    kind: 'value',
    value: 'x',
    record: i,
  });

  it('gives the type and the step of a field, one shared answer for all its leaves, free text for keys', () => {
    const d = createFieldDecider(concrete);
    const first = d.resolve(at(0));
    expect(first.type).toBe('EMAIL');
    expect(first.step?.operator.name).toBe('redact');
    expect(d.resolve(at(2))).toBe(first);
    expect(d.resolve({ ...at(0), kind: 'key' })).toEqual({ type: undefined, step: undefined });
  });

  it('lets a policy entry for one concrete path win over the entry for the field', () => {
    const d = createFieldDecider(concrete);
    expect(d.resolve(at(1)).step?.operator.name).toBe('keep');
    expect(d.resolve(at(3)).step?.operator.name).toBe('redact');
  });
});

describe('field decider: plans whose policy names no concrete index skip concrete-path lookups', () => {
  const policyText =
    'name: t\nmostRestrictive: r\ndefault: { operator: redact }\nroles:\n  r:\n    fields:\n' +
    '      tel: { operator: mask, entity: PHONE }\n      "$.rows[*].memo": { operator: keep }\n';
  const compiled = (text: string, note: boolean): Plan => {
    const policy = parsePolicy(text);
    const plan = compilePolicy(policy, 'r', { keys: testKeyRing() });
    if (note) notePolicyFields(plan, policy);
    return plan;
  };
  const describeResolved = (d: FieldDecider, l: Leaf): unknown => {
    const r = d.resolve(l);
    return [r.type, r.step?.operator.name, r.step?.context.entity];
  };

  it('resolves every leaf as an unregistered plan of the same policy does, with or without route fields', () => {
    const field = fc.constantFrom('$.rows[*].tel', '$.rows[*].memo', '$.rows[*].氏名', '$.rows[*].x[*]', '$.n');
    const leafArb = fc.record({
      field,
      index: fc.nat({ max: 4 }),
      kind: fc.constantFrom<Leaf['kind']>('value', 'key'),
      value: fc.constantFrom('山田 太郎', '090-1234-5678', 'x', ''),
    });
    const routes: (RouteFields | undefined)[] = [
      undefined,
      { '$.rows[2].memo': 'PERSON_NAME' },
      { '$.rows[*].x[*]': 'EMAIL' },
    ];
    fc.assert(
      fc.property(fc.array(leafArb, { maxLength: 20 }), fc.constantFrom(...routes), (raw, route) => {
        const fast = createFieldDecider(compiled(policyText, true), route);
        const slow = createFieldDecider(compiled(policyText, false), route);
        for (const r of raw) {
          const path = r.field.replace('[*]', `[${r.index}]`);
          const l: Leaf = { path, field: r.field, kind: r.kind, value: r.value, record: 0 };
          expect(describeResolved(fast, l)).toEqual(describeResolved(slow, l));
        }
      }),
    );
  });

  it('still applies a concrete-path entry of a registered policy, and a route’s', () => {
    const withIndex = policyText + '      "$.rows[1].tel": { operator: keep }\n';
    const d = createFieldDecider(compiled(withIndex, true));
    const tel = (i: number): Leaf => ({
      path: `$.rows[${i}].tel`,
      field: '$.rows[*].tel',
      kind: 'value',
      value: 'x',
      record: i,
    });
    expect(d.resolve(tel(1)).step?.operator.name).toBe('keep');
    expect(d.resolve(tel(0)).step?.operator.name).toBe('mask');
    const routed = createFieldDecider(compiled(policyText, true), { '$.rows[1].tel': 'EMAIL' });
    expect(routed.resolve(tel(1)).type).toBe('EMAIL');
    expect(routed.resolve(tel(0)).type).toBe('PHONE');
  });
});
