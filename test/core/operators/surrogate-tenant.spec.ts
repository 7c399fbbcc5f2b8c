import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKeyRing, getNameDictionary, surrogateOperator, type FieldType, type KeyRing } from '@kamen/core';
import { jpPhoneArb } from '../../helpers/jp-phone-arb.js';

const master = new Uint8Array(32).fill(7);
const fresh = (): KeyRing => createKeyRing([{ id: 'c1', key: master }]);
const cfg = surrogateOperator.validate({}, 'PERSON_NAME');

const run = (
  keys: KeyRing,
  tenant: string | undefined,
  entity: FieldType,
  value: string,
  related?: Partial<Record<FieldType, string>>,
): string =>
  surrogateOperator.apply(value, cfg, {
    entity,
    keys,
    ...(tenant === undefined ? {} : { tenant }),
    ...(related === undefined ? {} : { related }),
  });

const dict = getNameDictionary();
const two = (list: readonly { kanji: string; kana: string }[]) =>
  list.filter((e) => /^[\u4e00-\u9fff]{2}$/u.test(e.kanji)).slice(0, 200);
const surnames = two(dict.surnames);
const givens = two(dict.givenNames);
const nameArb = fc
  .tuple(fc.constantFrom(...surnames), fc.constantFrom(...givens))
  .map(([s, g]) => ({ kanji: `${s.kanji} ${g.kanji}`, kana: `${s.kana} ${g.kana}` }));
const tenantArb = fc.option(fc.oneof(fc.constantFrom('', 'acme', 'globex', 'a\u0000b'), fc.string()), {
  nil: undefined,
});

/** One synthetic person's surrogates: name, phone and e-mail together, so a chance collision of one is irrelevant. */
const record = (keys: KeyRing, tenant: string | undefined, name: string, phone: string): string =>
  [
    run(keys, tenant, 'PERSON_NAME', name),
    run(keys, tenant, 'PHONE', phone),
    run(keys, tenant, 'EMAIL', 'taro.test@example.com', { PERSON_NAME: name }),
  ].join('|');

describe('surrogate: tenants on one master key', () => {
  it('property: the same person in two tenants gets different surrogates', () => {
    fc.assert(
      fc.property(nameArb, jpPhoneArb, tenantArb, tenantArb, (name, phone, a, b) => {
        fc.pre(a !== b);
        const keys = fresh();
        expect(record(keys, a, name.kanji, phone)).not.toBe(record(keys, b, name.kanji, phone));
      }),
      { numRuns: 150 },
    );
  });

  it('property: the same tenant gets the same surrogates on fresh rings and on a ring shared with other tenants', () => {
    const shared = fresh();
    fc.assert(
      fc.property(nameArb, jpPhoneArb, tenantArb, tenantArb, (name, phone, t, other) => {
        const expected = record(fresh(), t, name.kanji, phone);
        expect(record(fresh(), t, name.kanji, phone)).toBe(expected);
        record(shared, other, name.kanji, phone); // fills the shared ring's cache with another tenant first
        expect(record(shared, t, name.kanji, phone)).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('property: within a record of one tenant, the surrogate フリガナ is the reading of the surrogate 氏名', () => {
    const surnameKana = new Map(dict.surnames.map((e) => [e.kanji, e.kana]));
    const givenKana = new Map(dict.givenNames.map((e) => [e.kanji, e.kana]));
    fc.assert(
      fc.property(nameArb, tenantArb, (name, tenant) => {
        const keys = fresh();
        const kanji = run(keys, tenant, 'PERSON_NAME', name.kanji);
        const [s, g] = kanji.split(' ') as [string, string];
        const reading = `${surnameKana.get(s)} ${givenKana.get(g)}`;
        expect(run(keys, tenant, 'NAME_KANA', name.kana, { PERSON_NAME: name.kanji })).toBe(reading);
      }),
      { numRuns: 100 },
    );
  });

  it("derives the no-tenant key as before (purpose 'surrogate') and a tenant's key from a purpose of its own", () => {
    const asked: string[] = [];
    const inner = fresh();
    const recording: KeyRing = {
      primaryId: inner.primaryId,
      ids: inner.ids,
      subkey: (purpose, kid) => {
        asked.push(`${purpose}@${kid ?? ''}`);
        return inner.subkey(purpose, kid);
      },
    };
    run(recording, undefined, 'PHONE', '090-1234-5678');
    run(recording, 'acme', 'PHONE', '090-1234-5678');
    run(recording, '', 'PHONE', '090-1234-5678');
    run(recording, 'acme', 'PHONE', '03-1234-5678'); // cached: no second derivation
    expect(asked).toEqual(['surrogate@c1', 'surrogate\u0000tenant:acme@c1', 'surrogate\u0000tenant:@c1']);
  });
});
