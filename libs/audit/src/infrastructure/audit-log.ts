import { Injectable, Optional } from '@nestjs/common';
import { Clock } from '@woonbrug/kernel';
import { ClsService } from 'nestjs-cls';
import type { EntityManager } from 'typeorm';
import { auditChainHash } from '../domain/audit-chain';
import { toAuditRecord, type AuditEvent } from '../domain/audit-event';

/** The one lock every writer of the chain takes (transaction-scoped, `hashtext` of this name). */
export const AUDIT_CHAIN_LOCK = 'woonbrug:audit_event:chain';

/** Where a recorded event landed in the chain. */
export interface RecordedAuditEvent {
  /** `audit_event.id` (a bigint, as text). */
  readonly id: string;
  /** The event's chain hash, hex. */
  readonly hash: string;
}

/**
 * Writes audit events into the hash chain, inside the caller's transaction: the event commits
 * with the access it records or not at all, and if it cannot be written the caller's transaction
 * fails with it — an access that cannot be logged does not happen.
 */
@Injectable()
export class AuditLog {
  constructor(
    private readonly clock: Clock,
    /** The request context (client address, correlation id) of the portals; absent in the CLI commands. */
    @Optional() private readonly cls?: ClsService,
  ) {}

  /**
   * Appends one event. `manager` must be the caller's transactional manager
   * (`dataSource.transaction(m => …)`); without a transaction the chain lock would not hold.
   *
   * Writers are serialised by a transaction-scoped advisory lock, held until the caller commits or
   * rolls back: the next writer reads the last hash only once this one is settled, so concurrent
   * transactions cannot fork the chain, and ids grow in chain order. Keep the rest of the
   * transaction short after recording: other writers wait for it.
   */
  async record(manager: EntityManager, event: AuditEvent): Promise<RecordedAuditEvent> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error("AuditLog.record needs the caller's transaction (call it inside dataSource.transaction)");
    }
    const record = toAuditRecord(this.withRequestContext(event), this.clock.now());
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [AUDIT_CHAIN_LOCK]);
    const [last] = (await manager.query(`SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1`)) as Array<{ hash: Buffer }>;
    const prevHash = last?.hash ?? null;
    const hash = auditChainHash(prevHash, record);
    const [row] = (await manager.query(
      `INSERT INTO audit_event (occurred_at, event_type, outcome, user_id, role, organisation_id, on_behalf_of, case_id, case_pseudonym,
         subject, category, fields, action, consent_id, purpose, portal, client_address, correlation_id, prev_hash, hash,
         canonical_version, purpose_digest)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, decode($22, 'hex'))
       RETURNING id`,
      [
        record.occurredAt.toISOString(),
        record.eventType,
        record.outcome,
        record.userId,
        record.role,
        record.organisationId,
        record.onBehalfOf,
        record.caseId,
        record.casePseudonym,
        record.subject,
        record.category,
        record.fields,
        record.action,
        record.consentId,
        record.purpose,
        record.portal,
        record.clientAddress,
        record.correlationId,
        prevHash,
        hash,
        record.canonicalVersion,
        record.purposeDigest,
      ],
    )) as Array<{ id: string }>;
    return { id: String(row!.id), hash: hash.toString('hex') };
  }

  /** Fills the client address and correlation id from the request context where the event lacks them. */
  private withRequestContext(event: AuditEvent): AuditEvent {
    if (!this.cls?.isActive()) return event;
    const clientAddress = event.clientAddress || this.cls.get<string | null | undefined>('clientAddress') || null;
    const correlationId = event.correlationId || this.cls.getId() || null;
    return { ...event, clientAddress, correlationId };
  }

  /**
   * Retention: erases the free text (consent purposes) that the events of one case carry, in the
   * caller's transaction. Events keep their place and hash — version 2 hashes the purpose's digest,
   * not its text — and the table's trigger allows this one change and no other. Events of version
   * 1 keep their text (their hash covers it). Returns how many events were erased.
   */
  async erasePersonalText(manager: EntityManager, caseId: string): Promise<number> {
    const [erased] = (await manager.query(
      `WITH erased AS (UPDATE audit_event SET purpose = NULL WHERE case_id = $1 AND purpose IS NOT NULL AND canonical_version = 2 RETURNING 1)
       SELECT count(*)::int AS n FROM erased`,
      [caseId],
    )) as Array<{ n: number }>;
    return erased!.n;
  }
}
