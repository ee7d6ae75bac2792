import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CasesService, OPEN_CASE_STATES } from '@woonbrug/cases';
import { IdentityService } from '@woonbrug/identity';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { ReferralsService } from '@woonbrug/referrals';
import { html, Page, type PageContext } from '@woonbrug/web';
import type { FastifyReply } from 'fastify';
import { CaseListPage, CasePage } from './caseload.page';

/** Case pages: the worker's caseload, the coordinator's overview, one case. */
@ApiExcludeController()
@Controller('cases')
export class CaseloadPagesController {
  constructor(
    private readonly cases: CasesService,
    private readonly referrals: ReferralsService,
    private readonly identity: IdentityService,
  ) {}

  @Get()
  @RequireAbility('read', 'Case')
  async list(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @Res() reply: FastifyReply) {
    const cases = await this.cases.list(ability, { states: OPEN_CASE_STATES });
    const workers = await this.identity.findUsers([...new Set(cases.flatMap((c) => (c.assignedWorkerId ? [c.assignedWorkerId] : [])))]);
    return html(reply, CaseListPage({ ctx, cases, workers }));
  }

  @Get(':id')
  @RequireAbility('read', 'Case')
  async show(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @Param('id') id: string, @Query('accepted') accepted: string | undefined, @Query('attached') attached: string | undefined, @Res() reply: FastifyReply) {
    const found = await this.cases.get(ability, id);
    const referrals = await this.referrals.ofCase(ability, id);
    const [worker] = found.assignedWorkerId ? await this.identity.findUsers([found.assignedWorkerId]) : [];
    const notice = accepted ? ctx.t('case.accepted') : attached ? ctx.t('case.attached') : undefined;
    return html(reply, CasePage({ ctx, found, referrals, worker, notice }));
  }
}
