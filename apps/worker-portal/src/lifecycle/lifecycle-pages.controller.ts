import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CaseLifecycleService, CasesService } from '@woonbrug/cases';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { fromForm, html, Page, type PageContext } from '@woonbrug/web';
import type { FastifyReply } from 'fastify';
import { CasePageForms } from '../caseload/case-page-forms';
import { CaseTimelineBuilder } from './case-timeline';
import { CloseCaseDto, MoveToStepDto, RecordContactDto, ReopenCaseDto, StartAftercareDto } from './lifecycle.dto';
import { TimelinePage } from './timeline.page';

/** Form posts of the case page's trajectory section, and the timeline page. */
@ApiExcludeController()
@Controller('cases/:caseId')
export class LifecyclePagesController {
  constructor(
    private readonly forms: CasePageForms,
    private readonly lifecycle: CaseLifecycleService,
    private readonly cases: CasesService,
    private readonly timeline: CaseTimelineBuilder,
  ) {}

  @Get('timeline')
  @RequireAbility('read', 'Case')
  async show(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @Param('caseId') caseId: string, @Res() reply: FastifyReply) {
    const found = await this.cases.get(ability, caseId);
    return html(reply, TimelinePage({ ctx, found, entries: await this.timeline.build(ability, caseId) }));
  }

  @Post('steps')
  @RequireAbility('update', 'Case')
  move(@Page() ctx: PageContext, @UserAbility() a: AppAbility, @CurrentUser() u: AuthenticatedUser, @Param('caseId') caseId: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    return this.forms.submit(ctx, a, caseId, reply, 'lifecycle', MoveToStepDto, versioned(body), (v) => this.lifecycle.moveToStep(a, u, caseId, v));
  }

  @Post('contacts')
  @RequireAbility('update', 'Case')
  contact(@Page() ctx: PageContext, @UserAbility() a: AppAbility, @Param('caseId') caseId: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    return this.forms.submit(ctx, a, caseId, reply, 'lifecycle', RecordContactDto, versioned(body), (v) => this.lifecycle.recordContact(a, caseId, v));
  }

  @Post('aftercare')
  @RequireAbility('update', 'Case')
  aftercare(@Page() ctx: PageContext, @UserAbility() a: AppAbility, @Param('caseId') caseId: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    return this.forms.submit(ctx, a, caseId, reply, 'lifecycle', StartAftercareDto, versioned(body), (v) => this.lifecycle.startAftercare(a, caseId, v));
  }

  @Post('close')
  @RequireAbility('update', 'Case')
  close(@Page() ctx: PageContext, @UserAbility() a: AppAbility, @Param('caseId') caseId: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    return this.forms.submit(ctx, a, caseId, reply, 'lifecycle', CloseCaseDto, versioned(body), (v) => this.lifecycle.close(a, caseId, v));
  }

  @Post('reopen')
  @RequireAbility('update', 'Case')
  reopen(@Page() ctx: PageContext, @UserAbility() a: AppAbility, @CurrentUser() u: AuthenticatedUser, @Param('caseId') caseId: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    return this.forms.submit(ctx, a, caseId, reply, 'reopened', ReopenCaseDto, versioned(body), (v) => this.lifecycle.reopen(a, u, caseId, v));
  }
}

/** Forms carry the case version as a hidden field (text): the DTO wants a number. */
function versioned(body: unknown): Record<string, unknown> {
  const values = fromForm(body);
  if (typeof values.version === 'string' && /^\d+$/.test(values.version)) values.version = Number(values.version);
  return values;
}
