import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathTail, type LeafKind } from '@kamen/core';

/**
 * pathTail replaced three helpers: proxy leafKey (masking), grants lastName (reveal) and the CLI's bare key in
 * fieldCandidates. `old` is what they returned (leafKey | lastName | CLI) where they disagreed or were wrong.
 */
const TABLE: readonly (readonly [path: string, kind: LeafKind | undefined, tail: string, old?: string])[] = [
  ['$.name', undefined, 'name'],
  ['$.employees[*].name', undefined, 'name'],
  ['$.employees[3].name', 'value', 'name'],
  ['$.a[*].b[*]', undefined, 'b'],
  ['$.a.b[0][1]', undefined, 'b', 'b | b | b[0][1]'],
  ['$.list[2][3]', 'value', 'list', 'list | list | list[2][3]'],
  ['$["氏 名"]', 'value', '氏 名', '氏 名 | 氏 名 | $["氏 名"]'],
  ['$.a["氏 名"]', undefined, '氏 名', '氏 名 | 氏 名 | a["氏 名"]'],
  ['$.a[*]["氏 名"][0]', undefined, '氏 名', 'the path | a | a["氏 名"][0]'],
  ['$["a.b"]', undefined, 'a.b', 'a.b | a.b | b"]'],
  ['$.x["a/b"]', undefined, 'a/b', 'a/b | a/b | b"]'],
  ['$["a[0]"]', undefined, 'a[0]', 'a[0] | a[0] | $["a[0]"]'],
  ['$["q\\"]"]', undefined, 'q"]'],
  ['$["x\\"]"].y', undefined, 'y'],
  ['$.a["b"].c', undefined, 'c'],
  ['$.$x', undefined, '$x'],
  ['$._a1', undefined, '_a1'],
  ['$[*].tel', undefined, 'tel'],
  ['$', undefined, ''],
  ['$[0]', 'value', '', '$[0] | $ | $[0]'],
  ['$[*]', undefined, '', '$[*] | $ | $'],
  ['$["bad\\x"]', undefined, '$["bad\\x"]'],
  ['/a/b', 'text', 'b'],
  ['/a/@id', 'attribute', 'id'],
  ['/root/emp/tel', undefined, 'tel'],
  ['/a/b.c', 'text', 'b.c', 'b.c | c | c'],
  ['/a/hr:Name', undefined, 'hr:Name'],
  ['/a/@hr:id', undefined, 'hr:id'],
  ['/', 'text', '', ' |  | /'],
  ['@alt', 'attribute', 'alt', '@alt | alt | alt'],
  // CSV headers: the whole string, whatever it contains.
  ['tel', 'cell', 'tel'],
  ['a.b', 'cell', 'a.b', 'a.b | b | b'],
  ['a/b', 'cell', 'a/b', 'a/b | b | b'],
  ['a.b/c', 'cell', 'a.b/c', 'a.b/c | c | c'],
  ['a..b', 'cell', 'a..b', 'a..b | b | b'],
  ['a.', 'cell', 'a.', 'a. | | a.'],
  ['ｅｍａｉｌ.address', 'cell', 'ｅｍａｉｌ.address', 'whole | address | address'],
  ['氏名[カナ]', 'cell', '氏名[カナ]', '氏名[カナ] | 氏名 | 氏名[カナ]'],
  ['a[0]', 'cell', 'a[0]', 'a[0] | a | a[0]'],
  ['[0]', 'cell', '[0]', '[0] | | [0]'],
  ['"x"', 'cell', '"x"'],
  ['["x"]', 'cell', '["x"]', 'x | x | x'],
  ['x"]', 'cell', 'x"]'],
  ['#3', 'cell', '#3'],
  ['$amount', 'cell', '$amount'],
  ['$amount', undefined, '$amount'],
  ['$.tel', 'cell', '$.tel', 'tel | tel | tel'],
  ['/tel', 'cell', '/tel', 'tel | tel | tel'],
  ['@id', 'cell', '@id', '@id | id | id'],
  ['a.b', undefined, 'a.b', 'a.b | b | b'],
  ['id', 'text', 'id'],
  ['', undefined, ''],
];

/** A member segment exactly as core's JSON tokenizer writes it. */
const segment = (key: string): string => (/^[A-Z_$][\w$]*$/i.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);
const indices = fc.array(
  fc.oneof(
    fc.nat().map((n) => `[${n}]`),
    fc.constant('[*]'),
  ),
  { maxLength: 3 },
);

describe('pathTail', () => {
  it.each(TABLE.map(([path, kind, tail]) => ({ path, kind, tail })))(
    '$path ($kind) → $tail',
    ({ path, kind, tail }) => {
      expect(pathTail(path, kind)).toBe(tail);
    },
  );

  it('reads the last member of any tokenizer-written JSON path, whatever the key contains', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 3 }), fc.string(), indices, (parents, key, tail) => {
        const path = `$${parents.map(segment).join('')}${segment(key)}${tail.join('')}`;
        expect(pathTail(path, 'value')).toBe(key);
      }),
    );
  });

  it('returns a CSV header whole', () => {
    fc.assert(
      fc.property(fc.string(), (header) => {
        expect(pathTail(header, 'cell')).toBe(header);
      }),
    );
  });

  it('reads the last XML step, attribute or element', () => {
    const name = fc
      .tuple(fc.constantFrom('a', 'Z', '_'), fc.stringMatching(/^[\w.:-]{0,8}$/))
      .map(([first, rest]) => first + rest);
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 4 }), fc.boolean(), (steps, attr) => {
        const last = steps[steps.length - 1] as string;
        const path = `/${steps.slice(0, -1).join('/')}${steps.length > 1 ? '/' : ''}${attr ? '@' : ''}${last}`;
        expect(pathTail(path, attr ? 'attribute' : 'text')).toBe(last);
      }),
    );
  });
});
