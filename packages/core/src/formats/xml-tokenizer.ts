import { coreError, type KamenError } from '../errors.js';
import { limitError, type ResolvedLimits } from './limits.js';
import type { RecordBuilder } from './record-builder.js';
import { decodeXmlReferences, isXmlWhitespace, readXmlName } from './xml-syntax.js';

/*
 * A resumable, non-validating XML 1.0 tokenizer of our own (no DTD support on purpose, CLI-07). Each construct is
 * scanned once: text up to '<', tags up to '>' outside quotes, comments/CDATA/PIs up to their terminator, so time is
 * linear and memory is bounded by the largest construct (capped) plus the open-element stack. Character and the
 * five predefined entity references are decoded for the transform (EN-04); any other entity is an error, and any
 * DOCTYPE or other markup declaration is rejected before anything after it is read. Names, prefixes and namespace
 * declarations are kept exactly as written.
 */

const M_TEXT = 0;
const M_LT = 1; // after '<'
const M_BANG = 2; // after '<!'
const M_TAG = 3;
const M_COMMENT = 4;
const M_CDATA = 5;
const M_PI = 6;

const CDATA_OPEN = '<![CDATA[';

export class XmlTokenizer {
  private mode = M_TEXT;
  private acc = '';
  private quote = 0; // quote character code while scanning a tag, else 0
  private run = 0; // trailing '-' (comments), ']' (CDATA) or '?' (PIs) seen so far
  private text = '';
  private textLine = 1;
  private textColumn = 1;
  private readonly names: string[] = [];
  private readonly paths: string[] = [];
  private rootDone = false;
  private offset = 0;
  private line = 1;
  private lineStart = 0;
  private counted = 0; // index in the current chunk up to which newlines were counted
  private nextNewline = -2; // index of the next '\n' at or after `counted` (-1: none in this chunk, -2: unknown)
  private startLine = 1; // position of the current construct's '<'
  private startColumn = 1;
  private bomLength = 0;

  constructor(
    private readonly builder: RecordBuilder,
    private readonly limits: ResolvedLimits,
  ) {}

  write(chunk: string): void {
    const n = chunk.length;
    let i = 0;
    this.counted = 0;
    this.nextNewline = -2; // not looked for yet in this chunk
    if (this.offset === 0 && n > 0 && chunk.charCodeAt(0) === 0xfeff) {
      this.builder.text('\ufeff');
      this.bomLength = 1;
      i = 1;
    }
    while (i < n) {
      switch (this.mode) {
        case M_TEXT: {
          const j = chunk.indexOf('<', i);
          const end = j < 0 ? n : j;
          if (end > i) {
            if (this.text === '') this.markText(chunk, i);
            this.text += chunk.slice(i, end);
            if (this.text.length > this.limits.maxStringLength) {
              throw limitError('text length', this.limits.maxStringLength, this.at(this.textLine, this.textColumn));
            }
          }
          if (j < 0) {
            i = n;
            break;
          }
          this.endText();
          this.lines(chunk, j);
          this.startLine = this.line;
          this.startColumn = this.offset + j - this.lineStart + 1;
          this.mode = M_LT;
          i = j + 1;
          break;
        }
        case M_LT: {
          const c = chunk.charCodeAt(i);
          if (c === 0x21) {
            this.mode = M_BANG;
            this.acc = '<!';
            i++;
          } else if (c === 0x3f) {
            this.mode = M_PI;
            this.acc = '<?';
            this.run = 0;
            i++;
          } else {
            this.mode = M_TAG;
            this.acc = '<';
            this.quote = 0;
          }
          break;
        }
        case M_BANG:
          i = this.bang(chunk, i);
          break;
        case M_TAG:
          i = this.tag(chunk, i);
          break;
        case M_COMMENT:
          i = this.until(chunk, i, 0x2d, 2, 3);
          break;
        case M_CDATA:
          i = this.until(chunk, i, 0x5d, 2, 3);
          break;
        case M_PI:
          i = this.until(chunk, i, 0x3f, 1, 2);
          break;
      }
    }
    this.lines(chunk, n);
    this.offset += n;
  }

