/**
 * The per-value masking path alone, in-process: what one `kamen mask` worker does to a structured HR CSV (a slice
 * task: decode the slice's bytes with core's CSV decoder, mask it with the CLI's masker — field decisions from a
 * 1,000-record sample — and encode it), and what the proxy does to the demo's 20 KB JSON employee page (createLeafMasker + createBodyCodec, from the body's bytes to the masked bytes, as sendWhole).
 * Several builds can be loaded in one process (`--builds=before:/tmp/kamen-before,after:.`: a checkout whose
 * packages/{core,cli,proxy}/dist are built and whose node_modules/@kamen/core is its own core). Rounds alternate
 * between the builds, and CPU time (process.cpuUsage) is counted, so other load on a shared machine falls on every
 * build alike. Prints µs per row / per value, and with --check that every build gives the same bytes.
 *
 *   npx tsx bench/mask-path.ts [--builds=…] [--seconds=6] [--only=csv|json] [--check] [--rounds=9] [--size=20MB]
 *   node --cpu-prof --cpu-prof-dir=/tmp/m-prof --import tsx bench/mask-path.ts --only=csv
 *   node --max-semi-space-size=2 --import tsx bench/mask-path.ts --only=csv   (a mask worker's young generation)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getHeapSpaceStatistics } from 'node:v8';
import { parseSize, writeHrFile } from './gen/hr.js';

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SECONDS = Number(arg('seconds') ?? 6);
const ONLY = arg('only');
const CHECK = process.argv.includes('--check');
const ROUNDS = Number(arg('rounds') ?? 9);
const BUILDS = (arg('builds') ?? 'this tree:.').split(',').map((b) => {
  const at = b.indexOf(':');
  return { label: b.slice(0, at), root: resolve(b.slice(at + 1)) };
});
/** Records per slice: a worker's batch (the CLI closes one at 4,000 records or 256 Ki characters). */
const SLICE_RECORDS = 800;
const KEY = new Uint8Array(32).fill(7);

/* eslint-disable @typescript-eslint/no-explicit-any -- builds are loaded by path; their types are the same module's */
type Mod = any;
const load = async (root: string, path: string): Promise<Mod> =>
  import(pathToFileURL(join(root, path)).href) as Promise<Mod>;

interface Build {
  readonly label: string;
  /** Masks slice `i` of the CSV; returns the output bytes (what a worker hands back). */
  csv(i: number): Uint8Array;
  /** Masks the JSON page once; returns the output bytes. */
  json(): Buffer;
}

// The generated file: 20 MB is ~65,000 records, one cycle of the generator's pool, so cached values repeat as
// often as they do in a 1 GB run (every 65,536 records) and no more.
const dir = mkdtempSync(join(tmpdir(), 'kamen-mask-path-'));
const file = writeHrFile({
  format: 'csv',
  bytes: parseSize(arg('size') ?? '20MB'),
  remarks: false,
  out: join(dir, 'hr.csv'),
});
const text = readFileSync(file.path, 'utf8');
rmSync(dir, { recursive: true, force: true });
const headerEnd = text.indexOf('\n');
// The generator writes CRLF; a worker decodes its slices with the record delimiter of the file's first row.
const recordDelimiter = text[headerEnd - 1] === '\r' ? '\r\n' : '\n';
const columns = text.slice(0, headerEnd + 1 - recordDelimiter.length).split(',');
const slices: string[] = [];
for (let at = headerEnd + 1; at < text.length;) {
  let end = at;
  for (let n = 0; n < SLICE_RECORDS && end < text.length; n++) end = text.indexOf('\n', end) + 1 || text.length;
  slices.push(text.slice(at, end));
  at = end;
}
const rowsOf = (i: number): number => (slices[i] as string).split('\n').length - 1;
// What a worker gets for each slice: its bytes, their offset in the file and the line feeds before them.
const sliceAts: { bytes: Uint8Array; offset: number; lines: number }[] = [];
for (let i = 0, offset = Buffer.byteLength(text.slice(0, headerEnd + 1)), lines = 1; i < slices.length; i++) {
  const bytes = Buffer.from(slices[i] as string);
  sliceAts.push({ bytes, offset, lines });
  offset += bytes.length;
  lines += rowsOf(i);
}
const stream = {
  file: 'hr.csv',
  format: 'csv',
  encoding: 'utf-8',
  spec: { format: 'csv', delimiter: ',', quote: '"' },
  columns,
  recordDelimiter,
};

