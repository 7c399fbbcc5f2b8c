/**
 * Writes packages/core/dist/kamen-core.js: tsc's output of @kamen/core (dist/index.js and the ~160 modules it imports)
 * and of the ES modules of its dependencies as one ES module, which is what `@kamen/core` resolves to outside the
 * tests. Every kamen process and every piscina worker thread of the CLI and the proxy imports core before it masks
 * anything, and Node resolves, reads, compiles and links each module of a tree separately: libphonenumber-js alone is
 * ~80 modules. Instructions to import core, less a bare `node` (valgrind, 2026-12-02): 775 M as separate modules,
 * 529 M with core's own modules bundled, 331 M with its dependencies' too; CPU time 320-365 -> 190-215 ms for the
 * first step. The code is the same code: nothing changes in what it does. The bundle sits in dist/ like
 * dist/index.js, so paths computed from import.meta.url (paths.ts) are the same.
 * Part of `npm run build` (so of `prepare` and of `npm test`'s typecheck), after tsc.
 *
 * Run: node scripts/bundle-core.mjs
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../packages/core/dist/', import.meta.url));

const result = await build({
  entryPoints: [`${dist}index.js`],
  outfile: `${dist}kamen-core.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Kept as imports: piscina starts its worker threads from its own files, and yaml and ajv's compiler are required
  // on first use only (rules/yaml-file.ts), which a bundled copy would load with core.
  external: ['piscina', 'yaml', 'ajv', 'ajv/*'],
  // Stack traces of a bundle are read through its map (node --enable-source-maps), back to the TypeScript files.
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
});
const modules = Object.keys(result.metafile.inputs).length;
console.log(`core bundle: ${modules} modules -> packages/core/dist/kamen-core.js`);
