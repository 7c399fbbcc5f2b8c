import type { Operator } from '../operators/operator.js';
import * as registry from '../operators/registry.js';
import { generalizeOperator } from '../operators/generalize.js';
import { surrogateOperator } from '../operators/surrogate/index.js';

const LOCAL: Readonly<Record<string, Operator>> = {
  surrogate: surrogateOperator as Operator,
  generalize: generalizeOperator as Operator,
};

// The registry module owns keep/redact/mask/hash/pseudonym/fpe; read it by its lookup function or its table.
const shared = registry as unknown as {
  getOperator?: (name: string) => Operator | undefined;
  OPERATORS?: Readonly<Record<string, Operator>>;
};

/** The operator a policy names: surrogate and generalize, else the shared operator registry's. */
export function resolveOperator(name: string): Operator | undefined {
  if (Object.hasOwn(LOCAL, name)) return LOCAL[name];
  if (shared.getOperator !== undefined) return shared.getOperator(name);
  return shared.OPERATORS !== undefined && Object.hasOwn(shared.OPERATORS, name) ? shared.OPERATORS[name] : undefined;
}
