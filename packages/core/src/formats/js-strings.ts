import type { Leaf } from './types.js';

/** Words after which a `/` starts a regular expression, not a division. */
const REGEX_AFTER_WORD = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'yield',
  'await',
]);
const REGEX_AFTER_PUNCT = '(,=:[!&|?{};+-*%<>~^';

/**
 * Splits inline JavaScript into verbatim code and leaves: string and template-literal contents (decoded; kind
 * 'value', path '') and comments (kind 'comment'). Template `${…}` expressions are scanned as code. Returns undefined
 * for anything it cannot tokenize with certainty (unterminated literal or comment, octal escapes): the caller then
 * drops the script (conservative, docs/formats.md).
 */
export function splitJsStrings(code: string, record: number): { pieces: string[]; leaves: Leaf[] } | undefined {
  const pieces: string[] = [''];
  const leaves: Leaf[] = [];
  const verbatim = (s: string) => (pieces[pieces.length - 1] += s);
  const leaf = (value: string, kind: Leaf['kind']) => {
    leaves.push({ value, path: '', field: '', kind, record });
    pieces.push('');
  };
  let i = 0;
  const n = code.length;

  /** Scans code until the end, or until the `}` closing a template expression. False = cannot tokenize. */
  const scan = (inTemplate: boolean): boolean => {
    let depth = 0;
    let last = '';
    let word = '';
    while (i < n) {
      const c = code[i] as string;
      if (c === "'" || c === '"') {
        let j = i + 1;
        while (j < n && code[j] !== c) {
          if (code[j] === '\n' || code[j] === '\r') return false;
          j += code[j] === '\\' ? 2 : 1;
        }
        if (j >= n) return false;
        const value = decodeJsEscapes(code.slice(i + 1, j));
        if (value === undefined) return false;
        verbatim(c);
        leaf(value, 'value');
        verbatim(c);
        i = j + 1;
        last = '"';
        word = '';
      } else if (c === '`') {
        verbatim('`');
        i++;
        let start = i;
        for (;;) {
          if (i >= n) return false;
          const t = code[i] as string;
          if (t === '\\') i += 2;
          else if (t === '`' || (t === '$' && code[i + 1] === '{')) {
            const value = decodeJsEscapes(code.slice(start, i));
            if (value === undefined) return false;
            leaf(value, 'value');
            if (t === '`') break;
            verbatim('${');
            i += 2;
            if (!scan(true)) return false;
            verbatim('}');
            i++;
            start = i;
          } else i++;
        }
        verbatim('`');
        i++;
        last = '"';
        word = '';
      } else if (c === '/' && (code[i + 1] === '/' || code[i + 1] === '*')) {
        const block = code[i + 1] === '*';
        const end = block ? code.indexOf('*/', i + 2) : code.slice(i + 2).search(/[\n\r]/) + i + 2;
        if (block && end < 0) return false;
        const stop = !block && end < i + 2 ? n : end;
        verbatim(block ? '/*' : '//');
        leaf(code.slice(i + 2, stop), 'comment');
        if (block) verbatim('*/');
        i = block ? stop + 2 : stop;
      } else if (c === '/' && (last === '' || REGEX_AFTER_PUNCT.includes(last) || REGEX_AFTER_WORD.has(word))) {
        let j = i + 1;
        let inClass = false;
        while (j < n && (inClass || code[j] !== '/')) {
          if (code[j] === '\n' || code[j] === '\r') return false;
          if (code[j] === '\\') j++;
          else if (code[j] === '[') inClass = true;
          else if (code[j] === ']') inClass = false;
          j++;
        }
        if (j >= n) return false;
        j++;
        while (j < n && /[a-z]/i.test(code[j] as string)) j++;
        verbatim(code.slice(i, j));
        i = j;
        last = 'a';
        word = '';
      } else {
        if (c === '{') depth++;
        else if (c === '}') {
          if (inTemplate && depth === 0) return true;
          depth--;
        }
        if (/[\w$]/.test(c)) word = /[\w$]/.test(last) ? word + c : c;
        else if (!/\s/.test(c)) word = '';
        if (!/\s/.test(c)) last = c;
        verbatim(c);
        i++;
      }
    }
    return !inTemplate;
  };
  return scan(false) ? { pieces, leaves } : undefined;
}

const SIMPLE: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v' };

/** Decodes the escapes of a JS string literal body; undefined for octal escapes (legacy, refused). */
export function decodeJsEscapes(raw: string): string | undefined {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = raw[++i];
    if (e === undefined) return undefined;
    if (SIMPLE[e] !== undefined) out += SIMPLE[e];
    else if (e === '0' && !/\d/.test(raw[i + 1] ?? '')) out += '\0';
    else if (/\d/.test(e)) return undefined;
    else if (e === 'x' || e === 'u') {
      const braced = e === 'u' && raw[i + 1] === '{';
      const close = braced ? raw.indexOf('}', i) : -1;
      const hex = braced ? raw.slice(i + 2, close) : raw.slice(i + 1, i + (e === 'x' ? 3 : 5));
      if (!/^[0-9a-f]+$/i.test(hex) || (!braced && hex.length !== (e === 'x' ? 2 : 4))) return undefined;
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) return undefined;
      out += String.fromCodePoint(cp);
      i = braced ? close : i + hex.length;
    } else if (e === '\r') {
      if (raw[i + 1] === '\n') i++;
    } else if (e !== '\n' && e !== '\u2028' && e !== '\u2029') out += e;
  }
  return out;
}

/** Encodes a string for any JS literal (', ", `): safe inside an HTML `<script>` too (`<` as \x3c). */
export function encodeJsString(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  return value.replace(/[\\'"`$<\u2028\u2029\0-\x1f]/g, (c) => {
    switch (c) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      case '<':
        return '\\x3c';
      case '\u2028':
        return '\\u2028';
      case '\u2029':
        return '\\u2029';
      case '\\':
      case "'":
      case '"':
      case '`':
      case '$':
        return `\\${c}`;
      default:
        return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
    }
  });
}
