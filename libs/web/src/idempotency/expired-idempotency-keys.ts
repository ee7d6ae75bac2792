import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PeriodicTask } from '@woonbrug/kernel';
import { DataSource } from 'typeorm';

/** How often each portal process deletes expired keys. */
const PRUNE_INTERVAL_SECONDS = 10 * 60;

/**
 * Deletes idempotency keys past their 24 hours, every ten minutes in every portal process (a
 * stored answer may hold what the request wrote, so it must not outlive its use). Several
 * instances deleting at once is harmless.
 */
@Injectable()
export class ExpiredIdempotencyKeys implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Idempotency');
  private readonly task = new PeriodicTask(
    () => this.prune(),
    (error) => this.logger.warn({ err: { name: (error as Error).name, code: (error as { code?: string }).code } }, 'deleting expired idempotency keys failed'),
  );

  constructor(private readonly db: DataSource) {}

  /** Deletes the expired keys; how many. */
  async prune(): Promise<number> {
    const [row] = (await this.db.query(`WITH gone AS (DELETE FROM idempotency_key WHERE expires_at <= now() RETURNING 1) SELECT count(*)::int AS n FROM gone`)) as Array<{ n: number }>;
    return row?.n ?? 0;
  }

  onApplicationBootstrap(): void {
    this.task.start(PRUNE_INTERVAL_SECONDS);
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }
}
