import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** An incoming `X-Request-Id` is adopted only if it looks like this (a UUID fits); anything else gets a new UUID. */
const INCOMING_REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

/**
 * The request's correlation id (Fastify's `genReqId`): a well-formed `X-Request-Id` of the caller
 * (a proxy or another service), else a fresh UUID. Logged with every line of the request, stored
 * with its audit events and returned in the `X-Request-Id` response header.
 */
export function requestIdOf(request: { headers: IncomingHttpHeaders }): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && INCOMING_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * What pino blanks wherever it turns up: credentials, session ids, and request or response bodies
 * (the serializers below never log those; these paths catch them in hand-written log calls too).
 */
export const REDACTED_LOG_PATHS: readonly string[] = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'req.body',
  'res.body',
  'body',
  'password',
  'cookie',
  'sessionId',
  '*.body',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.passwordHash',
  '*.cookie',
  '*.sessionId',
  '*.authorization',
  '*.parameters',
];

/** A request as it is logged: its id, method and path — never headers, query string or body. */
export function serializeRequest(req: { id?: unknown; method?: string; url?: string }): Record<string, unknown> {
  return { id: req.id, method: req.method, url: (req.url ?? '').split('?')[0] };
}

/** A response as it is logged: its status only — never headers (cookies) or body. */
export function serializeResponse(res: { statusCode?: number }): Record<string, unknown> {
  return { statusCode: res.statusCode };
}

interface DatabaseErrorLike extends Error {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  driverError?: unknown;
  severity?: unknown;
}

function isErrorLike(value: unknown): value is Error {
  return value instanceof Error || (typeof value === 'object' && value !== null && typeof (value as Error).message === 'string' && typeof (value as Error).name === 'string');
}

/** A PostgreSQL error (pg's DatabaseError) or TypeORM's wrapper of one (QueryFailedError and kin). */
function isDatabaseError(error: DatabaseErrorLike): boolean {
  return 'driverError' in error || 'parameters' in error || ('severity' in error && 'code' in error);
}

/**
 * Quoted and bracketed parts of a database message carry the values of the statement
 * (`invalid input syntax for type uuid: "…"`, `Key (email)=(…)`): they go.
 */
function withoutValues(message: string): string {
  return message.replace(/"[^"]*"/g, '"…"').replace(/\([^)]*\)/g, '(…)');
}

/**
 * An error as it is logged: its type, message and stack — and for a database error only the
 * SQLSTATE, constraint, table and column. Never a failed query's parameters (note ciphertext, fact
 * texts, names), its SQL, PostgreSQL's `detail` (`Failing row contains (…)`) or any other own
 * property an error may carry.
 */
export function serializeError(value: unknown, depth = 0): Record<string, unknown> {
  // pino-http hands its error serializer pino's own serialization of the error, with the error as `raw`.
  const raw = (value as { raw?: unknown } | null)?.raw;
  const error = isErrorLike(raw) ? raw : value;
  // Duck-typed: errors of another realm (a VM context, a worker) are no `instanceof Error`.
  if (!isErrorLike(error)) return { type: typeof error };
  const e = error as DatabaseErrorLike;
  if (isDatabaseError(e)) {
    const driver = (e.driverError ?? e) as DatabaseErrorLike;
    const message = withoutValues(e.message);
    return {
      type: e.name === 'error' ? 'DatabaseError' : e.name,
      message,
      code: typeof driver.code === 'string' ? driver.code : undefined,
      constraint: typeof driver.constraint === 'string' ? driver.constraint : undefined,
      table: typeof driver.table === 'string' ? driver.table : undefined,
      column: typeof driver.column === 'string' ? driver.column : undefined,
      stack: (e.stack ?? '').split('\n').slice(1).join('\n'),
    };
  }
  return {
    type: e.name,
    message: e.message,
    stack: e.stack,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(e.cause !== undefined && depth < 3 ? { cause: serializeError(e.cause, depth + 1) } : {}),
  };
}
