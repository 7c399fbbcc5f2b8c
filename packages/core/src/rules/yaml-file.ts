import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Document, LineCounter } from 'yaml';
import { coreError, type CoreErrorCode, type ErrorContext } from '../errors.js';
import { YAML_PARSE_OPTIONS, schemaOptions, startupCache } from './startup-cache.js';

/** Line and column (1-based) of a node inside a parsed YAML file. */
export type Locate = (path: readonly (string | number)[]) => { line?: number; column?: number };

/** A YAML file's data: parsed (parseYaml), and matched its JSON Schema (loadValidatedYaml). */
export interface ValidatedYaml {
  readonly data: unknown;
  /** Position of the deepest existing node on `path` (for errors found after schema validation). */
  readonly locate: Locate;
}

export interface YamlFileSpec {
  /** The compiled JSON Schema (see compileSchemaFile). */
  readonly validate: ValidateFunction;
  /** Code for an unreadable file or a YAML syntax error. */
  readonly fileError: CoreErrorCode;
  /** Code for a schema violation. */
  readonly schemaError: CoreErrorCode;
  /** Extra error context (rule id, field …) from the failing instance path, given as segments. */
  readonly context?: (segments: readonly (string | number)[], data: unknown) => ErrorContext;
}

// ajv and yaml are required on first use: with the startup cache, a process that loads only built-in files needs
// neither (loading ajv's modules costs ~70-90 ms).
const require = createRequire(import.meta.url);
const ajv = (): typeof import('ajv') => require('ajv') as typeof import('ajv');
/** The yaml package, required on first use (also by profile/suggest-policy.ts, which writes YAML). */
export const yaml = (): typeof import('yaml') => require('yaml') as typeof import('yaml');

const schemas = new Map<string, ValidateFunction>();

/**
 * Compiles a JSON Schema file once per process (useDefaults: schema defaults are filled in). The build's standalone
 * validator of the same schema text is used when there is one (startup-cache.ts): ajv's compile takes ~0.1 s.
 */
export function compileSchemaFile(schemaFile: string, useDefaults = true): ValidateFunction {
  const key = `${useDefaults}:${schemaFile}`;
  let validate = schemas.get(key);
  if (validate === undefined) {
    const text = readFileSync(schemaFile, 'utf8');
    validate =
      startupCache().validator(text, useDefaults) ??
      new (ajv().Ajv)(schemaOptions(useDefaults)).compile(JSON.parse(text) as object);
    schemas.set(key, validate);
  }
  return validate;
}

const parse = (text: string): { doc: Document; lines: LineCounter } => {
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  return { doc: parseDocument(text, { ...YAML_PARSE_OPTIONS, lineCounter: lines }), lines };
};

/** Positions come from the parsed document; a file loaded from the startup cache is parsed on the first call only. */
function locator(text: string, parsed?: { doc: Document; lines: LineCounter }): Locate {
  return (path) => {
    const { doc, lines } = (parsed ??= parse(text));
    const { isNode } = yaml();
    // The failing node may not exist (a missing required property): fall back to its nearest ancestor.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = lines.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return {};
  };
}

/**
 * The data of a YAML text, from the startup cache when the build parsed the same text, else parsed here; a syntax
 * error names the file, line and column. `locate` parses a cached text on its first call only.
 */
export function parseYaml(text: string, file: string, fileError: CoreErrorCode): ValidatedYaml {
  // The cache holds only texts that parsed without errors, with the data doc.toJS() gives for them.
  const cached = startupCache().yamlData(text);
  if (cached !== undefined) return { data: cached, locate: locator(text) };
  const parsed = parse(text);
  const first = parsed.doc.errors[0];
  if (first !== undefined) {
    const pos = parsed.lines.linePos(first.pos[0]);
    throw coreError(fileError, `YAML syntax: ${first.code}`, { file, line: pos.line, column: pos.col });
  }
  return { data: parsed.doc.toJS() as unknown, locate: locator(text, parsed) };
}

/**
 * Reads (unless `source` is given), parses and schema-validates one YAML file. Every error names the file,
 * line and column; schema errors also give the instance path and, for enums, the allowed values.
 */
export function loadValidatedYaml(file: string, spec: YamlFileSpec, source?: string): ValidatedYaml {
  let text: string;
  try {
    text = source ?? readFileSync(file, 'utf8');
  } catch (cause) {
    throw coreError(spec.fileError, 'cannot read the file', { file }, cause);
  }
  const { data, locate } = parseYaml(text, file, spec.fileError);
  if (!spec.validate(data)) {
    const err = (spec.validate.errors as ErrorObject[])[0] as ErrorObject;
    const segments = err.instancePath
      .split('/')
      .slice(1)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const allowed =
      err.params && 'allowedValues' in err.params ? ` (${(err.params.allowedValues as unknown[]).join(', ')})` : '';
    throw coreError(spec.schemaError, `${err.instancePath || '/'} ${err.message ?? 'is invalid'}${allowed}`, {
      file,
      ...locate(segments),
      ...spec.context?.(segments, data),
    });
  }
  return { data, locate };
}
