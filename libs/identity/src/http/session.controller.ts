import { Body, Controller, Delete, Get, HttpCode, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiExcludeEndpoint, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { SignedIn } from '@woonbrug/policies';
import { html, Page, PUBLIC_ROUTE, redirect, type PageContext } from '@woonbrug/web';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { CurrentUser } from '../infrastructure/current-user.decorator';
import { LocalAuthGuard, type LoginRequest } from '../infrastructure/local-auth.guard';
import { LoginDto } from './login.dto';
import { LoginPage } from './login.page';

/** A fresh session id at login (against session fixation), holding only the user id. */
async function startSession(request: FastifyRequest, user: AuthenticatedUser): Promise<void> {
  await request.session.regenerate();
  request.session.set('userId', user.id);
  await request.session.save();
}

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

@ApiTags('session')
@Controller()
export class SessionController {
  @Post('api/session')
  @HttpCode(200)
  @PUBLIC_ROUTE()
  @UseGuards(ThrottlerGuard, LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ description: 'Logged in; the response sets the session cookie.' })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password (problem details).' })
  @ApiTooManyRequestsResponse({ description: 'Too many login attempts for this address or account.' })
  async login(@Req() request: LoginRequest) {
    const user = request.loginUser!;
    await startSession(request, user);
    return { user: publicUser(user) };
  }

  @Get('api/session')
  @PUBLIC_ROUTE()
  @ApiOkResponse({ description: 'The signed-in user' })
  current(@Req() request: FastifyRequest & { user?: AuthenticatedUser }) {
    if (!request.user) return { user: null };
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
    await startSession(request, request.loginUser);
    return redirect(reply, next);
  }

  @Post('logout')
  @ApiExcludeEndpoint()
  @PUBLIC_ROUTE()
  async logoutForm(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await request.session.destroy();
    return redirect(reply, '/login?loggedOut=1');
  }
}
