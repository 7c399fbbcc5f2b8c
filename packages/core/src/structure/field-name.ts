/**
 * Header / key normalisation for classifyField. A header is reduced to a comparison key so that every way people
 * write one name meets in one Map entry: `first_name`, `firstName`, `First Name`, `ｆｉｒｓｔ－ｎａｍｅ` and
 * `\uFEFFfirst name` all become `firstname`; `氏名（カナ）`, `氏名(ｶﾅ)` and `【氏名】カナ` become `氏名カナ`.
 */

// BOM (CLI-04: a UTF-8 BOM glued to the first CSV header) and zero-width characters: invisible, never meaningful.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
// Separators and brackets of every width that NFKC leaves alone or produces. Not ー (U+30FC): it is a letter
// in メールアドレス. The dash range covers ‐‑‒–—― and − (U+2212).
const SEPARATORS =
  /[\s_\-\u2010-\u2015\u2212.,;:!?'"`*|/\\()[\]{}<>・･\u3001\u3002【】「」『』〔〕〈〉《》〖〗〘〙〚〛~〜※]+/g;
const HIRAGANA = /[\u3041-\u3096]/g;

/** Hiragana to katakana, so ふりがな and フリガナ are one key (width folding is NFKC's job). */
const toKatakanaKey = (s: string): string => s.replace(HIRAGANA, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

function step(s: string): string {
  return toKatakanaKey(s.replace(INVISIBLE, '').normalize('NFKC').toLowerCase()).replace(SEPARATORS, '');
}

/**
 * The comparison key of one header or path segment: BOM and zero-width characters removed, NFKC (full/half
 * width), lower case, hiragana as katakana, spaces, separators and brackets removed. camelCase, snake_case,
 * kebab-case and Title Case all give the same key because word boundaries are dropped, not kept.
 * Idempotent: normalizeFieldName(normalizeFieldName(x)) === normalizeFieldName(x).
 * @public
 */
export function normalizeFieldName(name: string): string {
  // Removing a separator can join a base letter to a combining mark that NFKC then composes (か + ゙ → が),
  // and lower-casing can un-normalise a few letters: repeat until nothing changes (two rounds in practice).
  let prev = name;
  for (let i = 0; i < 4; i++) {
    const next = step(prev);
    if (next === prev) return next;
    prev = next;
  }
  return prev;
}

/** The key without numbering: 扶養親族1氏名 → 扶養親族氏名, dependent2name → dependentname. */
export function withoutNumbering(key: string): string {
  return key.replace(/\d+/g, '');
}

const INDEX = /\[(?:\d+|\*)\]/g;
const FULLWIDTH_ASCII = /[\uff01-\uff5e]/g;
const QUOTED_KEY = /\[(["'])([^"'\]]*)\1\]/g;

/**
 * The meaningful segments of a field name that may be a path: a JSON path (`$.employees[0].contact.phone`), an
 * XML path (`/employees/employee/@name`, `hr:Name`) or a plain header (one segment). Array indices, `$`, `@`
 * and namespace prefixes are dropped; segments that normalise to nothing are skipped.
 */
export function fieldPathSegments(name: string): string[] {
  const out: string[] = [];
  // Full-width ASCII (．／：［］＠) is folded first, so path syntax reads the same at either width: the key of a
  // header never depends on width (ｈｒ：Ｎａｍｅ is hr:Name).
  const folded = name.replace(FULLWIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  // Only index brackets are path syntax: 氏名[カナ] is a header, employees[0] a path.
  const path = folded.replace(QUOTED_KEY, '.$2').replace(INDEX, '.');
  for (const raw of path.split(/[./]/)) {
    let seg = raw.trim();
    if (seg.startsWith('@')) seg = seg.slice(1);
    const colon = seg.lastIndexOf(':');
    // hr:Name → Name; but 電話: (a label with a trailing colon) keeps its text.
    if (colon >= 0 && colon < seg.length - 1) seg = seg.slice(colon + 1);
    if (seg === '$') continue;
    if (normalizeFieldName(seg) !== '') out.push(seg);
  }
  return out;
}
