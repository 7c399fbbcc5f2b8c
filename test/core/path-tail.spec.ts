import { describe, expect, it } from 'vitest';
import { leafKey } from '../../packages/proxy/src/mask/field-decider.js';
import { lastName } from '../../packages/proxy/src/grants/reveal-matcher.js';
import { fieldCandidates } from '../../packages/cli/src/mask/masker.js';

const cliKey = (p: string): string => {
  const c = fieldCandidates(p);
  return c.length > 1 ? (c[c.length - 1] as string) : p;
};

// path → [leafKey (proxy masking), lastName (proxy grants), CLI fieldCandidates' bare key]
const CURRENT: readonly (readonly [string, string, string, string])[] = [
  ['$.name', 'name', 'name', 'name'],
  ['$.employees[*].name', 'name', 'name', 'name'],
  ['$.employees[3].name', 'name', 'name', 'name'],
  ['$.list[2][3]', 'list', 'list', 'list[2][3]'], // differ
  ['$.a[*].b[*]', 'b', 'b', 'b'],
  ['$.a.b[0][1]', 'b', 'b', 'b[0][1]'], // differ
  ['$["氏 名"]', '氏 名', '氏 名', '$["氏 名"]'], // differ
  ['$.a["氏 名"]', '氏 名', '氏 名', 'a["氏 名"]'], // differ
  ['$.a[*]["氏 名"][0]', '$.a[*]["氏 名"][0]', 'a', 'a["氏 名"][0]'], // differ
  ['$["a.b"]', 'a.b', 'a.b', 'b"]'], // differ
  ['$.x["a/b"]', 'a/b', 'a/b', 'b"]'], // differ
  ['$["a[0]"]', 'a[0]', 'a[0]', '$["a[0]"]'], // differ
  ['$["q\\"]"]', 'q"]', 'q"]', '$["q\\"]"]'], // differ
  ['$["x\\"]"].y', 'y', 'y', 'y'],
  ['$.a["b"].c', 'c', 'c', 'c'],
  ['$', '$', '$', '$'],
  ['$[0]', '$[0]', '$', '$[0]'], // differ
  ['$[*]', '$[*]', '$', '$'], // differ
  ['$[*].tel', 'tel', 'tel', 'tel'],
  ['$.$x', '$x', '$x', '$x'],
  ['$._a1', '_a1', '_a1', '_a1'],
  ['/a/b', 'b', 'b', 'b'],
  ['/a/@id', 'id', 'id', 'id'],
  ['/root/emp/tel', 'tel', 'tel', 'tel'],
  ['/a/b.c', 'b.c', 'c', 'c'], // differ
  ['/a/hr:Name', 'hr:Name', 'hr:Name', 'hr:Name'],
  ['/a/@hr:id', 'hr:id', 'hr:id', 'hr:id'],
  ['/', '', '', '/'], // differ
  ['/a[1]', 'a[1]', 'a', 'a[1]'], // differ
  ['tel', 'tel', 'tel', 'tel'],
  ['a.b', 'a.b', 'b', 'b'], // differ
  ['a/b', 'a/b', 'b', 'b'], // differ
  ['氏名', '氏名', '氏名', '氏名'],
  ['氏名[カナ]', '氏名[カナ]', '氏名', '氏名[カナ]'], // differ
  ['[0]', '[0]', '', '[0]'], // differ
  ['a[0]', 'a[0]', 'a', 'a[0]'], // differ
  ['"x"', '"x"', '"x"', '"x"'],
  ['["x"]', 'x', 'x', 'x'],
  ['x"]', 'x"]', 'x"]', 'x"]'],
  ['a.b/c', 'a.b/c', 'c', 'c'], // differ
  ['$amount', '$amount', '$amount', '$amount'],
  ['$.tel', 'tel', 'tel', 'tel'],
  ['/tel', 'tel', 'tel', 'tel'],
  ['@id', '@id', 'id', 'id'], // differ
  ['#3', '#3', '#3', '#3'],
  ['id', 'id', 'id', 'id'],
  ['', '', '', ''],
  ['ｅｍａｉｌ.address', 'ｅｍａｉｌ.address', 'address', 'address'], // differ
  ['a..b', 'a..b', 'b', 'b'], // differ
  ['a.', 'a.', '', 'a.'], // differ
];

describe('current last-name helpers', () => {
  it.each(CURRENT)('%s', (path, a, b, c) => {
    expect([leafKey(path), lastName(path), cliKey(path)]).toEqual([a, b, c]);
  });
});
