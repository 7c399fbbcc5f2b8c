import type { SkippedRecord } from '../io/index.js';
import type { FieldDecisions } from './decide.js';
import { OTHER_FIELDS, type MaskStats } from './stats.js';

/** The `--report FILE` document (JSON): what was read, decided and masked. Never a value from the input. */
export interface MaskReport {
  readonly input: { name: string; format: string; encoding: string; bom: boolean; bytes: number };
  readonly output: { name: string; encoding: string };
  readonly policy: string;
  readonly role: string;
  readonly key: 'key-file' | 'KAMEN_KEY' | 'ephemeral';
  readonly workers: number;
  readonly records: number;
  readonly skipped: number;
  /** The first skipped records (code and location), at most 1000. */
  readonly skippedRecords: readonly SkippedRecord[];
  readonly maskedByType: Readonly<Record<string, number>>;
  readonly fields: Readonly<
    Record<string, { type: string | null; confidence: number; source: string; masked: Record<string, number> }>
  >;
  readonly seconds: number;
  readonly recordsPerSecond: number;
  readonly megabytesPerSecond: number;
}

/**
 * `safeName` masks a field name for display: a JSON key can itself be personal data (an object keyed by e-mail
 * address), and neither stderr nor the report may carry it.
 */
export function buildReport(
  base: Omit<MaskReport, 'records' | 'maskedByType' | 'fields' | 'recordsPerSecond' | 'megabytesPerSecond'>,
  stats: MaskStats,
  decisions: FieldDecisions,
  safeName: (field: string) => string = (f) => f,
): MaskReport {
  const fields: Record<string, MaskReport['fields'][string]> = {};
  for (const name of reportedFields(stats, decisions)) {
    const d = decisions[name];
    fields[name === OTHER_FIELDS ? name : safeName(name)] = {
      type: d?.type ?? null,
      confidence: d?.confidence ?? 0,
      source: d?.source ?? 'unsampled',
      masked: stats.byField[name] ?? {},
    };
  }
  const secs = Math.max(base.seconds, 1e-3);
  return {
    ...base,
    records: stats.records,
    maskedByType: stats.byType,
    fields,
    recordsPerSecond: Math.round(stats.records / secs),
    megabytesPerSecond: Math.round((base.input.bytes / 1e6 / secs) * 100) / 100,
  };
}

/** The fields a report lists: every decided field, then every field masked values were counted for. */
export function reportedFields(stats: MaskStats, decisions: FieldDecisions): string[] {
  return [...new Set([...Object.keys(decisions), ...Object.keys(stats.byField)])];
}

const sum = (m: Readonly<Record<string, number>>): number => Object.values(m).reduce((a, b) => a + b, 0);
const list = (m: Readonly<Record<string, number>>): string =>
  Object.entries(m)
    .sort((a, b) => b[1] - a[1])
    .map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`)
    .join(', ');

/** The end-of-run summary for stderr. */
export function formatSummary(r: MaskReport): string {
  const lines = [
    `kamen mask: ${r.records.toLocaleString('en-US')} records (${r.input.format}, ${r.input.encoding}` +
      `${r.output.encoding !== r.input.encoding ? ` → ${r.output.encoding}` : ''}) in ${r.seconds.toFixed(2)} s, ` +
      `${r.recordsPerSecond.toLocaleString('en-US')} records/s, ${r.megabytesPerSecond} MB/s; ` +
      `policy ${r.policy}, role ${r.role}, ${r.workers === 0 ? 'main thread' : `${r.workers} workers`}`,
    `  masked: ${sum(r.maskedByType).toLocaleString('en-US')} values${Object.keys(r.maskedByType).length > 0 ? ` — ${list(r.maskedByType)}` : ''}`,
  ];
  for (const [name, f] of Object.entries(r.fields)) {
    if (sum(f.masked) === 0 && f.type === null) continue;
    lines.push(`  ${name}: ${f.type ?? 'free text'}${sum(f.masked) > 0 ? ` — ${list(f.masked)}` : ''}`);
  }
  if (r.skipped > 0) lines.push(`  skipped: ${r.skipped.toLocaleString('en-US')} malformed records (not written)`);
  return `${lines.join('\n')}\n`;
}
