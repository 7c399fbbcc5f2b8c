import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROXY_ERRORS, PROXY_ERROR_STATUS } from '@kamen/proxy';

const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');

describe('docs/errors.md (proxy)', () => {
  it.each(Object.keys(PROXY_ERRORS))('documents %s', (code) => {
    expect(doc).toContain(`\`${code}\``);
  });

  it('gives every code an HTTP status', () => {
    expect(Object.keys(PROXY_ERROR_STATUS).sort()).toEqual(Object.keys(PROXY_ERRORS).sort());
  });
});
