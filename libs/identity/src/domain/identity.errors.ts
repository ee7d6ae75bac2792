import { DomainError } from '@woonbrug/kernel';
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
