import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { coreError } from '../errors.js';
import { RULES_DIR } from '../paths.js';
import type { RuleDefinition } from './rule.js';
import { compileSchemaFile, loadValidatedYaml } from './yaml-file.js';

const NOT_RULE_FOLDERS = new Set(['data', 'policies', 'fields']);

/** Every *.yaml / *.yml file under `dir`, sorted, recursively. */
export function listRuleFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      // data/ holds dictionaries, policies/ masking policies and fields/ header dictionaries (each with its own
      // schema): none of them is a rule file.
      if (!NOT_RULE_FOLDERS.has(name)) out.push(...listRuleFiles(full));
    } else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

/**
 * Parses and validates one rule file. Errors name the file, line, column, rule id and field.
 */
export function loadRuleFile(file: string, source?: string): RuleDefinition[] {
  const { data } = loadValidatedYaml(
    file,
    {
      validate: compileSchemaFile(join(RULES_DIR, 'schema.json')),
      fileError: 'KAMEN_ERR_RULE_FILE',
      schemaError: 'KAMEN_ERR_RULE_SCHEMA',
      context: (segments, value) => {
        const ruleIndex = segments[1];
        const ruleId =
          typeof ruleIndex === 'number'
            ? ((value as { rules?: { id?: unknown }[] }).rules?.[ruleIndex]?.id as string | undefined)
            : undefined;
        const field = segments.slice(2).join('.') || undefined;
        return { ...(ruleId !== undefined ? { ruleId } : {}), ...(field !== undefined ? { field } : {}) };
      },
    },
    source,
  );
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
