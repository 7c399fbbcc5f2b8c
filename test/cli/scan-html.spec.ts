import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldProfile } from '@kamen/core';
import { escapeHtml } from '../../packages/cli/src/scan/escape.js';
import { htmlReport } from '../../packages/cli/src/scan/html-report.js';
import type { ScanReport } from '../../packages/cli/src/scan/report.js';

const field = (name: string, example: string): FieldProfile => ({
  field: name,
  kinds: ['cell'],
  values: 3,
  empty: 1,
  classification: { type: 'PHONE', confidence: 0.9, sensitive: false, source: 'name' },
  entities: [{ type: 'PHONE', findings: 2, values: 2, meanScore: 0.8, maxScore: 0.9 }],
  valuesWithFindings: 2,
  piiValues: 2,
  piiShare: 2 / 3,
  examples: [example],
});

const report = (fields: FieldProfile[], name = 'in.csv'): ScanReport => ({
  kind: 'kamen-scan-report',
  version: 1,
  input: { name, format: 'csv', encoding: 'utf-8', bom: false, bytes: 10 },
  truncated: false,
  elapsedMs: 5,
  generated: '2026-01-01T00:00:00.000Z',
  records: 3,
  fields,
  totals: { PHONE: 2 },
  overflow: { fields: 0, values: 0 },
  examplesMaskedWith: { policy: 'support', role: 'support' },
});

/** Text between tags, with entities decoded: what a browser would show. */
const visibleText = (html: string): string =>
  html
    .replace(/<[^<>]*>/gu, '')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&amp;/gu, '&');

describe('scan HTML report', () => {
  it("escapes any field name, example and input name: the markup stays the report's own", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        (n, e, i) => {
          const html = htmlReport(report([field(n, e)], i));
          const tags = html.match(/<[a-z!/][^>]*>/giu) ?? [];
          const baseline = htmlReport(report([field('x', 'y')], 'z')).match(/<[a-z!/][^>]*>/giu) ?? [];
          // Same tag structure whatever the strings are: no string from the input opens or closes an element.
          expect(tags.map((t) => t.replace(/"[^"]*"/gu, '""'))).toEqual(
            baseline.map((t) => t.replace(/"[^"]*"/gu, '""')),
          );
          // …and a person reads the strings as they are (control characters aside).
          expect(visibleText(html)).toContain(visibleText(escapeHtml(e)));
          expect(visibleText(html)).toContain(visibleText(escapeHtml(n)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is inert and self-contained', () => {
    const html = htmlReport(report([field('<script>alert(1)</script>', '"><img src=x onerror=y>')]));
    const tags = html.match(/<[a-z!/][^>]*>/giu) ?? [];
    expect(tags.filter((t) => /^<(?:script|img|link|iframe|object)|\s(?:src|href|on\w+)=/iu.test(t))).toEqual([]);
    expect(html).not.toMatch(/url\(|@import/iu);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('replaces control characters', () => {
    expect(escapeHtml('a\u0000b\u0007c\td\ne')).toBe('a\ufffdb\ufffdc\td\ne');
  });
});
