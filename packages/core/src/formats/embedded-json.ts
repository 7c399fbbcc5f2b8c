import { createJsonDecoder } from './json-codec.js';
import type { FormatLimits } from './limits.js';
import type { Leaf } from './types.js';

/** A JSON document decoded into leaves and the verbatim pieces around them (`pieces.length === leaves.length + 1`). */
export interface EmbeddedJson {
  readonly pieces: string[];
  readonly leaves: Leaf[];
}

/**
 * Decodes a JSON document embedded in another format (an SSE data line, an HTML `<script type=application/json>`)
 * into one flat piece/leaf sequence with leaves numbered as `record`. Returns undefined when the text is not one
 * valid JSON document: the caller then treats it as text.
 */
export function decodeEmbeddedJson(text: string, record: number, limits: FormatLimits): EmbeddedJson | undefined {
  const decoder = createJsonDecoder(limits);
  let units;
  try {
    units = [...decoder.write(text), ...decoder.end()];
  } catch {
    return undefined;
  }
  const pieces: string[] = [''];
  const leaves: Leaf[] = [];
  for (const unit of units) {
    pieces[pieces.length - 1] += unit.pieces[0] as string;
    unit.leaves.forEach((leaf, i) => {
      leaves.push({ ...leaf, record });
      pieces.push(unit.pieces[i + 1] as string);
    });
  }
  return { pieces, leaves };
}
