/**
 * The libraries the benchmark compares, behind one shape: `redact(text)` returns what the library would show
 * (its redacted output). kamen also exposes `findings` so recall and "negatives changed" use its own ranges.
 * Each peer is called once per text, the way its README shows.
 */
import { Redactor } from '@redactpii/node';
import { OpenRedaction } from 'openredaction';
import { SyncRedactor } from 'redact-pii';
import { detect } from '../packages/core/src/index.js';
import type { DetectOptions, Finding } from '../packages/core/src/index.js';
import { redactSpans } from '../test/eval/metrics.js';

/** Same options as `npm run eval`, so recall here matches the evaluation report. */
export const KAMEN_OPTIONS: DetectOptions = { conflicts: 'merge' };

/** One library under test. `redact` may be async (openredaction's API is). */
export interface Contender {
  readonly name: string;
  /** Work measured for throughput: the library's own call on one text. */
  readonly run: (text: string) => unknown;
  /** What a reader would see after the library ran (used for strict recall). */
  readonly redact: (text: string) => string | Promise<string>;
  /** True when the library changed / flagged a text (used on texts without PII). */
  readonly changed: (text: string) => boolean | Promise<boolean>;
}

const kamen: Contender = {
  name: 'kamen',
  run: (text) => detect(text, KAMEN_OPTIONS),
  redact: (text) => redactSpans(text, detect(text, KAMEN_OPTIONS) as readonly Finding[]),
  changed: (text) => detect(text, KAMEN_OPTIONS).length > 0,
};

const redactPii = new SyncRedactor();
const redactPiiContender: Contender = {
  name: 'redact-pii',
  run: (text) => redactPii.redact(text),
  redact: (text) => redactPii.redact(text),
  changed: (text) => redactPii.redact(text) !== text,
};

const redactpiiNode = new Redactor();
const redactpiiNodeContender: Contender = {
  name: '@redactpii/node',
  run: (text) => redactpiiNode.redact(text),
  redact: (text) => redactpiiNode.redact(text),
  changed: (text) => redactpiiNode.redact(text) !== text,
};

// The README's configuration. detect() is async, so throughput awaits each call in turn (one text at a time).
const openRedaction = new OpenRedaction({ redactionMode: 'placeholder' } as ConstructorParameters<
  typeof OpenRedaction
>[0]);
const openRedactionContender: Contender = {
  name: 'openredaction',
  run: (text) => openRedaction.detect(text),
  redact: async (text) => (await openRedaction.detect(text)).redacted,
  changed: async (text) => (await openRedaction.detect(text)).redacted !== text,
};

/** kamen first: every ratio in the report is relative to it. */
export const CONTENDERS: readonly Contender[] = [
  kamen,
  redactPiiContender,
  redactpiiNodeContender,
  openRedactionContender,
];

const DIGITS4 = /\d{4}/g;
/** Scale reference: one trivial global regex replace over the same texts. */
export const REGEX_BASELINE: Contender = {
  name: 'baseline: /\\d{4}/g replace',
  run: (text) => text.replace(DIGITS4, '####'),
  redact: (text) => text.replace(DIGITS4, '####'),
  changed: (text) => text.replace(DIGITS4, '####') !== text,
};
