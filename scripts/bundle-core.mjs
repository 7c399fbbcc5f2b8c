/**
 * Writes packages/core/dist/kamen-core.js: tsc's output of @kamen/core (dist/index.js and the ~200 modules it imports)
 * as one ES module, which is what `@kamen/core` resolves to outside the tests. Every kamen process and every piscina
 * worker thread of the CLI and the proxy imports core before it masks anything; Node resolves, reads and links each
 * module of a tree separately, and one module costs less: importing core took 320-365 ms of CPU as separate modules
 * and 190-215 ms bundled (2026-12-02, this 2-core box, alternating processes).
 * Dependencies stay imports of their packages (`packages: 'external'`); nothing changes in what the code does. The
 * bundle sits in dist/ like dist/index.js, so paths computed from import.meta.url (paths.ts) are the same.
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
  packages: 'external',
  // Stack traces of a bundle are read through its map (node --enable-source-maps), back to the TypeScript files.
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
});
const modules = Object.keys(result.metafile.inputs).length;
console.log(`core bundle: ${modules} modules -> packages/core/dist/kamen-core.js`);
