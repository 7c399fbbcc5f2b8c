/** The tamper-evident audit log of reveals and grant uses. */
export { createAuditLog, type AuditLog, type AuditLogOptions } from './audit-log.js';
export { verifyAuditLog, type AuditVerification, type VerifyAuditOptions } from './verify-audit-log.js';
export { auditKeyFromRing, type AuditEntry, type AuditCheckpoint } from './audit-entry.js';
export { checkAuditEvent, type AuditEvent, type AuditGrant } from './audit-event.js';
export { buildRevealEvent, recordPseudonym, redactReason, type RevealEventInput } from './reveal-event.js';
export { AUDIT_SCHEMA_FRAGMENT, type AuditConfig } from './audit-config.js';
