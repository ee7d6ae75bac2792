import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY } from '@woonbrug/web';
import type { FastifyRequest } from 'fastify';
import { IdentityService } from '../application/identity.service';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { NotAuthenticatedError } from '../domain/identity.errors';
import { portalAccepts, type Portal } from '../domain/role';
import { PORTAL } from './portal.token';

export type AuthenticatedRequest = FastifyRequest & { user?: AuthenticatedUser };

/**
 * Global guard, deny by default: every route needs a live session of this portal's audience,
 * unless it is marked `@Public()`. The user is loaded on every request, so a disabled account
 * loses access on its next request. Only `userId` signs a session in: a login that still waits
 * for its second factor (`pendingUserId`) is signed out for every guarded route.
 */
@Injectable()
export class SessionAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly identity: IdentityService,
    @Inject(PORTAL) private readonly portal: Portal,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const userId = request.session?.get('userId');
    const user = typeof userId === 'string' ? await this.identity.findActiveUser(userId) : null;
    if (user && portalAccepts(this.portal, user.role)) {
      request.user = user;
      return true;
    }
    // The account was disabled or removed: forget it, but keep a (fresh, empty) session object,
    // so that a public route such as login or logout still works for this browser.
    if (user === null && typeof userId === 'string') await request.session.regenerate();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    throw new NotAuthenticatedError();
  }
}
