/**
 * US Social Security Number (AAA-GG-SSSS). The SSA never issues area 000, 666 or 900–999, group 00 or
 * serial 0000 (SSA "Social Security Number Randomization", 2011). A few numbers were published in
 * advertising and are void; they are rejected too so a sample card in a document is not reported.
 */
const VOID_SSNS = new Set(['078051120', '219099999', '457555462']);

/** True when the 9 digits of `value` (separators ignored) could be an issued SSN. */
export function isValidSsn(value: string): boolean {
  const d = value.replace(/[ -]/g, '');
  if (!/^\d{9}$/.test(d)) return false;
  const area = d.slice(0, 3);
  if (area === '000' || area === '666' || d[0] === '9') return false;
  if (d.slice(3, 5) === '00' || d.slice(5) === '0000') return false;
  return !VOID_SSNS.has(d);
}
