import { readFileSync } from 'node:fs';
import { ENTITY_TYPES, FIELD_ONLY_TYPES, type FieldType } from '@kamen/core';
import type { FieldDecision, FieldDecisions } from '../mask/decide.js';
import { kamenError } from '../io/index.js';

const TYPES: ReadonlySet<string> = new Set<string>([...ENTITY_TYPES, ...FIELD_ONLY_TYPES]);
const SOURCES: ReadonlySet<string> = new Set(['name', 'values', 'name+values', 'none']);

/**
 * Field decisions from a `kamen mask --report` file: reveal then types every field exactly as mask did, even
 * where the masked values alone would classify differently. Fields mask never sampled ('unsampled') are left
 * out: mask decided those by name, and so does reveal.
 */
export function decisionsFromMaskReport(file: string): FieldDecisions {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    const err = kamenError('KAMEN_ERR_INVALID_ARGUMENT', 'the mask report cannot be read as JSON', { file });
    throw Object.assign(err, { cause });
  }
  const fields = (doc as { fields?: unknown })?.fields;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw kamenError('KAMEN_ERR_INVALID_ARGUMENT', "the mask report has no 'fields' object (kamen mask --report)", {
      file,
    });
  }
  const out: Record<string, FieldDecision> = Object.create(null) as Record<string, FieldDecision>;
  for (const [name, raw] of Object.entries(fields as Record<string, unknown>)) {
    const f = raw as { type?: unknown; confidence?: unknown; source?: unknown };
    if (typeof f?.source !== 'string' || !SOURCES.has(f.source)) continue;
    const type =
      f.type === null ? null : typeof f.type === 'string' && TYPES.has(f.type) ? (f.type as FieldType) : undefined;
    if (type === undefined) {
      throw kamenError('KAMEN_ERR_INVALID_ARGUMENT', 'the mask report names an unknown field type', {
        file,
        field: name,
      });
    }
    out[name] = {
      type,
      confidence: typeof f.confidence === 'number' ? f.confidence : 0,
      source: f.source as FieldDecision['source'],
      samples: 0,
    };
  }
  return out;
}
