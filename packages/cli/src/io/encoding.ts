import iconv from 'iconv-lite';
import { kamenError } from './errors.js';
import { completeLength, unitLength, type JpEncoding } from './jp-bytes.js';
import { jpPlausibility } from './jp-sniff.js';

/** Encodings kamen reads and writes. */
export type TextEncodingName = 'utf-8' | JpEncoding;

export const ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'shift_jis', 'cp932', 'euc-jp'];

const ALIASES: Readonly<Record<string, TextEncodingName>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  shift_jis: 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  cp932: 'cp932',
  'windows-31j': 'cp932',
  ms932: 'cp932',
  'euc-jp': 'euc-jp',
  eucjp: 'euc-jp',
};

/** Reads an --encoding value: a known name or alias (case-insensitive), or undefined for 'auto'. */
export function parseEncodingName(value: string): TextEncodingName | 'auto' | undefined {
  const v = value.toLowerCase();
  if (v === 'auto') return 'auto';
  return Object.hasOwn(ALIASES, v) ? ALIASES[v] : undefined;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/** Byte offset of the first invalid UTF-8 sequence in `b` (RFC 3629: no overlongs, surrogates or > U+10FFFF). */
export function invalidUtf8Offset(b: Uint8Array, complete: boolean): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k < len; k++) {
      if (i + k >= n) return complete ? i : -1;
      const t = b[i + k] as number;
      if (k === 1 ? t < lo || t > hi : t < 0x80 || t > 0xbf) return i;
    }
    i += len;
  }
  return -1;
}

/** Length of the prefix of UTF-8 `b` that ends on a character boundary. */
function utf8CompleteLength(b: Uint8Array): number {
  const n = b.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const c = b[n - back] as number;
    if ((c & 0xc0) === 0x80) continue; // continuation byte: keep looking for its lead
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/**
 * Guesses the encoding of the first bytes of an input: a UTF-8 BOM or valid UTF-8 (plain ASCII included) is
 * UTF-8; otherwise whichever of CP932 and EUC-JP decodes without an invalid character and reads more like
 * Japanese text wins (jp-sniff.ts; a tie is CP932). Undefined when neither decodes (the caller then fails with an
 * encoding error).
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): TextEncodingName | undefined {
  if (hasUtf8Bom(sample) || invalidUtf8Offset(sample, complete) < 0) return 'utf-8';
  let best: { enc: JpEncoding; score: number } | undefined;
  for (const enc of ['cp932', 'euc-jp'] as const) {
    const usable = complete ? sample : sample.subarray(0, completeLength(enc, sample));
    const text = iconv.decode(Buffer.from(usable.buffer, usable.byteOffset, usable.byteLength), enc);
    if (text.includes('\ufffd')) continue;
    const score = jpPlausibility(usable, enc);
    if (best === undefined || score > best.score) best = { enc, score };
  }
  return best?.enc;
}

/** A streaming decoder: bytes in, text out; invalid bytes throw KAMEN_ERR_INPUT_ENCODING with their offset. */
export interface ByteDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

/** Where a byte decoder starts: a slice of a file (a worker's share) names bytes and lines of the whole file. */
export interface ByteStart {
  /** Bytes of the file before the slice. */
  readonly offset: number;
  /** Line feeds of the file before the slice. */
  readonly lines: number;
}

export function createByteDecoder(encoding: TextEncodingName, file?: string, start?: ByteStart): ByteDecoder {
  const utf8 = encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }) : undefined;
  let carry: Uint8Array = new Uint8Array(0);
  let offset = start?.offset ?? 0; // bytes decoded before `carry`
  let lines = start?.lines ?? 0; // line feeds before `carry` (0x0A is never part of a multibyte character here)
  // Only the file's first bytes can be a BOM; in a slice from mid-file they are text.
  let first = offset === 0;

  const fail = (at: number, bytes: Uint8Array): never => {
    let line = lines + 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    throw kamenError('KAMEN_ERR_INPUT_ENCODING', `invalid ${encoding} at byte ${offset + at}`, {
      ...(file !== undefined ? { file } : {}),
      line,
    });
  };

  const decodeJp = (bytes: Uint8Array, enc: JpEncoding): string => {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), enc);
    if (!text.includes('\ufffd')) return text;
    // U+FFFD is in none of these character sets: some character did not decode. Find which, for the message.
    for (let i = 0; i < bytes.length;) {
      const len = Math.min(unitLength(enc, bytes[i] as number), bytes.length - i);
      const unit = Buffer.from(bytes.buffer, bytes.byteOffset + i, len);
      if (iconv.decode(unit, enc).includes('\ufffd')) fail(i, bytes);
      i += len;
    }
    return fail(0, bytes);
  };

  const decode = (bytes: Uint8Array, final: boolean): string => {
    const n = final ? bytes.length : encoding === 'utf-8' ? utf8CompleteLength(bytes) : completeLength(encoding, bytes);
    let head = bytes.subarray(0, n);
    carry = bytes.slice(n);
    if (first && head.length > 0) {
      first = false;
      if (encoding === 'utf-8' && hasUtf8Bom(head)) {
        // The BOM is not text: the output writer puts it back (CLI-04).
        head = head.subarray(3);
        offset += 3;
      }
    }
    let text: string;
    if (utf8 !== undefined) {
      try {
        text = utf8.decode(head);
      } catch {
        const at = invalidUtf8Offset(head, true);
        return fail(at < 0 ? 0 : at, head);
      }
    } else {
      text = decodeJp(head, encoding as JpEncoding);
    }
    for (let i = head.indexOf(0x0a); i >= 0; i = head.indexOf(0x0a, i + 1)) lines++;
    offset += head.length;
    return text;
  };

  return {
    write(bytes) {
      if (carry.length === 0) return decode(bytes, false);
      const joined = new Uint8Array(carry.length + bytes.length);
      joined.set(carry);
      joined.set(bytes, carry.length);
      return decode(joined, false);
    },
    end() {
      return carry.length === 0 ? '' : decode(carry, true);
    },
  };
}

