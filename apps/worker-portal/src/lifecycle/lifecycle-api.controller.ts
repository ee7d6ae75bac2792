import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CaseLifecycleService, ProcedureService } from '@woonbrug/cases';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { ProcedureEventListResponse } from '@woonbrug/referrals';
import { Idempotent } from '@woonbrug/web';
import { CareStepListResponse, CaseSummaryResponse } from '../caseload/case.dto';
import { CaseTimelineBuilder } from './case-timeline';
import { CloseCaseDto, MoveToStepDto, RecordContactDto, ReopenCaseDto, StartAftercareDto, TimelineResponse } from './lifecycle.dto';

/** The trajectory of a case after acceptance: steps, contacts, aftercare, closing, reopening. */
@ApiTags('lifecycle')
@ApiNotFoundResponse({ description: 'No such case, or not one of the caller’s cases.' })
@ApiConflictResponse({ description: '`STALE_VERSION` (someone changed the case meanwhile) or a transition the state does not allow.' })
@Controller('api')
export class LifecycleApiController {
  constructor(
    private readonly lifecycle: CaseLifecycleService,
    private readonly procedure: ProcedureService,
    private readonly timeline: CaseTimelineBuilder,
  ) {}

  @Get('care-steps')
  @RequireAbility('read', 'Case')
  @ApiOkResponse({ type: CareStepListResponse, description: 'The care continuum, in order.' })
  async steps() {
    return { items: await this.lifecycle.steps() };
  }

  @Get('cases/:caseId/timeline')
  @RequireAbility('read', 'Case')
  @ApiOkResponse({ type: TimelineResponse, description: 'Referrals, steps, facts, consents, procedure and deadlines in date order.' })
  async caseTimeline(@UserAbility() ability: AppAbility, @Param('caseId') caseId: string) {
    return { items: await this.timeline.build(ability, caseId) };
  }

  @Get('cases/:caseId/procedure-events')
  @RequireAbility('read', 'ProcedureEvent')
  @ApiOkResponse({ type: ProcedureEventListResponse, description: 'The eviction procedure as the landlord recorded it.' })
  async procedureEvents(@UserAbility() ability: AppAbility, @Param('caseId') caseId: string) {
    return { items: await this.procedure.listOfCase(ability, caseId) };
  }

  @Post('cases/:caseId/steps')
  @Idempotent()
  @HttpCode(200)
  @RequireAbility('update', 'Case')
  @ApiOkResponse({ type: CaseSummaryResponse, description: 'The case in its new step.' })
  @ApiBadRequestResponse({ description: 'Unknown step or a date in the future.' })
  moveToStep(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('caseId') caseId: string, @Body() body: MoveToStepDto) {
    return this.lifecycle.moveToStep(ability, user, caseId, body);
  }

  @Post('cases/:caseId/contacts')
  @HttpCode(200)
  @RequireAbility('update', 'Case')
  @ApiOkResponse({ type: CaseSummaryResponse, description: 'The case with its last contact date.' })
  recordContact(@UserAbility() ability: AppAbility, @Param('caseId') caseId: string, @Body() body: RecordContactDto) {
    return this.lifecycle.recordContact(ability, caseId, body);
  }

  @Post('cases/:caseId/aftercare')
  @HttpCode(200)
  @RequireAbility('update', 'Case')
  @ApiOkResponse({ type: CaseSummaryResponse, description: 'The case in aftercare.' })
  @ApiBadRequestResponse({ description: '`AFTERCARE_TOO_LONG`: the end date is more than 3 months away.' })
  startAftercare(@UserAbility() ability: AppAbility, @Param('caseId') caseId: string, @Body() body: StartAftercareDto) {
    return this.lifecycle.startAftercare(ability, caseId, body);
  }

  @Post('cases/:caseId/close')
  @HttpCode(200)
  @RequireAbility('update', 'Case')
  @ApiOkResponse({ type: CaseSummaryResponse, description: 'The closed case; consents lapse, partners keep only the final status.' })
  close(@UserAbility() ability: AppAbility, @Param('caseId') caseId: string, @Body() body: CloseCaseDto) {
    return this.lifecycle.close(ability, caseId, body);
  }

  @Post('cases/:caseId/reopen')
  @Idempotent()
  @HttpCode(201)
  @RequireAbility('update', 'Case')
  @ApiCreatedResponse({ type: CaseSummaryResponse, description: 'The new trajectory, linked to the closed one.' })
  reopen(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('caseId') caseId: string, @Body() body: ReopenCaseDto) {
    return this.lifecycle.reopen(ability, user, caseId, body);
  }
}
