import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { DomainError } from '@woonbrug/kernel';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { BottlenecksService, RecordBottleneckDto } from '@woonbrug/reporting';
import { fromForm, html, Page, redirect, validateInput, type FieldErrors, type PageContext } from '@woonbrug/web';
import type { FastifyReply } from 'fastify';
import { BottlenecksPage } from './bottlenecks.page';

function fieldErrors(ctx: PageContext, problems: ReadonlyArray<{ field: string; code: string }>): FieldErrors {
  const out: Record<string, string> = {};
  for (const p of problems) out[p.field] ??= ctx.t(`errors.field.${p.code}`);
  return out;
}

/** The bottlenecks page: record one, read the organisation's. */
@ApiExcludeController()
@Controller('bottlenecks')
export class BottlenecksPagesController {
  constructor(private readonly bottlenecks: BottlenecksService) {}

  @Get()
  @RequireAbility('read', 'Bottleneck')
  async page(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @Query('saved') saved: string | undefined, @Res() reply: FastifyReply) {
    const items = await this.bottlenecks.list(ability);
    return html(reply, BottlenecksPage({ ctx, items, values: {}, errors: {}, notice: saved === '1' ? ctx.t('bottlenecks.saved') : undefined }));
  }

  @Post()
  @RequireAbility('create', 'Bottleneck')
  async record(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Body() body: unknown, @Res() reply: FastifyReply) {
    const values = fromForm(body);
    const refuse = async (errors: FieldErrors) => html(reply, BottlenecksPage({ ctx, items: await this.bottlenecks.list(ability), values, errors }), 400);
    const input = validateInput(RecordBottleneckDto, values);
    if (!input.ok) return refuse(fieldErrors(ctx, input.problems));
    try {
      const recorded = await this.bottlenecks.record(ability, user, input.value);
      return redirect(reply, `/bottlenecks?saved=1#bottleneck-${recorded.id}`);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'invalid') return refuse(fieldErrors(ctx, error.details));
      throw error;
    }
  }
}
