import { detect } from '../engine/detect.js';
import { applyStep } from '../policy/apply.js';
import type { Plan } from '../policy/compile.js';
import type { Registry } from '../rules/registry.js';
import type { Finding, FieldType } from '../types.js';

/** Longest example shown, in code points, after masking. */
const MAX_EXAMPLE = 80;

const DIGIT = /\p{Nd}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const KATAKANA = /\p{Script=Katakana}/u;
const HIRAGANA = /\p{Script=Hiragana}/u;
const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/u;

function shapeOf(ch: string): string {
  if (DIGIT.test(ch)) return '9';
  if (UPPER.test(ch)) return 'A';
  if (LOWER.test(ch)) return 'a';
  if (KATAKANA.test(ch) && ch !== 'ー') return 'カ';
  if (HIRAGANA.test(ch)) return 'あ';
  if (HAN.test(ch)) return '漢';
  if (LETTER.test(ch)) return 'x';
  return ch; // punctuation, spaces, symbols: the layout of a value, never its content
}

/**
 * The shape of a value: every letter and digit replaced by its class (9 a A カ あ 漢 x), punctuation and spaces
 * kept. Shows what a column looks like (999-9999, 漢漢 漢漢) without any of its content.
 * @internal
 */
export function shape(value: string): string {
  let out = '';
  for (const ch of value) out += shapeOf(ch);
  return out;
}

function truncate(s: string): string {
  const cps = Array.from(s);
  return cps.length <= MAX_EXAMPLE ? s : `${cps.slice(0, MAX_EXAMPLE).join('')}…`;
}

/** Free text: findings transformed by the plan, the text between them reduced to its shape. */
function maskedText(value: string, findings: readonly Finding[], plan: Plan): string {
  let out = '';
  let at = 0;
  for (const f of findings) {
    if (f.start < at) continue;
    out += shape(value.slice(at, f.start)) + applyStep(plan.forType(f.type), value.slice(f.start, f.end));
    at = f.end;
  }
  return out + shape(value.slice(at));
}

/**
 * One example value for a report, never the raw value: a field of a personal type gets the plan's operator for it
 * (a `keep` operator gives the shape instead: a report shows no raw values at all); other values are scanned and
 * their findings transformed, everything else shaped. Throws KAMEN_ERR_MASK_FAILED when an operator fails.
 * @internal
 */
export function exampleOf(value: string, field: string, type: FieldType | undefined, plan: Plan): string {
  if (type !== undefined && type !== 'FREE_TEXT') {
    const step = plan.forField([field], type) ?? plan.forType(type);
    return truncate(step.operator.name === 'keep' ? shape(value) : applyStep(step, value, undefined, field));
  }
  const findings = detect(value, { registry: plan.registry, conflicts: 'merge' }).sort((a, b) => a.start - b.start);
  return truncate(maskedText(value, findings, plan));
}

/**
 * A field name or path as a report may show it: findings in it transformed by the plan (detection with `registry`),
 * the rest verbatim. Names are structure, not content, unless detection says otherwise.
 * @internal
 */
export function maskedName(name: string, plan: Plan, registry: Registry): string {
  const findings = detect(name, { registry, conflicts: 'merge' }).sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const f of findings) {
    if (f.start < at) continue;
    out += name.slice(at, f.start) + applyStep(plan.forType(f.type), name.slice(f.start, f.end));
    at = f.end;
  }
  return out + name.slice(at);
}
