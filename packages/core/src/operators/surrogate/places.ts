import { parseJapaneseAddress } from '../../address/parse.js';
import type { Place, SurrogatePools } from './data.js';
import { KeyedChoices } from './keyed.js';
import { identityKey } from './names.js';

const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/u;
const DIGIT_GROUPS = /[0-9\uff10-\uff19]+/gu;

function digits(n: number, fullWidth: boolean): string {
  const s = String(n);
  return fullWidth ? s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + d.charCodeAt(0) - 0x30)) : s;
}

/** The prefecture an address is in: its own 都道府県, else the one whose data lists its municipality. */
function prefectureOf(value: string, pools: SurrogatePools): { prefecture?: string; written: boolean } {
  const parsed = parseJapaneseAddress(value);
  if (parsed?.prefecture !== undefined) return { prefecture: parsed.prefecture, written: true };
  if (parsed?.municipality !== undefined) {
    const hit = pools.allPlaces.find((p) => p.municipality === parsed.municipality);
    if (hit !== undefined) return { prefecture: hit.prefecture, written: false };
  }
  return { written: false };
}

/** The surrogate place for an address: a real 町域 of the same prefecture, keyed on the normalised address. */
export function choosePlace(value: string, key: Uint8Array, pools: SurrogatePools): Place {
  const { prefecture } = prefectureOf(value, pools);
  const list = (prefecture !== undefined ? pools.placesByPrefecture.get(prefecture) : undefined) ?? pools.allPlaces;
  return new KeyedChoices(key, 'ADDRESS', identityKey(value)).pick(list);
}

/**
 * 東京都渋谷区神南1-2-3 ○○ビル -> 東京都世田谷区太子堂4-17-9: same prefecture (written only if the original wrote
 * it), a real municipality and 町域 from Japan Post data, keyed block numbers in the original style (1-2-3 or
 * 1丁目2番3号) and digit width. Building and room are dropped: they identify a household.
 */
export function surrogateAddress(value: string, key: Uint8Array, pools: SurrogatePools): string {
  const { written } = prefectureOf(value, pools);
  const place = choosePlace(value, key, pools);
  const choices = new KeyedChoices(key, 'ADDRESS_BLOCK', identityKey(value));
  const wide = FULL_WIDTH_DIGIT.test(value);
  const groups = Math.min(3, (value.match(DIGIT_GROUPS) ?? []).length);
  const nums = [1 + choices.below(9), 1 + choices.below(30), 1 + choices.below(20)].map((n) => digits(n, wide));
  let block = '';
  if (value.includes('丁目')) block = `${nums[0]}丁目${nums[1]}番${nums[2]}号`;
  else if (groups > 0) block = nums.slice(0, groups).join(wide ? '－' : '-');
  const out = `${written ? place.prefecture : ''}${place.municipality}${place.town}${block}`;
  return out === value ? `${place.municipality}${place.town}${block}` : out;
}

/**
 * 〒150-0001 -> 〒154-0004: a real postal code of the same prefecture (the related address's surrogate place when
 * the record has one, so 郵便番号 and 住所 agree), written with the original's 〒, hyphen and digit width.
 */
export function surrogatePostalCode(
  value: string,
  key: Uint8Array,
  pools: SurrogatePools,
  relatedAddress?: string,
): string {
  const positions: number[] = [];
  let ascii = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) {
      positions.push(i);
      ascii += String(c >= 0xff10 ? c - 0xff10 : c - 0x30);
    }
  }
  const prefecture = pools.prefectureOfZip3.get(ascii.slice(0, 3));
  const own = prefecture !== undefined ? pools.placesByPrefecture.get(prefecture) : undefined;
  const list = own !== undefined && own.length > 1 ? own : pools.allPlaces;
  let code: string | undefined;
  if (relatedAddress !== undefined && relatedAddress !== '') {
    const place = choosePlace(relatedAddress, key, pools);
    if (prefecture === undefined || place.prefecture === prefecture) code = place.postalCode.replace('-', '');
  }
  const choices = new KeyedChoices(key, 'POSTAL_CODE', ascii);
  while (code === undefined || code === ascii) code = choices.pick(list).postalCode.replace('-', '');
  if (positions.length !== 7) return `${value.includes('〒') ? '〒' : ''}${code.slice(0, 3)}-${code.slice(3)}`;
  const chars = value.split('');
  const chosen = code;
  positions.forEach((pos, k) => {
    const d = chosen.charCodeAt(k) - 0x30;
    chars[pos] = String.fromCharCode((value.charCodeAt(pos) >= 0xff10 ? 0xff10 : 0x30) + d);
  });
  return chars.join('');
}
