import { fileURLToPath } from 'node:url';

// This file sits at packages/core/{src,dist}/paths.*: three levels below the repository root either way.
const ROOT = new URL('../../../', import.meta.url);

/** The built-in rules folder (rules/ at the repository root). */
export const RULES_DIR: string = fileURLToPath(new URL('rules/', ROOT));
/** Dictionaries and other rule data (rules/data/). */
export const RULES_DATA_DIR: string = fileURLToPath(new URL('rules/data/', ROOT));
