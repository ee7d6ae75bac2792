import { createHash } from 'node:crypto';
import type { AuditRecord } from './audit-event';

/**
 * The canonical form of a stored event: JSON with the members in a fixed (alphabetical) order,
 * null for what does not apply, the time as ISO 8601 in UTC with milliseconds. Two records with
 * the same content have the same canonical form however their objects were built.
 *
 * The version is part of every hash, so old and new cannot be confused. Version 1 hashed the
 * consent's purpose text itself; version 2 hashes its SHA-256 instead, so that retention can erase
 * the text (free text a worker typed may name the tenant) while the chain still verifies.
 */
export function canonicalAuditRecord(record: AuditRecord): string {
  const purpose = record.canonicalVersion === 1 ? { purpose: record.purpose } : { purposeDigest: record.purposeDigest };
  const ordered = {
    action: record.action,
    caseId: record.caseId,
    casePseudonym: record.casePseudonym,
    category: record.category,
    clientAddress: record.clientAddress,
    consentId: record.consentId,
    correlationId: record.correlationId,
    eventType: record.eventType,
    fields: [...record.fields],
    occurredAt: record.occurredAt.toISOString(),
    onBehalfOf: record.onBehalfOf,
    organisationId: record.organisationId,
    outcome: record.outcome,
    portal: record.portal,
    ...purpose,
    role: record.role,
    subject: record.subject,
    userId: record.userId,
    v: record.canonicalVersion,
  };
  return JSON.stringify(ordered);
}

/**
 * The chain hash of an event: SHA-256 over the previous event's hash (nothing for the first
 * event) followed by the UTF-8 canonical form. Changing, removing or reordering an event breaks
 * every hash after it.
 */
export function auditChainHash(prevHash: Uint8Array | null, record: AuditRecord): Buffer {
  const h = createHash('sha256');
  if (prevHash) h.update(prevHash);
  h.update(canonicalAuditRecord(record), 'utf8');
  return h.digest();
}
