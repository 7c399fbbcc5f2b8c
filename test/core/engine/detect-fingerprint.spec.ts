import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detect } from '@kamen/core';
import { FIXTURE, fingerprint, type Fingerprint } from './detect-fingerprint.js';

describe('detect() findings against the recorded fingerprint', () => {
  it('finds exactly what the build before the speed work found (type, offsets, score, rule) on every group', () => {
    const recorded = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Fingerprint;
    const now = fingerprint(detect);
    // Group by group first: a mismatch names the texts and options that changed.
    expect(now.groups).toEqual(recorded.groups);
    expect(now.findings).toBe(recorded.findings);
    expect(now.findings).toBeGreaterThan(10_000);
  }, 300_000);
});
