import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiExcludeEndpoint, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuditTrail } from '@woonbrug/audit';
import { DomainError } from '@woonbrug/kernel';
import { SignedIn } from '@woonbrug/policies';
import { html, Page, PUBLIC_ROUTE, redirect, type PageContext } from '@woonbrug/web';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdentityService } from '../application/identity.service';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { InvalidSecondFactorCodeError, NotAuthenticatedError } from '../domain/identity.errors';
import type { Portal } from '../domain/role';
import { normaliseCode, requiresSecondFactor } from '../domain/second-factor';
import { CurrentUser } from '../infrastructure/current-user.decorator';
import { LocalAuthGuard, type LoginRequest } from '../infrastructure/local-auth.guard';
import { LoginAttemptLimiter } from '../infrastructure/login-attempt-limiter';
import { pendingLogin, startFullSession, startPendingSession } from '../infrastructure/login-session';
import { PORTAL } from '../infrastructure/portal.token';
import { newTotpSecret, otpauthUri, qrCodeSvg } from '../infrastructure/totp';
import { LoginDto } from './login.dto';
import { LoginPage } from './login.page';
import { SecondFactorDto } from './second-factor.dto';
import { SecondFactorPage } from './second-factor.page';
import { CurrentSessionResponse, LoginResponse, SignedInResponse } from './session.response';

function publicUser(user: AuthenticatedUser) {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    organisationId: user.organisationId,
    organisationName: user.organisationName,
  };
}

/** Only local paths, so that `next` cannot send a user to another site after login. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?!\/)[\w\-./?=&%]*$/.test(next) && !next.startsWith('/login') ? next : '/';
}

/** What a login answers when the second factor is still to come; `enrolment` when the user has no secret yet. */
interface PendingSecondFactor {
  readonly enrolment: { readonly secret: string; readonly otpauthUri: string } | null;
}

@ApiTags('session')
@Controller()
export class SessionController {
  constructor(
    private readonly identity: IdentityService,
    private readonly limiter: LoginAttemptLimiter,
    private readonly audit: AuditTrail,
    @Inject(PORTAL) private readonly portal: Portal,
  ) {}

