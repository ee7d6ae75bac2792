/**
 * What kind of failure a domain error is. Each app maps kinds to responses in one
 * exception filter; domain code never knows about HTTP.
 */
export type DomainErrorKind = 'invalid' | 'not_found' | 'forbidden' | 'conflict' | 'unauthenticated' | 'rate_limited' | 'unavailable';

/** A rule of the domain was broken. `code` is stable and used by clients and translations. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    /** Field-level details, e.g. `{ field: 'hearingDate', code: 'DATE_ORDER' }`. */
    readonly details: ReadonlyArray<{ field: string; code: string; message: string }> = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A record that does not exist, or that the caller may not see: both answer the same. */
export class NotFoundError extends DomainError {
  constructor(subject: string) {
    super('NOT_FOUND', 'not_found', `${subject} not found`);
  }
}
