import type { FieldProfile } from '@kamen/core';
import { escapeHtml as h } from './escape.js';
import { piiFields, type ScanReport } from './report.js';
import { barChart, colourOf, shareBar, stackedBar } from './svg.js';

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Hiragino Sans","Yu Gothic",Meiryo,sans-serif;margin:2rem;color:#222;max-width:1400px}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
.meta{color:#555;margin:0 0 1rem}.cards{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}
.card{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;min-width:9rem}.card b{display:block;font-size:1.4rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e5e5e5;padding:.4rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f6f6;position:sticky;top:0}td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.pii td:first-child{border-left:4px solid #e15759}tr.clean td:first-child{border-left:4px solid #bab0ac}
code,.ex{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
.ex{display:block;white-space:pre-wrap;word-break:break-all;background:#fafafa;border-radius:3px;padding:0 .25rem;margin:.1rem 0}
.tag{display:inline-block;padding:0 .4rem;border-radius:3px;color:#fff;font-size:.85em;margin:.05rem .15rem .05rem 0}
.muted{color:#888}.chart text{font-size:12px;fill:#333}.legend{color:#555;font-size:.9em;margin-top:1rem}
`;

function typeTag(type: string, order: readonly string[]): string {
  return `<span class="tag" style="background:${colourOf(type, order)}">${h(type)}</span>`;
}

function fieldRow(f: FieldProfile, order: readonly string[]): string {
  const c = f.classification;
  const pii = f.piiValues > 0 || (c !== null && f.values > f.empty);
  const entities = f.entities.map((e) => ({ label: e.type, value: e.findings }));
  const detected =
    f.entities.length === 0
      ? '<span class="muted">none</span>'
      : `${stackedBar(entities, order)}<br>${f.entities
          .map((e) => `${typeTag(e.type, order)}${e.findings} <span class="muted">(score ${e.meanScore})</span>`)
          .join('<br>')}`;
  const name = f.field === '' ? '<span class="muted">(text lines)</span>' : `<code>${h(f.field)}</code>`;
  const masked = f.nameMasked === true ? ' <span class="muted">(name masked)</span>' : '';
  return `<tr class="${pii ? 'pii' : 'clean'}">
<td>${name}${masked}<br><span class="muted">${h(f.kinds.join(', '))}</span></td>
<td>${c === null ? '<span class="muted">not personal</span>' : `${typeTag(c.type, order)}${c.sensitive ? ' <b title="要配慮個人情報 / 特定個人情報">sensitive</b>' : ''}`}</td>
<td class="num">${c === null ? '–' : c.confidence.toFixed(2)}</td>
<td>${c === null ? '–' : h(c.source)}</td>
<td class="num">${f.values.toLocaleString('en-US')}${f.empty > 0 ? `<br><span class="muted">${f.empty.toLocaleString('en-US')} empty</span>` : ''}</td>
<td>${shareBar(f.piiShare)} ${(f.piiShare * 100).toFixed(1)}%</td>
<td>${detected}</td>
<td>${f.examples.map((e) => `<span class="ex">${h(e)}</span>`).join('') || '<span class="muted">–</span>'}</td>
</tr>`;
}

/**
 * The self-contained HTML report: inline CSS and SVG, no script, no external asset. Every string from the input
 * (field names, masked examples) is HTML-escaped; the report holds no raw value, only what the profile holds
 * (masked examples and shapes).
 */
export function htmlReport(report: ScanReport): string {
  const totals = Object.entries(report.totals)
    .map(([label, value]) => ({ label, value: value ?? 0 }))
    .sort((a, b) => b.value - a.value || (a.label < b.label ? -1 : 1));
  const order = totals.map((t) => t.label);
  for (const f of report.fields) {
    if (f.classification !== null && !order.includes(f.classification.type)) order.push(f.classification.type);
  }
  const fieldsWithPii = piiFields(report);
  const title = `kamen scan: ${report.input.name}`;
  const cards = [
    ['records', report.records.toLocaleString('en-US')],
    ['fields', report.fields.length.toLocaleString('en-US')],
    ['fields with PII', fieldsWithPii.toLocaleString('en-US')],
    ['PII values', totals.reduce((n, t) => n + t.value, 0).toLocaleString('en-US')],
    ['seconds', (report.elapsedMs / 1000).toFixed(1)],
  ]
    .map(([k, v]) => `<div class="card"><b>${h(v as string)}</b>${h(k as string)}</div>`)
    .join('');
  const overflow =
    report.overflow.values > 0
      ? `<p>${report.overflow.fields.toLocaleString('en-US')} more fields (${report.overflow.values.toLocaleString('en-US')} values) were counted but not profiled.</p>`
      : '';
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kamen scan">
<title>${h(title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${h(title)}</h1>
<p class="meta">${h(report.input.format.toUpperCase())} · ${h(report.input.encoding)}${report.input.bom ? ' (BOM)' : ''} · ${report.input.bytes.toLocaleString('en-US')} bytes${report.truncated ? ' · <b>stopped early (--max-records)</b>' : ''} · ${h(report.generated)}</p>
<div class="cards">${cards}</div>
<h2>PII values by type</h2>
${totals.length > 0 ? barChart(totals, order, 'PII values by type') : '<p>No PII found.</p>'}
<h2>Fields</h2>
<table>
<thead><tr><th>field</th><th>classified as</th><th>confidence</th><th>decided by</th><th>values</th><th>PII share</th><th>detected in values</th><th>examples (masked)</th></tr></thead>
<tbody>
${report.fields.map((f) => fieldRow(f, order)).join('\n')}
</tbody>
</table>
${overflow}
<p class="legend">Examples are masked with the <code>${h(report.examplesMaskedWith.policy)}</code> policy, role <code>${h(report.examplesMaskedWith.role)}</code>; values without PII (and values the policy keeps) are shown by their shape only: 9 digit, A/a Latin letter, カ katakana, あ hiragana, 漢 kanji, x other letter. This report holds no raw value of the input. PII share: the values a personal field holds, or the values where detection found PII.</p>
</body>
</html>
`;
}