// String.prototype.isWellFormed (ES2024) is in Node 20, not in the ES2023 lib the project compiles against.
const wellFormed = (s: string): boolean => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

/** U+FFFD in UTF-8: what Buffer.from writes for a lone surrogate. */
const REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]);

/** Text out as bytes; throws KAMEN_ERR_OUTPUT_ENCODING when a character has no representation. */
export function encodeText(text: string, encoding: TextEncodingName, record?: number): Uint8Array {
  if (encoding === 'utf-8') {
    // A lone surrogate would silently become U+FFFD: fail closed instead. Encoding first and scanning the text only
    // when the bytes hold a U+FFFD saves a pass over every batch's text (a real U+FFFD only costs that pass).
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.indexOf(REPLACEMENT) >= 0 && !wellFormed(text)) throw unrepresentable(text, encoding, record);
    return bytes;
  }
  const bytes = iconv.encode(text, encoding);
  // iconv-lite writes '?' for what it cannot encode: a round trip shows every such character.
  if (iconv.decode(bytes, encoding) !== text) throw unrepresentable(text, encoding, record);
  return bytes;
}

function unrepresentable(text: string, encoding: TextEncodingName, record: number | undefined): Error {
  let cp: number | undefined;
  for (const ch of text) {
    const ok = encoding === 'utf-8' ? wellFormed(ch) : iconv.decode(iconv.encode(ch, encoding), encoding) === ch;
    if (!ok) {
      cp = ch.codePointAt(0);
      break;
    }
  }
  const what = cp === undefined ? 'a character' : `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return kamenError(
    'KAMEN_ERR_OUTPUT_ENCODING',
    `${what} cannot be written in ${encoding}`,
    record !== undefined ? { record } : {},
  );
}
