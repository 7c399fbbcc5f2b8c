import { pathTail, type FieldType, type LeafKind } from '@kamen/core';
import type { GrantScope } from './grant-scope.js';

/** What the matcher needs from a format leaf (core's `Leaf`). */
export interface RevealLeaf {
  readonly path: string;
  readonly field: string;
  readonly value: string;
  /** Core's leaf kind: object keys, CSV headers and comments are names, never revealed values or record ids. */
  readonly kind?: LeafKind;
}

const isName = (leaf: RevealLeaf): boolean => leaf.kind === 'key' || leaf.kind === 'comment';

/**
 * Decides, record by record, which leaves a verified grant reveals. proxy-core's masker asks `forRecord` with the
 * record's leaves before masking them; the returned predicate says per leaf (with its decided type) whether it
 * passes in clear. Everything else is masked as usual.
 */
export interface RevealMatcher {
  /** A predicate for the leaves of an in-scope record, or undefined when no leaf of this record may be revealed. */
  forRecord(leaves: readonly RevealLeaf[]): ((leaf: RevealLeaf, type: FieldType | undefined) => boolean) | undefined;
  /** Ids of the records that had at least one value revealed (for the `reveal.end` audit entry, as pseudonyms). */
  readonly revealedRecords: ReadonlySet<string>;
  /** Number of values revealed so far. */
  readonly revealedValues: number;
}

/**
 * Builds the matcher for one request's grant. A record is in scope when the grant covers all records, or when its
 * `recordKey` leaf (a string value: JSON string, CSV cell, XML text or attribute) equals one of the granted ids,
 * compared exactly. A leaf is revealed when a granted field names its full path, its wildcard path or its last name,
 * or when its decided type is a granted entity type. Free-text leaves are never partially revealed.
 */
export function createRevealMatcher(scope: GrantScope): RevealMatcher {
  const fields = new Set(scope.fields);
  const entities = new Set<string>(scope.entities);
  const ids = scope.records === 'all' ? undefined : new Set(scope.records);
  const revealedRecords = new Set<string>();
  let revealedValues = 0;
  return {
    forRecord(leaves) {
      let id: string | undefined;
      for (const leaf of leaves)
        if (!isName(leaf) && pathTail(leaf.field, leaf.kind) === scope.recordKey) {
          // Two id leaves in one record (nested objects) make the record ambiguous: reveal nothing.
          if (id !== undefined && id !== leaf.value) return undefined;
          id = leaf.value;
        }
      if (ids !== undefined && (id === undefined || !ids.has(id))) return undefined;
      return (leaf, type) => {
        if (isName(leaf)) return false;
        const hit =
          fields.has(leaf.path) ||
          fields.has(leaf.field) ||
          fields.has(pathTail(leaf.field, leaf.kind)) ||
          (type !== undefined && entities.has(type));
        if (hit) {
          revealedValues++;
          if (id !== undefined) revealedRecords.add(id);
        }
        return hit;
      };
    },
    get revealedRecords() {
      return revealedRecords;
    },
    get revealedValues() {
      return revealedValues;
    },
  };
}
