import { normalizeText } from '../text/normalize.js';
import { PREFECTURES } from './prefectures.js';

/** The administrative head of a Japanese address. @public */
export interface ParsedAddress {
  readonly prefecture?: string;
  readonly municipality?: string;
  /** Everything after the municipality (or the prefecture): 町域, 丁目, 番地, building, room. */
  readonly rest: string;
}

// Prefecture names without their suffix are also written (東京渋谷区, 大阪市): only the full names are used here.
const PREF_RE = new RegExp(`^(?:${PREFECTURES.join('|')})`);
// Municipality shapes, tried in order (jp-pii-spec.md §5): 〜郡〜町/村, 〜市(〜区), 東京の〜区, 〜町/村.
const GUN = /^[^\d\s市区郡]{1,5}郡[^\d\s]{1,5}?[町村]/;
const SHI = /^[^\d\s]{1,6}?市(?:[^\d\s市]{1,4}?区)?/;
const KU = /^[^\d\s]{1,4}?区/;
const CHOSON = /^[^\d\s]{1,4}?[町村]/;

/** A lazy match stops at the first suffix character; 四日市市, 廿日市市 and 大町町 carry the suffix twice. */
function extendDoubled(s: string, m: string): string {
  const last = m[m.length - 1];
  return s[m.length] === last && /[市町村]/.test(last ?? '') && !m.includes('区') ? m + last : m;
}

function municipalityOf(s: string): string | undefined {
  for (const re of [GUN, SHI, KU, CHOSON]) {
    const m = re.exec(s);
    if (m) return extendDoubled(s, m[0]);
  }
  return undefined;
}

/**
 * Splits a Japanese address into prefecture, municipality and the rest. Works on the normalised text (full-width
 * digits, dashes). Returns null when neither a prefecture nor a municipality starts the value.
 * @public
 */
export function parseJapaneseAddress(value: string): ParsedAddress | null {
  let s = normalizeText(value).text.trim();
  s = s.replace(/^〒?\s?\d{3}-?\d{4}\s*/, '');
  const pm = PREF_RE.exec(s);
  const prefecture = pm?.[0];
  if (prefecture !== undefined) s = s.slice(prefecture.length);
  const municipality = municipalityOf(s);
  if (municipality !== undefined) s = s.slice(municipality.length);
  if (prefecture === undefined && municipality === undefined) return null;
  return {
    ...(prefecture !== undefined ? { prefecture } : {}),
    ...(municipality !== undefined ? { municipality } : {}),
    rest: s.trim(),
  };
}
