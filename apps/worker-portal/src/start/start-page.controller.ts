import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CasesService } from '@woonbrug/cases';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { buildAbility, SignedIn } from '@woonbrug/policies';
import { ReferralsService } from '@woonbrug/referrals';
import { html, Page, type PageContext } from '@woonbrug/web';
import type { FastifyReply } from 'fastify';
import { StartPage } from './start.page';

/** The start page: what needs doing today for this role. */
@ApiExcludeController()
@Controller()
export class StartPageController {
  constructor(
    private readonly cases: CasesService,
    private readonly referrals: ReferralsService,
  ) {}

  @Get()
  @SignedIn()
  async start(@Page() ctx: PageContext, @CurrentUser() user: AuthenticatedUser, @Res() reply: FastifyReply) {
    const ability = buildAbility(user);
    const incoming = ability.can('triage', 'Case') ? await this.referrals.incoming(ability) : [];
    const caseload = user.role === 'worker' ? await this.cases.list(ability, { assignedWorkerId: user.id }) : [];
    return html(reply, StartPage({ ctx, role: user.role, incoming, caseload }));
  }
}
