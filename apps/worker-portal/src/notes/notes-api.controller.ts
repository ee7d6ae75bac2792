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
import { NotesService, type NoteHistoryView, type PrivateNoteView } from '@woonbrug/notes';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { NoteHistoryResponse, NoteTextDto, PrivateNoteListResponse, PrivateNoteResponse } from './notes.dto';

const NOT_FOUND = 'No such case or note, or not one of the caller’s assigned cases (both answer the same).';
const FORBIDDEN = 'The caller’s role has no access to private notes at all.';
const INTEGRITY = '`NOTE_INTEGRITY`: a stored note or key failed its integrity check (altered or moved); no text is returned.';

/** The assigned worker's private notes on a case: never shared, encrypted at rest. */
@ApiTags('notes')
@ApiForbiddenResponse({ description: FORBIDDEN })
@Controller('api')
export class NotesApiController {
  constructor(private readonly notes: NotesService) {}

  @Get('cases/:caseId/notes')
  @RequireAbility('read', 'PrivateNote')
  @ApiOkResponse({ type: PrivateNoteListResponse, description: 'The case’s notes, newest first.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: INTEGRITY })
  async list(@UserAbility() ability: AppAbility, @Param('caseId') caseId: string): Promise<{ items: PrivateNoteView[] }> {
    return { items: await this.notes.list(ability, caseId) };
  }

  @Post('cases/:caseId/notes')
  @HttpCode(201)
  @RequireAbility('create', 'PrivateNote')
  @ApiCreatedResponse({ type: PrivateNoteResponse, description: 'The new note (version 1).' })
  @ApiBadRequestResponse({ description: 'The text is empty or longer than 10 000 characters.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  create(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('caseId') caseId: string, @Body() body: NoteTextDto): Promise<PrivateNoteView> {
    return this.notes.create(ability, user, caseId, body.text);
  }

  @Patch('notes/:id')
  @RequireAbility('update', 'PrivateNote')
  @ApiOkResponse({ type: PrivateNoteResponse, description: 'The note with its new version; the previous version is kept in its history.' })
  @ApiBadRequestResponse({ description: 'The text is empty or longer than 10 000 characters.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: INTEGRITY })
  update(@UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: NoteTextDto): Promise<PrivateNoteView> {
    return this.notes.update(ability, user, id, body.text);
  }

  @Get('notes/:id/history')
  @RequireAbility('read', 'PrivateNote')
  @ApiOkResponse({ type: NoteHistoryResponse, description: 'Every version of the note, newest first.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: INTEGRITY })
  history(@UserAbility() ability: AppAbility, @Param('id') id: string): Promise<NoteHistoryView> {
    return this.notes.history(ability, id);
  }
}
