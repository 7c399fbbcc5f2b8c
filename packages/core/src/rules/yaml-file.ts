import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import { coreError, type CoreErrorCode, type ErrorContext } from '../errors.js';
import { SCHEMA_OPTIONS, startupCache } from './startup-cache.js';

/** Line and column (1-based) of a node inside a parsed YAML file. */
export type Locate = (path: readonly (string | number)[]) => { line?: number; column?: number };

/** A YAML file that parsed and matched its JSON Schema. */
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

const schemas = new Map<string, ValidateFunction>();

/**
 * Compiles a JSON Schema file once per process (useDefaults: schema defaults are filled in). The build's standalone
 * validator of the same schema text is used when there is one (startup-cache.ts): ajv's compile takes ~0.1 s.
 */
export function compileSchemaFile(schemaFile: string): ValidateFunction {
  let validate = schemas.get(schemaFile);
  if (validate === undefined) {
    const text = readFileSync(schemaFile, 'utf8');
    validate = startupCache().validator(text) ?? new Ajv(SCHEMA_OPTIONS).compile(JSON.parse(text) as object);
    schemas.set(schemaFile, validate);
  }
  return validate;
}

const parse = (text: string): { doc: Document; lines: LineCounter } => {
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true }), lines };
};

/** Positions come from the parsed document; a file loaded from the startup cache is parsed on the first call only. */
function locator(text: string, parsed?: { doc: Document; lines: LineCounter }): Locate {
  return (path) => {
    const { doc, lines } = (parsed ??= parse(text));
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
  // The cache holds only texts that parsed without errors, with the data doc.toJS() gives for them.
  let data = startupCache().yamlData(text);
  let locate: Locate;
  if (data === undefined) {
    const parsed = parse(text);
    const first = parsed.doc.errors[0];
    if (first !== undefined) {
      const pos = parsed.lines.linePos(first.pos[0]);
      throw coreError(spec.fileError, `YAML syntax: ${first.code}`, { file, line: pos.line, column: pos.col });
    }
    locate = locator(text, parsed);
    data = parsed.doc.toJS() as unknown;
  } else locate = locator(text);
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
