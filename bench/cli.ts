/**
 * `npm run bench:cli`: the issue-4 benchmark. For each format a synthetic Japanese HR file is generated
 * (bench/gen), then, in the same run and on the same file: the csv-parse → csv-stringify passthrough (CSV), the core
 * codec passthrough, and the real `kamen mask` binary with --workers 1 and with all cores. Reports MB/s, the ratio
 * to the passthroughs, scaling, and the peak RSS of every child process (GNU time's maximum resident set, which
 * covers the worker threads); rewrites the "CLI (issue 4)" section of bench/README.md.
 *
 * Flags: --size 30MB (default; --size 1GB for the full run), --formats csv,csv-structured,ndjson,xml,csv-cp932,
 * --policy support (or migration), --workers 1,2 (default 1 and the core count), --dir DIR (default a new tmp dir,
 * removed afterwards unless --keep), --no-write (print only).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSize, writeHrFile, type HrEncoding } from './gen/hr.js';
import type { HrFormat } from './gen/serialize.js';
import { renderCliSection, type CliRow, type CliRun } from './cli-report.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? (process.argv[i + 1] as string) : fallback;
};

const KAMEN = fileURLToPath(new URL('../packages/cli/bin/kamen.js', import.meta.url));
const PASSTHROUGH = fileURLToPath(new URL('./cli-passthrough.ts', import.meta.url));
const TIME = '/usr/bin/time';

interface Variant {
  readonly name: string;
  readonly format: HrFormat;
  readonly encoding: HrEncoding;
  readonly remarks: boolean;
}

const VARIANTS: Readonly<Record<string, Variant>> = {
  csv: { name: 'CSV', format: 'csv', encoding: 'utf-8', remarks: true },
  'csv-structured': {
    name: 'CSV, 備考 empty (structured columns only)',
    format: 'csv',
    encoding: 'utf-8',
    remarks: false,
  },
  'csv-cp932': { name: 'CSV, CP932', format: 'csv', encoding: 'cp932', remarks: true },
  ndjson: { name: 'NDJSON', format: 'ndjson', encoding: 'utf-8', remarks: true },
  xml: { name: 'XML', format: 'xml', encoding: 'utf-8', remarks: true },
};

interface ChildResult {
  readonly seconds: number;
  readonly rssMb: number;
  /** User + system CPU seconds of the child, every thread. */
  readonly cpu: number;
  readonly stdout: string;
}

