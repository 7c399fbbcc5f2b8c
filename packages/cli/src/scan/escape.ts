const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// C0 controls except tab, LF and CR, and DEL: matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\0-\x08\v\f\x0e-\x1f\x7f]/gu;

/**
 * Escapes text for HTML content and attribute values (both quote kinds). Control characters other than tab and
 * line breaks become U+FFFD: they are not allowed in HTML and a field name may hold anything.
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/gu, (c) => ENTITIES[c] as string).replace(CONTROL, '\ufffd');
}
