/**
 * The proxy's masking work alone, in-process, without HTTP: the demo's `/api/employees` JSON page and CSV export
 * masked as role `support` through the code the proxy runs (createLeafMasker + createBodyCodec), body after body.
 * Prints CPU time per body (this process's user + system CPU, process.cpuUsage) so two builds can be compared in
 * the same run on a shared machine, and is the loop to profile:
 *
 *   npx tsx bench/proxy-mask.ts [--seconds=5] [--only=json|csv] [--baseline=<leaf-masker.js of another build>]
 *   node --cpu-prof --cpu-prof-dir=bench/out --import tsx bench/proxy-mask.ts --seconds=10
 */
import { pathToFileURL } from 'node:url';
import { compilePolicy, ephemeralKeyRing, loadPolicy, maskText } from '@kamen/core';
import { createBodyCodec } from '../packages/proxy/dist/mask/body-codec.js';
import { createLeafMasker as currentMasker } from '../packages/proxy/dist/mask/leaf-masker.js';
import type { BodyFormat } from '../packages/proxy/dist/mask/content-type.js';
import { DEMO_PAGE_SIZE } from '../packages/proxy/dist/demo/demo-app.js';
import { generateEmployees } from '../packages/proxy/dist/demo/employees.js';
import { toCsv } from '../packages/proxy/dist/demo/render.js';

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SECONDS = Number(arg('seconds') ?? 5);
const ONLY = arg('only');
const BASELINE = arg('baseline');
// Characters per write: the decompressed upstream stream arrives in zlib chunks of 16 KB.
const CHUNK = Number(arg('chunk') ?? 16384);

const records = generateEmployees(3300).map((e) => e.record);
const bodies: { name: string; format: BodyFormat; text: string }[] = [
  {
    name: 'json',
    format: 'json',
    text: JSON.stringify({ total: records.length, employees: records.slice(0, DEMO_PAGE_SIZE) }),
  },
  { name: 'csv', format: 'csv', text: toCsv(records) },
];

const plan = compilePolicy(loadPolicy('support'), 'support', { keys: ephemeralKeyRing() });
maskText('山田 太郎 090-1234-5678 東京都千代田区', plan);

type CreateMasker = typeof currentMasker;
const maskers: [string, CreateMasker][] = [['this tree', currentMasker]];
if (BASELINE !== undefined)
  maskers.unshift([
    'baseline',
    ((await import(pathToFileURL(BASELINE).href)) as { createLeafMasker: CreateMasker }).createLeafMasker,
  ]);

/** Masks one body the way respondMasked does (in --chunk pieces, like the decompressed upstream stream). */
function maskBody(create: CreateMasker, format: BodyFormat, text: string): number {
  const codec = createBodyCodec(format, { maxStringLength: 1 << 20 }, create(plan, { counts: new Map() }));
  let out = 0;
  for (let i = 0; i < text.length; i += CHUNK) out += codec.write(text.slice(i, i + CHUNK)).length;
  return out + codec.end().length;
}

// Alternating rounds, so load from other processes falls on both builds alike.
for (const b of bodies) {
  if (ONLY !== undefined && ONLY !== b.name) continue;
  const cpuMs = new Map<string, number[]>();
  for (let round = 0; round < 3; round++)
    for (const [name, create] of maskers) {
      maskBody(create, b.format, b.text); // warm-up: JIT, the first-body decisions
      const cpu0 = process.cpuUsage();
      const t0 = Date.now();
      let n = 0;
      while (Date.now() - t0 < (SECONDS * 1000) / 3) {
        maskBody(create, b.format, b.text);
        n++;
      }
      const cpu = process.cpuUsage(cpu0);
      cpuMs.set(name, [...(cpuMs.get(name) ?? []), (cpu.user + cpu.system) / 1000 / n]);
    }
  const kb = Buffer.byteLength(b.text) / 1024;
  for (const [name, ms] of cpuMs) {
    const median = [...ms].sort((x, y) => x - y)[1] as number;
    console.log(`${b.name} (${kb.toFixed(1)} KB), ${name}: ${median.toFixed(2)} ms CPU per body (median of 3 rounds)`);
  }
}
