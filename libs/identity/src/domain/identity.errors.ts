import { DomainError } from '@woonbrug/kernel';
import type { PasswordProblem } from './password-policy';
import type { Portal } from './role';

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('INVALID_CREDENTIALS', 'unauthenticated', 'E-mail address or password is incorrect');
  }
}

export class WrongPortalError extends DomainError {
  constructor(readonly expectedPortal: Portal) {
    super('WRONG_PORTAL', 'forbidden', `This account cannot log in on this portal; use the ${expectedPortal} portal`);
  }
}

export class NotAuthenticatedError extends DomainError {
  constructor() {
    super('NOT_AUTHENTICATED', 'unauthenticated', 'Log in first');
  }
}

const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  PASSWORD_TOO_SHORT: 'Use at least 12 characters',
  PASSWORD_TOO_LONG: 'Use at most 128 characters',
  PASSWORD_COMMON: 'This password is too common',
  PASSWORD_CONTAINS_EMAIL: 'The password must not contain your e-mail address',
};

/** A new password that the policy refuses; one detail per problem, on the field that was filled in. */
export class WeakPasswordError extends DomainError {
  constructor(
    readonly problems: readonly PasswordProblem[],
    field = 'newPassword',
  ) {
    super(
      'WEAK_PASSWORD',
      'invalid',
      'The new password does not meet the password policy',
      problems.map((code) => ({ field, code, message: PASSWORD_PROBLEM_TEXT[code] })),
    );
  }
}

export class CurrentPasswordIncorrectError extends DomainError {
  constructor() {
    super('CURRENT_PASSWORD_INCORRECT', 'invalid', 'The current password is incorrect', [
      { field: 'currentPassword', code: 'CURRENT_PASSWORD_INCORRECT', message: 'The current password is incorrect' },
    ]);
  }
}

/** Too many failed attempts (password or code) for this account from this address, or from this address. */
export class TooManyAttemptsError extends DomainError {
  constructor() {
    super('TOO_MANY_REQUESTS', 'rate_limited', 'Too many attempts; wait a minute and try again');
  }
}

/** An operator named an account that does not exist (CLI). */
export class UnknownAccountError extends DomainError {
  constructor() {
    super('NOT_FOUND', 'not_found', 'No account with this e-mail address');
  }
}

/** A second-factor code that is wrong, too old, or already used (the same answer for all three). */
export class InvalidSecondFactorCodeError extends DomainError {
  constructor() {
    super('INVALID_SECOND_FACTOR_CODE', 'unauthenticated', 'The code is incorrect or has already been used', [
      { field: 'code', code: 'INVALID_SECOND_FACTOR_CODE', message: 'The code is incorrect or has already been used' },
    ]);
  }
}
