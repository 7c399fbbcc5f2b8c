/**
 * Where the sticky attempts of one matches() call stand (anchored-regex.ts and filtered-matches.ts try a digit-anchored
 * regex run by run): the matches so far, where the global scan would resume, and the last place tried.
 */
export interface Attempts {
  out: RegExpExecArray[] | undefined;
  /** End of the last match: the global scan resumes there, so no earlier place is tried. */
  next: number;
  /** Last place tried: a run's prefix window may overlap the previous run's, and no place is tried twice. */
  tried: number;
}

export const newAttempts = (): Attempts => ({ out: undefined, next: 0, tried: -1 });

/**
 * Tries `sticky` at every place from `from` to `to` that the global scan would try there and whose character can start
 * a match (`first` for a prefix, `firstDigit` for leading digits), in order, skipping what the last match consumed.
 * A match consumes at least one digit, so it is never empty.
 */
export function attemptRange(
  text: string,
  sticky: RegExp,
  from: number,
  to: number,
  first: Uint8Array | undefined,
  firstDigit: Uint8Array | undefined,
  a: Attempts,
): void {
  for (let p = Math.max(from, a.next, a.tried + 1, 0); p <= to; p++) {
    a.tried = p;
    if (first !== undefined && first[text.charCodeAt(p)] !== 1) continue;
    if (firstDigit !== undefined && firstDigit[text.charCodeAt(p)] !== 1) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (m === null) continue;
    (a.out ??= []).push(m);
    a.next = p + m[0].length;
    p = a.next - 1;
  }
}
