import fc from 'fast-check';
import { createHtmlCodec } from '@kamen/core';
import { describe, expect, it } from 'vitest';
import { cutPoints, runCodec } from './helpers.js';

const PAGE = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>山田 太郎 &mdash; 社員</title>
<style>td { color: red; }</style></head>
<body class=main>
<!-- 連絡先 090-1234-5678 -->
<p title='山田&#x5c71;' data-x="a &amp; b">電話&#48;90-1234-5678 &unknown; です</p>
<input value=taro@example.com>
<script type="application/json">{"name":"山田 太郎","tags":["<b>"]}</script>
<script>
  const who = '佐藤 花子'; // 担当 090-1111-2222
  const re = /'[a-z]+'/g; const t = \`Hi \${who + "様"} 03-1234-5678\`;
  if (1 / 2 > 0) console.log("a\\u0040b.jp");
</script>
</body></html>
`;

describe('HTML codec', () => {
  it('is equivalent with an identity transform: only attribute quoting and escapes are normalised', () => {
    const { output } = runCodec(createHtmlCodec, {}, PAGE);
    expect(output).toContain('<body class="main">');
    expect(output).toContain('<input value="taro@example.com">');
    expect(output).toContain(`title="山田山"`);
    expect(output).toContain('data-x="a &amp; b"');
    expect(output).toContain('<style>td { color: red; }</style>');
    expect(output).toContain("const re = /'[a-z]+'/g;");
    expect(output).toContain('&unknown; です');
  });

  it('exposes text nodes (references decoded), attributes, comments, JSON and JS string literals', () => {
    const { seen } = runCodec(createHtmlCodec, {}, PAGE);
    const values = seen.map((s) => s.value);
    expect(values).toContain('山田 太郎 — 社員');
    expect(values).toContain('電話090-1234-5678 ');
    expect(values).toContain(' 連絡先 090-1234-5678 ');
    expect(values).toContain('taro@example.com');
    expect(seen.find((s) => s.path === '$.name' && s.kind === 'value')?.value).toBe('山田 太郎');
    expect(values).toContain('佐藤 花子');
    expect(values).toContain(' 担当 090-1111-2222');
    expect(values).toContain(' 03-1234-5678');
    expect(values).toContain('様');
    expect(values).toContain('a@b.jp');
    expect(values).not.toContain("'[a-z]+'");
  });

  it('encodes masked values for their context', () => {
    const { output } = runCodec(createHtmlCodec, {}, PAGE, [], (v) =>
      v.includes('山田') || v.includes('@') ? `<x>"'${v.length}</script>` : v,
    );
    expect(output).not.toContain('山田');
    expect(output).toContain('&lt;x&gt;&quot;&#39;');
    expect(output).toContain('"name":"\\u003cx>\\"\'');
    expect(output.match(/<\/script>/g)).toHaveLength(2);
  });

  it('drops inline scripts it cannot tokenize, and every non-JSON script in block mode', () => {
    const broken = '<p>x</p><script>const a = "unterminated;\n</script><p>y</p>';
    expect(runCodec(createHtmlCodec, {}, broken).output).toBe('<p>x</p><script></script><p>y</p>');
    const blocked = runCodec(createHtmlCodec, { inlineScripts: 'block' }, PAGE).output;
    expect(blocked).toContain('<script>\n</script>'.slice(0, 8));
    expect(blocked).not.toContain('佐藤');
    expect(blocked).toContain('"name":"山田 太郎"');
  });

  it('gives the same output wherever the input is cut', () => {
    const whole = runCodec(createHtmlCodec, {}, PAGE, [], (v) => v.toUpperCase()).output;
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 6 }), (raw) => {
        expect(runCodec(createHtmlCodec, {}, PAGE, cutPoints(raw, PAGE.length), (v) => v.toUpperCase()).output).toBe(
          whole,
        );
      }),
      { numRuns: 50 },
    );
  });
});
