/**
 * Renders the benchmark results as markdown: machine, command, throughput + recall table, operator section, and
 * an interpretation computed from the numbers (targets met or not), so the README never disagrees with its table.
 * The operator section has one renderer, {@link operatorSection}, used by bench/operators.ts and bench/run.ts alike.
 */
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import type { OperatorBenchRow } from './operators.js';
import type { ThroughputRow } from './measure.js';
import type { RecallRow } from './recall.js';

/** Kamen's targets from the benchmark issue. */
export const TARGET_MB_PER_SECOND = 20;

export interface BenchResults {
  readonly command: string;
  readonly date: Date;
  readonly throughput: readonly ThroughputRow[];
  readonly recall: readonly RecallRow[];
  /** The operator section's markdown (see {@link operatorSection}), placed between detection and interpretation. */
  readonly operators: string;
  readonly corpusNote: string;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const mb = (x: number): string => (x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));

export function machine(): string {
  const cpu = cpus();
  return [
    `- CPU: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length} logical cores`,
    `- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- OS: ${platform()} ${release()}`,
    `- Node: ${process.version}`,
    // Other processes may share the machine; a load average above the core count means the timings are pessimistic.
    `- Load average when the report was written (1/5/15 min): ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' / ')}`,
  ].join('\n');
}

export function throughputTable(r: BenchResults): string {
  const lines = [
    '| library | lang | MB/s | ratio to kamen | strict recall | negatives changed | bytes timed per pass |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  const kamenSpeed = new Map(r.throughput.filter((t) => t.library === 'kamen').map((t) => [t.lang, t.mbPerSecond]));
  for (const t of r.throughput) {
    const rec = r.recall.find((x) => x.library === t.library && x.lang === t.lang);
    const k = kamenSpeed.get(t.lang);
    lines.push(
      `| ${t.library} | ${t.lang} | ${mb(t.mbPerSecond)} | ${k === undefined ? '—' : `${(t.mbPerSecond / k).toFixed(2)}×`} | ${
        rec ? pct(rec.recall) : '—'
      } | ${rec ? pct(rec.negativesChanged) : '—'} | ${(t.bytesTimed / 1e6).toFixed(2)} MB${t.fullInput ? '' : ' (sample)'} |`,
    );
  }
  return lines.join('\n');
}

/** A before/after measurement of the operators in one process (bench/operators.ts runOperatorBench). */
export interface OperatorComparison {
  /** The command that measured it, as written in the README. */
  readonly command: string;
  readonly date: Date;
  /** 1-minute load average when the measurement started and ended. */
  readonly load: readonly [number, number];
  /** What "before" is, e.g. "commit 0582f40". */
  readonly baselineLabel: string;
  /** CPU-ms per case and side, the number of interleaved slices, and the warm-up values before them. */
  readonly millis: number;
  readonly slices: number;
  readonly warmup: number;
  readonly baseline: readonly OperatorBenchRow[];
  readonly current: readonly OperatorBenchRow[];
}

/** Markers of the operator section: bench/operators.ts --write replaces it, `npm run bench` keeps or renews it. */
export const OPERATORS_START = '<!-- operators-bench -->';
export const OPERATORS_END = '<!-- /operators-bench -->';

const int = (x: number): string => x.toLocaleString('en-US');

/**
 * Breaks `text` at spaces into lines of at most `width` characters; a code span stays on one line (a command with
 * its quoted arguments must be copyable), and a longer word or span keeps a line to itself.
 */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.match(/`[^`]*`\S*|[^\s`]+/gu) ?? []) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line].join('\n');
}

