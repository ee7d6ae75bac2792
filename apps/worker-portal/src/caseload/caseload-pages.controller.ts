import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CasesService, OPEN_CASE_STATES } from '@woonbrug/cases';
import { IdentityService } from '@woonbrug/identity';
import { NotificationsService } from '@woonbrug/notifications';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { html, Page, type PageContext } from '@woonbrug/web';
import type { FastifyReply } from 'fastify';
import { CaseWorkspaceLoader } from '../sharing/case-workspace';
import { CasePage } from './case.page';
import { CaseListPage } from './caseload.page';

/** Case pages: the worker's caseload, the coordinator's overview, one case. */
@ApiExcludeController()
@Controller('cases')
export class CaseloadPagesController {
  constructor(
    private readonly cases: CasesService,
    private readonly identity: IdentityService,
    private readonly workspace: CaseWorkspaceLoader,
    private readonly notifications: NotificationsService,
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
  async show(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @Param('id') id: string, @Query('accepted') accepted: string | undefined, @Query('attached') attached: string | undefined, @Query('saved') saved: string | undefined, @Res() reply: FastifyReply) {
    const workspace = await this.workspace.load(ability, id);
    // The case is open before the caller's eyes: what its notifications announced is read.
    await this.notifications.markCaseRead(ability, id);
    const notice = accepted ? ctx.t('case.accepted') : attached ? ctx.t('case.attached') : saved ? ctx.t('sharing.saved') : undefined;
    return html(reply, CasePage({ ctx, workspace, notice }));
  }
}
