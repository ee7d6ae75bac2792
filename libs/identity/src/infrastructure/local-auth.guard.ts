import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { AuditTrail } from '@woonbrug/audit';
import { AuthGuard } from '@nestjs/passport';
import { DomainError } from '@woonbrug/kernel';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { InvalidCredentialsError } from '../domain/identity.errors';
import type { Portal } from '../domain/role';
import { requiresSecondFactor } from '../domain/second-factor';
import { LoginAttemptLimiter } from './login-attempt-limiter';
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

  constructor(
    @Inject(PORTAL) private readonly portal: Portal,
    private readonly audit: AuditTrail,
    private readonly limiter: LoginAttemptLimiter,
  ) {
    class PortalAuthGuard extends AuthGuard(localStrategyName(portal)) {
      override handleRequest<T>(error: unknown, user: T, info: unknown, context: ExecutionContext): T {
        return settle(error, user, info, context);
      }
    }
    this.passport = new PortalAuthGuard();
  }

  /**
   * Runs the strategy, within the per-account limit of {@link LoginAttemptLimiter} (checked before
   * the password, counted after it); every login and failed login goes into the disclosure log.
   */
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<LoginRequest>();
    const address = request.ip ?? '';
    const account = loginAccount(request.body);
    const where = { portal: this.portal, clientAddress: request.ip ?? null, correlationId: String(request.id ?? '') };
    try {
      this.limiter.admit(account, address);
    } catch (error) {
      await this.audit.record({ userId: null, role: null, organisationId: null, ...where }, [{ eventType: 'login.failed', outcome: 'denied', action: 'login' }]);
      throw error;
    }
    let allowed: boolean;
    try {
      allowed = (await this.passport.canActivate(context)) as boolean;
    } catch (error) {
      if (isWrongPassword(error)) this.limiter.recordFailure(account, address);
      await this.audit.record({ userId: null, role: null, organisationId: null, ...where }, [{ eventType: 'login.failed', outcome: 'denied', action: 'login' }]);
      throw error;
    }
    const user = request.loginUser;
    if (user && !request.loginError) {
      this.limiter.recordSuccess(account, address);
      // A role with a second factor is not signed in yet: the event says the password step passed.
      const action = requiresSecondFactor(user.role) ? 'password' : 'login';
      await this.audit.record({ userId: user.id, role: user.role, organisationId: user.organisationId, ...where }, [{ eventType: 'login', outcome: 'allowed', action }]);
    } else {
      if (isWrongPassword(request.loginError)) this.limiter.recordFailure(account, address);
      await this.audit.record({ userId: null, role: null, organisationId: null, ...where }, [{ eventType: 'login.failed', outcome: 'denied', action: 'login' }]);
    }
    return allowed;
  }
}

/** The account a login names: its e-mail as stored (lower-case), or '' when the body has none. */
export function loginAccount(body: unknown): string {
  const email = (body as Record<string, unknown> | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : '';
}

/** Only a wrong password counts as a guess: missing fields and the wrong portal do not. */
function isWrongPassword(error: unknown): boolean {
  return error instanceof InvalidCredentialsError;
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
