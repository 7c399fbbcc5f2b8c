import { EMPLOYEE_FIELDS, type Employee } from './employees.js';

// Serialisers of the demo HR application: the formats a real HR system exports, written by hand so the demo's
// upstream is as cheap as possible (the proxy benchmark measures the proxy, not this app).

const csvField = (v: string | number): string => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** RFC 4180 CSV with a header row and CRLF line ends. */
export function toCsv(employees: readonly Employee[]): string {
  const lines = [EMPLOYEE_FIELDS.join(',')];
  for (const e of employees) lines.push(EMPLOYEE_FIELDS.map((f) => csvField(e[f])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xmlEscape = (v: string | number): string => String(v).replace(/[&<>"']/g, (c) => XML_ESCAPES[c] as string);

/** `<employees><employee id="…"><氏名>…</氏名>…</employee>…</employees>` (Japanese element names are valid XML). */
export function toXml(employees: readonly Employee[]): string {
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<employees>\n'];
  for (const e of employees) {
    parts.push(`  <employee id="${xmlEscape(e.社員番号)}">\n`);
    for (const f of EMPLOYEE_FIELDS) parts.push(`    <${f}>${xmlEscape(e[f])}</${f}>\n`);
    parts.push('  </employee>\n');
  }
  parts.push('</employees>\n');
  return parts.join('');
}

/** One JSON object per line. */
export function toNdjson(employees: readonly Employee[]): string {
  return employees.map((e) => `${JSON.stringify(e)}\n`).join('');
}

/** One server-sent event per employee (`event: employee`), then `event: end`. */
export function toSseEvents(employees: readonly Employee[]): string[] {
  return [
    ...employees.map((e) => `event: employee\nid: ${e.社員番号}\ndata: ${JSON.stringify(e)}\n\n`),
    'event: end\ndata: {}\n\n',
  ];
}
