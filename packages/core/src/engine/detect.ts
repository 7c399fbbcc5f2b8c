import { getDefaultRegistry, type Registry } from '../rules/registry.js';
import type { DetectOptions, Finding } from '../types.js';
import { scanWhole } from './scanner.js';

export interface DetectCallOptions extends DetectOptions {
  /** A registry built with createRegistry(); default: the built-in rules. */
  readonly registry?: Registry;
}

/**
 * Finds PII in `text`. Offsets are UTF-16 indices into `text` itself, even where matching ran on the
 * normalised copy. Never throws on any string.
 * @public
 */
export function detect(text: string, options: DetectCallOptions = {}): Finding[] {
  return scanWhole(options.registry ?? getDefaultRegistry(), options, text);
}
