/** Identity: who is asking (role, tenant, subject) from trusted headers and verified JWTs. */
export {
  createIdentityResolver,
  type IdentityResolver,
  type IdentityResolverOptions,
} from './create-identity-resolver.js';
export type { Identity, IdentityRequest } from './identity.js';
export { IDENTITY_SCHEMA_FRAGMENT, type IdentityExtras, type JwtConfig, type TenantSource } from './identity-config.js';
export { clientAddress } from './client-address.js';
