/**
 * How one identity source spoke about the role. A source that says nothing is `absent`; one that names a single
 * known role is `role`; anything else (an unknown name, several names, a non-string) is `unusable`, which the
 * resolver treats exactly like a conflict: least privilege (AU-09).
 */
export type RoleVote =
  | { readonly kind: 'absent' }
  | { readonly kind: 'role'; readonly role: string }
  | { readonly kind: 'unusable'; readonly why: 'unknown' | 'ambiguous' };

const ABSENT: RoleVote = { kind: 'absent' };

/**
 * A role header: exactly one occurrence carrying exactly one token. Duplicated headers (which Node joins with
 * ", "), comma lists such as `support,hr`, and names that are not a role are unusable. Role names are compared
 * exactly: `Admin` is not `admin`, it is unknown, so case games can only ever lower privilege.
 */
export function roleFromHeader(values: readonly string[], roles: ReadonlySet<string>): RoleVote {
  if (values.length === 0) return ABSENT;
  const tokens = values.flatMap((v) => v.split(',')).map((t) => t.trim());
  if (tokens.length === 1 && tokens[0] === '') return ABSENT;
  if (tokens.length !== 1) return { kind: 'unusable', why: 'ambiguous' };
  const role = tokens[0] as string;
  return roles.has(role) ? { kind: 'role', role } : { kind: 'unusable', why: 'unknown' };
}

/**
 * A role claim: a string, or an array of strings (Keycloak `realm_access.roles` lists unrelated roles too, so the
 * array is filtered to the proxy's roles and must then hold exactly one).
 */
export function roleFromClaim(value: unknown, roles: ReadonlySet<string>): RoleVote {
  if (value === undefined || value === null) return ABSENT;
  if (typeof value === 'string')
    return roles.has(value) ? { kind: 'role', role: value } : { kind: 'unusable', why: 'unknown' };
  if (Array.isArray(value)) {
    if (value.some((v) => typeof v !== 'string')) return { kind: 'unusable', why: 'unknown' };
    const known = [...new Set((value as string[]).filter((v) => roles.has(v)))];
    if (known.length === 1) return { kind: 'role', role: known[0] as string };
    return known.length === 0
      ? value.length === 0
        ? ABSENT
        : { kind: 'unusable', why: 'unknown' }
      : { kind: 'unusable', why: 'ambiguous' };
  }
  return { kind: 'unusable', why: 'unknown' };
}