  @Post('api/session')
  @HttpCode(200)
  @PUBLIC_ROUTE()
  @UseGuards(ThrottlerGuard, LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({
    type: LoginResponse,
    description:
      'Password accepted; the response sets the session cookie. Partners are signed in (`user`). Workers, coordinators and privacy ' +
      'officers get `user: null` and `secondFactor`: the session waits for POST /api/session/second-factor; `secondFactor.enrolment` ' +
      'holds a new secret and its otpauth URI when the account has none yet.',
  })
  @ApiBadRequestResponse({ description: 'E-mail or password missing or not text.' })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password (problem details).' })
  @ApiTooManyRequestsResponse({ description: 'Too many login attempts from this address, or failed ones for this account.' })
  async login(@Req() request: LoginRequest): Promise<LoginResponse> {
    const user = request.loginUser!;
    const pending = await this.beginSession(request, user);
    return pending ? { user: null, secondFactor: pending } : { user: publicUser(user) };
  }

  @Post('api/session/second-factor')
  @HttpCode(200)
  @PUBLIC_ROUTE()
  @UseGuards(ThrottlerGuard)
  @ApiBody({ type: SecondFactorDto })
  @ApiOkResponse({ type: SignedInResponse, description: 'Code accepted: signed in with a new session id.' })
  @ApiBadRequestResponse({ description: 'No code, or not text.' })
  @ApiUnauthorizedResponse({ description: 'No login waiting for a code in this session, or a wrong, expired or already used code.' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong codes.' })
  async secondFactor(@Req() request: FastifyRequest, @Body() body: SecondFactorDto): Promise<SignedInResponse> {
    const user = await this.completeSecondFactor(request, body.code);
    return { user: publicUser(user) };
  }

  @Get('api/session')
  @PUBLIC_ROUTE()
  @ApiOkResponse({ type: CurrentSessionResponse, description: 'The signed-in user; `secondFactorPending` while a login waits for its code.' })
  current(@Req() request: FastifyRequest & { user?: AuthenticatedUser }): CurrentSessionResponse {
    if (!request.user) return { user: null, secondFactorPending: pendingLogin(request) !== null };
    return { user: publicUser(request.user) };
  }

  @Delete('api/session')
  @HttpCode(204)
  @SignedIn()
  @ApiNoContentResponse({ description: 'Logged out; the session is deleted.' })
  async logout(@Req() request: FastifyRequest, @CurrentUser() _user: AuthenticatedUser): Promise<void> {
    await request.session.destroy();
  }

  @Get('login')
  @ApiExcludeEndpoint()
  @PUBLIC_ROUTE()
  loginPage(@Page() ctx: PageContext, @Res() reply: FastifyReply, @Query('next') next?: string, @Query('loggedOut') loggedOut?: string) {
    if (ctx.user) return redirect(reply, '/');
    return html(reply, LoginPage({ ctx, next: safeNext(next), notice: loggedOut ? ctx.t('login.loggedOut') : undefined }));
  }

  @Post('login')
  @ApiExcludeEndpoint()
  @PUBLIC_ROUTE()
  @UseGuards(ThrottlerGuard, LocalAuthGuard)
  async loginForm(@Page() ctx: PageContext, @Req() request: LoginRequest, @Res() reply: FastifyReply, @Body() body: Record<string, unknown>) {
    const next = safeNext(body?.next);
    if (request.loginError || !request.loginUser) {
      const code = request.loginError?.code ?? 'INVALID_CREDENTIALS';
      const status = request.loginError?.kind === 'forbidden' ? 403 : request.loginError?.kind === 'invalid' ? 400 : 401;
      const email = typeof body?.email === 'string' ? body.email.slice(0, 254) : undefined;
      return html(reply, LoginPage({ ctx, email, next, error: ctx.t(`errors.${code}`) }), status);
    }
    const pending = await this.beginSession(request, request.loginUser);
    return redirect(reply, pending ? `/login/second-factor?next=${encodeURIComponent(next)}` : next);
  }

  @Get('login/second-factor')
  @ApiExcludeEndpoint()
  @PUBLIC_ROUTE()
  async secondFactorPage(@Page() ctx: PageContext, @Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('next') next?: string) {
    if (ctx.user) return redirect(reply, '/');
    const pending = pendingLogin(request);
    if (!pending) return redirect(reply, '/login');
    return html(reply, await this.renderSecondFactor(ctx, pending, safeNext(next), {}));
  }

  @Post('login/second-factor')
  @ApiExcludeEndpoint()
  @PUBLIC_ROUTE()
  @UseGuards(ThrottlerGuard)
  async secondFactorForm(@Page() ctx: PageContext, @Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: Record<string, unknown>) {
    const next = safeNext(body?.next);
    const pending = pendingLogin(request);
    if (!pending) return redirect(reply, '/login');
    try {
      await this.completeSecondFactor(request, body?.code);
    } catch (error) {
      if (error instanceof NotAuthenticatedError) return redirect(reply, '/login');
      if (error instanceof InvalidSecondFactorCodeError) {
        return html(reply, await this.renderSecondFactor(ctx, pending, next, { code: ctx.t('errors.field.INVALID_SECOND_FACTOR_CODE') }), 401);
      }
      if (error instanceof DomainError && error.kind === 'rate_limited') {
        return html(reply, await this.renderSecondFactor(ctx, pending, next, {}, ctx.t('errors.TOO_MANY_REQUESTS')), 429);
      }
      throw error;
    }
    return redirect(reply, next);
  }

  @Post('logout')
  @ApiExcludeEndpoint()
  @PUBLIC_ROUTE()
  async logoutForm(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await request.session.destroy();
    return redirect(reply, '/login?loggedOut=1');
  }

  /**
   * After the password: a partner is signed in at once; a role that needs the second factor gets
   * a fresh session that only waits for the code (every guarded route still answers 401), with a
   * new secret to enrol when the account has none.
   */
  private async beginSession(request: FastifyRequest, user: AuthenticatedUser): Promise<PendingSecondFactor | null> {
    if (!requiresSecondFactor(user.role)) {
      await startFullSession(request, user);
      return null;
    }
    const secret = (await this.identity.secondFactorEnrolled(user.id)) ? null : newTotpSecret();
    await startPendingSession(request, user, secret);
    return { enrolment: secret ? { secret, otpauthUri: otpauthUri(secret, user.email) } : null };
  }

  /**
   * Checks the code of the login waiting in this session and signs the user in with yet another
   * session id. Wrong codes count against the account like wrong passwords (LoginAttemptLimiter).
   */
  private async completeSecondFactor(request: FastifyRequest, rawCode: unknown): Promise<AuthenticatedUser> {
    const pending = pendingLogin(request);
    if (!pending) throw new NotAuthenticatedError();
    const account = `second-factor:${pending.userId}`;
    const address = request.ip ?? '';
    const where = { portal: this.portal, clientAddress: request.ip ?? null, correlationId: String(request.id ?? '') };
    try {
      this.limiter.admit(account, address);
      const code = normaliseCode(rawCode);
      if (!code) throw new InvalidSecondFactorCodeError();
      const user = await this.identity.verifySecondFactor(pending.userId, code, pending.enrolmentSecret);
      this.limiter.recordSuccess(account, address);
      await startFullSession(request, user);
      await this.audit.record({ userId: user.id, role: user.role, organisationId: user.organisationId, ...where }, [{ eventType: 'login', outcome: 'allowed', action: 'login' }]);
      return user;
    } catch (error) {
      if (error instanceof InvalidSecondFactorCodeError) this.limiter.recordFailure(account, address);
      await this.audit.record({ userId: null, role: null, organisationId: null, ...where }, [{ eventType: 'login.failed', outcome: 'denied', action: 'second-factor' }]);
      throw error;
    }
  }

  private async renderSecondFactor(ctx: PageContext, pending: { userId: string; enrolmentSecret: string | null }, next: string, errors: Record<string, string>, message?: string) {
    let enrolment = null;
    if (pending.enrolmentSecret) {
      const user = await this.identity.findActiveUser(pending.userId);
      const uri = otpauthUri(pending.enrolmentSecret, user?.email ?? '');
      enrolment = { secret: pending.enrolmentSecret, otpauthUri: uri, safeQrSvg: await qrCodeSvg(uri) };
    }
    return SecondFactorPage({ ctx, next, enrolment, errors, message });
  }
}
