import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { DomainError } from '@woonbrug/kernel';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import type { Portal } from '../domain/role';
import { localStrategyName } from './local.strategy';
import { PORTAL } from './portal.token';

export type LoginRequest = FastifyRequest & { loginError?: DomainError; loginUser?: AuthenticatedUser };

/**
 * Runs this portal's local strategy. API calls get the refusal as an error (problem details); the
 * login page gets it on the request, so that it can show the form again with the message.
 */
@Injectable()
export class LocalAuthGuard implements CanActivate {
  private readonly passport: CanActivate;

  constructor(@Inject(PORTAL) portal: Portal) {
    class PortalAuthGuard extends AuthGuard(localStrategyName(portal)) {
      override handleRequest<T>(error: unknown, user: T, info: unknown, context: ExecutionContext): T {
        return settle(error, user, info, context);
      }
    }
    this.passport = new PortalAuthGuard();
  }

  canActivate(context: ExecutionContext) {
    return this.passport.canActivate(context);
  }
}

function settle<T>(error: unknown, user: T, info: unknown, context: ExecutionContext): T {
  const request = context.switchToHttp().getRequest<LoginRequest>();
  let refusal: unknown = error;
  if (!error && !user) {
    refusal = new DomainError('MISSING_CREDENTIALS', 'invalid', String((info as { message?: string })?.message ?? 'Missing credentials'), [
      { field: 'email', code: 'REQUIRED', message: 'email and password are required' },
    ]);
  }
  if (refusal) {
    if (request.url.startsWith('/api/')) throw refusal;
    request.loginError = refusal instanceof DomainError ? refusal : new DomainError('INTERNAL_ERROR', 'invalid', 'login failed');
    return null as T;
  }
  request.loginUser = user as AuthenticatedUser;
  return user;
}