/** The "Operators" section of bench/README.md, markers included: method from the run's own parameters, then the table. */
export function operatorSection(r: OperatorComparison): string {
  const cpu = cpus();
  const when = `${r.date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const cpuS = (r.millis / 1000).toLocaleString('en-US');
  const rows = r.current.map((now, i) => {
    const then = r.baseline[i];
    if (then === undefined || then.operator !== now.operator || then.entity !== now.entity)
      throw new Error(`operator rows differ at ${i}: ${now.operator} ${now.entity}`);
    const ratio = (then.microsPerValue / now.microsPerValue).toFixed(2);
    return `| ${now.operator} | ${now.entity} | ${int(then.valuesPerSecond)} | ${then.microsPerValue.toFixed(2)} | ${int(
      now.valuesPerSecond,
    )} | ${now.microsPerValue.toFixed(2)} | ${ratio}× |`;
  });
  const method = [
    `Values per CPU-second (process.cpuUsage, user + system) of one thread, ${when}, ${cpu[0]?.model ?? 'unknown CPU'}`,
    `× ${cpu.length} logical cores, 1-minute load average ${r.load[0].toFixed(1)} at the start and ${r.load[1].toFixed(1)}`,
    'at the end (other processes on the box lower the absolute numbers; compare the columns of one row).',
    `Both sides come from one run of \`${r.command}\`: "before" is the operators of ${r.baselineLabel}, "after" this`,
    `tree; each case runs ${cpuS} CPU-s per side in ${r.slices} interleaved slices after a ${int(r.warmup)}-value`,
    'warm-up, so load from other processes falls on both alike. Synthetic values cycled per case (listed in',
    "bench/operators.ts); no operator memoises values (the policy layer's short-text memo is not in this path).",
  ].join(' ');
  return `${OPERATORS_START}
## Operators (bench/operators.ts)

${wrap(method, 116)}

| operator | entity | before values/s | before µs/value | after values/s | after µs/value | speed-up |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}
${OPERATORS_END}`;
}

/** Replaces the `start`…`end` block of `readme` with `block` (markers included), or appends it when absent. */
export function replaceBlock(readme: string, start: string, end: string, block: string): string {
  const from = readme.indexOf(start);
  const to = from < 0 ? -1 : readme.indexOf(end, from);
  if (from < 0 || to < 0) return `${readme.trimEnd()}\n\n${block}\n`;
  return `${readme.slice(0, from)}${block}${readme.slice(to + end.length)}`;
}

/** Every `<!-- name -->…<!-- /name -->` block of a README, in order, by name. */
export function markedBlocks(readme: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const m of readme.matchAll(/<!-- ([a-z-]+) -->[\s\S]*?<!-- \/\1 -->/g)) blocks.set(m[1] as string, m[0]);
  return blocks;
}

/** Plain statements of which targets hold in this run. */
export function interpretation(r: BenchResults): string {
  const out: string[] = [];
  const mixed = r.throughput.find((t) => t.library === 'kamen' && t.lang === 'mixed');
  if (mixed)
    out.push(
      `- Throughput target (≥ ${TARGET_MB_PER_SECOND} MB/s single-threaded on mixed HR text): **${
        mixed.mbPerSecond >= TARGET_MB_PER_SECOND ? 'met' : 'not met'
      }** — kamen ran at ${mb(mixed.mbPerSecond)} MB/s on mixed text.`,
    );
  for (const lang of ['ja', 'en'] as const) {
    const k = r.recall.find((x) => x.library === 'kamen' && x.lang === lang);
    const peers = r.recall.filter((x) => x.library !== 'kamen' && !x.library.startsWith('baseline') && x.lang === lang);
    if (!k || peers.length === 0) continue;
    const best = peers.reduce((a, b) => (b.recall > a.recall ? b : a));
    out.push(
      `- Recall target (${lang}: higher strict recall than every peer): **${k.recall > best.recall ? 'met' : 'not met'}** — kamen ${pct(
        k.recall,
      )} vs best peer ${best.library} ${pct(best.recall)}; kamen changed ${pct(k.negativesChanged)} of ${lang} texts without PII (best peer there: ${pct(
        Math.min(...peers.map((p) => p.negativesChanged)),
      )}).`,
    );
  }
  return out.join('\n');
}

export function renderMarkdown(r: BenchResults, notes: string): string {
  return `# kamen benchmark

Generated by \`${r.command}\` on ${r.date.toISOString()}. Absolute numbers move from machine to machine;
compare rows of the same run (the ratio column) rather than against other runs.

## Machine

${machine()}

## Detection: throughput and strict recall

${r.corpusNote}

${throughputTable(r)}

${r.operators}

## Interpretation

${interpretation(r)}

${notes}
`;
}
