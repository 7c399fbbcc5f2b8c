import { ERAS, type Era } from '../../../../packages/core/src/dates/eras.js';

const dayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;

/** isInEra before the key comparison (day numbers from Date.UTC for every date): the oracle of eras.spec.ts. */
export function isInEraByDate(era: Era, y: number, m: number, d: number): boolean {
  const day = dayNumber(y, m, d);
  if (day < dayNumber(...era.start)) return false;
  const next = ERAS[ERAS.indexOf(era) + 1];
  return next === undefined || day <= dayNumber(...next.start);
}
