import { anchoredRegex, type AnchoredRegex } from '../../../packages/core/src/detectors/anchored-regex.js';
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

// One compiled matcher per source and flags, as a detector holds it for the life of the process: compiling (reading
// the anchors, compiling the regexes) on every call made the every-pattern property take 22 s alone and over its
// 30 s timeout beside another test file; reusing it also checks that matches() keeps no state between texts.
const compiled = new Map<string, AnchoredRegex>();

/** The matches of anchoredRegex (whatever anchor it picks for the source), in the same form. */
export function anchoredMatches(source: string, flags: string, text: string): string[] {
  const id = `${flags}/${source}`;
  let re = compiled.get(id);
  if (re === undefined) compiled.set(id, (re = anchoredRegex(source, flags)));
  return re.matches(text, findDigitRuns(text)).map(key);
}
