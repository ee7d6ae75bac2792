import type { BeforeQueryEvent, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent } from 'typeorm';
import { heldIdempotencyKey, type HeldIdempotencyKey } from './idempotency-context';
import { IdempotencyKeyInUseError } from './idempotency.errors';

/** Statements that cannot write (outside a transaction they need no mark). */
const READ_ONLY = /^\s*(SELECT|SHOW|SET|EXPLAIN)\b/i;
const OWN_TABLE = /\bidempotency_key\b/;

/**
 * Why not a separate "complete" step only: the services open their own transactions
 * (`db.transaction(...)`), so the interceptor cannot wrap the write in one of its own. Instead,
 * this TypeORM subscriber marks the held key `committed` INSIDE every transaction the request
 * commits, just before its COMMIT: the write and the mark commit together or not at all. So a key
 * still `running` proves that nothing of its request committed, and a key `committed` without an
 * answer proves that something did. The mark is fenced by the owner token: a request whose key
 * was taken over (see the interceptor's lease) finds no row, throws, and its transaction rolls
 * back — two requests can never both commit under one key.
 *
 * A write outside a transaction (a lone INSERT) cannot carry the mark; it is marked just before
 * the statement instead (at most once: if that statement then fails, the key stays spent and a
 * retry answers 409 rather than risk a second write).
 */
export class IdempotencySubscriber implements EntitySubscriberInterface {
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const held = heldIdempotencyKey.getStore();
    // Only the outermost COMMIT; releasing a savepoint commits nothing yet.
    if (!held || held.spent || transactionDepthOf(event.queryRunner) !== 1) return;
    await markCommitted(event.queryRunner, held);
  }

  /** Spent once the COMMIT went through (a failed COMMIT leaves the next transaction to mark it). */
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const held = heldIdempotencyKey.getStore();
    if (held && transactionDepthOf(event.queryRunner) === 0) held.spent = true;
  }

  async beforeQuery(event: BeforeQueryEvent): Promise<void> {
    const held = heldIdempotencyKey.getStore();
    if (!held || held.spent || !event.queryRunner || event.queryRunner.isTransactionActive) return;
    if (READ_ONLY.test(event.query) || OWN_TABLE.test(event.query)) return;
    await markCommitted(event.queryRunner, held);
    held.spent = true;
  }
}

async function markCommitted(runner: QueryRunner, held: HeldIdempotencyKey): Promise<void> {
  const result = (await runner.query(
    `UPDATE idempotency_key SET state = 'committed', committed_at = COALESCE(committed_at, now())
      WHERE id = $1 AND owner = $2 AND state <> 'done'`,
    [held.id, held.owner],
    true,
  )) as { affected?: number };
  // Taken over by a retry after the lease ran out: this request must not commit anything.
  if (!result.affected) throw new IdempotencyKeyInUseError();
}

function transactionDepthOf(runner: QueryRunner): number | undefined {
  return (runner as unknown as { transactionDepth?: number }).transactionDepth;
}
