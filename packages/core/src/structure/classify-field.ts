import type { Registry } from '../rules/registry.js';
import type { FieldType } from '../types.js';
import {
  getDefaultFieldDictionary,
  lookupFieldKey,
  type FieldDictionary,
  type NameEvidence,
} from './field-dictionary.js';
import { fieldPathSegments, normalizeFieldName } from './field-name.js';
import { valueEvidence, type ValueEvidence } from './value-evidence.js';
import { CHECKABLE_TYPES, VALUE_ONLY_TYPES, type KanaScript } from './value-checks.js';

/** What a column (CSV header, JSON key, XML element) holds. */
export interface FieldClassification {
  readonly type: FieldType;
  /** 0–1: how sure the name and values together make us. */
  readonly confidence: number;
  /** 要配慮個人情報 (SENSITIVE), 特定個人情報 (MY_NUMBER) or a header flagged sensitive (本籍). */
  readonly sensitive: boolean;
  /** Which evidence decided: the header, the values, or the header confirmed by the values. */
  readonly source: 'name' | 'values' | 'name+values';
  /** Script of a reading column (NAME_KANA, 住所(カナ)): from the values, else the header. */
  readonly kana?: KanaScript;
}

export interface ClassifyFieldOptions {
  /** Header dictionaries (loadFieldDictionary); default: rules/fields/. */
  readonly dictionary?: FieldDictionary;
  /** Registry for detect() over the values; default: the built-in rules. */
  readonly registry?: Registry;
  /** Minimum confidence for a type decided by values alone (default 0.5). */
  readonly threshold?: number;
}

/** Share of values that must support a type for values to decide it ("mostly emails"). */
const MIN_SHARE = 0.6;
/** Confidence a value-only type needs to override a known non-personal header (部署, 入社日). */
const OVERRIDE_NONE = 0.85;
/** Bound on the header cache: headers repeat (maskRecord calls per field and record); values never enter it. */
const CACHE_LIMIT = 4096;

const NAME_ONLY: ReadonlySet<string> = new Set(['FREE_TEXT', 'SENSITIVE']);

const round = (x: number): number => Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;

const nameCache = new WeakMap<FieldDictionary, Map<string, NameEvidence | null>>();

/** What the header (or the last path segments) says; null when it says nothing. */
function nameEvidence(name: string, dict: FieldDictionary): NameEvidence | null {
  let cache = nameCache.get(dict);
  if (cache === undefined) {
    cache = new Map();
    nameCache.set(dict, cache);
  }
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const segments = fieldPathSegments(name).map(normalizeFieldName);
  const last = segments[segments.length - 1] ?? '';
  const parent = segments[segments.length - 2];
  let found = lookupFieldKey(dict, last) ?? null;
  // contact.phone is decided by phone; phone.number, employee.id and department.name need their parent.
  if (parent !== undefined && (found === null || found.confidence < 0.7)) {
    const joined = lookupFieldKey(dict, parent + last);
    const up = lookupFieldKey(dict, parent);
    if (joined !== undefined && joined.confidence >= (found?.confidence ?? 0)) found = joined;
    else if (found !== null && up?.type === 'NONE') found = up;
    else if (found === null && dict.generic.has(last) && up !== undefined) {
      found = { ...up, confidence: round(up.confidence * 0.9) };
    }
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, found);
  return found;
}

const hasHiraganaMarker = (name: string): boolean => /ふりがな|よみ|ﾖﾐ/.test(name) && !/[\u30a1-\u30fa]/.test(name);

function kanaFor(type: FieldType, marker: boolean, name: string, values: ValueEvidence): KanaScript | undefined {
  if (type !== 'NAME_KANA' && !marker) return undefined;
  return values.kana ?? (hasHiraganaMarker(name) ? 'hiragana' : 'full');
}

function build(
  type: FieldType,
  confidence: number,
  sensitive: boolean,
  source: FieldClassification['source'],
  kana: KanaScript | undefined,
): FieldClassification {
  return {
    type,
    confidence: round(confidence),
    sensitive: sensitive || type === 'SENSITIVE' || type === 'MY_NUMBER',
    source,
    ...(kana !== undefined ? { kana } : {}),
  };
}

