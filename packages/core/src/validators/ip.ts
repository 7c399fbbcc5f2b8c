/**
 * IP address validators. The pattern rule finds a loose candidate (dotted digits, or hex groups and colons);
 * these functions decide, so the regex stays small and linear instead of encoding the RFC 4291 grammar.
 */

/** Dotted-quad IPv4: four decimal octets 0–255, no leading zeros (so 01.02.03.04 section numbers fail). */
export function isIPv4(s: string): boolean {
  let octets = 0;
  let i = 0;
  const n = s.length;
  while (i <= n) {
    let j = i;
    let v = 0;
    while (j < n && j - i < 4) {
      const c = s.charCodeAt(j);
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
      j++;
    }
    const len = j - i;
    if (len === 0 || len > 3 || v > 255 || (len > 1 && s.charCodeAt(i) === 48)) return false;
    octets++;
    if (j === n) return octets === 4;
    if (s.charCodeAt(j) !== 46 || octets === 4) return false;
    i = j + 1;
  }
  return false;
}

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/**
 * IPv6 text form (RFC 4291 §2.2): eight 1–4 hex-digit groups, at most one `::` standing for one or more zero
 * groups, optionally ending in an embedded dotted IPv4 that counts as two groups. The bare unspecified
 * address `::` is rejected: in prose it is far more often C++ or Ruby scope syntax than an address.
 */
export function isIPv6(s: string): boolean {
  if (s === '::' || s.length < 2 || s.length > 45) return false;
  const double = s.indexOf('::');
  if (double >= 0 && s.indexOf('::', double + 1) >= 0) return false;
  const head = double >= 0 ? s.slice(0, double) : s;
  const tail = double >= 0 ? s.slice(double + 2) : '';
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const all = double >= 0 ? [...headGroups, ...tailGroups] : headGroups;
  let count = 0;
  for (let k = 0; k < all.length; k++) {
    const g = all[k] as string;
    if (k === all.length - 1 && g.includes('.')) {
      if (!isIPv4(g)) return false;
      count += 2;
      continue;
    }
    if (g.length < 1 || g.length > 4) return false;
    for (let i = 0; i < g.length; i++) if (!isHex(g.charCodeAt(i))) return false;
    count++;
  }
  return double >= 0 ? count <= 7 : count === 8;
}

/** IPv4 or IPv6. */
export function isIpAddress(s: string): boolean {
  return s.includes(':') ? isIPv6(s) : isIPv4(s);
}
