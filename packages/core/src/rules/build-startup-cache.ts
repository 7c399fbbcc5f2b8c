import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Ajv } from 'ajv';
import { parseDocument } from 'yaml';
import {
  STARTUP_CACHE_MANIFEST,
  YAML_PARSE_OPTIONS,
  schemaOptions,
  sourceHash,
  validatorKey,
  type StartupCacheManifest,
} from './startup-cache.js';

/** The JSON Schemas compileSchemaFile() is asked for, with whether their defaults are filled in. */
const SCHEMAS: readonly (readonly [string, boolean])[] = [
  ['schema.json', true],
  ['fields.schema.json', true],
  ['policy.schema.json', false],
];

/** rules/ files the YAML loaders read: rules and field dictionaries (rules/data/ holds TSV dictionaries). */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return name === 'data' ? [] : yamlFiles(full);
      return /\.ya?ml$/.test(name) ? [full] : [];
    });
}

/** Data of a YAML text as loadValidatedYaml parses it, or undefined when it has errors or JSON cannot carry it. */
export function yamlDataJson(text: string): string | undefined {
  const doc = parseDocument(text, YAML_PARSE_OPTIONS);
  if (doc.errors.length > 0) return undefined;
  const data = doc.toJS() as unknown;
  const json = JSON.stringify(data);
  // .inf, .nan or an undefined value would not survive JSON: such a file is parsed at load instead.
  return json !== undefined && isDeepStrictEqual(JSON.parse(json), data) ? json : undefined;
}

const standaloneCode = createRequire(import.meta.url)('ajv/dist/standalone') as (ajv: Ajv, fn: unknown) => string;

/** The standalone validator module of a schema text (CommonJS), generated with the options the loader uses. */
export function validatorSource(schemaText: string, useDefaults: boolean): string {
  const ajv = new Ajv({ ...schemaOptions(useDefaults), code: { source: true } });
  return standaloneCode(ajv, ajv.compile(JSON.parse(schemaText) as object));
}

/** Writes the startup cache of `rulesDir` into `outDir` (replacing what was there). Returns the manifest. */
export function buildStartupCache(rulesDir: string, outDir: string): StartupCacheManifest {
  const manifest: StartupCacheManifest = { yaml: {}, validators: {} };
  for (const file of yamlFiles(rulesDir)) {
    const text = readFileSync(file, 'utf8');
    const json = yamlDataJson(text);
    if (json !== undefined) manifest.yaml[sourceHash(text)] = json;
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const [schema, useDefaults] of SCHEMAS) {
    const text = readFileSync(join(rulesDir, schema), 'utf8');
    const name = schema.replace(/\.json$/, '.cjs');
    writeFileSync(join(outDir, name), validatorSource(text, useDefaults));
    manifest.validators[validatorKey(text, useDefaults)] = name;
  }
  writeFileSync(join(outDir, STARTUP_CACHE_MANIFEST), JSON.stringify(manifest));
  return manifest;
}