  /**
   * Starts mid-document instead, right after a record's end (kamen mask's workers decode slices of a file): with
   * `open` (the root first) open, at 1-based `line` and `column` (UTF-16 units) of the whole input, so errors and
   * paths are those of one whole-input decode. A record's end is never the input's first character: column > 1.
   */
  resumeAt(open: readonly string[], line: number, column: number): void {
    if (this.offset !== 0 || this.names.length > 0 || open.length === 0 || !(column > 1)) {
      throw new Error('kamen: an XML tokenizer resumes before its first write, inside the root, after a tag');
    }
    let path = '';
    for (const name of open) {
      path += `/${name}`;
      this.names.push(name);
      this.paths.push(path);
    }
    this.line = line;
    this.offset = column - 1; // column() = offset - lineStart + 1; a non-zero offset also means "no BOM here"
    this.lineStart = 0;
  }

  /**
   * Ends a part that the input continues after (a slice cut right after a record's end): the tokenizer must be
   * between constructs with exactly `open` open, as the cut said. Anything else means the cut was not where one
   * whole-input decode ends a record; nothing of this part may then be trusted, so it fails.
   */
  endPart(open: readonly string[]): void {
    const names = this.names;
    const same = names.length === open.length && names.every((name, k) => name === open[k]);
    if (this.mode !== M_TEXT || this.text !== '' || !same) {
      throw this.error('a slice does not end after a record (internal slicing error)', this.line, this.column());
    }
    this.builder.flush();
  }

  end(): void {
    if (this.mode !== M_TEXT)
      throw this.error('input ended inside markup (truncated)', this.startLine, this.startColumn);
    this.endText();
    if (this.names.length > 0) throw this.error('input ended with an unclosed element', this.line, this.column());
    if (!this.rootDone) throw this.error('no root element', this.line, this.column());
    this.builder.flush();
  }

  /** Counts line ends in chunk[counted, to). The next '\n' is remembered, so minified input is not rescanned. */
  private lines(chunk: string, to: number): void {
    let k = this.nextNewline;
    if (k !== -1 && k < this.counted) k = chunk.indexOf('\n', this.counted);
    while (k >= 0 && k < to) {
      this.line++;
      this.lineStart = this.offset + k + 1;
      k = chunk.indexOf('\n', k + 1);
    }
    this.nextNewline = k;
    this.counted = to;
  }

  private column(): number {
    return this.offset - this.lineStart + 1;
  }

  private markText(chunk: string, i: number): void {
    this.lines(chunk, i);
    this.textLine = this.line;
    this.textColumn = this.offset + i - this.lineStart + 1;
  }

  private path(): string {
    return this.paths.length > 0 ? (this.paths[this.paths.length - 1] as string) : '/';
  }

  private endText(): void {
    const raw = this.text;
    if (raw === '') return;
    this.text = '';
    if (isXmlWhitespace(raw)) {
      this.builder.text(raw);
      return;
    }
    if (this.names.length === 0) {
      // Point at the first character that is not whitespace, not at the line end before it.
      let line = this.textLine;
      let column = this.textColumn;
      for (let k = 0; isXmlWhitespace(raw.charAt(k)); k++) {
        if (raw.charCodeAt(k) === 0x0a) {
          line++;
          column = 1;
        } else column++;
      }
      throw this.error(this.rootDone ? 'text after the root element' : 'text before the root element', line, column);
    }
    if (raw.includes(']]>')) throw this.error("']]>' in text content", this.textLine, this.textColumn);
    const value = decodeXmlReferences(raw, (detail) => this.error(detail, this.textLine, this.textColumn));
    const path = this.path();
    this.builder.leaf('text', path, path, value);
  }

