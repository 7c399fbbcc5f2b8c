import { describe, expect, it } from 'vitest';
import { prefixLastChars } from '../../../packages/core/src/detectors/prefix-last.js';

const chars = (set: Uint8Array | undefined): string | undefined =>
  set === undefined ? undefined : [...set].flatMap((v, c) => (v === 1 ? [String.fromCharCode(c)] : [])).join('');

describe('prefixLastChars', () => {
  it.each([
    ['(?:生年月日|誕生日|出生日|生年)[ :]{0,2}(\\d{7})', ' :年日'],
    ['〒 ?\\d{3}', ' 〒'],
    ['(?<![A-Z])[A-Z]{2}\\d{7}', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
    ['T-?\\d{13}', '-T'],
    ['口座番号[ :]{0,2}(?:\\(?(?:普通|当座)\\)? ?)?(\\d{7})', ' ):号座通'],
    ['ab(?=x)\\d', 'b'],
    ['a\\b(?:x|yz?)\\d', 'xyz'],
  ])('%s ends its prefix with one of %j', (source, expected) => {
    expect(chars(prefixLastChars(source))).toBe(expected);
  });

  it.each([
    '\\d{4}', // no prefix
    '(?<!\\d)(?:a)?\\d', // a prefix that may be empty
    '\\s\\d', // an escape this reader does not list
    '[^a]\\d', // a negated class
    '(?:a|)\\d', // an alternative that may be empty, and nothing before it
  ])('%s gives no filter', (source) => {
    expect(prefixLastChars(source)).toBeUndefined();
  });

  it('reads nothing under the i, u and v flags', () => {
    expect(prefixLastChars('〒 ?\\d{3}', 'i')).toBeUndefined();
    expect(prefixLastChars('〒 ?\\d{3}', 'u')).toBeUndefined();
  });
});
