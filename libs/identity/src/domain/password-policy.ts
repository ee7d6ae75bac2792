import { dictionary } from '@zxcvbn-ts/language-common';

/** Shortest new password, in Unicode code points (OWASP ASVS 5, V6.2.1). */
export const PASSWORD_MIN_LENGTH = 12;
/** Longest new password in code points: long passphrases are welcome (V6.2.9 asks for at least 64). */
export const PASSWORD_MAX_LENGTH = 128;

/** Why a new password is refused; each code is a field message in the i18n catalogue (`errors.field.<code>`). */
export type PasswordProblem = 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG' | 'PASSWORD_COMMON' | 'PASSWORD_CONTAINS_EMAIL';

/**
 * The ~49,000 most common passwords of zxcvbn-ts (lower-case), loaded on first use. Compared
 * without case, so that `Qwerty123456` is as common as `qwerty123456`.
 */
let common: ReadonlySet<string> | undefined;
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary['passwords-common']);
  return common;
}

/** A local part shorter than this is not looked for: `jo@…` would forbid every password with "jo". */
const MIN_LOCAL_PART = 3;

/**
 * The password policy for every new password (OWASP ASVS 5, V6.2): at least 12 and at most 128
 * code points, any character allowed, no composition rules and no forced rotation, refused when
 * it is a common password or contains the user's own e-mail local part. Returns every problem
 * (empty when the password is acceptable); the password itself is never trimmed or normalised.
 */
export function passwordProblems(password: string, context: { readonly email: string }): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push('PASSWORD_TOO_SHORT');
  if (length > PASSWORD_MAX_LENGTH) problems.push('PASSWORD_TOO_LONG');
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) problems.push('PASSWORD_COMMON');
  const localPart = context.email.trim().toLowerCase().split('@')[0] ?? '';
  if (localPart.length >= MIN_LOCAL_PART && lower.includes(localPart)) problems.push('PASSWORD_CONTAINS_EMAIL');
  return problems;
}
