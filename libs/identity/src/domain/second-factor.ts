import type { Role } from './role';

/**
 * Roles that see case content under professional secrecy log in with a TOTP code after their
 * password (issue 8); partners (landlord and OCMW agents) keep the password alone.
 */
const SECOND_FACTOR_ROLES: readonly Role[] = ['worker', 'coordinator', 'privacy_officer'];

export function requiresSecondFactor(role: Role): boolean {
  return SECOND_FACTOR_ROLES.includes(role);
}

/** How long a session may wait between the password and the code. */
export const SECOND_FACTOR_PENDING_MS = 5 * 60_000;

/** TOTP parameters (RFC 6238 defaults, which every authenticator app supports). */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Codes of the previous and the next time step are accepted too (clock drift, typing time). */
export const TOTP_WINDOW = 1;

/** A code as typed: six digits, spaces allowed between them ("123 456"). */
export function normaliseCode(code: unknown): string | null {
  if (typeof code !== 'string' || code.length > 20) return null;
  const digits = code.replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}
