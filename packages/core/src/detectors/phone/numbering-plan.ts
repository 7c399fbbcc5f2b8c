import { Metadata } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/max/metadata';

/**
 * libphonenumber's MAX metadata as jp-validity.ts and intl-validity.ts read it: a country's numbering plan, its
 * number types compiled to regexes once, and the test getNumberType applies with them.
 */

// The runtime plan object has these accessors (metadata.js); the published types only list a few.
interface PlanType {
  pattern(): string | undefined;
  possibleLengths(): number[] | undefined;
}
export interface Plan {
  nationalNumberPattern(): string;
  possibleLengths(): number[];
  nationalPrefixForParsing(): string | undefined;
  leadingDigits(): string | undefined;
  type(name: string): PlanType | undefined;
}

// getNumberType's order: fixed line first, then every other type. Any match makes the number valid.
const TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;

/** One number type of a plan: its pattern (whole string) and the lengths it allows (undefined: any). */
export interface NumberType {
  readonly re: RegExp;
  readonly lengths: ReadonlySet<number> | undefined;
}

/** `pattern` matched against the whole string, as libphonenumber's matchesEntirely does. */
export const entire = (pattern: string): RegExp => new RegExp(`^(?:${pattern})$`);

/** Calling code → its countries, the main country first (metadata's own table). */
export const CALLING_CODES = (metadata as unknown as { country_calling_codes: Record<string, string[]> })
  .country_calling_codes;

let meta: Metadata | undefined;

/** The numbering plan of `country` (a region code of the metadata), or undefined when it has none. */
export function numberingPlan(country: string): Plan | undefined {
  meta ??= new Metadata(metadata);
  meta.selectNumberingPlan(country as Parameters<Metadata['selectNumberingPlan']>[0]);
  // selectNumberingPlan builds a new plan object per call: the one returned stays valid after the next selection.
  return meta.numberingPlan as unknown as Plan | undefined;
}

/** The plan's number types that have a pattern, in getNumberType's order. */
export function compileTypes(plan: Plan): NumberType[] {
  const types: NumberType[] = [];
  for (const name of TYPES) {
    const t = plan.type(name);
    const pattern = t?.pattern();
    if (t === undefined || pattern === undefined) continue;
    const lengths = t.possibleLengths();
    types.push({ re: entire(pattern), lengths: lengths === undefined ? undefined : new Set(lengths) });
  }
  return types;
}

/** getNumberType's test: some type allows the national number's length and matches it. */
export function hasNumberType(types: readonly NumberType[], national: string): boolean {
  return types.some((t) => (t.lengths === undefined || t.lengths.has(national.length)) && t.re.test(national));
}
