import { getDefaultRegistry, type Registry } from '../rules/registry.js';
import type { DetectOptions, Finding } from '../types.js';
import { createScanner } from './scanner.js';

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
  const scanner = createScanner(options.registry ?? getDefaultRegistry(), options);
  const first = scanner.write(text);
  const rest = scanner.end();
  return rest.length === 0 ? first : first.concat(rest);
}
