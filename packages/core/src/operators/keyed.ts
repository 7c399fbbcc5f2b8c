import { coreError } from '../errors.js';
import type { KeyRing } from '../keys/keyring.js';
import type { OperatorContext } from './operator.js';

/** The ring of a keyed operator, or KAMEN_ERR_KEY_REQUIRED: a keyed operator never silently runs unkeyed. */
export function requireKeys(op: string, ctx: Pick<OperatorContext, 'keys'>): KeyRing {
  if (ctx.keys === undefined)
    throw coreError('KAMEN_ERR_KEY_REQUIRED', `${op} needs a key ring (--key-file or keygen)`);
  return ctx.keys;
}

/** Subkey purpose per tenant: two tenants on one master key never share hashes, tokens or FPE permutations. */
export const purposeFor = (purpose: string, tenant: string | undefined): string =>
  tenant === undefined ? purpose : `${purpose}\u0000tenant:${tenant}`;
