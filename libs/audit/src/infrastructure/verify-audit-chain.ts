import type { DataSource } from 'typeorm';
import { auditChainHash } from '../domain/audit-chain';
import { purposeDigest, type AuditRecord } from '../domain/audit-event';

/** Why the chain broke at an event. */
export type AuditChainBreak =
  /** The event's content no longer matches its hash: it was changed. */
  | 'hash_mismatch'
  /** The event does not point at the event before it: events were removed, inserted or reordered. */
  | 'prev_hash_mismatch';

/** The outcome of {@link verifyAuditChain}. */
export type AuditChainVerification =
  | { readonly ok: true; readonly count: number; /** hash of the last event (hex), null for an empty log */ readonly head: string | null }
  | { readonly ok: false; /** `audit_event.id` of the first broken event */ readonly brokenAt: string; readonly reason: AuditChainBreak; readonly checked: number };

interface AuditRow {
  id: string;
  occurred_at: Date;
  event_type: string;
  outcome: string;
  user_id: string | null;
  role: string | null;
  organisation_id: string | null;
  on_behalf_of: string | null;
  case_id: string | null;
  case_pseudonym: string | null;
  subject: string | null;
  category: string | null;
  fields: string[];
  action: string;
  consent_id: string | null;
  purpose: string | null;
  purpose_digest: Buffer | null;
  canonical_version: number;
  portal: string | null;
  client_address: string | null;
  correlation_id: string | null;
  prev_hash: Buffer | null;
  hash: Buffer;
}

function toRecord(r: AuditRow): AuditRecord {
  return {
    canonicalVersion: r.canonical_version === 1 ? 1 : 2,
    occurredAt: r.occurred_at,
    eventType: r.event_type,
    outcome: r.outcome,
    action: r.action,
    userId: r.user_id,
    role: r.role,
    organisationId: r.organisation_id,
    onBehalfOf: r.on_behalf_of,
    caseId: r.case_id,
    casePseudonym: r.case_pseudonym,
    subject: r.subject,
    category: r.category,
    fields: r.fields,
    consentId: r.consent_id,
    purpose: r.purpose,
    purposeDigest: r.purpose_digest ? r.purpose_digest.toString('hex') : null,
    portal: r.portal,
    clientAddress: r.client_address,
    correlationId: r.correlation_id,
  };
}

const BATCH = 1000;

/**
 * Walks the whole log in id order and recomputes every hash from the previous one: the first
 * event must have no previous hash, every later one must point at the hash before it, and every
 * stored hash must match its content. Names the first event where that fails.
 *
 * It cannot see events removed from the end of the log; compare `head` with a copy kept elsewhere
 * for that.
 */
export async function verifyAuditChain(db: DataSource): Promise<AuditChainVerification> {
  let prev: Buffer | null = null;
  let afterId = '0';
  let count = 0;
  for (;;) {
    const rows = (await db.query(`SELECT * FROM audit_event WHERE id > $1 ORDER BY id LIMIT ${BATCH}`, [afterId])) as AuditRow[];
    for (const row of rows) {
      const id = String(row.id);
      const linked = prev === null ? row.prev_hash === null : row.prev_hash !== null && prev.equals(row.prev_hash);
      if (!linked) return { ok: false, brokenAt: id, reason: 'prev_hash_mismatch', checked: count };
      const record = toRecord(row);
      const purposeIntact = record.canonicalVersion === 1 || record.purpose === null || purposeDigest(record.purpose) === record.purposeDigest;
      if (!purposeIntact || !auditChainHash(prev, record).equals(row.hash)) return { ok: false, brokenAt: id, reason: 'hash_mismatch', checked: count };
      prev = row.hash;
      afterId = id;
      count += 1;
    }
    if (rows.length < BATCH) return { ok: true, count, head: prev ? prev.toString('hex') : null };
  }
}
