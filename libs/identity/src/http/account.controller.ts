import { Body, Controller, Get, HttpCode, Put, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiExcludeEndpoint, ApiNoContentResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { DomainError } from '@woonbrug/kernel';
import { SignedIn } from '@woonbrug/policies';
import { html, Page, redirect, type FieldErrors, type PageContext } from '@woonbrug/web';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdentityService } from '../application/identity.service';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { CurrentPasswordIncorrectError } from '../domain/identity.errors';
import { CurrentUser } from '../infrastructure/current-user.decorator';
import { LoginAttemptLimiter } from '../infrastructure/login-attempt-limiter';
import { ChangePasswordDto } from './change-password.dto';
import { ChangePasswordPage } from './change-password.page';

/** Field problems as translated messages; several problems of one field are shown together. */
function fieldErrors(ctx: PageContext, error: DomainError): FieldErrors {
  const out: Record<string, string> = {};
  for (const d of error.details) out[d.field] = [out[d.field], ctx.t(`errors.field.${d.code}`)].filter(Boolean).join(' ');
  return out;
}

/** A password field as typed: never trimmed (spaces count), anything but text is empty. */
function typed(body: unknown, field: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value : '';
}

/**
 * The signed-in user's own account, on every portal: the password change (page and API). A wrong
 * current password counts as a failed login attempt for the account (same limits as login), so
 * that a stolen session cannot be used to guess the password.
 */
@ApiTags('session')
@Controller()
export class AccountController {
  constructor(
    private readonly identity: IdentityService,
    private readonly limiter: LoginAttemptLimiter,
  ) {}

  @Put('api/session/password')
  @HttpCode(204)
  @SignedIn()
  @UseGuards(ThrottlerGuard)
  @ApiBody({ type: ChangePasswordDto })
  @ApiNoContentResponse({ description: 'Password changed; every other session of the user has ended.' })
  @ApiBadRequestResponse({ description: 'Wrong current password or a new password the policy refuses (field-level problem details).' })
  @ApiUnauthorizedResponse({ description: 'Not signed in.' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong current passwords.' })
  async changePassword(@Req() request: FastifyRequest, @CurrentUser() user: AuthenticatedUser, @Body() body: ChangePasswordDto): Promise<void> {
    await this.change(request, user, body.currentPassword, body.newPassword);
  }

  @Get('account/password')
  @ApiExcludeEndpoint()
  @SignedIn()
  passwordPage(@Page() ctx: PageContext, @Res() reply: FastifyReply, @Query('changed') changed?: string) {
    return html(reply, ChangePasswordPage({ ctx, errors: {}, notice: changed ? ctx.t('account.passwordChanged') : undefined }));
  }

  @Post('account/password')
  @ApiExcludeEndpoint()
  @SignedIn()
  @UseGuards(ThrottlerGuard)
  async passwordForm(@Page() ctx: PageContext, @Req() request: FastifyRequest, @CurrentUser() user: AuthenticatedUser, @Res() reply: FastifyReply, @Body() body: unknown) {
    try {
      await this.change(request, user, typed(body, 'currentPassword'), typed(body, 'newPassword'));
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'invalid') return html(reply, ChangePasswordPage({ ctx, errors: fieldErrors(ctx, error) }), 400);
      throw error;
    }
    return redirect(reply, '/account/password?changed=1');
  }

  private async change(request: FastifyRequest, user: AuthenticatedUser, currentPassword: string, newPassword: string): Promise<void> {
    const address = request.ip ?? '';
    this.limiter.admit(user.email, address);
    try {
      await this.identity.changePassword(user.id, currentPassword, newPassword, request.session.sessionId);
    } catch (error) {
      if (error instanceof CurrentPasswordIncorrectError) this.limiter.recordFailure(user.email, address);
      throw error;
    }
  }
}
