import type { Profile } from '@kamen/core';

/** The JSON report of `kamen scan` (stdout or --report): the profile plus what was read. */
export interface ScanReport extends Profile {
  readonly kind: 'kamen-scan-report';
  readonly version: 1;
  readonly input: {
    readonly name: string;
    readonly format: string;
    readonly encoding: string;
    readonly bom: boolean;
    /** Bytes read (the whole input unless --max-records stopped early). */
    readonly bytes: number;
  };
  /** --max-records stopped the scan before the end of the input. */
  readonly truncated: boolean;
  readonly elapsedMs: number;
  /** ISO time the scan finished. */
  readonly generated: string;
}

/** Fields holding PII: a personal classification or findings in the values. */
export function piiFields(report: Profile): number {
  return report.fields.filter((f) => f.piiValues > 0 || (f.classification !== null && f.values > f.empty)).length;
}
