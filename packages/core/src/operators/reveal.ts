import { coreError } from '../errors.js';
import type { KeyRing } from '../keys/keyring.js';
import { parsePseudonym, revealPseudonym } from './pseudonym.js';

export { revealFpe, type FpeBinding } from './fpe.js';

const HASH_LIKE = /^(?:[0-9a-f]{16,64}|[\w-]{16,43})$/u;
const MASK_LIKE = /[*＊]|^\[[A-Z][A-Z0-9_]*\]$|^$/u;

/**
 * Reveals a pseudonym token (`PSN:<TYPE>:<kid>:<payload>`). A hash, mask or redact output errors with
 * KAMEN_ERR_REVEAL_IRREVERSIBLE: those operators keep nothing to reverse. Other errors: KAMEN_ERR_KEY_UNKNOWN,
 * KAMEN_ERR_REVEAL_TAMPERED, KAMEN_ERR_INVALID_ARGUMENT. FPE values need {@link revealFpe} (they carry no type).
 * @public
 */
export function reveal(token: string, keys: KeyRing, options: { readonly tenant?: string } = {}): string {
  if (parsePseudonym(token) !== undefined) return revealPseudonym(token, keys, options.tenant);
  if (MASK_LIKE.test(token) || HASH_LIKE.test(token))
    throw coreError('KAMEN_ERR_REVEAL_IRREVERSIBLE', 'value looks like hash, mask or redact output');
  throw coreError('KAMEN_ERR_INVALID_ARGUMENT', 'not a pseudonym token (use revealFpe for FPE values)');
}
