import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const INDEX = fileURLToPath(new URL('../../packages/core/src/index.ts', import.meta.url));

/**
 * The CommonJS packages a fresh process holds after importing `modules` (yaml and ajv load through require, so they
 * show in require.cache whether imported or required).
 */
function loadedAfter(modules: readonly string[]): string[] {
  const script = [
    `import { createRequire } from 'node:module';`,
    ...modules.map((m) => `await import(${JSON.stringify(m)});`),
    `const cache = createRequire(import.meta.url).cache;`,
    `const held = ['yaml', 'ajv'].filter((p) => Object.keys(cache).some((k) => k.includes('/node_modules/' + p + '/')));`,
    `console.log(JSON.stringify(held));`,
  ].join('\n');
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim()) as string[];
}

// Every kamen process and piscina worker imports @kamen/core before it masks anything; the YAML parser (~55-65 ms of
// CPU) and ajv (~70-90 ms) are needed only to parse a file the startup cache does not hold or to write a suggested
// policy, so importing core must not load them.
describe('@kamen/core import', () => {
  it('loads neither yaml nor ajv', () => {
    expect(loadedAfter([INDEX])).toEqual([]);
  });

  it('is seen loading them when they are imported (the check itself works)', () => {
    expect(loadedAfter([INDEX, 'yaml', 'ajv'])).toEqual(['yaml', 'ajv']);
  });
});
