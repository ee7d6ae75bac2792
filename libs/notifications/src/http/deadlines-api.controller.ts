import { Controller, Get } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Clock } from '@woonbrug/kernel';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { DeadlinesService } from '../application/deadlines.service';
import type { DeadlineItem } from '../domain/deadline';
import { DeadlineListResponse } from './notifications.dto';

/** The deadline list: a worker's own cases, the coordinator's organisation. */
@ApiTags('deadlines')
@Controller('api/deadlines')
export class DeadlinesApiController {
  constructor(
    private readonly deadlines: DeadlinesService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @RequireAbility('read', 'Case')
  @ApiOkResponse({ type: DeadlineListResponse, description: 'The deadlines of the cases the caller may read, soonest first.' })
  @ApiForbiddenResponse({ description: 'The caller’s role reads no cases (privacy officer, admin).' })
  async list(@UserAbility() ability: AppAbility): Promise<{ today: string; items: DeadlineItem[] }> {
    return { today: this.clock.today(), items: await this.deadlines.list(ability) };
  }
}