  private bang(chunk: string, i: number): number {
    const n = chunk.length;
    while (i < n) {
      this.acc += chunk.charAt(i);
      i++;
      const acc = this.acc;
      if (acc === '<!--') {
        this.mode = M_COMMENT;
        this.acc = '';
        this.run = 0;
        return i;
      }
      if (acc === CDATA_OPEN) {
        if (this.names.length === 0)
          throw this.error('CDATA outside the root element', this.startLine, this.startColumn);
        this.mode = M_CDATA;
        this.acc = '';
        this.run = 0;
        return i;
      }
      if (!'<!--'.startsWith(acc) && !CDATA_OPEN.startsWith(acc)) {
        // DOCTYPE, ENTITY, ELEMENT…: never read further (billion laughs, external entities: CLI-07).
        throw this.error('DOCTYPE and other markup declarations are not allowed', this.startLine, this.startColumn);
      }
    }
    return i;
  }

  /** Scans a comment, CDATA section or PI up to its terminator: `count` × `ch` then '>'. */
  private until(chunk: string, i: number, ch: number, count: number, termLength: number): number {
    const n = chunk.length;
    const from = i;
    for (; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 0x3e && this.run >= count) {
        this.acc += chunk.slice(from, i + 1);
        this.finish(this.acc.slice(0, this.acc.length - termLength));
        return i + 1;
      }
      if (this.mode === M_COMMENT && this.run >= 2)
        throw this.error("'--' inside a comment", this.startLine, this.startColumn);
      this.run = c === ch ? this.run + 1 : 0;
    }
    this.acc += chunk.slice(from, n);
    if (this.acc.length > this.limits.maxStringLength) {
      throw limitError('markup length', this.limits.maxStringLength, this.at(this.startLine, this.startColumn));
    }
    return n;
  }

  /** A comment, CDATA section or PI is complete; `body` is its content without the terminator. */
  private finish(body: string): void {
    const b = this.builder;
    const mode = this.mode;
    this.mode = M_TEXT;
    this.acc = '';
    if (mode === M_COMMENT) {
      b.text('<!--');
      b.leaf('comment', this.path(), this.path(), body);
      b.text('-->');
    } else if (mode === M_CDATA) {
      b.text(CDATA_OPEN);
      b.leaf('cdata', this.path(), this.path(), body);
      b.text(']]>');
    } else {
      this.processingInstruction(body);
    }
  }

  private processingInstruction(body: string): void {
    const nameEnd = readXmlName(body, 2);
    const target = body.slice(2, nameEnd);
    if (nameEnd === 2) throw this.error('invalid processing instruction', this.startLine, this.startColumn);
    if (nameEnd < body.length && !isXmlWhitespace(body[nameEnd] as string)) {
      throw this.error('invalid processing instruction', this.startLine, this.startColumn);
    }
    if (target.toLowerCase() === 'xml') {
      // Only as the very first thing in the input (after a BOM).
      const atStart = this.startLine === 1 && this.startColumn === 1 + this.bomLength;
      if (target !== 'xml' || !atStart) {
        throw this.error('XML declaration not at the start of the input', this.startLine, this.startColumn);
      }
    }
    // Processing instructions and the declaration are copied verbatim; they are not data.
    this.builder.text(`${body}?>`);
  }

  private tag(chunk: string, i: number): number {
    const n = chunk.length;
    const from = i;
    for (; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (this.quote !== 0) {
        if (c === this.quote) this.quote = 0;
      } else if (c === 0x22 || c === 0x27) {
        this.quote = c;
      } else if (c === 0x3e) {
        this.acc += chunk.slice(from, i + 1);
        const tag = this.acc;
        this.acc = '';
        this.mode = M_TEXT;
        if (tag.charCodeAt(1) === 0x2f) this.endTag(tag);
        else this.startTag(tag);
        return i + 1;
      } else if (c === 0x3c) {
        throw this.error("'<' inside a tag", this.startLine, this.startColumn);
      }
    }
    this.acc += chunk.slice(from, n);
    if (this.acc.length > this.limits.maxStringLength) {
      throw limitError('tag length', this.limits.maxStringLength, this.at(this.startLine, this.startColumn));
    }
    return n;
  }

  private startTag(tag: string): void {
    const b = this.builder;
    if (this.rootDone) throw this.error('a second root element', this.startLine, this.startColumn);
    const nameEnd = readXmlName(tag, 1);
    if (nameEnd === 1) throw this.error('invalid element name', this.startLine, this.startColumn);
    const name = tag.slice(1, nameEnd);
    if (this.names.length >= this.limits.maxDepth) {
      throw limitError('nesting depth', this.limits.maxDepth, this.at(this.startLine, this.startColumn));
    }
    const path = `${this.path() === '/' ? '' : this.path()}/${name}`;
    let p = nameEnd;
    let pieceStart = 0;
    let count = 0;
    let seen: Set<string> | undefined;
    let first = '';
    const last = tag.length - 1; // the '>'
    let selfClosing = false;
    for (;;) {
      const wsStart = p;
      while (p < last && isXmlWhitespace(tag[p] as string)) p++;
      if (p === last) break;
      if (tag.charCodeAt(p) === 0x2f) {
        if (p + 1 !== last) throw this.error("expected '>' after '/'", this.startLine, this.startColumn);
        selfClosing = true;
        break;
      }
      if (p === wsStart) throw this.error('expected whitespace between attributes', this.startLine, this.startColumn);
      const attrEnd = readXmlName(tag, p);
      if (attrEnd === p) throw this.error('invalid attribute name', this.startLine, this.startColumn);
      const attr = tag.slice(p, attrEnd);
      if (++count > this.limits.maxKeys) {
        throw limitError('attributes on one element', this.limits.maxKeys, this.at(this.startLine, this.startColumn));
      }
      if (count === 1) first = attr;
      else {
        seen ??= new Set([first]);
        if (seen.has(attr)) throw this.error('duplicate attribute', this.startLine, this.startColumn);
        seen.add(attr);
      }
      p = attrEnd;
      while (p < last && isXmlWhitespace(tag[p] as string)) p++;
      if (tag.charCodeAt(p) !== 0x3d)
        throw this.error("expected '=' after an attribute name", this.startLine, this.startColumn);
      p++;
      while (p < last && isXmlWhitespace(tag[p] as string)) p++;
      const q = tag.charCodeAt(p);
      if (q !== 0x22 && q !== 0x27)
        throw this.error('attribute value must be quoted', this.startLine, this.startColumn);
      const close = tag.indexOf(q === 0x22 ? '"' : "'", p + 1);
      const raw = tag.slice(p + 1, close);
      if (raw.includes('<')) throw this.error("'<' in an attribute value", this.startLine, this.startColumn);
      const value = decodeXmlReferences(raw, (detail) => this.error(detail, this.startLine, this.startColumn));
      // Namespace declarations are structure, not data: they stay verbatim in the template.
      if (attr !== 'xmlns' && !attr.startsWith('xmlns:')) {
        b.text(tag.slice(pieceStart, p + 1));
        b.leaf('attribute', `${path}/@${attr}`, `${path}/@${attr}`, value);
        pieceStart = close;
      }
      p = close + 1;
    }
    b.text(tag.slice(pieceStart));
    if (selfClosing) {
      b.close(this.names.length);
      if (this.names.length === 0) this.rootDone = true;
    } else {
      this.names.push(name);
      this.paths.push(path);
    }
  }

  private endTag(tag: string): void {
    const nameEnd = readXmlName(tag, 2);
    let p = nameEnd;
    while (p < tag.length - 1 && isXmlWhitespace(tag[p] as string)) p++;
    if (nameEnd === 2 || p !== tag.length - 1) throw this.error('invalid end tag', this.startLine, this.startColumn);
    const open = this.names.pop();
    if (open === undefined) throw this.error('end tag without a start tag', this.startLine, this.startColumn);
    if (open !== tag.slice(2, nameEnd)) {
      this.names.push(open);
      throw this.error('end tag does not match the open element', this.startLine, this.startColumn);
    }
    this.paths.pop();
    this.builder.text(tag);
    this.builder.close(this.names.length);
    if (this.names.length === 0) this.rootDone = true;
  }

  private at(line: number, column: number): { line: number; column: number; path: string; record: number } {
    return { line, column, path: this.path(), record: this.builder.current };
  }

  private error(detail: string, line: number, column: number): KamenError {
    return coreError('KAMEN_ERR_INPUT_XML', `${detail} at line ${line}, column ${column}`, this.at(line, column));
  }
}
