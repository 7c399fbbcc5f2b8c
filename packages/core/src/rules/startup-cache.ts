import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { STARTUP_CACHE_DIR } from '../paths.js';

/**
 * What `npm run build` precomputes from the built-in rules/ folder (scripts/build-startup-cache.mjs, after tsc):
 * the parsed data of every YAML file and a standalone validator per JSON Schema, keyed by the SHA-1 of the source
 * text. Every kamen process and worker thread loads these files before it masks anything, and in a fresh process
 * the yaml package parses the 78 KB of rule files in ~0.3-0.5 s and ajv compiles a schema in ~0.1 s; JSON.parse
 * of the same data takes ~1 ms. A text that is not in the cache (a user file, an edited built-in, a build
 * without the step) is parsed and compiled as before, so the cache can be missing but never stale.
 * Not committed: dist/ is rebuilt by `prepare` on every install, with the yaml and ajv versions installed.
 */

export const STARTUP_CACHE_MANIFEST = 'manifest.json';

/** How every rule, field and policy YAML file is parsed, by the loader and by the build that caches its data. */
export const YAML_PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true } as const;

/** Ajv options of the loaders' schemas: rule and field files get schema defaults filled in, policies do not. */
export const schemaOptions = (useDefaults: boolean) => ({ allErrors: false, useDefaults, strict: false }) as const;

/** Manifest key of a validator: the schema text and the options it was compiled with. */
export const validatorKey = (schemaText: string, useDefaults: boolean): string =>
  `${sourceHash(schemaText)}${useDefaults ? '' : ':no-defaults'}`;

export interface StartupCacheManifest {
  /** Source SHA-1 → JSON text of the YAML document's data (doc.toJS()). */
  readonly yaml: Record<string, string>;
  /** validatorKey() → file name of the standalone validator (CommonJS, in the cache folder). */
  readonly validators: Record<string, string>;
}

export const sourceHash = (text: string): string => createHash('sha1').update(text).digest('hex');

/** Lookups in one startup-cache folder. */
export interface StartupCache {
  /** A fresh copy of the YAML data of this exact text (the caller may fill in defaults), or undefined. */
  yamlData(text: string): unknown;
  /** The precompiled validator of this exact schema text with these options, or undefined. */
  validator(schemaText: string, useDefaults: boolean): ValidateFunction | undefined;
}

const require = createRequire(import.meta.url);

/**
 * Runs a standalone validator's CommonJS source as ajv itself runs the code it generates (new Function), with
 * require() resolving from this package, so the ajv runtime helpers it needs are found wherever the cache is.
 */
function loadModule(source: string): ValidateFunction {
  const module = { exports: {} as unknown };
  new Function('module', 'exports', 'require', source)(module, module.exports, require);
  return module.exports as ValidateFunction;
}

/** Reads the cache in `dir`; an absent or unreadable manifest is an empty cache (tsc alone writes none). */
export function readStartupCache(dir: string): StartupCache {
  let manifest: StartupCacheManifest | undefined;
  try {
    manifest = JSON.parse(readFileSync(join(dir, STARTUP_CACHE_MANIFEST), 'utf8')) as StartupCacheManifest;
  } catch {
    manifest = undefined;
  }
  return {
    yamlData: (text) => {
      const json = manifest?.yaml[sourceHash(text)];
      return json === undefined ? undefined : (JSON.parse(json) as unknown);
    },
    validator: (schemaText, useDefaults) => {
      const file = manifest?.validators[validatorKey(schemaText, useDefaults)];
      return file === undefined ? undefined : loadModule(readFileSync(join(dir, file), 'utf8'));
    },
  };
}

let builtin: StartupCache | undefined;

/** The cache the build wrote, read once per process. */
export function startupCache(): StartupCache {
  builtin ??= readStartupCache(STARTUP_CACHE_DIR);
  return builtin;
}
