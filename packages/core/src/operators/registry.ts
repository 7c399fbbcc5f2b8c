import { coreError } from '../errors.js';
import type { Operator } from './operator.js';
import { keepOperator } from './keep.js';
import { redactOperator } from './redact.js';
import { maskOperator } from './mask.js';
import { hashOperator } from './hash.js';
import { pseudonymOperator } from './pseudonym.js';
import { fpeOperator } from './fpe.js';

/**
 * Every built-in operator by the name a policy uses. One line per operator; other modules add theirs here.
 * @public
 */
export const OPERATORS: Readonly<Record<string, Operator>> = Object.freeze({
  keep: keepOperator as Operator,
  redact: redactOperator as Operator,
  mask: maskOperator as Operator,
  hash: hashOperator as Operator,
  pseudonym: pseudonymOperator as Operator,
  fpe: fpeOperator as Operator,
});

/** The operator called `name`, or undefined. */
export function getOperator(name: string): Operator | undefined {
  return Object.hasOwn(OPERATORS, name) ? OPERATORS[name] : undefined;
}

/** The operator called `name`; throws KAMEN_ERR_OPERATOR_UNKNOWN. */
export function requireOperator(name: string): Operator {
  const op = getOperator(name);
  if (op === undefined) throw coreError('KAMEN_ERR_OPERATOR_UNKNOWN', `no operator named '${name}'`);
  return op;
}
