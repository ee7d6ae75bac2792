import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { IDEMPOTENCY_KEY_TTL_HOURS } from './idempotency-key';
import { IdempotencyKeyInUseError, IdempotencyKeyReusedError, IdempotentOutcomeUnknownError } from './idempotency.errors';

/**
 * How long a `running` key stays held without news before a retry may take it over. Longer than
 * any request can take (statement timeout × statements); a takeover is safe anyway: a key still
 * `running` means nothing was committed, and the slow holder's own commit is fenced off.
 */
export const IDEMPOTENCY_LEASE_SECONDS = 120;

export interface KeyOwner {
  readonly userId: string;
  readonly portal: string;
  readonly key: string;
}

export type Claim = { readonly kind: 'hold'; readonly id: string; readonly owner: string } | { readonly kind: 'replay'; readonly status: number; readonly body: string | null };

interface KeyRow {
  id: string;
  fingerprint: Buffer;
  state: 'running' | 'committed' | 'done';
  owner: string;
  stale: boolean;
  expired: boolean;
  response_status: number | null;
  response_body: string | null;
}

/** The `idempotency_key` table. Answers are stored as sent; they are never logged. */
export class IdempotencyStore {
  constructor(private readonly db: DataSource) {}

  /**
   * Reserves the key for this request, or says what the first request with it answered. Throws
   * 422 for a different request under the same key, 409 while the first one is still running
   * (or when it wrote but left no answer).
   */
  async claim(who: KeyOwner, fingerprint: Buffer): Promise<Claim> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const owner = randomUUID();
      const inserted = (await this.db.query(
        `INSERT INTO idempotency_key (user_id, portal, key, fingerprint, owner, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(hours => $6))
         ON CONFLICT (user_id, portal, key) DO NOTHING RETURNING id`,
        [who.userId, who.portal, who.key, fingerprint, owner, IDEMPOTENCY_KEY_TTL_HOURS],
      )) as Array<{ id: string }>;
      if (inserted[0]) return { kind: 'hold', id: inserted[0].id, owner };

      const [row] = (await this.db.query(
        `SELECT id, fingerprint, state, owner, locked_at < now() - make_interval(secs => $4) AS stale, expires_at <= now() AS expired,
                response_status, response_body
           FROM idempotency_key WHERE user_id = $1 AND portal = $2 AND key = $3`,
        [who.userId, who.portal, who.key, IDEMPOTENCY_LEASE_SECONDS],
      )) as KeyRow[];
      if (!row) continue; // released or pruned in between: try to insert again
      if (row.expired) {
        await this.db.query(`DELETE FROM idempotency_key WHERE id = $1 AND expires_at <= now()`, [row.id]);
        continue;
      }
      if (!row.fingerprint.equals(fingerprint)) throw new IdempotencyKeyReusedError();
      if (row.state === 'done') return { kind: 'replay', status: row.response_status!, body: row.response_body };
      // Not stale: the holder is still at work (maybe past its commit, storing the answer).
      if (!row.stale) throw new IdempotencyKeyInUseError();
      // Its write committed but no answer came within the lease: the holder died after the commit.
      if (row.state === 'committed') throw new IdempotentOutcomeUnknownError();
      // The holder went silent past its lease (a crash): nothing of it committed, take over.
      const [taken] = (await this.db.query(
        `UPDATE idempotency_key SET owner = $3, locked_at = now() WHERE id = $1 AND owner = $2 AND state = 'running' RETURNING id`,
        [row.id, row.owner, owner],
      )) as [Array<{ id: string }>, number];
      if (taken[0]) return { kind: 'hold', id: row.id, owner };
    }
    throw new IdempotencyKeyInUseError();
  }

  /** Stores the answer of a request that succeeded (no-op if another request took the key over). */
  async complete(id: string, owner: string, status: number, body: string | null): Promise<void> {
    await this.db.query(`UPDATE idempotency_key SET state = 'done', response_status = $3, response_body = $4 WHERE id = $1 AND owner = $2`, [
      id,
      owner,
      status,
      body,
    ]);
  }

  /**
   * A request that failed before anything of it committed gives its key back, so the client may
   * retry with it. A key already `committed` stays: repeating the request could write twice.
   */
  async release(id: string, owner: string): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_key WHERE id = $1 AND owner = $2 AND state = 'running'`, [id, owner]);
  }
}
