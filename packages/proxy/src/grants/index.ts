/** Reveal grants: customer-signed, short-lived, scoped, use-counted permissions to see clear values. */
export { issueGrant, type IssueGrantOptions, type IssuedGrant } from './issue-grant.js';
export { verifyGrant, type VerifyGrantOptions } from './verify-grant.js';
export type { GrantScope } from './grant-scope.js';
export type { GrantClaims } from './grant-claims.js';
export { createMemoryReplayStore, type ReplayStore, type ReplayResult } from './replay-store.js';
export { GRANTS_SCHEMA_FRAGMENT, GRANT_DEFAULTS, type GrantsConfig } from './grant-config.js';
export { parseDuration } from './duration.js';
export { createRevealMatcher, type RevealMatcher, type RevealLeaf } from './reveal-matcher.js';
