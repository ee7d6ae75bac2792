import { Inject, Injectable, type Type } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { DomainError } from '@woonbrug/kernel';
import { Strategy } from 'passport-local';
import { IdentityService } from '../application/identity.service';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import type { Portal } from '../domain/role';

/** Passport strategy name of a portal's login; one per portal, since passport's registry is process-wide. */
export function localStrategyName(portal: Portal): string {
  return `local-${portal}`;
}

/** Passport's local strategy for one portal: e-mail and password, checked against the portal's audience. */
export function localStrategyFor(portal: Portal): Type<unknown> {
  @Injectable()
  class PortalLocalStrategy extends PassportStrategy(Strategy, localStrategyName(portal)) {
    constructor(@Inject(IdentityService) private readonly identity: IdentityService) {
      super({ usernameField: 'email', passwordField: 'password', session: false });
    }

    validate(email: unknown, password: unknown): Promise<AuthenticatedUser> {
      // The login route has no validation pipe before this guard: a JSON number, array or object
      // here would crash the lookup (a 500), so anything but two strings is refused as input.
      if (typeof email !== 'string' || typeof password !== 'string') {
        throw new DomainError('MISSING_CREDENTIALS', 'invalid', 'email and password must be text', [
          { field: typeof email === 'string' ? 'password' : 'email', code: 'INVALID_TEXT', message: 'email and password must be text' },
        ]);
      }
      return this.identity.authenticate(email, password, portal);
    }
  }
  return PortalLocalStrategy;
}
