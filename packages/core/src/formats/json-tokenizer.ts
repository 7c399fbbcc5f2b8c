import { coreError, type KamenError } from '../errors.js';
import type { LiftedNumbers } from './json-numbers.js';
import { limitError, type ResolvedLimits } from './limits.js';
import type { RecordBuilder } from './record-builder.js';

/*
 * A hand-written, resumable JSON tokenizer (RFC 8259, strict). One pass, one state per position, no regexes, no
 * backtracking: every character is looked at once, so time is linear and memory is bounded by the open containers,
 * the current string and the current record. Strings are decoded (all escapes; surrogate pairs written as two \u
 * escapes join naturally in UTF-16) and handed to the RecordBuilder as leaves; everything else — punctuation,
 * whitespace, numbers and literals — is verbatim template text, so numbers pass through byte-identical. With a
 * `lifted` map, numbers are value leaves instead (named like a string in their place, text noted in the map): what
 * liftJsonNumbers makes of the records afterwards, without walking them again.
 */

const S_VALUE = 0; // a value is expected (top level, after ':' or after ',' in an array)
const S_ARRAY_FIRST = 1; // after '[': a value or ']'
const S_OBJ_FIRST = 2; // after '{': a key or '}'
const S_KEY = 3; // after ',' in an object: a key
const S_COLON = 4;
const S_AFTER = 5; // after a value inside a container: ',' or the closing bracket
const S_DONE = 6; // the top-level value is complete
const S_STRING = 7;
const S_ESCAPE = 8;
const S_UNICODE = 9;
const S_NUMBER = 10;
const S_LITERAL = 11;

// Number sub-states; the ones marked "accepting" may end the number.
const N_MINUS = 0;
const N_ZERO = 1; // accepting
const N_INT = 2; // accepting
const N_DOT = 3;
const N_FRAC = 4; // accepting
const N_EXP = 5;
const N_EXP_SIGN = 6;
const N_EXP_DIGITS = 7; // accepting

const LITERALS = ['true', 'false', 'null'] as const;

interface Frame {
  isArray: boolean;
  path: string;
  field: string;
  /** Arrays: index of the current element. Objects: number of keys so far. */
  count: number;
  /** Objects: path and field of the member whose key was read last. Arrays: the elements' field (`…[*]`). */
  childPath: string;
  childField: string;
  /**
   * Objects: member fields by key segment, for the objects at this depth under `fieldsOf`. Every element of a
   * record array then names its members with the same string objects, whose hash is computed once: field lookups
   * downstream (the proxy's field decider) stay Map hits instead of flattening and hashing a fresh string per leaf.
   */
  readonly fields: Map<string, string>;
  fieldsOf: string;
  /**
   * Objects: the members of the previous object at this depth under `fieldsOf`, by position (key, segment, field).
   * Records repeat their keys in order: a key equal to the one at its position reuses that member's strings
   * without hashing the fresh key, and the leaf gets the same key string object each record.
   */
  readonly members: Member[];
}

interface Member {
  readonly key: string;
  readonly seg: string;
  readonly field: string;
}

const SEGMENT_CACHE_MAX = 4096;
/** Member fields cached per tokenizer (all depths): bounded, as keys come from the input. */
const FIELD_CACHE_MAX = 4096;
/** Members remembered by position per object frame. */
const MEMBERS_MAX = 256;

