import type { Operator } from '../operators/operator.js';
import { getOperator } from '../operators/registry.js';
import { generalizeOperator } from '../operators/generalize.js';
import { surrogateOperator } from '../operators/surrogate/index.js';

const LOCAL: Readonly<Record<string, Operator>> = {
  surrogate: surrogateOperator as Operator,
  generalize: generalizeOperator as Operator,
};

/** The operator a policy names: the registry's, plus surrogate and generalize. */
export function resolveOperator(name: string): Operator | undefined {
  return LOCAL[name] ?? (getOperator(name) as Operator | undefined);
}
