import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { coreError } from '../errors.js';
import { RULES_DIR } from '../paths.js';
import type { RuleDefinition } from './rule.js';

let validateFile: ReturnType<Ajv['compile']> | undefined;

function schemaValidator(): ReturnType<Ajv['compile']> {
  if (validateFile === undefined) {
    const schema = JSON.parse(readFileSync(join(RULES_DIR, 'schema.json'), 'utf8')) as object;
    validateFile = new Ajv({ allErrors: false, useDefaults: true, strict: false }).compile(schema);
  }
  return validateFile;
}

/** Every *.yaml / *.yml file under `dir`, sorted, recursively. */
export function listRuleFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      // data/ holds dictionaries, policies/ holds masking policies (own schema): neither is a rule file.
      if (name !== 'data' && name !== 'policies') out.push(...listRuleFiles(full));
    } else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

/**
 * Parses and validates one rule file. Errors name the file, line, column, rule id and field.
 */
export function loadRuleFile(file: string, source?: string): RuleDefinition[] {
  let text: string;
  try {
    text = source ?? readFileSync(file, 'utf8');
  } catch (cause) {
    throw coreError('KAMEN_ERR_RULE_FILE', 'cannot read the file', { file }, cause);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first !== undefined) {
    const pos = lineCounter.linePos(first.pos[0]);
    throw coreError('KAMEN_ERR_RULE_FILE', `YAML syntax: ${first.code}`, { file, line: pos.line, column: pos.col });
  }
  const data = doc.toJS() as unknown;
  const validate = schemaValidator();
  if (!validate(data)) {
    const err = (validate.errors as ErrorObject[])[0] as ErrorObject;
    const segments = err.instancePath
      .split('/')
      .slice(1)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const node = doc.getIn(segments, true);
    const range = isNode(node) ? node.range : undefined;
    const pos = range ? lineCounter.linePos(range[0]) : undefined;
    const ruleIndex = segments[1];
    const ruleId =
      typeof ruleIndex === 'number'
        ? (((data as { rules?: { id?: unknown }[] }).rules?.[ruleIndex]?.id as string | undefined) ?? undefined)
        : undefined;
    throw coreError(
      'KAMEN_ERR_RULE_SCHEMA',
      `${err.instancePath || '/'} ${err.message ?? 'is invalid'}${err.params && 'allowedValues' in err.params ? ` (${(err.params.allowedValues as unknown[]).join(', ')})` : ''}`,
      {
        file,
        ...(pos ? { line: pos.line, column: pos.col } : {}),
        ...(ruleId !== undefined ? { ruleId } : {}),
        field: err.instancePath.split('/').slice(3).join('.') || undefined,
      },
    );
  }
  return (data as { rules: Omit<RuleDefinition, 'file'>[] }).rules.map((r) => ({ ...r, file }));
}

/** Loads every rule file in the given directories; ids must be unique across all of them. */
export function loadRules(dirsOrFiles: readonly string[]): RuleDefinition[] {
  const rules: RuleDefinition[] = [];
  const seen = new Map<string, string>();
  for (const entry of dirsOrFiles) {
    const files = statSync(entry).isDirectory() ? listRuleFiles(entry) : [entry];
    for (const file of files) {
      for (const rule of loadRuleFile(file)) {
        const prev = seen.get(rule.id);
        if (prev !== undefined) {
          throw coreError('KAMEN_ERR_RULE_DUPLICATE_ID', `also defined in ${relative(process.cwd(), prev)}`, {
            file,
            ruleId: rule.id,
          });
        }
        seen.set(rule.id, file);
        rules.push(rule);
      }
    }
  }
  return rules;
}
