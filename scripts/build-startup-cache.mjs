/**
 * Writes packages/core/dist/startup-cache/ from the built-in rules/ folder: the parsed data of every rule and field
 * YAML file and a standalone ajv validator per rule-file schema (see packages/core/src/rules/startup-cache.ts).
 * Part of `npm run build` (so of `prepare`), after tsc: it runs the compiled builder, plain node, no tsx.
 *
 * Run: node scripts/build-startup-cache.mjs
 */
import { RULES_DIR, STARTUP_CACHE_DIR } from '../packages/core/dist/paths.js';
import { buildStartupCache } from '../packages/core/dist/rules/build-startup-cache.js';

const manifest = buildStartupCache(RULES_DIR, STARTUP_CACHE_DIR);
console.log(
  `startup cache: ${Object.keys(manifest.yaml).length} YAML files, ${Object.keys(manifest.validators).length} validators`,
);
