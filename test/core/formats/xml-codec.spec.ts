import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { createXmlCodec, createXmlDecoder } from '@kamen/core';
import { cutPoints, once, runCodec, thrown, type Seen } from './helpers.js';

type XNode =
  | { t: 'el'; name: string; attrs: [string, string][]; children: XNode[] }
  | { t: 'text' | 'cdata' | 'comment'; v: string };

const chars = fc.constantFrom(
  'a',
  'Z',
  '山',
  '田',
  '&',
  '<',
  '>',
  '"',
  "'",
  ' ',
  '\n',
  '\t',
  '\r',
  '-',
  ']',
  '9',
  '９',
  '😀',
);
const value = fc.string({ unit: chars, maxLength: 8 });
const name = fc.constantFrom('a', 'employee', '氏名', 'x:name', 'b-c', '_d', 'e.f');
const attrs = fc.uniqueArray(fc.tuple(name, value), { selector: (t) => t[0], maxLength: 3 });

const tree = fc.letrec<{ el: XNode; node: XNode }>((tie) => ({
  el: fc.record({
    t: fc.constant('el' as const),
    name,
    attrs,
    children: fc.array(tie('node'), { maxLength: 4 }),
  }),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ t: fc.constant('text' as const), v: value.filter((v) => v !== '') }),
    fc.record({ t: fc.constant('cdata' as const), v: value.filter((v) => !v.includes(']]>')) }),
    fc.record({ t: fc.constant('comment' as const), v: value.filter((v) => !v.includes('--') && !v.endsWith('-')) }),
    tie('el'),
  ),
})).el;

const escText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');

/** Adjacent text nodes merge when written; do the same in the model. */
function normalise(node: XNode): XNode {
  if (node.t !== 'el') return node;
  const children: XNode[] = [];
  for (const c of node.children.map(normalise)) {
    const prev = children[children.length - 1];
    if (c.t === 'text' && prev?.t === 'text') children[children.length - 1] = { t: 'text', v: prev.v + c.v };
    else children.push(c);
  }
  return { ...node, children };
}

function serialise(node: XNode): string {
  switch (node.t) {
    case 'text':
      return escText(node.v);
    case 'cdata':
      return `<![CDATA[${node.v}]]>`;
    case 'comment':
      return `<!--${node.v}-->`;
    case 'el': {
      const a = node.attrs.map(([k, v]) => ` ${k}="${escAttr(v)}"`).join('');
      if (node.children.length === 0) return `<${node.name}${a}/>`;
      return `<${node.name}${a}>${node.children.map(serialise).join('')}</${node.name}>`;
    }
  }
}

const isWs = (s: string): boolean => /^[ \t\r\n]*$/.test(s);

function expected(node: XNode, parent = ''): Omit<Seen, 'record'>[] {
  if (node.t !== 'el') {
    if (node.t === 'text' && isWs(node.v)) return [];
    const path = parent === '' ? '/' : parent;
    return [{ value: node.v, path, field: path, kind: node.t }];
  }
  const path = `${parent}/${node.name}`;
  return [
    ...node.attrs.map(([k, v]) => ({
      value: v,
      path: `${path}/@${k}`,
      field: `${path}/@${k}`,
      kind: 'attribute' as const,
    })),
    ...node.children.flatMap((c) => expected(c, path)),
  ];
}

const strip = (seen: Seen[]): Omit<Seen, 'record'>[] => seen.map(({ record: _r, ...rest }) => rest);
const doc = tree.map(normalise).map((root) => ({ root, text: `<?xml version="1.0"?>\n${serialise(root)}\n` }));