/** The path segment of an object key: `.name` for an identifier, `["a b"]` for any other key. */
export function keySegment(key: string): string {
  return isIdentifier(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

function isIdentifier(key: string): boolean {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const alpha = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x24;
    if (!alpha && (i === 0 || c < 0x30 || c > 0x39)) return false;
  }
  return true;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

export type JsonMode = 'json' | 'ndjson';

export class JsonTokenizer {
  private state = S_VALUE;
  private readonly frames: Frame[] = [];
  private depth = 0;
  private str = '';
  private isKey = false;
  private strStartLine = 1;
  private strStartColumn = 1;
  private unicode = 0;
  private unicodeDigits = 0;
  private numState = N_MINUS;
  private numLength = 0;
  private literal = '';
  private literalPos = 0;
  private offset = 0; // absolute offset of the current chunk
  private line = 1;
  private lineStart = 0; // absolute offset of the current line's first character
  private mark = 0; // start of template text not yet handed to the builder, in the current chunk
  private started = false;
  private openArrays = 0;
  private readonly segments = new Map<string, string>();
  private cachedFields = 0;
  /** Lifting numbers: where the current number starts in the chunk, and its text from earlier chunks. */
  private numStart = 0;
  private numCarry = '';

  constructor(
    private readonly builder: RecordBuilder,
    private readonly limits: ResolvedLimits,
    private readonly mode: JsonMode,
    private readonly recordDepth: number | undefined,
    firstLine = 1,
    private readonly lifted?: LiftedNumbers,
  ) {
    this.line = firstLine;
    // A record cut inside a container (each element of a record array, a split record) carries where it starts.
    builder.locate = () => (this.depth === 0 ? undefined : this.childPath());
  }

  write(chunk: string): void {
    const n = chunk.length;
    const b = this.builder;
    let i = 0;
    this.mark = 0;
    // A BOM stays as template text; a slice starting mid-stream (line > 1) has none.
    if (this.offset === 0 && this.line === 1 && n > 0 && chunk.charCodeAt(0) === 0xfeff) i = 1;
    while (i < n) {
      const state = this.state;
      if (state === S_STRING) {
        // Fast path: copy the run up to the next quote, backslash or control character in one slice.
        let j = i;
        let c = 0;
        while (j < n) {
          c = chunk.charCodeAt(j);
          if (c === 0x22 || c === 0x5c || c < 0x20) break;
          j++;
        }
        if (j > i) this.appendString(chunk, i, j);
        if (j >= n) {
          i = j;
          break;
        }
        if (c === 0x22) {
          this.endString();
          i = j + 1;
          this.mark = i;
          if (!this.isKey) this.valueDone();
        } else if (c === 0x5c) {
          this.state = S_ESCAPE;
          i = j + 1;
        } else {
          throw this.error('unescaped control character in a string', j);
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a) {
        if (state === S_NUMBER) {
          this.endNumber(chunk, i);
          continue;
        }
        if (state === S_ESCAPE || state === S_UNICODE || state === S_LITERAL) {
          throw this.error(state === S_LITERAL ? 'invalid literal' : 'invalid escape in a string', i);
        }
        if (c === 0x0a) {
          if (this.mode === 'ndjson') {
            if (this.depth > 0) throw this.error('a value spans more than one line', i);
            if (state === S_DONE) {
              this.emitText(chunk, i + 1);
              b.flush();
              this.state = S_VALUE;
            }
          }
          this.line++;
          this.lineStart = this.offset + i + 1;
        }
        i++;
        continue;
      }
      switch (state) {
        case S_VALUE:
        case S_ARRAY_FIRST:
          if (state === S_ARRAY_FIRST && c === 0x5d) {
            this.closeContainer(chunk, i, true);
          } else {
            this.startValue(chunk, c, i);
          }
          i++;
          break;
        case S_OBJ_FIRST:
        case S_KEY:
          if (c === 0x22) {
            this.startString(chunk, i, true);
          } else if (c === 0x7d && state === S_OBJ_FIRST) {
            this.closeContainer(chunk, i, false);
          } else {
            throw this.error('expected a string key', i);
          }
          i++;
          break;
        case S_COLON:
          if (c !== 0x3a) throw this.error("expected ':' after a key", i);
          this.state = S_VALUE;
          i++;
          break;
        case S_AFTER: {
          const frame = this.frames[this.depth - 1] as Frame;
          if (c === 0x2c) {
            this.state = frame.isArray ? S_VALUE : S_KEY;
          } else if (c === (frame.isArray ? 0x5d : 0x7d)) {
            this.closeContainer(chunk, i, frame.isArray);
          } else {
            throw this.error(frame.isArray ? "expected ',' or ']'" : "expected ',' or '}'", i);
          }
          i++;
          break;
        }
        case S_DONE:
          throw this.error(
            this.mode === 'ndjson'
              ? 'more than one JSON value on a line'
              : 'unexpected characters after the top-level value',
            i,
          );
        case S_ESCAPE:
          this.escape(c, i);
          i++;
          break;
        case S_UNICODE: {
          const h = hexValue(c);
          if (h < 0) throw this.error('invalid \\u escape in a string', i);
          this.unicode = this.unicode * 16 + h;
          if (++this.unicodeDigits === 4) {
            this.str += String.fromCharCode(this.unicode);
            this.checkStringLength(i);
            this.state = S_STRING;
          }
          i++;
          break;
        }
        case S_NUMBER:
          i = this.number(chunk, i);
          break;
        case S_LITERAL:
          if (c !== this.literal.charCodeAt(this.literalPos)) throw this.error('invalid literal', i);
          i++;
          if (++this.literalPos === this.literal.length) {
            this.emitText(chunk, i);
            this.valueDone();
          }
          break;
      }
    }
    if (this.state === S_NUMBER && this.lifted !== undefined) {
      // A number cut by the chunk's end: its text so far waits for the rest (a leaf is one whole number).
      this.emitText(chunk, this.numStart);
      this.numCarry += chunk.slice(this.numStart, n);
      this.numStart = 0;
      this.mark = n;
    } else if (this.state !== S_STRING && this.state !== S_ESCAPE && this.state !== S_UNICODE) this.emitText(chunk, n);
    this.offset += n;
  }

  end(): void {
    const state = this.state;
    if (state === S_NUMBER) {
      if (this.depth > 0) throw this.error('input ended inside a value (truncated)', 0);
      this.endNumber('', 0);
    }
    if (this.state === S_STRING || this.state === S_ESCAPE || this.state === S_UNICODE) {
      throw this.errorAt('unterminated string (input truncated)', this.strStartLine, this.strStartColumn);
    }
    if (this.state === S_DONE || (this.mode === 'ndjson' && this.state === S_VALUE && this.depth === 0)) {
      this.builder.flush();
      return;
    }
    throw this.error(this.started ? 'input ended inside a value (truncated)' : 'no JSON value in the input', 0);
  }

  private emitText(chunk: string, upTo: number): void {
    if (upTo > this.mark) this.builder.text(chunk.slice(this.mark, upTo));
    this.mark = upTo;
  }

  private startValue(chunk: string, c: number, i: number): void {
    this.started = true;
    const frame = this.depth > 0 ? (this.frames[this.depth - 1] as Frame) : undefined;
    if (frame?.isArray === true) frame.count++;
    if (c === 0x22) {
      this.startString(chunk, i, false);
    } else if (c === 0x7b || c === 0x5b) {
      this.openContainer(c === 0x5b, i);
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      this.state = S_NUMBER;
      this.numState = c === 0x2d ? N_MINUS : c === 0x30 ? N_ZERO : N_INT;
      this.numLength = 1;
      this.numStart = i;
    } else if (c === 0x74 || c === 0x66 || c === 0x6e) {
      this.literal = c === 0x74 ? LITERALS[0] : c === 0x66 ? LITERALS[1] : LITERALS[2];
      this.literalPos = 1;
      this.state = S_LITERAL;
    } else {
      throw this.error('expected a JSON value', i);
    }
  }

  private openContainer(isArray: boolean, i: number): void {
    if (this.depth >= this.limits.maxDepth) {
      throw limitError('nesting depth', this.limits.maxDepth, this.context(i));
    }
    const path = this.childPath();
    const field = this.childField();
    let frame = this.frames[this.depth];
    if (frame === undefined) {
      frame = {
        isArray,
        path,
        field,
        count: 0,
        childPath: '',
        childField: '',
        fields: new Map(),
        fieldsOf: '',
        members: [],
      };
      this.frames.push(frame);
    } else {
      frame.isArray = isArray;
      frame.path = path;
      frame.field = field;
      frame.count = 0;
    }
    frame.childPath = path;
    frame.childField = isArray ? `${field}[*]` : field;
    if (isArray) {
      frame.count = -1;
      // An array reached through objects only (top level, {"data":{"employees":[…]}}) is a record array: each of
      // its elements is one record. Arrays inside a record stay inside it.
      if (this.openArrays === 0 && this.mode === 'json' && this.recordDepth === undefined) {
        this.builder.recordLevel(this.depth + 1);
      }
      this.openArrays++;
    }
    this.depth++;
    this.state = isArray ? S_ARRAY_FIRST : S_OBJ_FIRST;
  }

  private closeContainer(chunk: string, i: number, isArray: boolean): void {
    this.depth--;
    if (isArray) this.openArrays--;
    this.emitText(chunk, i + 1);
    this.valueDone();
  }

  /** A value just completed and its text is in the builder: tell the builder, then expect what follows it. */
  private valueDone(): void {
    this.builder.close(this.depth);
    this.state = this.depth === 0 ? S_DONE : S_AFTER;
  }

  private startString(chunk: string, i: number, isKey: boolean): void {
    this.emitText(chunk, i);
    this.str = '';
    this.isKey = isKey;
    this.state = S_STRING;
    this.strStartLine = this.line;
    this.strStartColumn = this.offset + i - this.lineStart + 1;
  }

  private appendString(chunk: string, from: number, to: number): void {
    this.str += chunk.slice(from, to);
    this.checkStringLength(from);
  }

  private checkStringLength(_i: number): void {
    if (this.str.length > this.limits.maxStringLength) {
      const ctx = { line: this.strStartLine, column: this.strStartColumn, path: this.childPath() };
      throw limitError('string length', this.limits.maxStringLength, { ...ctx, record: this.builder.current });
    }
  }

  private endString(): void {
    const b = this.builder;
    if (this.isKey) {
      const frame = this.frames[this.depth - 1] as Frame;
      if (++frame.count > this.limits.maxKeys) {
        throw limitError('keys in one object', this.limits.maxKeys, {
          line: this.strStartLine,
          column: this.strStartColumn,
          path: frame.path,
          record: b.current,
        });
      }
      if (frame.fieldsOf !== frame.field) {
        frame.fields.clear();
        frame.members.length = 0;
        frame.fieldsOf = frame.field;
      }
      const at = frame.count - 1;
      let member = frame.members[at];
      if (member === undefined || member.key !== this.str) {
        const seg = this.segment(this.str);
        member = { key: this.str, seg, field: this.memberField(frame, seg) };
        if (at < MEMBERS_MAX && at <= frame.members.length) frame.members[at] = member;
      }
      frame.childPath = frame.path + member.seg;
      frame.childField = member.field;
      b.leaf('key', frame.childPath, member.field, member.key);
      this.state = S_COLON;
    } else {
      b.leaf('value', this.childPath(), this.childField(), this.str);
    }
    this.str = '';
  }

  private escape(c: number, i: number): void {
    let ch: string;
    switch (c) {
      case 0x22:
        ch = '"';
        break;
      case 0x5c:
        ch = '\\';
        break;
      case 0x2f:
        ch = '/';
        break;
      case 0x62:
        ch = '\b';
        break;
      case 0x66:
        ch = '\f';
        break;
      case 0x6e:
        ch = '\n';
        break;
      case 0x72:
        ch = '\r';
        break;
      case 0x74:
        ch = '\t';
        break;
      case 0x75:
        this.unicode = 0;
        this.unicodeDigits = 0;
        this.state = S_UNICODE;
        return;
      default:
        throw this.error('invalid escape in a string', i);
    }
    this.str += ch;
    this.checkStringLength(i);
    this.state = S_STRING;
  }

  /** Advances through number characters; returns the next index to look at. */
  private number(chunk: string, i: number): number {
    const n = chunk.length;
    let s = this.numState;
    const start = i;
    for (; i < n; i++) {
      const c = chunk.charCodeAt(i);
      const digit = c >= 0x30 && c <= 0x39;
      if (digit) {
        if (s === N_ZERO) throw this.error('invalid number (leading zero)', i);
        if (s === N_MINUS) s = c === 0x30 ? N_ZERO : N_INT;
        else if (s === N_DOT) s = N_FRAC;
        else if (s === N_EXP || s === N_EXP_SIGN) s = N_EXP_DIGITS;
        continue;
      }
      if (c === 0x2e && (s === N_ZERO || s === N_INT)) s = N_DOT;
      else if ((c === 0x65 || c === 0x45) && (s === N_ZERO || s === N_INT || s === N_FRAC)) s = N_EXP;
      else if ((c === 0x2b || c === 0x2d) && s === N_EXP) s = N_EXP_SIGN;
      else break;
    }
    this.numState = s;
    this.numLength += i - start;
    if (this.numLength > this.limits.maxStringLength) {
      throw limitError('number length', this.limits.maxStringLength, this.context(i));
    }
    if (i < n) this.endNumber(chunk, i);
    return i;
  }

  private endNumber(chunk: string, i: number): void {
    const s = this.numState;
    if (s !== N_ZERO && s !== N_INT && s !== N_FRAC && s !== N_EXP_DIGITS) throw this.error('invalid number', i);
    const lifted = this.lifted;
    if (lifted !== undefined) {
      this.emitText(chunk, this.numStart);
      const text = this.numCarry + chunk.slice(this.numStart, i);
      this.numCarry = '';
      this.mark = i;
      lifted.set(this.builder.leaf('value', this.childPath(), this.childField(), text), text);
    } else this.emitText(chunk, i);
    this.valueDone();
  }

  /** The field of `frame`'s member `seg` (see Frame.fields). */
  private memberField(frame: Frame, seg: string): string {
    let field = frame.fields.get(seg);
    if (field === undefined) {
      field = frame.field + seg;
      if (this.cachedFields < FIELD_CACHE_MAX) {
        this.cachedFields++;
        frame.fields.set(seg, field);
      }
    }
    return field;
  }

  private segment(key: string): string {
    let seg = this.segments.get(key);
    if (seg === undefined) {
      seg = keySegment(key);
      if (this.segments.size < SEGMENT_CACHE_MAX) this.segments.set(key, seg);
    }
    return seg;
  }

  private childPath(): string {
    if (this.depth === 0) return '$';
    const frame = this.frames[this.depth - 1] as Frame;
    return frame.isArray ? `${frame.path}[${Math.max(frame.count, 0)}]` : frame.childPath;
  }

  private childField(): string {
    if (this.depth === 0) return '$';
    return (this.frames[this.depth - 1] as Frame).childField;
  }

  private context(i: number): { line: number; column: number; path: string; record: number } {
    return {
      line: this.line,
      column: this.offset + i - this.lineStart + 1,
      path: this.depth > 0 ? this.childPath() : '$',
      record: this.builder.current,
    };
  }

  private error(detail: string, i: number): KamenError {
    const ctx = this.context(i);
    return coreError('KAMEN_ERR_INPUT_JSON', `${detail} at line ${ctx.line}, column ${ctx.column}`, ctx);
  }

  private errorAt(detail: string, line: number, column: number): KamenError {
    return coreError('KAMEN_ERR_INPUT_JSON', `${detail} at line ${line}, column ${column}`, {
      line,
      column,
      path: this.childPath(),
      record: this.builder.current,
    });
  }
}