/** The type values alone point to, among VALUE_ONLY_TYPES. */
function bestFromValues(values: ValueEvidence): { type: FieldType; share: number; score: number } | undefined {
  let best: { type: FieldType; share: number; score: number } | undefined;
  for (const [type, s] of values.support) {
    if (!VALUE_ONLY_TYPES.has(type) || s.share < MIN_SHARE) continue;
    // NAME_KANA values are also PERSON_NAME findings: the more specific kana type wins a tie.
    if (best === undefined || s.score > best.score || (s.score === best.score && type === 'NAME_KANA')) {
      best = { type, ...s };
    }
  }
  return best;
}

function fromName(name: string, ev: NameEvidence, values: ValueEvidence): FieldClassification | null {
  if (ev.type === 'NONE') {
    const best = bestFromValues(values);
    return best !== undefined && best.score >= OVERRIDE_NONE && CHECKABLE_TYPES.has(best.type)
      ? build(best.type, best.score, false, 'values', kanaFor(best.type, false, name, values))
      : null;
  }
  let type: FieldType = ev.type;
  let support = values.support.get(type);
  // 被保険者番号, 連絡先: the values choose among the header's alternatives.
  for (const alt of ev.alternatives) {
    const s = values.support.get(alt);
    if (s !== undefined && s.share >= MIN_SHARE && s.score > (support?.score ?? 0)) {
      type = alt;
      support = s;
    }
  }
  const kana = kanaFor(type, ev.kanaMarker, name, values);
  if (values.count === 0) return build(type, ev.confidence, ev.sensitive, 'name', kana);
  if (support !== undefined && support.share >= 0.5) {
    // Values agree: close part of the gap to 1.
    return build(type, ev.confidence + (1 - ev.confidence) * support.score, ev.sensitive, 'name+values', kana);
  }
  // The name still decides (a mistyped My Number is a My Number), but checkable values that do not fit, or that
  // fit another type, make us less sure.
  const other = bestFromValues(values);
  const contradicted = other !== undefined && other.type !== type && other.score >= 0.6;
  const penalty = CHECKABLE_TYPES.has(type) ? (contradicted ? 0.75 : 0.85) : contradicted ? 0.9 : 1;
  return build(type, ev.confidence * penalty, ev.sensitive, 'name', kana);
}

/**
 * Decides what a column holds from its name (CSV header, JSON key or path, XML element or path) and a sample of
 * its values (≤ 100 is plenty). The header decides the type when the dictionaries know it (rules/fields/; BOM,
 * width, brackets, numbering, 本人/配偶者/扶養親族 prefixes and casing do not matter); values raise or lower the
 * confidence. An unknown or generic header (番号, ID, code) is typed by its values: whole-value findings of
 * detect() and per-type checks (checksummed My Numbers, e-mail addresses, phone numbers, kana names).
 * Returns null when neither says anything, or for a known non-personal column (部署, 入社日) without strong
 * value evidence. Never throws on any string.
 * @public
 */
export function classifyField(
  name: string,
  sampleValues: readonly string[],
  options: ClassifyFieldOptions = {},
): FieldClassification | null {
  const dict = options.dictionary ?? getDefaultFieldDictionary();
  const ev = nameEvidence(typeof name === 'string' ? name : '', dict);
  // Free text and 要配慮 columns are what their header says whatever they contain: skip detect() on them.
  const skipValues = ev !== null && NAME_ONLY.has(ev.type) && ev.alternatives.length === 0;
  const values = valueEvidence(!skipValues && Array.isArray(sampleValues) ? sampleValues : [], options.registry);
  if (ev !== null) return fromName(name, ev, values);
  if (values.count === 0) return null;
  const best = bestFromValues(values);
  if (best !== undefined && best.score >= (options.threshold ?? 0.5)) {
    return build(best.type, best.score, false, 'values', kanaFor(best.type, false, name, values));
  }
  // PII inside longer text (a comment with a phone number): scan it as free text.
  if (values.partialShare > 0) return build('FREE_TEXT', 0.5 + 0.4 * values.partialShare, false, 'values', undefined);
  return null;
}
