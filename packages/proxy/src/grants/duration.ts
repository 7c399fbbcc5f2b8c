const UNIT: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Parses `90s`, `15m`, `1h`, `2d` (or a bare number of seconds) into whole seconds; undefined when malformed. */
export function parseDuration(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isSafeInteger(text) && text > 0 ? text : undefined;
  const m = /^(\d{1,7})([smhd]?)$/u.exec(text.trim());
  if (m === null) return undefined;
  const seconds = Number(m[1]) * (UNIT[m[2] === '' ? 's' : (m[2] as string)] as number);
  return seconds > 0 ? seconds : undefined;
}
