#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript compiled to dist/ by `npm ci` (root prepare script).
import { setFlagsFromString } from 'node:v8';
import { main } from '../dist/main.js';

// Bounded memory on inputs of any size (issue 4: peak RSS < 300 MB): V8 lets a heap grow to several times its live
// size before a full GC, and every worker thread has its own heap. Growing by at most 30 % and capping the young
// generation kept a `kamen mask` run with a worker at ~300 MB instead of ~470 MB (bench/cli.ts). 8 MB semi-spaces
// hold the records of one input slice (256 KiB) while a worker masks them, so they die young instead of being
// promoted: about 20 % less CPU per byte than 4 MB at the same RSS (single-thread measurement on the HR CSV).
// The flags are read when heaps are sized, so they also apply to the worker threads started later.
setFlagsFromString('--heap-growing-percent=30');
setFlagsFromString('--max-semi-space-size=8');

process.exitCode = await main(process.argv.slice(2));