/** Runs a command under GNU time (wall and CPU seconds, max RSS of the process and its threads); stdout to a file or pipe. */
function timed(cmd: string, args: readonly string[], stdoutTo: 'null' | 'pipe', dir: string): Promise<ChildResult> {
  const timeFile = join(dir, 'time.txt');
  const out = stdoutTo === 'null' ? openSync('/dev/null', 'w') : 'pipe';
  return new Promise((resolve, reject) => {
    const child = spawn(TIME, ['-f', '%e %M %U %S', '-o', timeFile, cmd, ...args], { stdio: ['ignore', out, 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (typeof out === 'number') closeSync(out);
      if (code !== 0) return reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`));
      const [seconds, kb, user, sys] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-4).map(Number);
      resolve({
        seconds: seconds as number,
        rssMb: (kb as number) / 1024,
        cpu: (user as number) + (sys as number),
        stdout,
      });
    });
  });
}

async function passthrough(mode: 'csv-parse' | 'codec', v: Variant, file: string, dir: string): Promise<ChildResult> {
  const r = await timed(process.execPath, ['--import', 'tsx', PASSTHROUGH, mode, v.format, file], 'pipe', dir);
  // The child's own streaming time and CPU (start-up excluded); RSS from GNU time.
  const own = JSON.parse(r.stdout.trim().split('\n').pop() as string) as { seconds: number; cpu: number };
  return { ...r, seconds: own.seconds, cpu: own.cpu };
}

async function main(): Promise<void> {
  const bytes = parseSize(arg('size', '30MB'));
  const policy = arg('policy', 'support');
  const workers = arg('workers', `1,${availableParallelism()}`).split(',').map(Number);
  const variants = arg('formats', 'csv,csv-structured,ndjson,xml').split(',');
  const dir = process.argv.includes('--dir') ? arg('dir', '') : mkdtempSync(join(tmpdir(), 'kamen-bench-cli-'));
  const keyFile = join(dir, 'bench.key.json');
  execFileSync(process.execPath, [KAMEN, 'keygen', '--out', keyFile], { stdio: 'ignore' });
  const rows: CliRow[] = [];
  try {
    for (const id of variants) {
      const v = VARIANTS[id];
      if (v === undefined) throw new Error(`unknown format '${id}' (known: ${Object.keys(VARIANTS).join(', ')})`);
      const file = join(dir, `hr-${id}.${v.format}`);
      const gen = writeHrFile({ format: v.format, encoding: v.encoding, remarks: v.remarks, bytes, out: file });
      console.error(
        `${v.name}: ${(gen.bytes / 1e6).toFixed(1)} MB, ${gen.records} records (${gen.seconds.toFixed(1)} s)`,
      );
      // The same kind of file at ~100 KB: kamen's fixed CPU (start-up, workers loading rules, sampling).
      const small = join(dir, `hr-${id}-small.${v.format}`);
      writeHrFile({ format: v.format, encoding: v.encoding, remarks: v.remarks, bytes: 100_000, out: small });
      const mb = gen.bytes / 1e6;
      const row = (pipeline: string, w: number | undefined, r: ChildResult, cpuFixed?: number): CliRow => {
        const out = {
          variant: v.name,
          pipeline,
          workers: w,
          mb,
          seconds: r.seconds,
          rssMb: r.rssMb,
          cpu: r.cpu,
          ...(cpuFixed !== undefined ? { cpuFixed } : {}),
        };
        console.error(
          `  ${pipeline}${w !== undefined ? ` ×${w}` : ''}: ${(mb / r.seconds).toFixed(2)} MB/s, ${r.cpu.toFixed(1)} CPU-s${cpuFixed !== undefined ? ` (${cpuFixed.toFixed(1)} fixed)` : ''}, RSS ${r.rssMb.toFixed(0)} MB`,
        );
        rows.push(out);
        return out;
      };
      // CP932 has no UTF-8 passthrough to compare with: the reference is the UTF-8 rows of the same records.
      if (v.format === 'csv' && v.encoding === 'utf-8')
        row('csv-parse → csv-stringify', undefined, await passthrough('csv-parse', v, file, dir));
      if (v.encoding === 'utf-8') row('core codec, identity', undefined, await passthrough('codec', v, file, dir));
      for (const w of workers) {
        const args = (input: string): string[] => [
          'mask',
          '--in',
          input,
          '--format',
          v.format,
          '--policy',
          policy,
          '--role',
          policy,
          '--key-file',
          keyFile,
          '--workers',
          String(w),
        ];
        const fixed = await timed(process.execPath, [KAMEN, ...args(small)], 'null', dir);
        const r = await timed(process.execPath, [KAMEN, ...args(file)], 'null', dir);
        row(`kamen mask --policy ${policy}`, w, r, fixed.cpu);
      }
      rmSync(file, { force: true });
      rmSync(small, { force: true });
    }
  } finally {
    if (!process.argv.includes('--keep') && !process.argv.includes('--dir'))
      rmSync(dir, { recursive: true, force: true });
  }
  const run: CliRun = {
    date: new Date(),
    machine: `${cpus()[0]?.model.trim() ?? 'unknown CPU'} × ${availableParallelism()} logical cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`,
    load: loadavg()
      .map((l) => l.toFixed(2))
      .join(' / '),
    size: bytes,
    policy,
    rows,
  };
  const md = renderCliSection(run);
  console.log(md);
  if (!process.argv.includes('--no-write')) writeSection(md);
}

const START = '<!-- cli-bench -->';
const END = '<!-- /cli-bench -->';

/** Replaces (or appends) this benchmark's marked section of bench/README.md; the other benchmarks keep it. */
function writeSection(md: string): void {
  const file = fileURLToPath(new URL('./README.md', import.meta.url));
  const readme = readFileSync(file, 'utf8');
  const section = `${START}\n${md}\n${END}`;
  const [before, rest] = readme.includes(START) ? [readme.slice(0, readme.indexOf(START)), readme] : [readme, ''];
  const after = rest.includes(END) ? rest.slice(rest.indexOf(END) + END.length) : '\n';
  writeFileSync(file, `${before.trimEnd()}\n\n${section}${after}`);
}

await main();
