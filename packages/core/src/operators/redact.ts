import { coreError } from '../errors.js';
import type { Operator } from './operator.js';
import { readParams } from './params.js';

/** Policy parameters of `redact`. */
export interface RedactParams {
  /** false (default): the value disappears. true: `[TYPE]`. A string: that placeholder verbatim. */
  readonly placeholder?: boolean | string;
}

/** `redact`: removes the value, optionally leaving a `[TYPE]` or custom placeholder. Irreversible. */
export const redactOperator: Operator<{ readonly placeholder: false | true | string }> = {
  name: 'redact',
  reversible: false,
  contextFree: true,
  validate(params) {
    const p = readParams('redact', params, ['placeholder']);
    const ph = p.placeholder ?? false;
    if (typeof ph !== 'boolean' && typeof ph !== 'string')
      throw coreError('KAMEN_ERR_OPERATOR_PARAMS', "redact: 'placeholder' must be a boolean or a string");
    return { placeholder: ph };
  },
  apply(_value, params, ctx) {
    if (params.placeholder === false) return '';
    return params.placeholder === true ? `[${ctx.entity}]` : params.placeholder;
  },
};
