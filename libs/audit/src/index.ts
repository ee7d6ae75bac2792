/**
 * The disclosure log (DESIGN.md §4): append-only, hash-chained audit events of every access to a
 * tenant's data by others, every consent and disclosure change, export and denied attempt.
 */

/** Nest module providing {@link AuditLog}. */
export { AuditModule } from './audit.module';

/** Writes an event in the caller's transaction, appended to the hash chain. */
export { AuditLog } from './infrastructure/audit-log';
export type { RecordedAuditEvent } from './infrastructure/audit-log';

/** Walks the chain and names the first broken event (`npm run audit:verify`). */
export { verifyAuditChain } from './infrastructure/verify-audit-chain';
export type { AuditChainBreak, AuditChainVerification } from './infrastructure/verify-audit-chain';

/** What an event says (names, never values), its stored form, and the chain hash. */
export { AUDIT_EVENT_TYPES, InvalidAuditEventError, purposeDigest, toAuditRecord } from './domain/audit-event';
export type { AuditEvent, AuditEventType, AuditOutcome, AuditRecord } from './domain/audit-event';
export { auditChainHash, canonicalAuditRecord } from './domain/audit-chain';

/** Records a request's events before its data leaves; 503 when the log cannot be written. */
export { AuditTrail } from './infrastructure/audit-trail';
export type { AuditActor } from './infrastructure/audit-trail';
export { CurrentAuditActor } from './http/audit-actor.decorator';
export { fieldNamesOf } from './domain/field-names';

/** The privacy officer's search of the log, and its CSV export. */
export { AuditSearchService, auditEventsCsv } from './application/audit-search';
export type { AuditEventView, AuditSearch } from './application/audit-search';
