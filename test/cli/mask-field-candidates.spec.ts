import { describe, expect, it } from 'vitest';
import { fieldCandidates } from '../../packages/cli/src/mask/masker.js';

describe('fieldCandidates (names a policy may use for a CLI field)', () => {
  it.each([
    ['$.employees[*].tel', 'value', ['$.employees[*].tel', '$.tel', 'tel']],
    ['$.employees[*]["氏 名"]', 'value', ['$.employees[*]["氏 名"]', '$["氏 名"]', '氏 名']],
    ['$["a.b"]', 'value', ['$["a.b"]', 'a.b']],
    ['$.list[*][*]', 'value', ['$.list[*][*]', '$[*]', 'list']],
    ['/root/emp/@id', 'attribute', ['/root/emp/@id', '/emp/@id', '/@id', 'id']],
    ['/root/emp/b.c', 'text', ['/root/emp/b.c', '/emp/b.c', '/b.c', 'b.c']],
    // CSV headers are one name, whole: no suffix of them is a candidate.
    ['a.b', 'cell', ['a.b']],
    ['/a/b', 'cell', ['/a/b']],
    ['氏名[カナ]', 'cell', ['氏名[カナ]']],
  ] as const)('%s (%s)', (field, kind, expected) => {
    expect(fieldCandidates(field, kind)).toEqual(expected);
  });
});