async function loadBuild(label: string, root: string): Promise<Build> {
  const core = await load(root, 'node_modules/@kamen/core/dist/index.js');
  const { createMasker } = await load(root, 'packages/cli/dist/mask/masker.js');
  const { decideFields } = await load(root, 'packages/cli/dist/mask/decide.js');
  const { maskBatch } = await load(root, 'packages/cli/dist/mask/batch.js');
  const { decodeSlice } = await load(root, 'packages/cli/dist/mask/slice.js');
  // A worker's slice task: maskSlice where the build has it, else what the worker did before it.
  const maskSlice: (stream: unknown, at: unknown, masker: unknown, encoding: string) => { bytes: Uint8Array } =
    (await load(root, 'packages/cli/dist/mask/slice-mask.js').catch(() => undefined))?.maskSlice ??
    ((st: Mod, at: Mod, m: Mod, enc: string) => ({ bytes: maskBatch(decodeSlice(st, at), st.spec, m, enc) }));
  const { createLeafMasker } = await load(root, 'packages/proxy/dist/mask/leaf-masker.js');
  const { createBodyCodec } = await load(root, 'packages/proxy/dist/mask/body-codec.js');
  const { generateEmployees } = await load(root, 'packages/proxy/dist/demo/employees.js');
  const { DEMO_PAGE_SIZE } = await load(root, 'packages/proxy/dist/demo/demo-app.js');

  const keys = core.createKeyRing([{ id: 'bench', key: KEY }], 'bench');
  const plan = core.compilePolicy(core.loadPolicy('support'), 'support', { keys });
  const decode = (i: number): unknown[] => {
    const d = core.createCsvDecoder({ delimiter: ',', columns, recordDelimiter, firstLine: 2 });
    const units = d.write(slices[i]);
    units.push(...d.end());
    return units;
  };
  const sample = [...decode(0), ...decode(1)].slice(0, 1000) as never[];
  const masker = createMasker(plan, decideFields(sample));

  const records = (generateEmployees(3300) as { record: unknown }[]).map((e) => e.record);
  const page = JSON.stringify({ total: records.length, employees: records.slice(0, DEMO_PAGE_SIZE) });
  const pageBytes = Buffer.from(page, 'utf8');
  // The proxy masks a body with a fresh leaf masker per response, on one plan per role and tenant, noted as the
  // proxy's policy set notes its plans (no concrete-path lookups for a policy without array indexes).
  const supportPolicy = core.loadPolicy('support');
  const proxyPlan = core.compilePolicy(supportPolicy, 'support', { keys });
  const concrete = await load(root, 'packages/proxy/dist/mask/concrete-names.js').catch(() => undefined);
  concrete?.notePolicyFields(proxyPlan, supportPolicy);
  return {
    label,
    csv(i) {
      const { bytes } = maskSlice(stream, sliceAts[i], masker, 'utf-8');
      masker.take();
      return bytes;
    },
    json() {
      const limits = { maxStringLength: 1 << 20 };
      const transform = createLeafMasker(proxyPlan, { counts: new Map() });
      // As the proxy's sendWhole (maskWhole): the body's bytes decoded, masked in one pass (maskJsonWhole where the
      // build has it, else the codec), encoded back to UTF-8.
      const text = new TextDecoder('utf-8', { fatal: true }).decode(pageBytes);
      const whole = core.maskJsonWhole?.(text, limits, transform) as string | undefined;
      if (whole !== undefined) return Buffer.from(whole, 'utf8');
      const codec = createBodyCodec('json', limits, transform);
      const out = (codec.write(text) as string) + (codec.end() as string);
      return Buffer.from(out, 'utf8');
    },
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

const builds: Build[] = [];
for (const b of BUILDS) builds.push(await loadBuild(b.label, b.root));

if (CHECK) {
  // Same bytes from every build: the whole file once, in order (cached values from earlier slices included).
  const outs = builds.map((b) => Buffer.concat(slices.map((_, i) => b.csv(i))).toString('utf8'));
  const json = builds.map((b) => b.json());
  for (let k = 1; k < builds.length; k++) {
    const same = outs[k] === outs[0] && (json[k] as Buffer).equals(json[0] as Buffer);
    console.log(`${builds[k]?.label} vs ${builds[0]?.label}: ${same ? 'identical output' : 'OUTPUT DIFFERS'}`);
    if (!same) process.exitCode = 1;
  }
}

const cpuNow = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

interface Tally {
  ms: number;
  units: number;
}

/** Alternating rounds: each build runs ~SECONDS / (rounds × builds) per round, every build in every round. */
function run(name: string, step: (b: Build, n: number) => number, unit: string, perUnit: number): void {
  const tallies = new Map<string, Tally[]>(builds.map((b) => [b.label, []]));
  const cursor = new Map<string, number>(builds.map((b) => [b.label, 0]));
  for (const b of builds) for (let n = 0; n < 20; n++) step(b, n); // warm-up: JIT, first decisions
  const rounds = ROUNDS;
  for (let r = 0; r < rounds; r++)
    for (const b of builds) {
      const t0 = cpuNow();
      let units = 0;
      let n = cursor.get(b.label) as number;
      // The clock is read every 4 steps: process.cpuUsage costs about as much as a small step.
      while (cpuNow() - t0 < (SECONDS * 1000) / rounds / builds.length)
        for (let k = 0; k < 4; k++) units += step(b, n++);
      cursor.set(b.label, n);
      tallies.get(b.label)?.push({ ms: cpuNow() - t0, units });
    }
  for (const [label, list] of tallies) {
    const per = list.map((t) => (t.ms * 1000) / t.units).sort((x, y) => x - y);
    const median = per[Math.floor(per.length / 2)] as number;
    console.log(
      `${name}, ${label}: ${median.toFixed(2)} µs CPU per ${unit}, ${(median / perUnit).toFixed(3)} µs per value` +
        ` (median of ${rounds} rounds; range ${(per[0] as number).toFixed(2)}–${(per.at(-1) as number).toFixed(2)})`,
    );
  }
}

if (ONLY === undefined || ONLY === 'csv') {
  // new_space holds both semi-spaces.
  const semi = (getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0) / 2 ** 21;
  console.log(
    `CSV: ${slices.length} slices, ${columns.length} columns, ${(text.length / 1e6).toFixed(1)} M chars; ` +
      `semi-space ${semi.toFixed(1)} MiB (a kamen mask worker's: 2 MiB, node --max-semi-space-size=2)`,
  );
  run('csv', (b, n) => (b.csv(n % slices.length), rowsOf(n % slices.length)), 'row', columns.length);
}
if (ONLY === undefined || ONLY === 'json') {
  // Values per page: the leaves of the 50 employee records.
  const values = (builds[0]?.json().toString('utf8').match(/":/gu)?.length ?? 1) - 2;
  run('json page', (b) => (b.json(), 1), 'page', values);
  console.log(`(json page: ${values} values per page)`);
}
