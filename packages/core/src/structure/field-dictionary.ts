import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { coreError } from '../errors.js';
import { RULES_DIR } from '../paths.js';
import { compileSchemaFile, loadValidatedYaml } from '../rules/yaml-file.js';
import type { FieldType } from '../types.js';
import { normalizeFieldName, withoutNumbering } from './field-name.js';

/** A dictionary type: a field type, or NONE for a known non-personal column. */
export type DictionaryType = FieldType | 'NONE';

/** What a header name says, before values are looked at. */
export interface NameEvidence {
  readonly type: DictionaryType;
  readonly confidence: number;
  readonly sensitive: boolean;
  readonly alternatives: readonly FieldType[];
  /** The header carried a reading marker (カナ, フリガナ, kana). */
  readonly kanaMarker: boolean;
}

/** Header dictionaries loaded from rules/fields/ (or custom folders): O(1) lookups by normalised key. */
export interface FieldDictionary {
  readonly entries: ReadonlyMap<string, NameEvidence>;
  readonly generic: ReadonlySet<string>;
  readonly qualifiers: readonly string[];
  readonly kanaMarkers: readonly string[];
}

interface FieldFile {
  readonly fields?: readonly {
    type: DictionaryType;
    names: readonly string[];
    confidence: number;
    sensitive: boolean;
    alternatives?: readonly FieldType[];
  }[];
  readonly generic?: readonly string[];
  readonly qualifiers?: readonly string[];
  readonly kanaMarkers?: readonly string[];
}

/** The built-in header dictionaries. */
export const FIELDS_DIR: string = join(RULES_DIR, 'fields');

function listYaml(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listYaml(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

/**
 * Loads and validates field dictionaries (rules/fields.schema.json). Every error names the file, line and column;
 * one header mapped to two different types (after normalisation, across all files) is an error too.
 * @public
 */
export function loadFieldDictionary(dirsOrFiles: readonly string[] = [FIELDS_DIR]): FieldDictionary {
  const validate = compileSchemaFile(join(RULES_DIR, 'fields.schema.json'));
  const entries = new Map<string, NameEvidence>();
  const origin = new Map<string, string>();
  const generic = new Set<string>();
  const qualifiers = new Set<string>();
  const kanaMarkers = new Set<string>();
  const files = dirsOrFiles.flatMap((e) => (statSync(e).isDirectory() ? listYaml(e) : [e]));
  for (const file of files) {
    const { data, locate } = loadValidatedYaml(file, {
      validate,
      fileError: 'KAMEN_ERR_FIELD_FILE',
      schemaError: 'KAMEN_ERR_FIELD_SCHEMA',
    });
    const doc = data as FieldFile;
    (doc.fields ?? []).forEach((group, g) => {
      const evidence: NameEvidence = {
        type: group.type,
        confidence: group.confidence,
        sensitive: group.sensitive || group.type === 'SENSITIVE' || group.type === 'MY_NUMBER',
        alternatives: group.alternatives ?? [],
        kanaMarker: false,
      };
      group.names.forEach((name, n) => {
        const key = normalizeFieldName(name);
        // Positions only for an error: a file from the startup cache is parsed again to find one.
        const where = () => ({ file, ...locate(['fields', g, 'names', n]), field: `fields.${g}.names.${n}` });
        if (key === '') throw coreError('KAMEN_ERR_FIELD_SCHEMA', 'a name normalises to nothing', where());
        const prev = entries.get(key);
        if (prev !== undefined && (prev.type !== evidence.type || prev.confidence !== evidence.confidence)) {
          throw coreError('KAMEN_ERR_FIELD_SCHEMA', `'${name}' is already a ${prev.type} header`, {
            ...where(),
            path: origin.get(key),
          });
        }
        entries.set(key, evidence);
        origin.set(key, `${file} fields.${g}`);
      });
    });
    for (const n of doc.generic ?? []) generic.add(normalizeFieldName(n));
    for (const n of doc.qualifiers ?? []) qualifiers.add(normalizeFieldName(n));
    for (const n of doc.kanaMarkers ?? []) kanaMarkers.add(normalizeFieldName(n));
  }
  // Longest first, so 扶養親族 is stripped before 親族 and emergencycontact before contact.
  const byLength = (a: string, b: string): number => b.length - a.length || (a < b ? -1 : 1);
  return {
    entries,
    generic,
    qualifiers: [...qualifiers].filter((q) => q !== '').sort(byLength),
    kanaMarkers: [...kanaMarkers].filter((k) => k !== '').sort(byLength),
  };
}

let defaultDictionary: FieldDictionary | undefined;

/** The built-in dictionaries (rules/fields/), loaded on first use. */
export function getDefaultFieldDictionary(): FieldDictionary {
  defaultDictionary ??= loadFieldDictionary();
  return defaultDictionary;
}

const MAX_DEPTH = 4;

function resolve(dict: FieldDictionary, key: string, depth: number): NameEvidence | undefined {
  const hit = dict.entries.get(key);
  if (hit !== undefined || depth >= MAX_DEPTH) return hit;
  // Whose value it is (配偶者, spouse) or how it is written (漢字, romaji): the type does not change. Tried
  // before reading markers: 緊急連絡先フリガナ is a kana name, not a kana 緊急連絡先.
  for (const q of dict.qualifiers) {
    const rest = key.startsWith(q) ? key.slice(q.length) : key.endsWith(q) ? key.slice(0, -q.length) : '';
    if (rest === '') continue;
    const inner = resolve(dict, rest, depth + 1);
    if (inner !== undefined) return inner;
  }
  // A reading marker: 氏名カナ, カナ氏名, last name kana. A person name read aloud is NAME_KANA; other types
  // (住所カナ) keep their type and only note the script.
  for (const marker of dict.kanaMarkers) {
    const rest = key.startsWith(marker)
      ? key.slice(marker.length)
      : key.endsWith(marker)
        ? key.slice(0, -marker.length)
        : '';
    if (rest === '') continue;
    const inner = resolve(dict, rest, depth + 1);
    if (inner === undefined) continue;
    return {
      ...inner,
      type: inner.type === 'PERSON_NAME' ? 'NAME_KANA' : inner.type,
      kanaMarker: true,
    };
  }
  // X + a generic word (tel no, phone number, sex code): X decides, a little less surely.
  for (const g of dict.generic) {
    if (!key.endsWith(g) || key.length === g.length) continue;
    const inner = resolve(dict, key.slice(0, -g.length), depth + 1);
    if (inner !== undefined) return { ...inner, confidence: Math.round(inner.confidence * 95) / 100 };
  }
  return undefined;
}

/**
 * What one normalised key (see normalizeFieldName) says: exact match, then without numbering (扶養親族1氏名),
 * then with reading markers, qualifiers and generic suffixes peeled off. Bounded work: at most MAX_DEPTH levels.
 */
export function lookupFieldKey(dict: FieldDictionary, key: string): NameEvidence | undefined {
  if (key === '' || dict.generic.has(key)) return undefined;
  const found = resolve(dict, key, 0);
  if (found !== undefined) return found;
  const plain = withoutNumbering(key);
  return plain !== key && plain !== '' && !dict.generic.has(plain) ? resolve(dict, plain, 0) : undefined;
}
