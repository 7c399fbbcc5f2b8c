import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_POLICIES,
  ENTITY_TYPES,
  FIELD_ONLY_TYPES,
  compilePolicy,
  loadPolicy,
  parsePolicy,
  suggestPolicy,
  type FieldProfile,
  type FieldType,
  type Profile,
} from '@kamen/core';
import { testKeyRing } from '../../helpers/test-keyring.js';

const TYPES: readonly FieldType[] = [...ENTITY_TYPES, ...FIELD_ONLY_TYPES];
// Names that are YAML syntax, JavaScript object internals or empty: each must come back as the same key.
const TRICKY = ['__proto__', 'constructor', '', ' ', 'a: b', '- x', '#c', '"q"', "'", 'x\ny', '?', '!t', '&a', '*a'];

const fieldArb = (name: string): fc.Arbitrary<FieldProfile> =>
  fc
    .record({
      type: fc.option(fc.constantFrom(...TYPES), { nil: undefined }),
      confidence: fc.double({ min: 0, max: 1, noNaN: true }),
      values: fc.nat(1000),
    })
    .map(({ type, confidence, values }) => ({
      field: name,
      kinds: ['cell'],
      values,
      empty: 0,
      classification:
        type === undefined
          ? null
          : { type, confidence: Math.round(confidence * 100) / 100, sensitive: false, source: 'name' },
      entities: [],
      valuesWithFindings: 0,
      piiValues: type === undefined ? 0 : values,
      piiShare: type === undefined || values === 0 ? 0 : 1,
      examples: [],
    }));

const profileArb: fc.Arbitrary<Profile> = fc
  .uniqueArray(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom(...TRICKY)), { maxLength: 12 })
  .chain((names) => fc.tuple(...names.map(fieldArb)))
  .map((fields) => ({
    records: 10,
    fields,
    totals: {},
    overflow: { fields: 0, values: 0 },
    examplesMaskedWith: { policy: 'support', role: 'support' },
  }));

describe('suggestPolicy', () => {
  it('writes a valid policy naming every confidently classified field in every role, with its type', () => {
    fc.assert(
      fc.property(profileArb, fc.constantFrom(...BUILTIN_POLICIES), (profile, baseName) => {
        const base = loadPolicy(baseName);
        const policy = parsePolicy(suggestPolicy(profile, { base: baseName }), 'suggested.yaml');
        expect(policy.name).toBe(`${baseName}-suggested`);
        expect(Object.keys(policy.roles)).toEqual(Object.keys(base.roles));
        for (const [roleName, role] of Object.entries(policy.roles)) {
          const baseRole = base.roles[roleName];
          const plan = compilePolicy(policy, roleName, { keys: testKeyRing() });
          for (const f of profile.fields) {
            const c = f.classification;
            const named = c !== null && c.type !== 'FREE_TEXT' && c.confidence >= 0.5;
            const override = Object.hasOwn(role.fields ?? {}, f.field) ? role.fields?.[f.field] : undefined;
            if (!named) {
              expect(override).toBeUndefined();
              continue;
            }
            const expected = baseRole?.entities?.[c.type] ?? baseRole?.default ?? base.default;
            expect(override).toEqual({ ...expected, entity: c.type });
            expect(plan.forField([f.field], undefined)?.context.entity).toBe(c.type);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('explains each field in a comment and lists free-text fields', () => {
    const [phone, notes] = [fieldArb('電話番号'), fieldArb('備考')].map(
      (a) => fc.sample(a, { numRuns: 1, seed: 3 })[0]!,
    );
    const profile: Profile = {
      records: 3,
      fields: [
        {
          ...phone!,
          values: 3,
          piiShare: 1,
          classification: { type: 'PHONE', confidence: 0.99, sensitive: false, source: 'name' },
        },
        { ...notes!, classification: { type: 'FREE_TEXT', confidence: 0.9, sensitive: false, source: 'name' } },
      ],
      totals: {},
      overflow: { fields: 0, values: 0 },
      examplesMaskedWith: { policy: 'support', role: 'support' },
    };
    const text = suggestPolicy(profile, { name: 'hr-support' });
    expect(text).toContain('# PHONE: confidence 0.99, 100% of 3 values');
    expect(text).toContain('# Free-text fields (detection): 備考');
    expect(text).toContain('電話番号: { operator: mask, entity: PHONE }');
    expect(parsePolicy(text).name).toBe('hr-support');
  });

  it('leaves out a field whose name held PII, and keeps the base policy override for a field', () => {
    const base = { ...loadPolicy('support') };
    const withOverride = {
      ...base,
      roles: { ...base.roles, support: { ...base.roles.support, fields: { 氏名: { operator: 'redact' } } } },
    };
    const field = (name: string, extra: Partial<FieldProfile> = {}): FieldProfile => ({
      field: name,
      kinds: ['value'],
      values: 1,
      empty: 0,
      classification: { type: 'PERSON_NAME', confidence: 0.9, sensitive: false, source: 'name' },
      entities: [],
      valuesWithFindings: 0,
      piiValues: 1,
      piiShare: 1,
      examples: [],
      ...extra,
    });
    const profile: Profile = {
      records: 1,
      fields: [field('氏名'), field('$["k.****@example.com"]', { nameMasked: true })],
      totals: {},
      overflow: { fields: 0, values: 0 },
      examplesMaskedWith: { policy: 'support', role: 'support' },
    };
    const policy = parsePolicy(suggestPolicy(profile, { base: withOverride }));
    expect(policy.roles.support?.fields).toEqual({ 氏名: { operator: 'redact' } });
    expect(policy.roles.restricted?.fields).toEqual({ 氏名: { operator: 'redact', entity: 'PERSON_NAME' } });
  });
});
