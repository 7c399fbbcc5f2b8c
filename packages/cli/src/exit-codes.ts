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
} as const;