describe('createXmlCodec', () => {
  it('round-trips canonical XML byte for byte with the identity transform', () => {
    fc.assert(
      fc.property(doc, ({ text }) => {
        expect(once(createXmlCodec, {}, text)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('gives every attribute, text, CDATA and comment to the transform exactly once, decoded, with its path', () => {
    fc.assert(
      fc.property(doc, ({ root, text }) => {
        expect(strip(runCodec(createXmlCodec, {}, text).seen)).toEqual(expected(root));
      }),
      { numRuns: 300 },
    );
  });

  it('re-escapes transformed values: the output is well-formed and decodes to the new values', () => {
    const evil = (v: string): string => `${v}]]>--<&"'\u0001-`;
    fc.assert(
      fc.property(doc, ({ text }) => {
        const first = runCodec(createXmlCodec, {}, text, [], evil);
        expect(XMLValidator.validate(first.output)).toBe(true);
        const again = runCodec(createXmlCodec, {}, first.output).seen;
        const want = first.seen.map((s) => {
          let v = evil(s.value).replace('\u0001', '\uFFFD');
          if (s.kind === 'comment') v = `${v.replaceAll('--', '- -')} `;
          return v;
        });
        // Text and CDATA leaves may merge or split (']]>' splits a CDATA section); compare the text per path.
        const join = (xs: { path: string; value: string }[]): string[] => xs.map((x) => `${x.path}=${x.value}`);
        if (!first.seen.some((s) => s.kind === 'cdata')) {
          expect(join(again)).toEqual(join(first.seen.map((s, i) => ({ path: s.path, value: want[i] as string }))));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives byte-identical output and the same leaves for any chunking (ST-01)', () => {
    fc.assert(
      fc.property(doc, fc.array(fc.nat(), { maxLength: 12 }), ({ text }, raw) => {
        const f = (s: string): string => s.toUpperCase();
        const whole = runCodec(createXmlCodec, { recordChars: 64 }, text, [], f);
        expect(runCodec(createXmlCodec, { recordChars: 64 }, text, cutPoints(raw, text.length), f)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('is split-independent at every offset of small generated documents', () => {
    fc.assert(
      fc.property(
        doc.filter(({ text }) => text.length <= 100),
        ({ text }) => {
          const whole = runCodec(createXmlCodec, { recordChars: 16 }, text);
          for (let i = 0; i <= text.length; i++) {
            expect(runCodec(createXmlCodec, { recordChars: 16 }, text, [i])).toEqual(whole);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is split-independent at every offset of a document with every construct', () => {
    const text =
      '\ufeff<?xml version="1.0"?><!-- h --><r xmlns:p="urn:p"><p:e id="1" n=\'&#x5c71;&amp;\'>&#30000;&lt;x&gt;<![CDATA[a]]]]>b<?pi d?></p:e>\r\n<e/></r>';
    const whole = runCodec(createXmlCodec, {}, text);
    for (let i = 0; i <= text.length; i++) {
      expect(runCodec(createXmlCodec, {}, text, [i])).toEqual(whole);
      expect(runCodec(createXmlCodec, {}, text, [...new Set([i, Math.min(i + 2, text.length)])])).toEqual(whole);
    }
    expect(whole.output).toBe(text.replace('&#x5c71;', '山').replace('&#30000;', '田'));
    expect(whole.seen.map((s) => [s.kind, s.path, s.value])).toEqual([
      ['comment', '/', ' h '],
      ['attribute', '/r/p:e/@id', '1'],
      ['attribute', '/r/p:e/@n', '山&'],
      ['text', '/r/p:e', '田<x>'],
      ['cdata', '/r/p:e', 'a]]'],
      ['text', '/r/p:e', 'b'],
    ]);
  });

  it('decodes character references before the transform sees text (EN-04)', () => {
    const { seen } = runCodec(createXmlCodec, {}, '<r><tel>&#48;90-1234-5678</tel><n>&#x5c71;&#30000;</n></r>');
    expect(seen.map((s) => s.value)).toEqual(['090-1234-5678', '山田']);
  });

  it.each([
    ['<!DOCTYPE lol [<!ENTITY a "b">]><lol>&a;</lol>', 1, 1, 'DOCTYPE'],
    ['<?xml version="1.0"?>\n<!DOCTYPE r SYSTEM "file:///etc/passwd"><r/>', 2, 1, 'DOCTYPE'],
    ['<r/><!DOCTYPE r>', 1, 5, 'DOCTYPE'],
    ['<r><!ENTITY x "y"></r>', 1, 4, 'DOCTYPE'],
    ['<a><b></a>', 1, 7, 'does not match'],
    ['<a>\n<b>', 2, 4, 'unclosed element'],
    ['<a></a><b/>', 1, 8, 'second root'],
    ['<a></a>\njunk', 2, 1, 'after the root'],
    ['junk<a/>', 1, 1, 'before the root'],
    ['<a>&foo;</a>', 1, 4, 'undefined entity'],
    ['<a>AT&T</a>', 1, 4, 'does not start a reference'],
    ['<a>&#xD800;</a>', 1, 4, 'invalid character reference'],
    ['<a x="1" x="2"/>', 1, 1, 'duplicate attribute'],
    ['<a x=1/>', 1, 1, 'must be quoted'],
    ['<a x="1"y="2"/>', 1, 1, 'whitespace between attributes'],
    ['<a x="<"/>', 1, 1, "'<' in an attribute"],
    [' <?xml version="1.0"?><a/>', 1, 2, 'declaration not at the start'],
    ['<a><!-- x -- y --></a>', 1, 4, "'--' inside a comment"],
    ['<a>]]></a>', 1, 4, "']]>'"],
    ['<![CDATA[x]]><a/>', 1, 1, 'CDATA outside'],
    ['</a>', 1, 1, 'without a start tag'],
    ['<1a/>', 1, 1, 'invalid element name'],
    ['<a><b', 1, 4, 'truncated'],
    ['<a><!-- x', 1, 4, 'truncated'],
    ['', 1, 1, 'no root element'],
  ])('rejects %j with KAMEN_ERR_INPUT_XML at line %i, column %i', (text, line, column, detail) => {
    const err = thrown(() => once(createXmlCodec, {}, text));
    expect(err.code).toBe('KAMEN_ERR_INPUT_XML');
    expect(err.context).toMatchObject({ line, column });
    expect(err.message).toContain(detail);
  });

  it('rejects a billion-laughs document before reading any entity, and never echoes input', () => {
    const lol = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n${Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
    ).join('\n')}\n]>\n<lolz>&lol9;</lolz>`;
    let calls = 0;
    const codec = createXmlCodec({}, (v) => {
      calls++;
      return v;
    });
    const err = thrown(() => codec.write(lol) + codec.end());
    expect(err.code).toBe('KAMEN_ERR_INPUT_XML');
    expect(err.message).not.toContain('lol');
    expect(calls).toBe(0);
  });

  it('reports line and column in minified and multi-line input alike', () => {
    const minified = `<r>${'<e a="1">x</e>'.repeat(5000)}<e></f></r>`;
    expect(thrown(() => once(createXmlCodec, {}, minified)).context).toMatchObject({ line: 1, column: 70_007 });
    const lines = `<r>\n${'<e a="1">x</e>\n'.repeat(5000)}<e></f></r>`;
    expect(thrown(() => once(createXmlCodec, {}, lines)).context).toMatchObject({ line: 5002, column: 4 });
  });

  it('decodes many numeric references in linear time (no expansion)', () => {
    const text = `<r>${'&#48;'.repeat(200_000)}</r>`;
    const { seen } = runCodec(createXmlCodec, {}, text);
    expect(seen[0]?.value).toBe('0'.repeat(200_000));
  });

  it('enforces depth, text length and attribute count limits (FC-08)', () => {
    const deep = '<a>'.repeat(600) + '</a>'.repeat(600);
    expect(thrown(() => once(createXmlCodec, {}, deep)).code).toBe('KAMEN_ERR_INPUT_LIMIT');
    expect(once(createXmlCodec, { maxDepth: 600 }, deep)).toBe(deep);
    const long = `<r><a>ok</a><a>${'x'.repeat(5000)}</a></r>`;
    expect(thrown(() => once(createXmlCodec, { maxStringLength: 1000 }, long)).code).toBe('KAMEN_ERR_INPUT_LIMIT');
    const many = `<r ${Array.from({ length: 11 }, (_, i) => `a${i}="1"`).join(' ')}/>`;
    expect(thrown(() => once(createXmlCodec, { maxKeys: 10 }, many)).code).toBe('KAMEN_ERR_INPUT_LIMIT');
  });

  it('keeps namespace declarations, prefixes and processing instructions verbatim', () => {
    const text = '<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><p:r xmlns:p="urn:p" xmlns="urn:d"><p:x/></p:r>';
    const { output, seen } = runCodec(createXmlCodec, {}, text, [], () => 'MASKED');
    expect(output).toBe(text);
    expect(seen).toEqual([]);
  });
});

describe('XML records', () => {
  it('makes each child of the root one record, with the root start tag in the first', () => {
    const d = createXmlDecoder();
    const units = [
      ...d.write('<root a="r"><employee><name>山田</name><kana>ヤマダ</kana></employee>'),
      ...d.write('<employee><name>佐藤</name><kana>サトウ</kana></employee></root>'),
      ...d.end(),
    ];
    expect(units.map((u) => u.leaves.map((l) => l.value))).toEqual([['r', '山田', 'ヤマダ'], ['佐藤', 'サトウ'], []]);
  });

  it('splits a huge wrapper element between its repeated children', () => {
    const employees = Array.from(
      { length: 300 },
      (_, i) => `<employee><name>山田${i}</name><kana>ヤマダ${i}</kana></employee>`,
    );
    const text = `<root><header><n>300</n></header><employees>${employees.join('')}</employees></root>`;
    const d = createXmlDecoder({ recordChars: 400 });
    const units = [...d.write(text), ...d.end()];
    expect(units.length).toBeGreaterThan(30);
    for (const u of units) {
      expect(u.pieces.join('').length).toBeLessThanOrEqual(800);
      const names = u.leaves.filter((l) => l.path.endsWith('/name')).length;
      expect(u.leaves.filter((l) => l.path.endsWith('/kana')).length).toBe(names);
    }
  });
});
