import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { IntervisionService } from '@woonbrug/intervision';
import { DomainError } from '@woonbrug/kernel';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { fromForm, html, Page, redirect, validateInput, type FieldErrors, type FieldProblem, type PageContext } from '@woonbrug/web';
import type { FastifyReply } from 'fastify';
import { CreateIntervisionDto, IntervisionReplyDto, IntervisionVersionDto, UpdateIntervisionDto } from './intervision.dto';
import { IntervisionDetailPage, IntervisionListPage, IntervisionPreparePage, type DetailPageProps } from './intervision.page';

const NOTICES = new Set(['created', 'updated', 'shared', 'replied']);

/** The form's failure as the page shows it: field messages, a message for the whole form, what was typed. */
interface FormFailure {
  readonly status: number;
  readonly fields: FieldErrors;
  readonly message?: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/**
 * Peer consultation pages (post/redirect/get): the list, preparing a summary from one's own case,
 * one summary with its edit and share forms (author) and its thread (everyone who may read it).
 */
@ApiExcludeController()
@Controller()
export class IntervisionPagesController {
  constructor(private readonly intervision: IntervisionService) {}

  @Get('intervision')
  @RequireAbility('read', 'Intervision')
  async list(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Res() reply: FastifyReply) {
    return html(reply, IntervisionListPage({ ctx, items: await this.intervision.list(ability, user) }));
  }

  @Get('cases/:caseId/intervision')
  @RequireAbility('create', 'Intervision')
  async prepare(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('caseId') caseId: string, @Res() reply: FastifyReply) {
    await this.intervision.assertCanPrepare(ability, user, caseId);
    return html(reply, IntervisionPreparePage({ ctx, caseId }));
  }

  @Post('cases/:caseId/intervision')
  @RequireAbility('create', 'Intervision')
  async create(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('caseId') caseId: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    await this.intervision.assertCanPrepare(ability, user, caseId);
    const values = fromForm(body);
    const failure = await this.attempt(ctx, CreateIntervisionDto, values, async (input) => {
      const saved = await this.intervision.createFromCase(ability, user, caseId, input, ctx.t);
      return `/intervision/${saved.summary.id}?saved=created`;
    });
    if (typeof failure === 'string') return redirect(reply, failure);
    return html(reply, IntervisionPreparePage({ ctx, caseId, errors: failure }), failure.status);
  }

  @Get('intervision/:id')
  @RequireAbility('read', 'Intervision')
  async show(
    @Page() ctx: PageContext,
    @UserAbility() ability: AppAbility,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Query('saved') saved: string | undefined,
    @Query('stripped') stripped: string | undefined,
    @Res() reply: FastifyReply,
  ) {
    const count = stripped && /^\d{1,4}$/.test(stripped) ? Number(stripped) : 0;
    const notice = saved && NOTICES.has(saved) ? [ctx.t(`intervision.saved.${saved}`), count > 0 ? ctx.t('intervision.saved.stripped', { count }) : ''].filter(Boolean).join(' ') : undefined;
    return this.detail(ctx, ability, user, id, reply, { notice });
  }

  @Post('intervision/:id')
  @RequireAbility('update', 'Intervision')
  async update(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    await this.intervision.assertCan(ability, 'update', id);
    const failure = await this.attempt(ctx, UpdateIntervisionDto, versioned(body), async (input) => {
      const saved = await this.intervision.update(ability, user, id, input);
      const count = Object.values(saved.replaced).reduce((a, b) => a + (b ?? 0), 0);
      return `/intervision/${id}?saved=updated${count > 0 ? `&stripped=${count}` : ''}`;
    });
    if (typeof failure === 'string') return redirect(reply, failure);
    return this.detail(ctx, ability, user, id, reply, { editing: failure }, failure.status);
  }

  @Post('intervision/:id/share')
  @RequireAbility('update', 'Intervision')
  async share(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    await this.intervision.assertCan(ability, 'update', id);
    const failure = await this.attempt(ctx, IntervisionVersionDto, versioned(body), async (input) => {
      await this.intervision.share(ability, user, id, input.version);
      return `/intervision/${id}?saved=shared`;
    });
    if (typeof failure === 'string') return redirect(reply, failure);
    return this.detail(ctx, ability, user, id, reply, { sharing: { message: failure.message ?? ctx.t('errors.CONFLICT') } }, failure.status);
  }

  @Post('intervision/:id/replies')
  @RequireAbility('read', 'Intervision')
  async reply(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    await this.intervision.assertCan(ability, 'read', id);
    const failure = await this.attempt(ctx, IntervisionReplyDto, fromForm(body), async (input) => {
      const answer = await this.intervision.reply(ability, user, id, input.body);
      return `/intervision/${id}?saved=replied#reply-${answer.id}`;
    });
    if (typeof failure === 'string') return redirect(reply, failure);
    return this.detail(ctx, ability, user, id, reply, { replying: failure }, failure.status);
  }

  private async detail(ctx: PageContext, ability: AppAbility, user: AuthenticatedUser, id: string, reply: FastifyReply, state: Omit<DetailPageProps, 'ctx' | 'summary'>, status = 200) {
    const summary = await this.intervision.get(ability, user, id);
    return html(reply, IntervisionDetailPage({ ctx, summary, ...state }), status);
  }

  /**
   * Validates the form and runs the action: the address to redirect to, or what went wrong
   * (invalid fields: 400; a conflict such as a stale version: 409). Anything else — a record the
   * caller may not see — goes to the error filter.
   */
  private async attempt<T extends object>(ctx: PageContext, dto: new () => T, values: Record<string, unknown>, action: (input: T) => Promise<string>): Promise<string | FormFailure> {
    const input = validateInput(dto, values);
    let problems: readonly FieldProblem[] = input.ok ? [] : input.problems;
    let message: string | undefined;
    let status = 400;
    if (input.ok) {
      try {
        return await action(input.value);
      } catch (error) {
        if (!(error instanceof DomainError) || (error.kind !== 'invalid' && error.kind !== 'conflict')) throw error;
        problems = error.details;
        message = error.kind === 'conflict' ? ctx.t(`intervision.errors.${error.code}`) : undefined;
        if (error.kind === 'conflict') status = 409;
      }
    }
    const fields: Record<string, string> = {};
    for (const p of problems) fields[p.field] ??= ctx.t(`errors.field.${p.code}`);
    return { status, fields, message, values };
  }
}

/** Forms carry the version as a hidden field (text): the DTO wants a number. */
function versioned(body: unknown): Record<string, unknown> {
  const values = fromForm(body);
  if (typeof values.version === 'string' && /^\d+$/.test(values.version)) values.version = Number(values.version);
  return values;
}
