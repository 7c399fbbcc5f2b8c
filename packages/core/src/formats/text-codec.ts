import { textCodec } from './codec.js';
import { limitError, resolveLimits, type FormatLimits } from './limits.js';
import type { RecordDecoder, RecordUnit, TextCodec, FormatTransform } from './types.js';

/** Options of the text decoder. */
export interface TextDecoderOptions extends FormatLimits {
  /** Line number of the input's first line in messages (default 1; a slice of a file passes its own). */
  readonly firstLine?: number;
}

/**
 * Incremental plain-text decoder: one record per line, the line (without its `\n` or `\r\n`) is one leaf of kind
 * 'text' with path ''. Line ends are kept; a line longer than `maxStringLength` is an error (CLI-06), so memory
 * stays bounded even for input without line breaks.
 * @public
 */
export function createTextDecoder(options: TextDecoderOptions = {}): RecordDecoder {
  const { maxStringLength } = resolveLimits(options);
  const lineBase = (options.firstLine ?? 1) - 1;
  let partial = '';
  let line = 0;

  const unit = (value: string, terminator: string): RecordUnit => {
    const record = line++;
    return { record, pieces: ['', terminator], leaves: [{ value, path: '', field: '', kind: 'text', record }] };
  };
  const tooLong = (): Error => limitError('line length', maxStringLength, { line: lineBase + line + 1, record: line });

  return {
    spec: { format: 'text' },
    write(chunk) {
      const out: RecordUnit[] = [];
      let from = 0;
      let nl = chunk.indexOf('\n');
      while (nl >= 0) {
        let text = partial + chunk.slice(from, nl);
        partial = '';
        const crlf = text.endsWith('\r');
        if (crlf) text = text.slice(0, -1);
        if (text.length > maxStringLength) throw tooLong();
        out.push(unit(text, crlf ? '\r\n' : '\n'));
        from = nl + 1;
        nl = chunk.indexOf('\n', from);
      }
      partial += chunk.slice(from);
      // One character of slack: a trailing '\r' may still turn out to be part of '\r\n'.
      if (partial.length > maxStringLength + 1) throw tooLong();
      return out;
    },
    end() {
      if (partial === '') return [];
      if (partial.length > maxStringLength) throw tooLong();
      const last = unit(partial, '');
      partial = '';
      return [last];
    },
  };
}

/** Streaming line-oriented text codec (see createTextDecoder). @public */
export function createTextCodec(options: FormatLimits, transform: FormatTransform): TextCodec {
  return textCodec(createTextDecoder(options), transform);
}
