import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as core from '../../packages/core/src/index.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const INDEX = fileURLToPath(new URL('../../packages/core/src/index.ts', import.meta.url));

/** Runs an ES module script in a fresh Node process at the repository root; returns its last line as JSON. */
function inChild(lines: readonly string[], tsx: boolean): unknown {
  const args = [...(tsx ? ['--import', 'tsx'] : []), '--input-type=module', '-e', lines.join('\n')];
  const out = execFileSync(process.execPath, args, { cwd: REPO, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() as string);
}

/**
 * The CommonJS packages among yaml and ajv (its compiler) a fresh process holds after importing `modules` and running `then` (they
 * load through require, so they show in require.cache whether imported or required).
 */
function heldAfter(modules: readonly string[], then: string, tsx = true): unknown {
  return inChild(
    [
      `import { createRequire } from 'node:module';`,
      `const loaded = [];`,
      ...modules.map((m) => `loaded.push(await import(${JSON.stringify(m)}));`),
      then,
      `const cache = createRequire(import.meta.url).cache;`,
      // ajv's runtime helpers (dist/runtime/) are what the build's standalone validators require; not its compiler.
      `const files = Object.keys(cache).filter((k) => !k.includes('/ajv/dist/runtime/'));`,
      `const held = ['yaml', 'ajv'].filter((p) => files.some((k) => k.includes('/node_modules/' + p + '/')));`,
      `console.log(JSON.stringify(held));`,
    ],
    tsx,
  );
}

// Every kamen process and piscina worker imports @kamen/core before it masks anything; the YAML parser (~55-65 ms of
// CPU) and ajv (~70-90 ms) are needed only to parse a file the startup cache does not hold or to write a suggested
// policy, so importing core must not load them.
describe('@kamen/core import', () => {
  it('loads neither yaml nor ajv', () => {
    expect(heldAfter([INDEX], '')).toEqual([]);
  });

  it('is seen loading them when they are imported (the check itself works)', () => {
    expect(heldAfter([INDEX, 'yaml', 'ajv'], '')).toEqual(['yaml', 'ajv']);
  });
});

// Outside the tests `@kamen/core` is the build's one-module bundle (scripts/bundle-core.mjs), which the bin and the
// worker threads load: it must be the same API, and find the rules and the startup cache from its own place.
describe('@kamen/core as Node resolves it (the bundle)', () => {
  it('resolves to dist/kamen-core.js and exports what src/index.ts exports', () => {
    const built = inChild(
      [
        `const m = await import('@kamen/core');`,
        `console.log(JSON.stringify({ file: import.meta.resolve('@kamen/core'), names: Object.keys(m).sort() }));`,
      ],
      false,
    ) as { file: string; names: string[] };
    expect(built.file.endsWith('/packages/core/dist/kamen-core.js')).toBe(true);
    expect(built.names).toEqual(Object.keys(core).sort());
  });

  it('loads the built-in rules from the startup cache (no YAML parser) and detects as the sources do', () => {
    const text = '氏名: 山田 太郎 携帯 090-1234-5678 mail taro.yamada@example.com';
    const run = `console.log(JSON.stringify(loaded[0].detect(${JSON.stringify(text)})));`;
    expect(heldAfter(['@kamen/core'], run, false)).toEqual([]);
    expect(inChild([`const loaded = [await import('@kamen/core')];`, run], false)).toEqual(
      JSON.parse(JSON.stringify(core.detect(text))),
    );
  });
});
