import { anchoredRegex } from '../../../packages/core/src/detectors/anchored-regex.js';
import { findDigitRuns } from '../../../packages/core/src/text/digit-runs.js';

/** Shared by the anchor specs: every fast path is checked against the plain global scan it replaces. */
const key = (m: RegExpExecArray): string => `${m.index}:${m[0]}:${JSON.stringify(m.indices ?? null)}`;

/** The matches of the plain global exec loop the detector used to run. */
export function globalMatches(source: string, flags: string, text: string): string[] {
  const re = new RegExp(source, `g${flags}`);
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) re.lastIndex++;
    else out.push(key(m));
  }
  return out;
}

/** The matches of anchoredRegex (whatever anchor it picks for the source), in the same form. */
export const anchoredMatches = (source: string, flags: string, text: string): string[] =>
  anchoredRegex(source, flags).matches(text, findDigitRuns(text)).map(key);
