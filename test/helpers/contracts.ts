/**
 * The detector contract: what every rule's findings must satisfy, whatever the rule detects. Used by
 * test/property/detector-contract.spec.ts for every rule of the default registry, and for the registry as a whole.
 */
import fc from 'fast-check';
import {
  compileRule,
  createScanner,
  type DetectOptions,
  type Finding,
  type Registry,
  type RuleDefinition,
} from '@kamen/core';
import { fillTemplate } from '../eval/corpus.js';
import { rng } from '../eval/gen/random.js';
import { EN_TEMPLATES, JA_TEMPLATES } from '../eval/templates.js';

/** A registry holding one rule, so its findings are not hidden by conflict resolution with other rules. */
export function singleRuleRegistry(rule: RuleDefinition): Registry {
  return { rules: [rule], detectors: [compileRule(rule)] };
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
/** True when offset `i` falls between the two halves of a surrogate pair. */
export const splitsSurrogatePair = (text: string, i: number): boolean =>
  i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));

/**
 * Everything wrong with a list of findings for `text`, as messages (empty when the contract holds): offsets are
 * integers within the text, start < end, findings are sorted by start, no span cuts a surrogate pair, scores are
 * in (0, 1], and every finding names its rule.
 */
export function contractViolations(text: string, findings: readonly Finding[]): string[] {
  const out: string[] = [];
  let prev = -1;
  for (const f of findings) {
    const at = `${f.ruleId} ${f.type} [${f.start}, ${f.end})`;
    if (!Number.isInteger(f.start) || !Number.isInteger(f.end)) out.push(`${at}: offsets are not integers`);
    if (f.start < 0 || f.end > text.length) out.push(`${at}: out of bounds (length ${text.length})`);
    if (f.start >= f.end) out.push(`${at}: empty or inverted span`);
    if (f.start < prev) out.push(`${at}: not sorted (previous start ${prev})`);
    if (splitsSurrogatePair(text, f.start) || splitsSurrogatePair(text, f.end))
      out.push(`${at}: cuts a surrogate pair`);
    if (!(f.score > 0 && f.score <= 1)) out.push(`${at}: score ${f.score} outside (0, 1]`);
    if (typeof f.ruleId !== 'string' || f.ruleId === '') out.push(`${at}: no rule id`);
    prev = f.start;
  }
  return out;
}

/** Runs the streaming scanner over `text` cut at the given points (any numbers; taken modulo the length). */
export function scanInChunks(
  registry: Registry,
  text: string,
  cuts: readonly number[],
  options: DetectOptions = {},
): Finding[] {
  const points = [...new Set(cuts.map((c) => (text.length === 0 ? 0 : c % (text.length + 1))))].sort((a, b) => a - b);
  const scanner = createScanner(registry, options);
  const out: Finding[] = [];
  let last = 0;
  for (const p of points) {
    out.push(...scanner.write(text.slice(last, p)));
    last = p;
  }
  out.push(...scanner.write(text.slice(last)));
  out.push(...scanner.end());
  return out;
}

/** ASCII printable characters to their full-width forms (U+FF01..U+FF5E): same UTF-16 length, NFKC folds back. */
export const fullWidthAscii = (s: string): string =>
  s.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

// Joins between texts: line breaks, sentence ends, nothing (a long line), and astral characters (𠮷 in names,
// emoji in chat) so a span next to a surrogate pair is exercised.
const JOINS = ['\n', '\n\n', ' ', '。', '', '　', ' 𠮷 ', '😀', '\r\n', '\t'];

/** One Japanese or English HR text with PII spliced in (from the evaluation templates). */
export const piiTextArb: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.nat(), fc.integer({ min: 1, max: 2 ** 31 - 1 }))
  .map(([ja, i, seed]) => {
    const templates = ja ? JA_TEMPLATES : EN_TEMPLATES;
    return fillTemplate(rng(seed), ja ? 'ja' : 'en', templates[i % templates.length] as string).text;
  });

/**
 * A document of several PII texts, joined as above, sometimes with arbitrary strings between them. Long enough
 * (~6 KB on average, up to ~15 KB) to span several of the scanner's 4 KiB blocks.
 */
export const piiDocumentArb = (maxTexts = 250): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(piiTextArb, fc.constantFrom(...JOINS), fc.option(fc.string({ maxLength: 8 }), { freq: 6 })), {
      minLength: 1,
      maxLength: maxTexts,
      size: 'max',
    })
    .chain((parts) =>
      // A quarter of the documents are one long line, so the scanner must cut blocks at punctuation or spaces.
      fc.boolean().map((oneLine) => {
        const doc = parts.map(([t, j, noise]) => `${t}${j}${noise ?? ''}`).join('');
        return oneLine ? doc.replace(/[\r\n]+/g, ' ') : doc;
      }),
    );
