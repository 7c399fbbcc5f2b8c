import { join } from 'node:path';
import { createRegistry, detect, RULES_DIR, type Finding } from '@kamen/core';

/** Only the name rules, so these tests do not depend on other areas' rules. */
export const nameRegistry = createRegistry({ builtins: false, ruleFiles: [join(RULES_DIR, 'names')] });

/** Name findings of one rule (or all name rules), as the substrings they cover. */
export function spans(text: string, ruleId?: string): string[] {
  return findings(text, ruleId).map((f) => text.slice(f.start, f.end));
}

export function findings(text: string, ruleId?: string): Finding[] {
  return detect(text, { registry: nameRegistry, conflicts: 'none' }).filter(
    (f) => ruleId === undefined || f.ruleId === ruleId,
  );
}
