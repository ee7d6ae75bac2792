import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { BottleneckListResponse, BottleneckQueryDto, BottleneckResponse, BottlenecksService, RecordBottleneckDto, type BottleneckView } from '@woonbrug/reporting';
import { Idempotent } from '@woonbrug/web';

/** Bottlenecks (knelpunten) of the own outreach organisation: workers and the coordinator. */
@ApiTags('bottlenecks')
@ApiForbiddenResponse({ description: 'Only workers and coordinators record and read bottlenecks (not the privacy officer or the administrator).' })
@Controller('api/bottlenecks')
export class BottlenecksApiController {
  constructor(private readonly bottlenecks: BottlenecksService) {}

  @Get()
  @RequireAbility('read', 'Bottleneck')
  @ApiOkResponse({ type: BottleneckListResponse, description: 'The organisation’s bottlenecks, newest observation first (at most 500).' })
  @ApiBadRequestResponse({ description: 'An invalid date or category, or `to` before `from` (`PERIOD_ORDER`).' })
  async list(@UserAbility() ability: AppAbility, @Query() query: BottleneckQueryDto): Promise<{ items: BottleneckView[] }> {
    return { items: await this.bottlenecks.list(ability, query) };
  }

  @Post()
  @Idempotent()
  @HttpCode(201)
  @RequireAbility('create', 'Bottleneck')
  @ApiCreatedResponse({ type: BottleneckResponse, description: 'The recorded bottleneck; the whole team sees it.' })
  @ApiBadRequestResponse({ description: 'No or an unknown category, an empty or too long text, or an observation date in the future.' })
  record(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Body() body: RecordBottleneckDto): Promise<BottleneckView> {
    return this.bottlenecks.record(ability, user, body);
  }
}
