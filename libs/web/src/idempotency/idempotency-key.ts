import { createHash } from 'node:crypto';
import { InvalidIdempotencyKeyError } from './idempotency.errors';

/** The request header (IETF draft "The Idempotency-Key HTTP Header Field"). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** How long a key is kept: a retry after this is a new request. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/**
 * The key of a request, or `undefined` without the header. The draft defines the value as a
 * structured-field string (`"8e03978e-…"`); a bare token is accepted as well, as most clients send it.
 * Empty, over-long, repeated or non-ASCII keys are refused (400).
 */
export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (Array.isArray(header)) {
    if (header.length !== 1) throw new InvalidIdempotencyKeyError();
    header = header[0]!;
  }
  let key = header.trim();
  if (key.length >= 2 && key.startsWith('"') && key.endsWith('"')) key = key.slice(1, -1);
  if (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX_LENGTH || !PRINTABLE_ASCII.test(key)) throw new InvalidIdempotencyKeyError();
  return key;
}

/**
 * What makes two requests "the same": method, path with query, and the parsed body as it arrived
 * (JSON keeps the client's key order, so a retry of the same bytes gives the same digest).
 */
export function requestFingerprint(method: string, url: string, body: unknown): Buffer {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${url}\n`)
    .update(JSON.stringify(body ?? null) ?? 'null')
    .digest();
}
