import { createHash } from 'node:crypto';

/**
 * What happened, as the disclosure log records it (DESIGN.md §4). It names things — users,
 * organisations, the case, the consent, the fields returned — and never carries their values: no
 * note text, no facts, no names or addresses.
 */

/** Kinds of audited events. A new kind is added here, so that the privacy officer can filter on it. */
export const AUDIT_EVENT_TYPES = [
  'case.read',
  'case.list',
  'consent.given',
  'consent.withdrawn',
  'disclosure.changed',
  'export',
  'login',
  'login.failed',
  'retention.anonymised',
  // Changes to an account's credentials or access: `userId` is the account; its portal, or `cli`
  // for an operator command (`npm run users:*`).
  'account.password_changed',
  'account.password_reset',
  'account.disabled',
  'account.second_factor_enrolled',
  'account.second_factor_reset',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/** Whether the access or change went through or was refused. */
export type AuditOutcome = 'allowed' | 'denied';

/**
 * One event as a use case reports it. Optional members are absent (or null) when they do not
 * apply; the log stamps the time itself.
 */
export interface AuditEvent {
  readonly eventType: AuditEventType;
  readonly outcome: AuditOutcome;
  /** What was done, e.g. `read`, `list`, `withdraw`, `export`. */
  readonly action: string;
  /** Who: the user, their role and organisation, and whom they act for (if anyone). */
  readonly userId?: string | null;
  readonly role?: string | null;
  readonly organisationId?: string | null;
  readonly onBehalfOf?: string | null;
  /** Whose data: the case, or its pseudonym once retention anonymised it. */
  readonly caseId?: string | null;
  readonly casePseudonym?: string | null;
  /** What: the kind of record (`case`, `fact`, `consent`…) and its sharing category. */
  readonly subject?: string | null;
  readonly category?: string | null;
  /** Names of the fields returned or changed (never their values); order does not matter. */
  readonly fields?: readonly string[];
  /** Why: the consent that allowed it and its purpose. */
  readonly consentId?: string | null;
  readonly purpose?: string | null;
  /** Where: the portal, the client's address, the request's correlation id. */
  readonly portal?: string | null;
  readonly clientAddress?: string | null;
  readonly correlationId?: string | null;
}

/** The digest of a consent purpose that version 2 of the canonical form hashes (hex). */
export function purposeDigest(purpose: string): string {
  return createHash('sha256').update(purpose, 'utf8').digest('hex');
}

/** The canonical form new events are hashed in (see `canonicalAuditRecord`). */
export const CURRENT_CANONICAL_VERSION = 2;

/** An event as stored: every member present (null when not applicable), fields sorted and unique. */
export interface AuditRecord {
  /** 1: the purpose text is hashed; 2: its digest is, and retention may erase the text. */
  readonly canonicalVersion: 1 | 2;
  readonly occurredAt: Date;
  readonly eventType: string;
  readonly outcome: string;
  readonly action: string;
  readonly userId: string | null;
  readonly role: string | null;
  readonly organisationId: string | null;
  readonly onBehalfOf: string | null;
  readonly caseId: string | null;
  readonly casePseudonym: string | null;
  readonly subject: string | null;
  readonly category: string | null;
  readonly fields: readonly string[];
  readonly consentId: string | null;
  /** Null once retention erased it (version 2 only). */
  readonly purpose: string | null;
  /** SHA-256 of the purpose (hex), kept when the text is erased; null when there was no purpose. */
  readonly purposeDigest: string | null;
  readonly portal: string | null;
  readonly clientAddress: string | null;
  readonly correlationId: string | null;
}

/** An audit event that must not be written: a field that is not a name, or an id that is not a uuid. */
export class InvalidAuditEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAuditEventError';
  }
}

/** A field name: a path of identifiers (`address.street`, `facts[].kind`), at most 100 characters. */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\[\])?(?:\.[A-Za-z_][A-Za-z0-9_]*(?:\[\])?)*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidOrNull(name: string, value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (!UUID.test(value)) throw new InvalidAuditEventError(`${name} is not a uuid`);
  // PostgreSQL answers uuids in lower case; the hash must cover what is read back.
  return value.toLowerCase();
}

function textOrNull(value: string | null | undefined): string | null {
  return value === undefined ? null : value;
}

/**
 * The stored form of an event at an instant: absent members become null, uuids lower case, field
 * names sorted and without duplicates. Refuses anything in `fields` that is not a field name, so
 * a value cannot slip into the log as a "field".
 */
export function toAuditRecord(event: AuditEvent, occurredAt: Date): AuditRecord {
  if (Number.isNaN(occurredAt.getTime())) throw new InvalidAuditEventError('occurredAt is not a valid time');
  const fields = [...new Set(event.fields ?? [])].sort();
  for (const field of fields) {
    if (field.length > 100 || !FIELD_NAME.test(field)) throw new InvalidAuditEventError('fields must hold field names, not values');
  }
  const purpose = textOrNull(event.purpose);
  return {
    canonicalVersion: CURRENT_CANONICAL_VERSION,
    occurredAt: new Date(occurredAt.getTime()),
    eventType: event.eventType,
    outcome: event.outcome,
    action: event.action,
    userId: uuidOrNull('userId', event.userId),
    role: textOrNull(event.role),
    organisationId: uuidOrNull('organisationId', event.organisationId),
    onBehalfOf: uuidOrNull('onBehalfOf', event.onBehalfOf),
    caseId: uuidOrNull('caseId', event.caseId),
    casePseudonym: textOrNull(event.casePseudonym),
    subject: textOrNull(event.subject),
    category: textOrNull(event.category),
    fields,
    consentId: uuidOrNull('consentId', event.consentId),
    purpose,
    purposeDigest: purpose === null ? null : purposeDigest(purpose),
    portal: textOrNull(event.portal),
    clientAddress: textOrNull(event.clientAddress),
    correlationId: textOrNull(event.correlationId),
  };
}
