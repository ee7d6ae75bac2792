import { Inject, Injectable, type Type } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
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

    validate(email: string, password: string): Promise<AuthenticatedUser> {
      return this.identity.authenticate(email, password, portal);
    }
  }
  return PortalLocalStrategy;
}
