import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathTail } from '@kamen/core';
import { createRevealMatcher, type GrantScope, type RevealLeaf } from '@kamen/proxy';

const scope = (o: Partial<GrantScope> = {}): GrantScope => ({
  jti: 'j',
  kid: 'k1',
  subject: 'eng-7',
  route: 'GET /api/employees/*',
  records: ['E-1001'],
  recordKey: '社員番号',
  fields: ['phone', '$.employees[*].email'],
  entities: [],
  reason: 'r',
  ticket: 'T-1',
  issuedAt: new Date(0),
  expiresAt: new Date(1),
  use: 1,
  uses: 1,
  ...o,
});
const rec = (i: number, id: string): RevealLeaf[] =>
  ['社員番号', 'name', 'phone', 'email'].map((k) => ({
    path: `$.employees[${i}]["${k}"]`.replace(`["${k}"]`, /^\w+$/.test(k) ? `.${k}` : `["${k}"]`),
    field: /^\w+$/.test(k) ? `$.employees[*].${k}` : `$.employees[*]["${k}"]`,
    value: k === '社員番号' ? id : `${k}-${i}`,
  }));

describe('createRevealMatcher', () => {
  it('reveals exactly the granted fields of exactly the granted records', () => {
    const m = createRevealMatcher(scope());
    expect(m.forRecord(rec(0, 'E-0999'))).toBeUndefined();
    const leaves = rec(1, 'E-1001');
    const reveal = m.forRecord(leaves);
    expect(reveal).toBeDefined();
    expect(leaves.filter((l) => reveal?.(l, undefined)).map((l) => pathTail(l.field))).toEqual(['phone', 'email']);
    expect([...m.revealedRecords]).toEqual(['E-1001']);
    expect(m.revealedValues).toBe(2);
  });

  it('matches records by exact id only, and refuses records with two different ids', () => {
    const m = createRevealMatcher(scope());
    expect(m.forRecord(rec(0, 'e-1001'))).toBeUndefined();
    expect(m.forRecord(rec(0, 'E-1001 '))).toBeUndefined();
    expect(m.forRecord([...rec(0, 'E-1001'), ...rec(1, 'E-2000')])).toBeUndefined();
    expect(m.forRecord(rec(0, 'E-1001').filter((l) => !l.field.includes('社員番号')))).toBeUndefined();
  });

  it('object keys and CSV headers are names: never an id, never revealed', () => {
    const m = createRevealMatcher(scope());
    const withKeys: RevealLeaf[] = rec(0, 'E-1001').flatMap((l) => [
      { ...l, value: pathTail(l.field), kind: 'key' },
      l,
    ]);
    const reveal = m.forRecord(withKeys);
    expect(withKeys.filter((l) => reveal?.(l, undefined)).map((l) => l.value)).toEqual(['phone-0', 'email-0']);
    const header = ['社員番号', 'phone'].map((h) => ({ path: h, field: h, value: h, kind: 'key' as const }));
    expect(createRevealMatcher(scope({ records: ['社員番号'] })).forRecord(header)).toBeUndefined();
  });

  it('reveals by entity type, and in every record for all-record grants', () => {
    const m = createRevealMatcher(scope({ records: 'all', fields: [], entities: ['PHONE'] }));
    const reveal = m.forRecord(rec(3, 'E-5'));
    const leaves = rec(3, 'E-5');
    expect(leaves.map((l) => reveal?.(l, pathTail(l.field) === 'phone' ? 'PHONE' : 'PERSON_NAME'))).toEqual([
      false,
      false,
      true,
      false,
    ]);
  });

  it('property: a record whose id is not granted never reveals a leaf', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 5 }), fc.string(), (granted, id) => {
        const records = granted.length === 0 ? ['x'] : granted;
        fc.pre(!records.includes(id));
        const m = createRevealMatcher(scope({ records, entities: ['PHONE'] }));
        expect(m.forRecord(rec(0, id))).toBeUndefined();
      }),
    );
  });

  it('a granted name matches the last name of JSON and XML paths, and CSV headers whole', () => {
    const leaf = (field: string, kind: RevealLeaf['kind'], value = 'v'): RevealLeaf => ({
      path: field,
      field,
      kind,
      value,
    });
    const m = createRevealMatcher(scope({ records: 'all', fields: ['b', '氏 名', 'id', 'list', 'b.c'] }));
    const reveal = m.forRecord([]);
    const hits = (leaves: RevealLeaf[]) => leaves.filter((l) => reveal?.(l, undefined)).map((l) => l.field);
    expect(
      hits([
        leaf('$.a[0].b', 'value'),
        leaf('$.a[*]["氏 名"][0]', 'value'),
        leaf('/staff/person/@id', 'attribute'),
        leaf('$.list[2][3]', 'value'),
        leaf('/doc/b.c', 'text'),
      ]),
    ).toEqual(['$.a[0].b', '$.a[*]["氏 名"][0]', '/staff/person/@id', '$.list[2][3]', '/doc/b.c']);
    // Before pathTail these matched by a suffix the data does not name: `b` revealed column `a.b`, `id` column
    // `@id`, `氏名` column `氏名[カナ]`, `a` the values of `$.a[*]["氏 名"][0]`, `c` the element `/doc/b.c`.
    const narrower = createRevealMatcher(scope({ records: 'all', fields: ['b', 'id', '氏名', 'a', 'c', 'tel'] }));
    const none = narrower.forRecord([]);
    const leaves = [
      leaf('a.b', 'cell'),
      leaf('@id', 'cell'),
      leaf('氏名[カナ]', 'cell'),
      leaf('/x/tel', 'cell'),
      leaf('$.a[*]["氏 名"][0]', 'value'),
      leaf('/doc/b.c', 'text'),
    ];
    expect(leaves.filter((l) => none?.(l, undefined))).toEqual([]);
  });

  it('a CSV id column is found by its whole header, never by a suffix of it', () => {
    const row = (header: string): RevealLeaf[] => [
      { path: header, field: header, kind: 'cell', value: 'E-1' },
      { path: 'phone', field: 'phone', kind: 'cell', value: '090' },
    ];
    expect(createRevealMatcher(scope({ recordKey: 'id', records: ['E-1'] })).forRecord(row('emp.id'))).toBeUndefined();
    expect(
      createRevealMatcher(scope({ recordKey: 'emp.id', records: ['E-1'] })).forRecord(row('emp.id')),
    ).toBeDefined();
  });
});
