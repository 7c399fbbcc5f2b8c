import { codecWithJsonNumbers, decodeEmbeddedJson, decodeJsAssignment } from './embedded-json.js';
import { decodeReference } from './html-entities.js';
import { splitJsStrings } from './js-strings.js';
import { liftJsonNumbers, type LiftedNumbers } from './json-numbers.js';
import { limitError, resolveLimits, type FormatLimits } from './limits.js';
import type { Leaf, RecordDecoder, RecordUnit, TextCodec, FormatTransform } from './types.js';

export interface HtmlCodecOptions extends FormatLimits {
  /**
   * Inline `<script>` content that is not JSON: `mask` (default) keeps the code and exposes its string literals and
   * comments as leaves; `block` drops it. Scripts the string scanner cannot tokenize are dropped in both modes.
   */
  readonly inlineScripts?: 'mask' | 'block';
}

const JSON_SCRIPT = new Set(['application/json', 'application/ld+json', 'importmap', 'speculationrules']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

/**
 * HTML decoder: text nodes (character references decoded), attribute values and comments are leaves; JSON in
 * `<script type=application/json|ld+json>` becomes JSON leaves; other inline scripts expose string literals (see
 * `inlineScripts`). Tags, names, doctype, `<style>` and whitespace-only text stay verbatim; attribute values are
 * re-quoted with `"`. A page is buffered whole (HTML is not streamed) up to `maxStringLength` and is one record.
 * @public
 */
export function createHtmlDecoder(options: HtmlCodecOptions = {}): RecordDecoder {
  return decoder(options, undefined);
}

/** The HTML decoder; with `lifted`, numbers of embedded JSON become value leaves recorded there (liftJsonNumbers). */
function decoder(options: HtmlCodecOptions, lifted: LiftedNumbers | undefined): RecordDecoder {
  const limits = resolveLimits(options);
  let doc = '';
  return {
    spec: { format: 'html' },
    write(chunk) {
      doc += chunk;
      if (doc.length > limits.maxStringLength) throw limitError('HTML document length', limits.maxStringLength, {});
      return [];
    },
    end() {
      if (doc === '') return [];
      const unit = tokenize(doc, options, lifted);
      doc = '';
      return [unit];
    },
  };
}

function tokenize(doc: string, options: HtmlCodecOptions, lifted: LiftedNumbers | undefined): RecordUnit {
  const pieces: string[] = [''];
  const leaves: Leaf[] = [];
  const verbatim = (s: string) => (pieces[pieces.length - 1] += s);
  const leaf = (value: string, kind: Leaf['kind'], path = '') => {
    leaves.push({ value, path, field: path, kind, record: 0 });
    pieces.push('');
  };
  const append = (embedded: { pieces: string[]; leaves: Leaf[] }) => {
    verbatim(embedded.pieces[0] as string);
    embedded.leaves.forEach((l, k) => {
      leaves.push(l);
      pieces.push(embedded.pieces[k + 1] as string);
    });
  };
  /** Text with references decoded; an unknown reference stays verbatim between two leaves. */
  const text = (raw: string) => {
    if (raw.trim() === '') return verbatim(raw);
    let value = '';
    let from = 0;
    for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', amp + 1)) {
      const ref = decodeReference(raw, amp);
      value += raw.slice(from, amp);
      if (ref !== undefined) {
        value += ref.value;
        from = amp + ref.length;
        amp = from - 1;
      } else {
        if (value !== '') leaf(value, 'text');
        value = '';
        verbatim('&');
        from = amp + 1;
      }
    }
    value += raw.slice(from);
    if (value !== '') leaf(value, 'text');
  };
  const decodeAttr = (raw: string): string => {
    let out = '';
    let from = 0;
    for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', from)) {
      const ref = decodeReference(raw, amp);
      out += raw.slice(from, amp) + (ref?.value ?? '&');
      from = amp + (ref?.length ?? 1);
    }
    return out + raw.slice(from);
  };

  let i = 0;
  while (i < doc.length) {
    const lt = doc.indexOf('<', i);
    if (lt < 0) {
      text(doc.slice(i));
      break;
    }
    const next = doc[lt + 1] ?? '';
    const isTag = /[a-z]/i.test(next) || next === '/' || next === '!' || next === '?';
    if (!isTag) {
      text(doc.slice(i, lt + 1));
      i = lt + 1;
      continue;
    }
    text(doc.slice(i, lt));
    if (doc.startsWith('<!--', lt)) {
      const end = doc.indexOf('-->', lt + 4);
      const stop = end < 0 ? doc.length : end;
      verbatim('<!--');
      leaf(doc.slice(lt + 4, stop), 'comment');
      verbatim(end < 0 ? '' : '-->');
      i = end < 0 ? doc.length : end + 3;
      continue;
    }
    if (next !== '/' && next !== '!' && next !== '?') {
      i = startTag(lt);
      continue;
    }
    const gt = doc.indexOf('>', lt);
    const stop = gt < 0 ? doc.length : gt + 1;
    verbatim(doc.slice(lt, stop));
    i = stop;
  }
  return { record: 0, pieces, leaves };

  /** A start tag at `lt`: attributes become leaves; raw-text elements are handled whole. Returns the next index. */
  function startTag(lt: number): number {
    let j = lt + 1;
    while (j < doc.length && !/[\s/>]/.test(doc[j] as string)) j++;
    const name = doc.slice(lt + 1, j).toLowerCase();
    verbatim(doc.slice(lt, j));
    let type = '';
    for (;;) {
      const ws = j;
      while (j < doc.length && /[\s/]/.test(doc[j] as string)) j++;
      verbatim(doc.slice(ws, j));
      if (j >= doc.length) return j;
      if (doc[j] === '>') {
        verbatim('>');
        j++;
        break;
      }
      const an = j;
      while (j < doc.length && !/[\s/>=]/.test(doc[j] as string)) j++;
      const attr = doc.slice(an, j).toLowerCase();
      verbatim(doc.slice(an, j));
      let k = j;
      while (k < doc.length && /\s/.test(doc[k] as string)) k++;
      if (doc[k] !== '=') continue;
      k++;
      while (k < doc.length && /\s/.test(doc[k] as string)) k++;
      const q = doc[k];
      let raw: string;
      if (q === '"' || q === "'") {
        const close = doc.indexOf(q, k + 1);
        const end = close < 0 ? doc.length : close;
        raw = doc.slice(k + 1, end);
        j = close < 0 ? doc.length : close + 1;
      } else {
        let e = k;
        while (e < doc.length && !/[\s>]/.test(doc[e] as string)) e++;
        raw = doc.slice(k, e);
        j = e;
      }
      const value = decodeAttr(raw);
      if (attr === 'type') type = value.trim().toLowerCase();
      verbatim('="');
      leaf(value, 'attribute', `@${attr}`);
      verbatim('"');
    }
    if (!RAW_TEXT.has(name)) return j;
    const close = doc.toLowerCase().indexOf(`</${name}`, j);
    const end = close < 0 ? doc.length : close;
    const content = doc.slice(j, end);
    if (name === 'textarea' || name === 'title') text(content);
    else if (name === 'script') script(content, type);
    else verbatim(content);
    return end;
  }

  function script(content: string, type: string) {
    if (content.trim() === '') return verbatim(content);
    const essence = type.split(';')[0]?.trim() ?? '';
    const block = options.inlineScripts === 'block';
    // JSON scripts, and (unless blocked) scripts that only assign one JSON document, are masked as JSON.
    const json = JSON_SCRIPT.has(essence)
      ? decodeEmbeddedJson(content, 0, options)
      : block
        ? undefined
        : decodeJsAssignment(content, 0, options);
    if (json !== undefined) {
      // A My Number written as a JSON number takes part like in a JSON body; the codec writes it back.
      if (lifted !== undefined)
        for (const [leaf, number] of liftJsonNumbers([{ record: 0, ...json }])) lifted.set(leaf, number);
      return append(json);
    }
    const js = block ? undefined : splitJsStrings(content, 0);
    // Code we cannot tokenize with certainty is dropped rather than passed through.
    if (js !== undefined) append(js);
  }
}

/**
 * HTML codec (see createHtmlDecoder). Numbers in embedded JSON are masked too (liftJsonNumbers): unchanged or still
 * numeric results go back as numbers, anything else as a JSON string. After an error the codec stays failed.
 * @public
 */
export function createHtmlCodec(options: HtmlCodecOptions, transform: FormatTransform): TextCodec {
  const lifted: LiftedNumbers = new Map();
  return codecWithJsonNumbers(decoder(options, lifted), () => lifted, transform);
}
