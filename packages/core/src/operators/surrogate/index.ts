import { coreError } from '../../errors.js';
import type { FieldType } from '../../types.js';
import type { Operator, OperatorContext } from '../operator.js';
import { perTenantKey, purposeFor } from '../keyed.js';
import { surrogateEmail, surrogatePhone } from './contact.js';
import { surrogatePools, type SurrogatePools } from './data.js';
import { surrogateDate } from './dates.js';
import { isKanaName, surrogateKanaName, surrogateKanjiName } from './names.js';
import { surrogateAddress, surrogatePostalCode } from './places.js';
import { surrogateLatinName } from './romaji-names.js';

/** Policy parameters of `surrogate`. */
export interface SurrogateParams {
  /** 'cp932': only characters a Shift_JIS/CP932 system can store (JIS X 0208 kanji, no itaiji). Default 'utf8'. */
  readonly charset?: 'utf8' | 'cp932';
  /** DATE_OF_BIRTH: largest shift in days (default 180, at most 730). */
  readonly windowDays?: number;
}

/** Validated parameters: the candidate pools are filtered for the charset once, here. */
export interface SurrogateConfig {
  readonly charset: 'utf8' | 'cp932';
  readonly windowDays: number;
  readonly pools: SurrogatePools;
}

const SUPPORTED: ReadonlySet<FieldType> = new Set<FieldType>([
  'PERSON_NAME',
  'NAME_KANA',
  'EMAIL',
  'PHONE',
  'ADDRESS',
  'POSTAL_CODE',
  'DATE_OF_BIRTH',
]);

/**
 * The 'surrogate' subkey per ring, kid and tenant (HKDF once, not per value: plans share one ring object for a
 * whole stream). Per tenant like pseudonym, hash and fpe, so one person in two tenants on one master key gets
 * unrelated surrogates; without a tenant the purpose stays 'surrogate' and outputs are those of earlier versions.
 * At most 256 kid/tenant keys per ring.
 */
const surrogateKey = perTenantKey<Uint8Array>(256, (keys, kid, tenant) =>
  keys.subkey(purposeFor('surrogate', tenant), kid),
);

const LATIN_NAME = /^[\p{Script=Latin}\s.,'-]+$/u;

function paramsError(detail: string): Error {
  return coreError('KAMEN_ERR_OPERATOR_PARAMS', `surrogate: ${detail}`);
}

/**
 * Realistic, deterministic replacement values (same key, tenant and value -> same surrogate, in every file), for test
 * and migration data that must still look like HR data: names with consistent readings, reserved-domain
 * emails, valid-format phone numbers of the same kind, real places in the same prefecture, and birth dates
 * shifted within their 5-year band in the same written form. Not reversible: the mapping is a keyed choice.
 * @public
 */
export const surrogateOperator: Operator<SurrogateConfig> = {
  name: 'surrogate',
  reversible: false,
  validate(params: unknown, entity: FieldType): SurrogateConfig {
    if (!SUPPORTED.has(entity)) throw paramsError(`no surrogate for ${entity}`);
    const p = (params ?? {}) as Record<string, unknown>;
    if (typeof p !== 'object' || Array.isArray(p)) throw paramsError('params must be an object');
    for (const k of Object.keys(p)) if (k !== 'charset' && k !== 'windowDays') throw paramsError(`unknown param ${k}`);
    const charset = p.charset ?? 'utf8';
    if (charset !== 'utf8' && charset !== 'cp932') throw paramsError("charset must be 'utf8' or 'cp932'");
    const windowDays = p.windowDays ?? 180;
    if (typeof windowDays !== 'number' || !Number.isInteger(windowDays) || windowDays < 1 || windowDays > 730) {
      throw paramsError('windowDays must be an integer from 1 to 730');
    }
    return { charset, windowDays, pools: surrogatePools(charset) };
  },
  apply(value: string, config: SurrogateConfig, ctx: OperatorContext): string {
    if (ctx.keys === undefined) throw coreError('KAMEN_ERR_KEY_REQUIRED', 'surrogate needs a key ring', fieldOf(ctx));
    const key = surrogateKey(ctx.keys, ctx.keys.primaryId, ctx.tenant);
    const { pools } = config;
    const relatedName = ctx.related?.PERSON_NAME;
    switch (ctx.entity) {
      case 'PERSON_NAME':
        if (LATIN_NAME.test(value)) return surrogateLatinName(value, key, pools, relatedName);
        if (isKanaName(value)) return surrogateKanaName(value, key, pools);
        return surrogateKanjiName(value, key, pools);
      case 'NAME_KANA':
        if (LATIN_NAME.test(value)) return surrogateLatinName(value, key, pools, relatedName);
        return surrogateKanaName(value, key, pools, relatedName);
      case 'EMAIL':
        return surrogateEmail(value, key, pools, relatedName);
      case 'PHONE':
        return surrogatePhone(value, key);
      case 'ADDRESS':
        return surrogateAddress(value, key, pools);
      case 'POSTAL_CODE':
        return surrogatePostalCode(value, key, pools, ctx.related?.ADDRESS);
      case 'DATE_OF_BIRTH':
        return surrogateDate(value, key, config.windowDays);
      default:
        throw paramsError(`no surrogate for ${ctx.entity}`);
    }
  },
};

function fieldOf(ctx: OperatorContext): { field?: string } {
  return ctx.field !== undefined ? { field: ctx.field } : {};
}
