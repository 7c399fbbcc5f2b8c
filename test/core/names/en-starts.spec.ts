// The English name patterns run sticky at bucketed word starts (en-starts.ts) instead of as whole-text scans: from
// any index, execFrom must find the match the global scan finds (same index, same groups), or none when it finds
// none, on text made of the pieces the patterns and the bucketing branch on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EnFamily, execFrom, findEnStarts, stickyOf } from '../../../packages/core/src/detectors/names/en-starts.js';
import { EN_PATTERN_FAMILIES } from '../../../packages/core/src/detectors/names/person-name-en.js';

// Titles, labels, slot words and greetings (each with its case variants), NAME shapes (prefixed, apostrophe,
// double-barrelled), capitals, initials, lower-case words sharing the prefixes, and what sits between words:
// spaces, commas, colons, line breaks, digits, underscores, accented and Japanese letters.
const cues = [
  ...['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Mr.', 'Dr.'],
  ...['Name', 'name', 'Full name', 'Employee name', 'Emergency contact', 'Approved by', 'Reviewed by', 'Attn', 'Dear'],
  ...['cc', 'Cc:', 'bcc', 'Bcc:', 'ping', 'notify', 'Ask', 'tell', 'remind', 'thank', 'Invite', 'message', 'e-mail'],
  ...['Email', 'call', 'This is', 'this is', 'Hi', 'hello', 'Hey', 'Welcome', 'From:', 'To:', 'Attention:'],
  ...['Reply-To:', 'Signed:', 'Greetings', 'Thanks', 'Thank you', 'Morning', 'Good morning', 'Good afternoon'],
];
const names = [
  ...['John', 'Smith', "O'Neil", 'McClure', 'MacLeod', 'DaSilva', 'LeBlanc', 'VonRueden', 'Smith-Jones', 'Grace'],
  ...['SMITH', 'JOHN', 'MORIOKA', 'Yuusei', 'Q.', 'A', 'B', 'X'],
];
const pieces = [
  ...cues,
  ...names,
  ...['the', 'in', 'report', 'team', 'reply', 'calls', 'Support', 'Street'],
  ...[' ', ' ', ' ', ', ', ': ', ':', '.', '\n', "'s", "'", '-', '5', '_', 'é', 'Ō', '山田', '(', '<a@b.c>'],
];
// A cue, a separator, a name, another separator and name, and an ending: the shapes the patterns match, so that
// each prefix and each reach is exercised; random runs of pieces around them.
const shaped = fc
  .tuple(
    fc.constantFrom('', ' ', ' ', '\n', '5', 'x'),
    fc.constantFrom(...cues),
    fc.constantFrom('', ' ', ' ', ', ', ': ', ' : ', ',  ', '.', ' ,', ',,', ' :'),
    fc.constantFrom(...names),
    fc.constantFrom('', '', ...names.map((n) => ` ${n}`), ...names.map((n) => `, ${n}`), ' Q. Smith', '-Jones'),
    fc.constantFrom('', ',', '!', ':', '\n', ' reported', "'s", ' <a@b.c>'),
  )
  .map((p) => p.join(''));
const loose = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join(''));
const text = fc
  .array(fc.oneof({ arbitrary: shaped, weight: 3 }, { arbitrary: loose, weight: 1 }), { minLength: 1, maxLength: 4 })
  .map((p) => p.join(''));

/** All matches of a global pattern from `from` on, each scan resuming at `next(match)`. */
function globalMatches(re: RegExp, s: string, from: number, next: (m: RegExpExecArray) => number): unknown[] {
  const out: unknown[] = [];
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    out.push([m.index, ...m]);
    re.lastIndex = next(m);
  }
  re.lastIndex = 0;
  return out;
}

/** The same through the pattern's family of word starts and execFrom. */
function stickyMatches(re: RegExp, s: string, from: number, next: (m: RegExpExecArray) => number): unknown[] {
  const sticky = stickyOf(re);
  const family = EN_PATTERN_FAMILIES.find(([r]) => r === re)?.[1] as EnFamily;
  const starts = findEnStarts(s)[family] as number[];
  const out: unknown[] = [];
  let m: RegExpExecArray | null;
  for (let at = from; (m = execFrom(sticky, s, starts, at)) !== null; at = next(m)) out.push([m.index, ...m]);
  return out;
}

describe('en-starts', () => {
  it('buckets word starts by family and finds the leftmost match at or after an index', () => {
    const s = 'Hi John Smith, cc Roe. Dear SMITH JOHN';
    const starts = findEnStarts(s);
    expect(starts[EnFamily.greeting]).toEqual([0, 23]);
    expect(starts[EnFamily.pair]).toEqual([0, 3, 23]);
    expect(starts[EnFamily.caps]).toEqual([28]);
    const pair = EN_PATTERN_FAMILIES[4]![0];
    expect(execFrom(stickyOf(pair), s, starts[EnFamily.pair]!, 0)?.[0]).toBe('Hi John');
    expect(execFrom(stickyOf(pair), s, starts[EnFamily.pair]!, 1)?.[0]).toBe('John Smith');
    expect(execFrom(stickyOf(pair), s, starts[EnFamily.pair]!, 4)).toBeNull();
  });

  it('property: every pattern finds the same matches as its global scan, from any index', () => {
    for (const [re] of EN_PATTERN_FAMILIES) {
      fc.assert(
        fc.property(text, fc.nat(), fc.boolean(), (s, at, overlap) => {
          const from = at % (s.length + 2);
          // The detector resumes either at the match's end or right after its first token (weak pairs).
          const next = (m: RegExpExecArray): number =>
            overlap ? m.index + (m[1]?.length ?? 0) + 1 : m.index + m[0].length;
          expect(stickyMatches(re, s, from, next)).toEqual(globalMatches(re, s, from, next));
        }),
        { numRuns: 3000 },
      );
    }
  });
});
