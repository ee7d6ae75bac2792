/**
 * Recognises a database that is away or too slow, so that the request answers 503 instead of a
 * 500: the client may retry, and the portal recovers by itself once PostgreSQL is back.
 *
 * - `TIMEOUT`: PostgreSQL cancelled the statement (SQLSTATE 57014, `statement_timeout`), a lock
 *   could not be had in time (55P03), or no pool connection came free in time.
 * - `DATABASE_UNAVAILABLE`: the server refused or dropped the connection (ECONNREFUSED,
 *   ECONNRESET, 57P01 admin shutdown, 57P02/57P03, class 08 connection exceptions, 53300 too many
 *   connections), or the pool handed out a connection that had died, or TypeORM released the
 *   transaction's query runner because its connection failed (see `UNAVAILABLE_NAMES`).
 */
export type DatabaseFailure = 'TIMEOUT' | 'DATABASE_UNAVAILABLE';

const TIMEOUT_SQLSTATES = new Set(['57014', '55P03']);
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_WRITE_AFTER_END',
]);
/** node-postgres and pg-pool raise these without a code. */
const UNAVAILABLE_MESSAGES = [/^Connection terminated/, /not queryable/, /^Client was closed/, /^Cannot use a pool after calling end/];
/**
 * TypeORM releases a query runner whose connection failed (its client's `error` event); the
 * ROLLBACK or next statement of that transaction then throws one of these instead of the socket
 * error: `QueryRunnerAlreadyReleasedError` from the runner itself, `QueryRunnerProviderAlreadyReleasedError`
 * from the transaction's EntityManager (`manager.query(...)` after the connection died — the
 * PostgreSQL-restart fault test caught a `POST /api/referrals` answering 500 with it, about once in
 * ten runs), `TransactionNotStartedError` from a COMMIT/ROLLBACK after the runner lost its transaction.
 * A programming error (using a manager after its transaction ended) would raise the same names; it
 * still shows in the warning the filter logs for every database failure.
 */
const UNAVAILABLE_NAMES = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError', 'TransactionNotStartedError']);
const TIMEOUT_MESSAGES = [/^timeout exceeded when trying to connect/, /^Query read timeout/];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

export function databaseFailureOf(error: unknown, depth = 0): DatabaseFailure | undefined {
  if (!error || typeof error !== 'object' || depth > 3) return undefined;
  const e = error as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  if (TIMEOUT_SQLSTATES.has(code) || TIMEOUT_MESSAGES.some((m) => m.test(message))) return 'TIMEOUT';
  if (UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || UNAVAILABLE_SOCKET_CODES.has(code)) return 'DATABASE_UNAVAILABLE';
  if (UNAVAILABLE_MESSAGES.some((m) => m.test(message))) return 'DATABASE_UNAVAILABLE';
  if (error instanceof Error && UNAVAILABLE_NAMES.has(error.name)) return 'DATABASE_UNAVAILABLE';
  const nested = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  for (const inner of nested) {
    const found = databaseFailureOf(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** What may be logged of a database failure: codes only, never the query or its parameters. */
export function databaseFailureLog(error: unknown): { code?: string; message?: string } {
  const e = (error ?? {}) as ErrorLike;
  const inner = (e.driverError ?? e) as ErrorLike;
  return {
    code: typeof inner.code === 'string' ? inner.code : undefined,
    message: typeof inner.message === 'string' ? inner.message.slice(0, 120) : undefined,
  };
}
