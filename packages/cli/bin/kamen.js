#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript compiled to dist/ by `npm ci` (root prepare script).
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
