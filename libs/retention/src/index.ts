/**
 * Retention: closed and declined cases older than the configured period are anonymised by a
 * scheduled job; the yearly figures do not change and the disclosure log keeps its chain.
 */

/** Nest module; `withScheduledRun()` adds the timer (worker portal). */
export { RetentionModule } from './retention.module';

/** One run: anonymise every case past the retention period (the scheduler, the CLI and tests call it). */
export { AnonymiseExpiredCases } from './application/anonymise-expired-cases';
export type { RetentionRunResult } from './application/anonymise-expired-cases';

/** The cutoff day, and the names of what anonymisation removes. */
export { REMOVED_BY_ANONYMISATION, retentionCutoff } from './domain/retention-period';
