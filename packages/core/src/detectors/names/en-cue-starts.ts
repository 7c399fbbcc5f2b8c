/**
 * The cue words the title, label, slot and greeting patterns begin with (Mr, Name, cc, From:, Good morning …), and
 * the separator each pattern puts between its cue word and the name's capital. The start pass (en-starts.ts)
 * buckets a word start in a cue family only when one of its cue words is spelt out there and that separator and a
 * capital follow, so the patterns no longer run at the words that merely share a cue's first two letters (the, in,
 * report, contract, here), nor does the pass read up to 20 units after each of them for a capital. Every match
 * still begins at a bucketed start: test/core/names/en-starts.spec.ts compares the sticky runs with the global
 * scans on generated text. Over 2 MB of mixed bench text the four buckets hold 4.2k starts instead of 14.5k (en:
 * 9.2k instead of 34.5k); the start pass and the four patterns' runs, same process, old and new alternating,
 * median of 34 CPU ms: mixed 16.6 -> 16.0 (min 9.0 -> 8.1), en 15.7 -> 14.1.
 */

/** The separator between a cue word and the name's capital. */
export const Follow = {
  /** `\.? ` (Mr. Smith, Dr Roe). */
  title: 0,
  /** ` ?: ?` (Name: Roe, Employee : Roe). */
  label: 1,
  /** ` ` (Dear Roe, the label pattern's second branch). */
  space: 2,
  /** ` ?` (cc Roe, From:Roe). */
  slot: 3,
  /** `[ ,]{1,2}` (Hi Roe, Thanks, Roe). */
  greeting: 4,
} as const;
export type Follow = (typeof Follow)[keyof typeof Follow];

export interface Cue {
  readonly word: string;
  /** The family's bit: 1 << EnFamily (title 0, label 1, slot 2, greeting 3). */
  readonly bit: number;
  readonly follow: Follow;
}

// The literal alternatives of each pattern (person-name-en.ts, en-name-cues.ts), case variants spelt out.
const both = (words: readonly string[]): string[] => words.flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1)]);

/** en-name-cues.ts's STRONG_SLOT alternatives; en-slots.ts reads the same words before a pair. */
export const STRONG_SLOT_WORDS: readonly string[] = [
  ...both(['cc', 'bcc', 'ping', 'notify', 'ask', 'tell', 'remind', 'thank', 'invite', 'message', 'email']),
  ...both(['e-mail', 'call', 'this is']),
  'Dear',
  ...both(['hi', 'hello', 'hey']),
  ...['Welcome', 'From:', 'To:', 'Cc:', 'Bcc:', 'Attn:', 'Attention:', 'Reply-To:', 'Signed:'],
];
const CUES: readonly Cue[] = [
  ...['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof'].map((word) => ({ word, bit: 1, follow: Follow.title })),
  ...[
    ...['Full', 'Employee', 'Contact', 'Legal'].flatMap((w) => [`${w} name`, `${w} Name`]),
    ...['name', 'Name', 'Employee', 'Contact', 'Applicant', 'Approver', 'Requester', 'Spouse', 'Dependent'],
    ...['Emergency contact', 'Attn'],
    ...['Approved', 'Requested', 'Submitted', 'Prepared', 'Reviewed'].map((w) => `${w} by`),
  ].map((word) => ({ word, bit: 2, follow: Follow.label })),
  { word: 'Dear', bit: 2, follow: Follow.space },
  ...STRONG_SLOT_WORDS.map((word) => ({ word, bit: 4, follow: Follow.slot })),
  ...[
    ...both(['hi', 'hello', 'hey']),
    ...['Dear', 'Greetings', 'Thanks', 'Thank you', 'Morning', 'Good morning', 'Good afternoon', 'Good evening'],
  ].map((word) => ({ word, bit: 8, follow: Follow.greeting })),
];

/**
 * The cues by their first two code units (ASCII), at [first * 128 + second]; null elsewhere. Filled densely: an
 * array with a hundred elements set among 16k indexes would be a dictionary, probed by hash at every cue word.
 */
export const CUES_BY_PREFIX: readonly (readonly Cue[] | null)[] = (() => {
  const table: (Cue[] | null)[] = new Array<Cue[] | null>(128 * 128).fill(null);
  for (const cue of CUES) (table[cue.word.charCodeAt(0) * 128 + cue.word.charCodeAt(1)] ??= []).push(cue);
  return table;
})();

// The ASCII letters a cue word begins with, where the start pass's word (a run of ASCII letters) ends.
const letterRun = (word: string): number => {
  let k = 0;
  while (k < word.length && /[a-z]/i.test(word.charAt(k))) k++;
  return k;
};

/**
 * The lengths the word at a cue start can have, by the cue words' first two code units (as CUES_BY_PREFIX): bit L
 * when a cue's letters end after L units, a word of 31 units or more on bit 31. A spelt-out cue is followed by a
 * non-letter (its own `-`, `:` or space, or a separator) and its word is exactly that long; only a slot cue that
 * is all letters may run on into the name's capital (ccRoe, ` ?`), so its word may be longer. The start pass asks
 * cueFamiliesAt only about words of a length some cue has: most words sharing a cue's prefix (the, this, request,
 * information) are cut by their length instead of being compared with each cue.
 */
export const CUE_WORD_LENGTHS: Uint32Array = (() => {
  const table = new Uint32Array(128 * 128);
  for (const cue of CUES) {
    const run = letterRun(cue.word);
    const open = run === cue.word.length && cue.follow === Follow.slot;
    const k = cue.word.charCodeAt(0) * 128 + cue.word.charCodeAt(1);
    for (let len = run; len <= (open ? 31 : run); len++) table[k] = (table[k] as number) | (1 << len);
  }
  return table;
})();

/** The first two code units (first * 128 + second) of every cue word. */
export const cuePrefixes = (): readonly number[] =>
  [...CUES_BY_PREFIX.keys()].filter((k) => CUES_BY_PREFIX[k] !== null);
