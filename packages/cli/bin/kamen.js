#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript compiled to dist/ by `npm ci` (root prepare script).
import { setFlagsFromString } from 'node:v8';
import { main } from '../dist/main.js';

// Bounded memory on inputs of any size (issue 4: peak RSS < 300 MB): V8 lets a heap grow to several times its live
// size before a full GC, and every worker thread has its own heap. Growing by at most 30 % kept a `kamen mask` run
// with a worker at ~300 MB instead of ~470 MB (bench/cli.ts). The flags are read when heaps are sized, so they also
// apply to the worker threads started later (not to this main thread's young generation, sized already).
setFlagsFromString('--heap-growing-percent=30');
// The other commands' workers (kamen scan, kamen proxy) get 8 MB semi-spaces. `kamen mask` sizes its workers' young
// generation itself (resourceLimits, packages/cli/src/mask/run.ts); this flag would override that, so not there.
if (process.argv[2] !== 'mask') setFlagsFromString('--max-semi-space-size=8');

process.exitCode = await main(process.argv.slice(2));
