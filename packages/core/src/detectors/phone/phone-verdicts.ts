import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** libphonenumber's answer for a text, as the phone rule reads it. */
export const Verdict = {
  invalid: 0,
  valid: 1,
  /** Not valid, but of a possible length for a calling code other than +81. */
  possible: 2,
} as const;
export type Verdict = (typeof Verdict)[keyof typeof Verdict];

/**
 * libphonenumber's verdicts, remembered per text. The forms it alone decides (00… and 010… call prefixes, +CC
 * numbers whose range or shape the compiled plans leave to it) cost 20-100 µs a call once a GC has cleared V8's
 * regexp cache, and HR text repeats them (a signature, a switchboard number): on 2 MB of mixed bench text 65 calls
 * asked about 10 texts and took ~2 ms of the rule's ~9. The answer depends on the text and default country only.
 */
const MEMO = new Map<string, Verdict>();
/** Enough for the distinct rare-form numbers of a large batch; past it the memo starts afresh (bounded memory). */
const MEMO_CAP = 1024;

/** The verdict on `text` read as an international number (+CC) or with a default country. */
export function verdictOf(text: string, country?: 'JP' | 'US'): Verdict {
  // International texts start with '+', the others never do: the keys cannot collide.
  const key = country === undefined ? text : `${country} ${text}`;
  let v = MEMO.get(key);
  if (v === undefined) {
    v = ask(text, country);
    if (MEMO.size >= MEMO_CAP) MEMO.clear();
    MEMO.set(key, v);
  }
  return v;
}

function ask(text: string, country: 'JP' | 'US' | undefined): Verdict {
  const n = country === undefined ? parsePhoneNumberFromString(text) : parsePhoneNumberFromString(text, country);
  if (n === undefined) return Verdict.invalid;
  if (n.isValid()) return Verdict.valid;
  return n.countryCallingCode !== '81' && n.isPossible() ? Verdict.possible : Verdict.invalid;
}
