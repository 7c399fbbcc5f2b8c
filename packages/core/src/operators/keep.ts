import type { Operator } from './operator.js';
import { readParams } from './params.js';

/** `keep`: the value passes through unchanged (for columns a role may see). Takes no parameters. */
export const keepOperator: Operator<Record<string, never>> = {
  name: 'keep',
  reversible: false,
  contextFree: true,
  validate(params) {
    readParams('keep', params, []);
    return {};
  },
  apply: (value) => value,
};
