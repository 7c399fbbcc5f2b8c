import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORE_ERRORS } from '@kamen/core';

const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');

describe('docs/errors.md', () => {
  it.each(Object.keys(CORE_ERRORS))('documents %s', (code) => {
    expect(doc).toContain(`\`${code}\``);
  });
});
