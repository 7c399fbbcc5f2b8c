import { describe, expect, it } from 'vitest';
import { consume, firstOf, Unsure } from '../../../packages/core/src/detectors/gate-chars.js';

const chars = (set: Uint8Array): string =>
  [...set].flatMap((v, c) => (v === 1 ? [String.fromCharCode(c)] : [])).join('');

const firstChars = (source: string): { first: string; empty: boolean } => {
  const set = new Uint8Array(128);
  const empty = firstOf(source, 0, source.length, set, '');
  return { first: chars(set), empty };
};

describe('gate-chars', () => {
  it.each([
    ['(?<![\\w-])(?:(?:Apt|Unit)\\.? [\\w-]{1,6},? )?\\d{1,6} St', '0123456789AU', false],
    ['(?:[A-C]+ )*(?:#|Room)?x', '#ABCRx', false],
    ['\\b(?=a)b', 'b', false],
    ['(?:a|)b?', 'ab', true],
    ['x{0,2}y*', 'xy', true],
    ['^$', '', true],
    ['[\\]}]x', ']}', false],
  ])('%s starts with one of %s', (source, first, empty) => {
    expect(firstChars(source)).toEqual({ first, empty });
  });

  it('collects every consumed character, none from lookarounds', () => {
    const set = new Uint8Array(128);
    const source = '(?<!q)a[b-d]\\d{2}(?=z)(?:e|\\.)+]}{';
    consume(source, 0, source.length, set, '');
    expect(chars(set)).toBe('.0123456789]abcde{}');
  });

  it.each(['.', '[^a]', '\\s', '\\W', '[\\s]', '\\u0041', 'é', '(?i:a)'])('refuses %s', (source) => {
    expect(() => consume(source, 0, source.length, new Uint8Array(128), '')).toThrow(Unsure);
  });
});
