import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { RULES_DIR } from '../../../packages/core/src/paths.js';
import { buildStartupCache } from '../../../packages/core/src/rules/build-startup-cache.js';
import { readStartupCache, schemaOptions } from '../../../packages/core/src/rules/startup-cache.js';

// ajv 8 as @kamen/core resolves it (the repository root holds an older one for other tools).
type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };
const { Ajv } = createRequire(join(RULES_DIR, '../packages/core/package.json'))('ajv') as {
  Ajv: new (options: object) => { compile(schema: object): Validate };
};

// The cache the build writes, built here into a folder of the test's own (dist/ may be absent or older).
const dir = mkdtempSync(join(tmpdir(), 'kamen-startup-cache-'));
const manifest = buildStartupCache(RULES_DIR, dir);
const cache = readStartupCache(dir);

function yamlFiles(d: string): string[] {
  return readdirSync(d).flatMap((name) => {
    const full = join(d, name);
    if (statSync(full).isDirectory()) return name === 'data' ? [] : yamlFiles(full);
    return name.endsWith('.yaml') ? [full] : [];
  });
}

const builtins = yamlFiles(RULES_DIR);
const parsed = (text: string): unknown => parseDocument(text, { uniqueKeys: true }).toJS() as unknown;

describe('startup cache: YAML data', () => {
  it('holds every built-in rule, policy and field file with the data the yaml package parses', () => {
    expect(builtins.length).toBeGreaterThan(30);
    expect(Object.keys(manifest.yaml)).toHaveLength(builtins.length);
    for (const file of builtins) {
      const text = readFileSync(file, 'utf8');
      expect(cache.yamlData(text), file).toEqual(parsed(text));
    }
  });

  it('answers only for the exact text, and with a fresh copy each time', () => {
    const text = readFileSync(join(RULES_DIR, 'common', 'email.yaml'), 'utf8');
    expect(cache.yamlData(`${text}\n`)).toBeUndefined();
    expect(cache.yamlData(text.replace('email', 'emall'))).toBeUndefined();
    const a = cache.yamlData(text) as { rules: unknown[] };
    a.rules.length = 0; // a loader filling in defaults must not change what the next load gets
    expect((cache.yamlData(text) as { rules: unknown[] }).rules.length).toBeGreaterThan(0);
  });

  it('is empty when the build wrote no cache (tsc alone)', () => {
    const none = readStartupCache(join(dir, 'missing'));
    expect(none.yamlData(readFileSync(builtins[0] as string, 'utf8'))).toBeUndefined();
    expect(none.validator(readFileSync(join(RULES_DIR, 'schema.json'), 'utf8'), true)).toBeUndefined();
  });
});

// Rule-file mutations that break the schema in different ways: the precompiled validator must reject each with
// the same first error as ajv compiling the schema at load.
const RULE = {
  rules: [
    {
      id: 'custom.code',
      entity: 'BANK_ACCOUNT',
      languages: ['ja'],
      description: 'code',
      patterns: [{ name: 'code', regex: 'EMP-\\d{6}', score: 0.9 }],
      examples: { match: ['EMP-123456'], noMatch: ['EMP-12'] },
    },
  ],
};
type Rule = Record<string, unknown> & { patterns: Record<string, unknown>[] };
const RULE_MUTATIONS: ((r: Rule) => void)[] = [
  () => {},
  (r) => (r.patterns[0]!.score = 1.5),
  (r) => (r.entity = 'NOPE'),
  (r) => delete r.id,
  (r) => (r.languages = ['de']),
  (r) => (r.extra = true),
  (r) => (r.patterns[0]!.flags = 7),
  (r) => (r.examples = { match: [] }),
  (r) => (r.context = { words: 'not a list' }),
  (r) => (r.minScore = -1),
];

function outcome(validate: Validate, data: unknown): { ok: boolean; data: unknown; error?: unknown } {
  const ok = validate(data);
  return { ok, data, ...(ok ? {} : { error: validate.errors?.[0] }) };
}

describe('startup cache: precompiled validators', () => {
  for (const [schema, useDefaults, folder] of [
    ['schema.json', true, RULES_DIR],
    ['fields.schema.json', true, join(RULES_DIR, 'fields')],
    ['policy.schema.json', false, join(RULES_DIR, 'policies')],
  ] as const) {
    const text = readFileSync(join(RULES_DIR, schema), 'utf8');
    const precompiled = cache.validator(text, useDefaults);
    const compiled = new Ajv(schemaOptions(useDefaults)).compile(JSON.parse(text) as object);

    it(`${schema}: same verdict and same filled-in defaults on every built-in file`, () => {
      expect(precompiled).toBeTypeOf('function');
      const files = yamlFiles(folder).filter(
        (f) => schema !== 'schema.json' || !/[/\\](?:fields|policies)[/\\]/.test(f),
      );
      expect(files.length).toBeGreaterThan(3);
      for (const file of files) {
        const source = readFileSync(file, 'utf8');
        const a = outcome(precompiled!, parsed(source));
        expect(a.ok, file).toBe(true);
        expect(a, file).toEqual(outcome(compiled, parsed(source)));
      }
    });
  }

  it('schema.json: same first error as ajv on broken rules', () => {
    const text = readFileSync(join(RULES_DIR, 'schema.json'), 'utf8');
    const precompiled = cache.validator(text, true)!;
    const compiled = new Ajv(schemaOptions(true)).compile(JSON.parse(text) as object);
    for (const mutate of RULE_MUTATIONS) {
      const copy = (): { rules: Rule[] } => {
        const r = structuredClone(RULE) as { rules: Rule[] };
        mutate(r.rules[0]!);
        return r;
      };
      expect(outcome(precompiled, copy()), mutate.toString()).toEqual(outcome(compiled, copy()));
    }
    expect(
      RULE_MUTATIONS.slice(1).every((m) => {
        const r = structuredClone(RULE) as { rules: Rule[] };
        m(r.rules[0]!);
        return !precompiled(r);
      }),
    ).toBe(true);
  });

  it('answers only for the exact schema text', () => {
    const text = readFileSync(join(RULES_DIR, 'schema.json'), 'utf8');
    expect(cache.validator(`${text} `, true)).toBeUndefined();
    expect(cache.validator(text, false)).toBeUndefined(); // compiled with defaults only
  });
});
