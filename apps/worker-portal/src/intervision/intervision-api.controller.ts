import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { IntervisionService, type IntervisionReplyView, type IntervisionSummaryView } from '@woonbrug/intervision';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { Idempotent, Page, type PageContext } from '@woonbrug/web';
import {
  CreateIntervisionDto,
  IntervisionListResponse,
  IntervisionReplyDto,
  IntervisionReplyResponse,
  IntervisionSummaryResponse,
  IntervisionVersionDto,
  SavedIntervisionResponse,
  UpdateIntervisionDto,
} from './intervision.dto';

const NOT_FOUND = 'No such summary, or a draft of someone else (both answer the same).';
const FORBIDDEN = 'Only outreach workers and coordinators take part in peer consultation.';

/**
 * Peer consultation (JSON API): pseudonymised summaries of a case, shared among the workers and
 * coordinators of every outreach organisation, with a thread of answers. A peer's view holds
 * nothing that leads to the case.
 */
@ApiTags('intervision')
@ApiForbiddenResponse({ description: FORBIDDEN })
@Controller('api')
export class IntervisionApiController {
  constructor(private readonly intervision: IntervisionService) {}

  @Get('intervision')
  @RequireAbility('read', 'Intervision')
  @ApiOkResponse({ type: IntervisionListResponse, description: 'The caller’s drafts and every shared summary.' })
  async list(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser): Promise<IntervisionListResponse> {
    return { items: await this.intervision.list(ability, user) };
  }

  @Post('cases/:caseId/intervision')
  @Idempotent()
  @HttpCode(201)
  @RequireAbility('create', 'Intervision')
  @ApiCreatedResponse({ type: SavedIntervisionResponse, description: 'A draft with a stripped starting text made from the case’s metadata and facts (never from private notes).' })
  @ApiBadRequestResponse({ description: 'The question is empty or too long.' })
  @ApiNotFoundResponse({ description: 'No such case, or not a case the caller works (only the assigned worker prepares a summary).' })
  async create(
    @Page() ctx: PageContext,
    @UserAbility() ability: AppAbility,
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId') caseId: string,
    @Body() body: CreateIntervisionDto,
  ): Promise<SavedIntervisionResponse> {
    const saved = await this.intervision.createFromCase(ability, user, caseId, body, ctx.t);
    return { ...saved.summary, replaced: saved.replaced } as SavedIntervisionResponse;
  }

  @Get('intervision/:id')
  @RequireAbility('read', 'Intervision')
  @ApiOkResponse({ type: IntervisionSummaryResponse, description: 'The summary with its thread.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<IntervisionSummaryView> {
    return this.intervision.get(ability, user, id);
  }

  @Patch('intervision/:id')
  @RequireAbility('update', 'Intervision')
  @ApiOkResponse({ type: SavedIntervisionResponse, description: 'The summary as stored: every text stripped again, the version one higher.' })
  @ApiBadRequestResponse({ description: 'A field is empty or too long (also once identifiers are replaced).' })
  @ApiNotFoundResponse({ description: `${NOT_FOUND} Only the author edits.` })
  @ApiConflictResponse({ description: '`STALE_VERSION`: the summary changed since that version.' })
  async update(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: UpdateIntervisionDto): Promise<SavedIntervisionResponse> {
    const saved = await this.intervision.update(ability, user, id, body);
    return { ...saved.summary, replaced: saved.replaced } as SavedIntervisionResponse;
  }

  @Post('intervision/:id/share')
  @HttpCode(200)
  @RequireAbility('update', 'Intervision')
  @ApiOkResponse({ type: IntervisionSummaryResponse, description: 'The summary, shared with the peers.' })
  @ApiNotFoundResponse({ description: `${NOT_FOUND} Only the author shares.` })
  @ApiConflictResponse({ description: '`STALE_VERSION` or `INTERVISION_ALREADY_SHARED`.' })
  share(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: IntervisionVersionDto): Promise<IntervisionSummaryView> {
    return this.intervision.share(ability, user, id, body.version);
  }

  @Post('intervision/:id/replies')
  @Idempotent()
  @HttpCode(201)
  @RequireAbility('read', 'Intervision')
  @ApiCreatedResponse({ type: IntervisionReplyResponse, description: 'The answer as stored (stripped of identifiers).' })
  @ApiBadRequestResponse({ description: 'The answer is empty or too long.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: '`INTERVISION_NOT_SHARED`: a draft has no thread.' })
  reply(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: IntervisionReplyDto): Promise<IntervisionReplyView> {
    return this.intervision.reply(ability, user, id, body.body);
  }
}
