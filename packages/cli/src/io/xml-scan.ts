/**
 * Finds where the records of an XML input end by looking at its bytes only (kamen mask cuts XML into slices for
 * its workers there). It lexes markup exactly as core's XmlTokenizer does — text up to '<', a tag up to '>' outside
 * '…' and "…", a comment up to '-->', CDATA up to ']]>', a processing instruction up to '?>' — and counts depth, so
 * on any input that the tokenizer accepts up to a record end, both agree on where that end is and which elements
 * are open. Past something the tokenizer rejects, the scan may go astray: the slice holding that error fails first.
 * Exact in UTF-8 and EUC-JP, where every byte of a multibyte character is ≥ 0x80; not in Shift_JIS/CP932, whose
 * trail bytes include '[' ']' '|' and others.
 */

const LT = 0x3c;
const GT = 0x3e;
const BANG = 0x21;
const QUESTION = 0x3f;
const SLASH = 0x2f;
const DASH = 0x2d;
const BRACKET = 0x5d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;

const S_TEXT = 0;
const S_LT = 1; // after '<'
const S_BANG = 2; // after '<!'
const S_TAG = 3;
const S_COMMENT = 4;
const S_CDATA = 5;
const S_PI = 6;

function endsName(c: number): boolean {
  return (
    c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === SLASH || c === GT || c === DQUOTE || c === SQUOTE
  );
}

export class XmlRecordScanner {
  private state = S_TEXT;
  private depth = 0;
  private quote = 0;
  private prev = 0; // the tag's previous byte: '/' before '>' makes an empty-element tag
  private run = 0; // trailing '-', ']' or '?' in a comment, CDATA section or PI
  private bang = ''; // what followed '<!' so far
  private endTag = false;
  private nameBytes: number[] | undefined; // name of a start tag whose name a cut may need
  private naming = false; // still inside that name
  private ended = false; // the tag just scanned ended a record
  /** Names of elements at depth < recordDepth, copied on write so a snapshot never changes. */
  private names: string[] = [];
  private endNames: string[] = [];
  private endDepth = 0;

  constructor(
    private readonly recordDepth: number,
    private readonly decodeName: (bytes: Uint8Array) => string,
  ) {}

  /** Elements open right after the last record end found (the root first; [] before any). */
  open(): string[] {
    return this.endNames.slice(0, this.endDepth);
  }

  /** Scans buf from `i`; returns the index right after the first record end found, or -1 when none is in buf. */
  scan(buf: Uint8Array, i: number): number {
    const n = buf.length;
    while (i < n) {
      switch (this.state) {
        case S_TEXT: {
          const j = buf.indexOf(LT, i);
          if (j < 0) return -1;
          this.state = S_LT;
          i = j + 1;
          break;
        }
        case S_LT: {
          const c = buf[i] as number;
          if (c === BANG) {
            this.state = S_BANG;
            this.bang = '';
            i++;
          } else if (c === QUESTION) {
            this.state = S_PI;
            this.run = 0;
            i++;
          } else {
            // The byte is the tag's first: the tokenizer scans it as part of the tag too.
            this.state = S_TAG;
            this.quote = 0;
            this.prev = LT;
            this.endTag = c === SLASH;
            this.naming = !this.endTag && this.depth < this.recordDepth;
            this.nameBytes = this.naming ? [] : undefined;
          }
          break;
        }
        case S_BANG: {
          const bang = this.bang + String.fromCharCode(buf[i] as number);
          i++;
          if (bang === '--') {
            this.state = S_COMMENT;
            this.run = 0;
          } else if (bang === '[CDATA[') {
            this.state = S_CDATA;
            this.run = 0;
          } else if (!'--'.startsWith(bang) && !'[CDATA['.startsWith(bang)) this.state = S_TEXT; // DOCTYPE…: rejected
          this.bang = bang;
          break;
        }
        case S_COMMENT:
          i = this.until(buf, i, DASH, 2);
          break;
        case S_CDATA:
          i = this.until(buf, i, BRACKET, 2);
          break;
        case S_PI:
          i = this.until(buf, i, QUESTION, 1);
          break;
        case S_TAG: {
          const end = this.tag(buf, i);
          if (end < 0) return -1;
          i = end;
          if (this.recordEnded()) return i;
          break;
        }
      }
    }
    return -1;
  }

  /** Scans to '>' after `count` × `ch` (comments, CDATA, PIs); returns where scanning stopped. */
  private until(buf: Uint8Array, i: number, ch: number, count: number): number {
    const n = buf.length;
    let run = this.run;
    for (; i < n; i++) {
      const c = buf[i] as number;
      if (c === GT && run >= count) {
        this.state = S_TEXT;
        this.run = 0;
        return i + 1;
      }
      run = c === ch ? run + 1 : 0;
    }
    this.run = run;
    return n;
  }

  /** Scans a tag to its '>' outside quotes; returns the index after it, or -1 at the end of buf. */
  private tag(buf: Uint8Array, i: number): number {
    const n = buf.length;
    let quote = this.quote;
    let prev = this.prev;
    for (; i < n; i++) {
      const c = buf[i] as number;
      if (this.naming) {
        if (endsName(c)) this.naming = false;
        else (this.nameBytes as number[]).push(c);
      }
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === DQUOTE || c === SQUOTE) quote = c;
      else if (c === GT) {
        this.quote = 0;
        this.state = S_TEXT;
        this.tagEnded(prev === SLASH);
        return i + 1;
      }
      prev = c;
    }
    this.quote = quote;
    this.prev = prev;
    return -1;
  }

  private tagEnded(empty: boolean): void {
    const nameBytes = this.nameBytes;
    this.nameBytes = undefined;
    this.naming = false;
    if (this.endTag) this.depth--;
    else if (!empty) {
      if (nameBytes !== undefined) {
        const names = this.names.slice(0, this.depth);
        names.push(this.decodeName(Uint8Array.from(nameBytes)));
        this.names = names;
      }
      this.depth++;
      this.ended = false;
      return;
    }
    // An end tag or an empty-element tag completed an element: at depth 1…recordDepth that ends a record.
    const d = this.depth;
    this.ended = d >= 1 && d <= this.recordDepth;
    if (this.ended) {
      this.endNames = this.names;
      this.endDepth = d;
    }
  }

  private recordEnded(): boolean {
    const ended = this.ended;
    this.ended = false;
    return ended;
  }
}
