import { escapeHtml } from './escape.js';

/** Stable colours per entity type: the same type has the same colour in every chart of a report. */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#1f77b4',
  '#d62728',
];

export function colourOf(type: string, order: readonly string[]): string {
  const i = order.indexOf(type);
  return PALETTE[(i < 0 ? order.length : i) % PALETTE.length] as string;
}

export interface Bar {
  readonly label: string;
  readonly value: number;
}

/** A horizontal bar chart: one labelled bar per item, value printed after the bar. Pure SVG, no script. */
export function barChart(bars: readonly Bar[], order: readonly string[], title: string): string {
  if (bars.length === 0) return '';
  const row = 22;
  const labelWidth = 230;
  const barWidth = 420;
  const max = Math.max(...bars.map((b) => b.value), 1);
  const height = bars.length * row + 8;
  const items = bars.map((b, i) => {
    const y = i * row + 4;
    const w = Math.max(1, Math.round((b.value / max) * barWidth));
    const label = escapeHtml(b.label);
    return [
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${label}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${row - 6}" fill="${colourOf(b.label, order)}"><title>${label}: ${b.value}</title></rect>`,
      `<text x="${labelWidth + w + 6}" y="${y + 15}">${b.value.toLocaleString('en-US')}</text>`,
    ].join('');
  });
  return `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${labelWidth + barWidth + 80} ${height}" width="${labelWidth + barWidth + 80}" height="${height}" xmlns="http://www.w3.org/2000/svg">${items.join('')}</svg>`;
}

/** A small bar showing a share from 0 to 1. */
export function shareBar(share: number): string {
  const w = Math.round(Math.min(1, Math.max(0, share)) * 100);
  const fill = share >= 0.5 ? '#e15759' : share > 0 ? '#f28e2b' : '#bab0ac';
  return `<svg class="share" width="102" height="12" viewBox="0 0 102 12" xmlns="http://www.w3.org/2000/svg" aria-hidden="true"><rect x="0.5" y="0.5" width="101" height="11" fill="#fff" stroke="#ccc"/><rect x="1" y="1" width="${w}" height="10" fill="${fill}"/></svg>`;
}

/** One stacked bar of entity counts in a field (width = share of that field's findings). */
export function stackedBar(parts: readonly Bar[], order: readonly string[]): string {
  const total = parts.reduce((n, p) => n + p.value, 0);
  if (total === 0) return '';
  let x = 0;
  const rects = parts.map((p) => {
    const w = (p.value / total) * 160;
    const rect = `<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="12" fill="${colourOf(p.label, order)}"><title>${escapeHtml(p.label)}: ${p.value}</title></rect>`;
    x += w;
    return rect;
  });
  return `<svg class="stack" width="160" height="12" viewBox="0 0 160 12" xmlns="http://www.w3.org/2000/svg">${rects.join('')}</svg>`;
}
