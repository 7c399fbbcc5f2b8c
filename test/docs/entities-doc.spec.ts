import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getDefaultRegistry } from '@kamen/core';
import { ENTITIES_DOC, renderEntitiesDoc } from '../../scripts/build-entities-doc.js';

describe('docs/entities.md', () => {
  it('is up to date with rules/ (regenerate: npx tsx scripts/build-entities-doc.ts)', () => {
    expect(readFileSync(ENTITIES_DOC, 'utf8')).toBe(renderEntitiesDoc(getDefaultRegistry().rules));
  });
});
