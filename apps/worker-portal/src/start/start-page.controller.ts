import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CASE_STATES, CasesService } from '@woonbrug/cases';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { Clock } from '@woonbrug/kernel';
import { DeadlinesService, NotificationsService } from '@woonbrug/notifications';
import { buildAbility, RequireAbility, SignedIn, UserAbility, type AppAbility } from '@woonbrug/policies';
import { ReferralsService } from '@woonbrug/referrals';
import { html, Page, type PageContext } from '@woonbrug/web';
import type { FastifyReply } from 'fastify';
import { composeWorkersDay, type WorkersDay } from './attention';
import { parseCaseSearch } from './search-query';
import { SearchPage } from './search.page';
import { StartPage } from './start.page';

/** The start page (what needs doing today for this role) and the search over the own cases. */
@ApiExcludeController()
@Controller()
export class StartPageController {
  constructor(
    private readonly cases: CasesService,
    private readonly referrals: ReferralsService,
    private readonly deadlines: DeadlinesService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @SignedIn()
  async start(@Page() ctx: PageContext, @CurrentUser() user: AuthenticatedUser, @Res() reply: FastifyReply) {
    const ability = buildAbility(user);
    const incoming = ability.can('triage', 'Case') ? await this.referrals.incoming(ability) : [];
    const caseload = user.role === 'worker' ? await this.cases.list(ability, { assignedWorkerId: user.id }) : [];
    let day: WorkersDay | null = null;
    if (ability.can('read', 'Case')) {
      const [deadlines, notifications] = await Promise.all([
        this.deadlines.list(ability),
        ability.can('read', 'Notification') ? this.notifications.list(ability) : Promise.resolve({ items: [], unreadCount: 0 }),
      ]);
      day = composeWorkersDay({ today: this.clock.today(), deadlines, caseload, notifications: notifications.items });
    }
    return html(reply, StartPage({ ctx, role: user.role, incoming, caseload, day }));
  }

  /** `/search?q=`: the caller's cases (a worker's own) by tenant name, address or case number. */
  @Get('search')
  @RequireAbility('read', 'Case')
  async search(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @Query('q') q: unknown, @Res() reply: FastifyReply) {
    const query = parseCaseSearch(q);
    const results = query === undefined ? [] : await this.cases.list(ability, { states: CASE_STATES, search: query });
    return html(reply, SearchPage({ ctx, query, results }));
  }
}
