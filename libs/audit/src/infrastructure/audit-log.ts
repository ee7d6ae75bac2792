import { Injectable, Optional } from '@nestjs/common';
import { Clock } from '@woonbrug/kernel';
import { ClsService } from 'nestjs-cls';
import type { EntityManager } from 'typeorm';
import { canonicalAuditRecord } from '../domain/audit-chain';
import { toAuditRecord, type AuditEvent } from '../domain/audit-event';

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
   * Appends one event in the caller's transaction (`dataSource.transaction(m => …)`), so that it
   * commits with the change it records or not at all.
   */
  async record(manager: EntityManager, event: AuditEvent): Promise<RecordedAuditEvent> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error("AuditLog.record needs the caller's transaction (call it inside dataSource.transaction)");
    }
    const [recorded] = await this.append(manager, [event]);
    return recorded!;
  }

  /**
   * Appends events in order, in one statement (`audit_append`, see its migration): the chain lock,
   * the last hash and the inserts happen inside PostgreSQL, one round trip for any number of events.
   * `db` is a transaction's manager (the events commit with it, and the lock is held to its end)
   * or the data source (the statement is its own transaction: the lock lasts one statement).
   *
   * Writers are serialised by that transaction-scoped advisory lock: the next writer reads the
   * last hash only once this one is settled, so concurrent writers cannot fork the chain, and ids
   * grow in chain order.
   */
  async append(db: Pick<EntityManager, 'query'>, events: readonly AuditEvent[]): Promise<RecordedAuditEvent[]> {
    if (events.length === 0) return [];
    const now = this.clock.now();
    const payload = events.map((event) => {
      const record = toAuditRecord(this.withRequestContext(event), now);
      return { ...record, occurredAt: record.occurredAt.toISOString(), canonical: canonicalAuditRecord(record) };
    });
    const rows = (await db.query(`SELECT id, hash FROM audit_append($1::jsonb)`, [JSON.stringify(payload)])) as Array<{ id: string; hash: Buffer }>;
    return rows.map((row) => ({ id: String(row.id), hash: row.hash.toString('hex') }));
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
