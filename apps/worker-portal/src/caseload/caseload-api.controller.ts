import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CASE_STATES, CasesService, OPEN_CASE_STATES, type CaseState } from '@woonbrug/cases';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { ReferralsService } from '@woonbrug/referrals';
import { parseCaseSearch } from '../start/search-query';
import { CaseDetailResponse, CaseListResponse } from './case.dto';

function parseStates(raw: string | undefined): CaseState[] {
  if (!raw) return [...OPEN_CASE_STATES];
  if (raw === 'all') return [...CASE_STATES];
  return raw.split(',').filter((s): s is CaseState => (CASE_STATES as readonly string[]).includes(s));
}

/** Cases the caller may read: a worker's own caseload, or the coordinator's overview. */
@ApiTags('cases')
@Controller('api/cases')
export class CaseloadApiController {
  constructor(
    private readonly cases: CasesService,
    private readonly referrals: ReferralsService,
  ) {}

  @Get()
  @RequireAbility('read', 'Case')
  @ApiQuery({ name: 'state', required: false, description: 'Comma-separated states, or `all`; default the open states' })
  @ApiQuery({
    name: 'q',
    required: false,
    example: 'voorbeeld demostraat',
    description: 'Search (at most 100 characters): every word in the tenant name, address, municipality or case number; case and accents do not count. Never searches facts or notes.',
  })
  @ApiOkResponse({ type: CaseListResponse, description: 'Case metadata, newest first.' })
  async list(@UserAbility() ability: AppAbility, @Query('state') state?: string, @Query('q') q?: unknown) {
    return { items: await this.cases.list(ability, { states: parseStates(state), search: parseCaseSearch(q) }) };
  }

  @Get(':id')
  @RequireAbility('read', 'Case')
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case and who referred it.' })
  @ApiNotFoundResponse({ description: 'No such case, or not one the caller may read.' })
  async get(@UserAbility() ability: AppAbility, @Param('id') id: string) {
    const found = await this.cases.get(ability, id);
    return { ...found, referrals: await this.referrals.ofCase(ability, id) };
  }
}
