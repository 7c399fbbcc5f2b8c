import type { YAMLMap } from 'yaml';
import { coreError } from '../errors.js';
import { loadPolicy } from '../policy/load-policy.js';
// Required on first use: this module is imported with @kamen/core by every process and worker thread, and loading
// yaml's modules costs ~55-65 ms of CPU that only `kamen scan --suggest-policy` needs.
import { yaml } from '../rules/yaml-file.js';
import type { OperatorConfig, Policy, RolePolicy } from '../policy/policy.js';
import type { FieldType } from '../types.js';
import type { FieldProfile, Profile } from './types.js';

export interface SuggestPolicyOptions {
  /** The policy the suggestion builds on: a built-in name or a loaded policy (default 'support'). */
  readonly base?: string | Policy;
  /** Name of the suggested policy (default `<base>-suggested`). */
  readonly name?: string;
  /** Fields classified with less confidence are left to detection (default 0.5). */
  readonly minConfidence?: number;
}

/** A comment line: no line breaks or control characters from a field name can end up in the YAML. */
const comment = (s: string): string => s.replace(/\p{Cc}/gu, ' ');

/** The operator a role gives a type, as the policy compiler resolves it (entity, role default, policy default). */
function configFor(policy: Policy, role: RolePolicy, type: FieldType): OperatorConfig {
  const c = role.entities?.[type] ?? role.default ?? policy.default;
  return { operator: c.operator, ...(c.params !== undefined ? { params: c.params } : {}), entity: type };
}

function typed(profile: Profile, minConfidence: number): { field: FieldProfile; type: FieldType }[] {
  const out: { field: FieldProfile; type: FieldType }[] = [];
  for (const field of profile.fields) {
    const c = field.classification;
    // A field whose name held PII is shown masked: its override could not name it.
    if (c === null || c.type === 'FREE_TEXT' || c.confidence < minConfidence || field.nameMasked) continue;
    out.push({ field, type: c.type });
  }
  return out;
}

/** Flow style for operator configs ({ operator: mask, entity: PHONE }), like the built-in policies. */
function flowConfigs(map: YAMLMap): void {
  const { isMap, isPair } = yaml();
  if (map.has('operator')) {
    map.flow = true;
    return;
  }
  for (const item of map.items) if (isPair(item) && isMap(item.value)) flowConfigs(item.value);
}

/**
 * Writes a policy (YAML text) for the fields a profile found: the base policy (built-in `support` by default)
 * with a field override per classified column in every role (operator of that role for the column's type, and the
 * type as `entity`, so masking does not depend on re-classifying the column). Free-text columns are left to
 * detection. The result passes parsePolicy (rules/policy.schema.json and the semantic checks).
 * @public
 */
export function suggestPolicy(profile: Profile, options: SuggestPolicyOptions = {}): string {
  const base = typeof options.base === 'object' ? options.base : loadPolicy(options.base ?? 'support');
  const min = options.minConfidence ?? 0.5;
  if (!(min >= 0 && min <= 1)) throw coreError('KAMEN_ERR_INVALID_ARGUMENT', 'minConfidence must be from 0 to 1');
  const fields = typed(profile, min);
  const roles: Record<string, RolePolicy> = {};
  for (const [name, role] of Object.entries(base.roles)) {
    const overrides: Record<string, OperatorConfig> = { ...role.fields };
    for (const { field, type } of fields) {
      // The base policy's own override for a field wins: it was written on purpose.
      if (Object.hasOwn(overrides, field.field)) continue;
      // defineProperty: a field named __proto__ is a key like any other, not the object's prototype.
      Object.defineProperty(overrides, field.field, {
        value: configFor(base, role, type),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    roles[name] = { ...role, ...(Object.keys(overrides).length > 0 ? { fields: overrides } : {}) };
  }
  const { file: _file, ...rest } = base;
  const policy = { ...rest, name: options.name ?? `${base.name}-suggested`, roles };
  const { Document, isMap, isPair, isScalar } = yaml();
  const doc = new Document(policy);
  const freeText = profile.fields.filter((f) => f.classification?.type === 'FREE_TEXT').map((f) => f.field);
  doc.commentBefore = [
    ` Suggested by kamen scan from ${profile.records} records: the '${base.name}' policy with an override for each`,
    ` of the ${fields.length} classified fields. Review it before use: a field named here is masked as its type`,
    ' whatever its values look like. Fields not named are typed per stream and free text is scanned.',
    ...(freeText.length > 0 ? [comment(` Free-text fields (detection): ${freeText.join(', ')}`)] : []),
  ].join('\n');
  if (isMap(doc.contents)) flowConfigs(doc.contents);
  // Say why each field is there, once (first role): type, confidence and PII share from the profile.
  const firstRole = Object.keys(roles)[0];
  const firstFields = firstRole === undefined ? undefined : doc.getIn(['roles', firstRole, 'fields'], true);
  if (isMap(firstFields)) {
    const why = new Map(fields.map(({ field, type }) => [field.field, { field, type }]));
    for (const item of firstFields.items) {
      const key = isPair(item) && isScalar(item.key) ? item.key : undefined;
      const f = key === undefined ? undefined : why.get(String(key.value));
      if (key === undefined || f === undefined) continue;
      const c = f.field.classification;
      key.commentBefore = comment(
        ` ${f.type}: confidence ${c?.confidence ?? 0}, ${Math.round(f.field.piiShare * 100)}% of ${f.field.values} values`,
      );
    }
  }
  return doc.toString({ lineWidth: 0 });
}
