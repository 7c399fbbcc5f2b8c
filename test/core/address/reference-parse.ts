/**
 * parseJapaneseAddress and generalize's address path as they were before the per-value fast path (2026-12-01): the
 * reference the faster code must equal on every input. What the fast path rewrote (the lead and prefecture regexes,
 * the parsed object and its join) is kept here as it was; the municipality shapes, which it left alone, are core's.
 */
import { normalizeText } from '../../../packages/core/src/text/normalize.js';
import { municipalityLength } from '../../../packages/core/src/address/parse.js';
import { PREFECTURES } from '../../../packages/core/src/address/prefectures.js';

interface ParsedAddress {
  /** One of the 47 prefecture names, as listed in PREFECTURES. */
  readonly prefecture?: string;
  /** 〜市, 〜市〜区, 〜区, 〜郡〜町/村 or 〜町/村, as written in the value. */
  readonly municipality?: string;
  /** Everything after the municipality (or the prefecture), as written: 町域, 丁目, 番地, building, room. */
  readonly rest: string;
}

// Prefecture names without their suffix are also written (東京渋谷区, 大阪市): only the full names are used here.
const PREF_RE = new RegExp(`^(?:${PREFECTURES.join('|')})`);
// Whitespace and a postal code (〒150-0002) before the address.
const LEAD = /^\s*(?:〒?\s?\d{3}-?\d{4}\s*)?/;

/**
 * Splits a Japanese address into prefecture, municipality and the rest. Matching runs on the normalised text
 * (full-width digits, dash variants, itaiji), while the municipality and the rest are returned as the value wrote
 * them. A leading postal code is skipped. Returns null when neither a prefecture nor a municipality starts the value.
 */
export function referenceParse(value: string): ParsedAddress | null {
  const norm = normalizeText(value);
  const s = norm.text;
  let i = LEAD.exec(s)?.[0].length ?? 0;
  const prefecture = PREF_RE.exec(s.slice(i))?.[0];
  if (prefecture !== undefined) i += prefecture.length;
  const mLength = municipalityLength(s.slice(i));
  if (prefecture === undefined && mLength === 0) return null;
  const original = (from: number, to: number): string =>
    value.slice(norm.toOriginalStart(from), norm.toOriginalEnd(to));
  const municipality = mLength > 0 ? original(i, i + mLength) : undefined;
  const rest = original(i + mLength, s.length).trim();
  return {
    ...(prefecture !== undefined ? { prefecture } : {}),
    ...(municipality !== undefined ? { municipality } : {}),
    rest,
  };
}

/** The old generalizeAddress: prefecture (+ municipality) of the parse, '*' when there is none. */
export function referenceGeneralizeAddress(value: string, municipality: boolean): string {
  const parsed = referenceParse(value);
  if (parsed === null) return '*';
  const parts = [parsed.prefecture, municipality ? parsed.municipality : undefined];
  const out = parts.filter((p) => p !== undefined).join('');
  return out === '' ? '*' : out;
}
