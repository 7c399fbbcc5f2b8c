/**
 * Markdown for bench/proxy.ts: one table per workload (throughput, ratio to the pass-through proxy, latency under
 * load and without queueing, added latency), the 1,000-connection table, and the targets computed from the numbers.
 */
import type { Latency, LoadResult } from './proxy-load.js';

/** Targets of issue 5. */
export const TARGET_RATIO = 0.5;
export const TARGET_ADDED_P99_MS = 5;

export type TargetName = 'direct' | 'passthrough' | 'kamen-support' | 'kamen-support-inline' | 'kamen-admin';
export const TARGET_LABELS: Record<TargetName, string> = {
  direct: 'upstream directly',
  passthrough: 'undici pass-through proxy',
  'kamen-support': 'kamen, role support (masked)',
  'kamen-support-inline': 'kamen, role support, workers off (all inline)',
  'kamen-admin': 'kamen, role admin (clear)',
};

export interface WorkloadRow {
  readonly target: TargetName;
  readonly load: LoadResult;
  readonly latency: Latency;
  /** CPU time (ms) the serving process spent per response (the proxy's; the upstream's for `direct`). */
  readonly cpuMsPerRequest: number | undefined;
}

export interface Workload {
  readonly name: string;
  readonly path: string;
  readonly rows: WorkloadRow[];
}

export interface ManyConnectionsRow {
  readonly target: TargetName;
  readonly load: LoadResult;
  readonly idleRssMb: number | undefined;
  readonly peakRssMb: number | undefined;
}

const ms = (x: number): string => x.toFixed(2);
const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
const int = (x: number): string => Math.round(x).toLocaleString('en-US');
const size = (bytes: number): string =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} KB`;

export function workloadTable(w: Workload, connections: number): string {
  const base = w.rows.find((r) => r.target === 'passthrough');
  const bytes = w.rows.find((r) => r.target === 'direct')?.load.bytesPerResponse ?? 0;
  const lines = [
    `### ${w.name}: \`GET ${w.path}\` (${size(bytes)} per response from the upstream)`,
    '',
    `| target | req/s (${connections} conn.) | × pass-through | CPU per request (ms) | p50 / p99 under load (ms) | p50 / p99 one at a time (ms) | added p50 / p99 vs pass-through (ms) | errors + non-2xx |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of w.rows) {
    const ratio = base ? `${(r.load.rps / base.load.rps).toFixed(2)}×` : '—';
    const added =
      base && r.target !== 'direct' && r.target !== 'passthrough'
        ? `${signed(r.latency.p50 - base.latency.p50)} / ${signed(r.latency.p99 - base.latency.p99)}`
        : '—';
    lines.push(
      `| ${TARGET_LABELS[r.target]} | ${int(r.load.rps)} | ${ratio} | ${r.cpuMsPerRequest === undefined ? '—' : ms(r.cpuMsPerRequest)} | ${r.load.p50} / ${r.load.p99} | ${ms(r.latency.p50)} / ${ms(r.latency.p99)} | ${added} | ${r.load.errors + r.load.non2xx} |`,
    );
  }
  return lines.join('\n');
}

export function manyConnectionsTable(rows: readonly ManyConnectionsRow[], connections: number, path: string): string {
  const lines = [
    `### ${int(connections)} concurrent connections: \`GET ${path}\``,
    '',
    '| target | req/s | p50 / p99 (ms) | errors + non-2xx | proxy RSS idle → peak (MB) |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const rss = r.peakRssMb === undefined ? '—' : `${r.idleRssMb?.toFixed(0) ?? '?'} → ${r.peakRssMb.toFixed(0)}`;
    lines.push(
      `| ${TARGET_LABELS[r.target]} | ${int(r.load.rps)} | ${r.load.p50} / ${r.load.p99} | ${r.load.errors + r.load.non2xx} | ${rss} |`,
    );
  }
  return lines.join('\n');
}

/** "met" / "not met" lines for the targets, computed from the tables. */
export function verdicts(workloads: readonly Workload[]): string {
  const out: string[] = [];
  for (const w of workloads) {
    const base = w.rows.find((r) => r.target === 'passthrough');
    const kamen = w.rows.find((r) => r.target === 'kamen-support');
    if (!base || !kamen) continue;
    const ratio = kamen.load.rps / base.load.rps;
    const cpuRatio =
      kamen.cpuMsPerRequest && base.cpuMsPerRequest
        ? ` (CPU per request: ${(kamen.cpuMsPerRequest / base.cpuMsPerRequest).toFixed(1)}× the pass-through's)`
        : '';
    out.push(
      `- ${w.name}, masked (support) vs pass-through: ${ratio.toFixed(2)}× the request rate${cpuRatio} — target ≥ ${TARGET_RATIO}×: **${ratio >= TARGET_RATIO ? 'met' : 'not met'}**.`,
    );
    if (w.name.startsWith('JSON')) {
      const added = kamen.latency.p99 - base.latency.p99;
      out.push(
        `- ${w.name}, added p99 latency (support, one request at a time): ${added.toFixed(2)} ms — target < ${TARGET_ADDED_P99_MS} ms: **${added < TARGET_ADDED_P99_MS ? 'met' : 'not met'}**.`,
      );
    }
  }
  return out.join('\n');
}
