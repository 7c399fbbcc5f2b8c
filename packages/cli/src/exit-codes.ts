/** Process exit codes of `kamen`, one per failure class (documented in docs/cli.md). */
export const EXIT = {
  OK: 0,
  /** Unexpected internal error. */
  INTERNAL: 1,
  /** Wrong command-line usage. */
  USAGE: 2,
  /** Input could not be parsed (CSV/XML/JSON syntax, encoding). */
  INPUT: 3,
  /** Rules, policy or key configuration is invalid. */
  CONFIG: 4,
  /** Reading or writing a file failed. */
  IO: 5,
  /** A masked value cannot be written in the output encoding (Shift_JIS/CP932/EUC-JP). */
  OUTPUT_ENCODING: 6,
  /** Masking failed (an operator error, a crashed worker): nothing more was written (fail closed). */
  MASK: 7,
  /** `kamen audit verify`: the audit log fails verification (edited, reordered, truncated, forged). */
  AUDIT_INVALID: 8,
  /** Stopped by SIGINT (128 + 2); SIGTERM ends with 143. */
  INTERRUPTED: 130,
} as const;

/** The exit code for a KamenError code: input problems, output encoding, masking, else configuration. */
export function exitCodeFor(code: string): number {
  if (code.startsWith('KAMEN_ERR_INPUT_')) return EXIT.INPUT;
  if (code === 'KAMEN_ERR_OUTPUT_ENCODING') return EXIT.OUTPUT_ENCODING;
  if (code === 'KAMEN_ERR_MASK_FAILED') return EXIT.MASK;
  return EXIT.CONFIG;
}
