import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import type { Portal } from '../domain/role';
import { IdentityService } from '../application/identity.service';
import { PORTAL } from './portal.token';

/** Passport's local strategy: e-mail and password, checked against this portal's audience. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(
    private readonly identity: IdentityService,
    @Inject(PORTAL) private readonly portal: Portal,
  ) {
    super({ usernameField: 'email', passwordField: 'password', session: false });
  }

  validate(email: string, password: string): Promise<AuthenticatedUser> {
    return this.identity.authenticate(email, password, this.portal);
  }
}
