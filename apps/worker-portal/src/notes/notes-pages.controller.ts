import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CasesService } from '@woonbrug/cases';
import { CurrentUser, IdentityService, type AuthenticatedUser } from '@woonbrug/identity';
import { DomainError } from '@woonbrug/kernel';
import { NoteIntegrityError, NotesService } from '@woonbrug/notes';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { fromForm, html, Page, redirect, validateInput, type FieldErrors, type FieldProblem, type PageContext } from '@woonbrug/web';
import type { FastifyReply } from 'fastify';
import { NoteTextDto } from './notes.dto';
import { editFieldId, NoteHistoryPage, NotesAlteredPage, NotesPage, type NotesPageState } from './notes.page';

const NOTICES = new Set(['created', 'updated']);

/** The assigned worker's pages for private notes: the case's notes with forms, one note's history. */
@ApiExcludeController()
@Controller()
export class NotesPagesController {
  constructor(
    private readonly notes: NotesService,
    private readonly cases: CasesService,
    private readonly identity: IdentityService,
  ) {}

  @Get('cases/:caseId/notes')
  @RequireAbility('read', 'PrivateNote')
  async list(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @Param('caseId') caseId: string, @Query('saved') saved: string | undefined, @Res() reply: FastifyReply) {
    const notice = saved && NOTICES.has(saved) ? ctx.t(`notes.${saved}`) : undefined;
    return this.unlessAltered(ctx, reply, async () => html(reply, await this.render(ctx, ability, caseId, { notice })));
  }

  @Post('cases/:caseId/notes')
  @RequireAbility('create', 'PrivateNote')
  async create(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('caseId') caseId: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    const plain = fromForm(body);
    const draft = typeof plain.text === 'string' ? plain.text : undefined;
    const input = validateInput(NoteTextDto, plain);
    if (!input.ok) return html(reply, await this.render(ctx, ability, caseId, { errors: fieldErrors(ctx, input.problems, 'text'), draft }), 400);
    try {
      const note = await this.notes.create(ability, user, caseId, input.value.text);
      return redirect(reply, `/cases/${note.caseId}/notes?saved=created#note-${note.id}`);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'invalid') {
        return html(reply, await this.render(ctx, ability, caseId, { errors: fieldErrors(ctx, [...error.details], 'text'), draft }), 400);
      }
      throw error;
    }
  }

  @Post('notes/:id')
  @RequireAbility('update', 'PrivateNote')
  async update(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: unknown, @Res() reply: FastifyReply) {
    const plain = fromForm(body);
    const draft = typeof plain.text === 'string' ? plain.text : '';
    const input = validateInput(NoteTextDto, plain);
    const showErrors = async (problems: FieldProblem[]) => {
      // Loading the note also checks access: a note the caller may not edit answers 404 here too.
      const note = await this.notes.get(ability, id);
      const errors = fieldErrors(ctx, problems, editFieldId(note.id));
      return html(reply, await this.render(ctx, ability, note.caseId, { errors, editing: { noteId: note.id, draft } }), 400);
    };
    if (!input.ok) return showErrors(input.problems);
    try {
      const note = await this.notes.update(ability, user, id, input.value.text);
      return redirect(reply, `/cases/${note.caseId}/notes?saved=updated#note-${note.id}`);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'invalid') return showErrors([...error.details]);
      throw error;
    }
  }

  @Get('notes/:id/history')
  @RequireAbility('read', 'PrivateNote')
  async history(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @Param('id') id: string, @Res() reply: FastifyReply) {
    return this.unlessAltered(ctx, reply, async () => {
      const history = await this.notes.history(ability, id);
      const found = await this.cases.get(ability, history.caseId);
      const people = await this.identity.findUsers([...new Set(history.versions.flatMap((v) => (v.writtenBy ? [v.writtenBy] : [])))]);
      return html(reply, NoteHistoryPage({ ctx, found, history, people }));
    });
  }

  /** A note that fails its integrity check gets a page that says what happened (409), never its text. */
  private async unlessAltered(ctx: PageContext, reply: FastifyReply, show: () => Promise<FastifyReply>): Promise<FastifyReply> {
    try {
      return await show();
    } catch (error) {
      if (error instanceof NoteIntegrityError) return html(reply, NotesAlteredPage({ ctx }), 409);
      throw error;
    }
  }

  private async render(ctx: PageContext, ability: AppAbility, caseId: string, state: NotesPageState) {
    const found = await this.cases.get(ability, caseId);
    const notes = await this.notes.list(ability, caseId);
    const people = await this.identity.findUsers([...new Set(notes.flatMap((n) => (n.editedBy ? [n.authorId, n.editedBy] : [n.authorId])))]);
    return NotesPage({ ctx, found, notes, people, ...state });
  }
}

/** Field problems as translated messages, keyed by the id of the form field they belong to. */
function fieldErrors(ctx: PageContext, problems: ReadonlyArray<{ field: string; code: string }>, textFieldId: string): FieldErrors {
  return Object.fromEntries(problems.map((p) => [p.field === 'text' ? textFieldId : p.field, ctx.t(`errors.field.${p.code}`)]));
}
