import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CasesService } from '@woonbrug/cases';
import { NotFoundError } from '@woonbrug/kernel';
import { subject, type AppAbility } from '@woonbrug/policies';
import { DataSource, type EntityManager } from 'typeorm';
import { decryptNote, encryptNote } from '../domain/note-cipher';
import { NoteIntegrityError } from '../domain/note.errors';
import { assertNoteText } from '../domain/note-text';
import { CaseDataKeyStore } from '../infrastructure/case-data-key.store';
import type { NoteHistoryView, NoteVersionView, PrivateNoteView } from './note-views';

/** The acting user, as far as notes need it. */
export interface NoteActor {
  readonly id: string;
}

type NoteAction = 'create' | 'read' | 'update';

interface NoteRow {
  id: string;
  case_id: string;
  author_id: string;
  version: number;
  ciphertext: Buffer;
  created_at: Date;
  updated_at: Date;
  edited_by: string | null;
}

interface RevisionRow {
  version: number;
  ciphertext: Buffer;
  edited_by: string;
  edited_at: Date;
}

// The editor of the current version is the `edited_by` of the newest revision: a revision row
// keeps the version an edit replaced, with who replaced it and when.
const NOTE_COLUMNS = `n.id, n.case_id, n.author_id, n.version, n.ciphertext, n.created_at, n.updated_at,
  (SELECT r.edited_by FROM private_note_revision r WHERE r.note_id = n.id ORDER BY r.version DESC LIMIT 1) AS edited_by`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toView(row: NoteRow, text: string): PrivateNoteView {
  return {
    id: row.id,
    caseId: row.case_id,
    version: row.version,
    text,
    authorId: row.author_id,
    createdAt: row.created_at.toISOString(),
    editedBy: row.edited_by,
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * Private notes: the assigned worker's professional secrecy (DESIGN.md §3). Texts are sealed
 * with AES-256-GCM under the case's data key before they reach the database and opened only
 * here; they are never logged and never part of an error. A note the caller may not use answers
 * exactly like a missing one.
 */
@Injectable()
export class NotesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly dataKeys: CaseDataKeyStore,
  ) {}

  /** The case's notes, newest first. */
  async list(ability: AppAbility, caseId: string): Promise<PrivateNoteView[]> {
    await this.authorize(ability, 'read', caseId);
    const rows = (await this.db.query(`SELECT ${NOTE_COLUMNS} FROM private_note n WHERE n.case_id = $1 ORDER BY n.created_at DESC, n.id`, [caseId])) as NoteRow[];
    if (rows.length === 0) return [];
    const key = await this.requireDataKey(this.db.manager, caseId);
    return rows.map((row) => toView(row, decryptNote(key, row.id, row.version, row.ciphertext)));
  }

  /** One note, current version. */
  async get(ability: AppAbility, noteId: string): Promise<PrivateNoteView> {
    const caseId = await this.caseOfNote(noteId);
    await this.authorize(ability, 'read', caseId);
    const [row] = (await this.db.query(`SELECT ${NOTE_COLUMNS} FROM private_note n WHERE n.id = $1 AND n.case_id = $2`, [noteId, caseId])) as NoteRow[];
    if (!row) throw new NotFoundError('PrivateNote');
    const key = await this.requireDataKey(this.db.manager, caseId);
    return toView(row, decryptNote(key, row.id, row.version, row.ciphertext));
  }

  /** Writes a new note on the case (version 1). */
  async create(ability: AppAbility, actor: NoteActor, caseId: string, text: string): Promise<PrivateNoteView> {
    await this.authorize(ability, 'create', caseId);
    assertNoteText(text);
    return this.db.transaction(async (manager) => {
      const key = await this.dataKeys.obtain(manager, caseId);
      // The id is made here, not by the database: it is part of the ciphertext's associated data.
      const id = randomUUID();
      const [row] = (await manager.query(
        `INSERT INTO private_note AS n (id, case_id, author_id, version, ciphertext) VALUES ($1, $2, $3, 1, $4) RETURNING ${NOTE_COLUMNS}`,
        [id, caseId, actor.id, encryptNote(key, id, 1, text)],
      )) as NoteRow[];
      return toView(row!, text);
    });
  }

  /**
   * Replaces a note's text: the current version goes to the note's history unchanged, the new
   * text becomes the next version. The same text again changes nothing.
   */
  async update(ability: AppAbility, actor: NoteActor, noteId: string, text: string): Promise<PrivateNoteView> {
    const caseId = await this.caseOfNote(noteId);
    await this.authorize(ability, 'update', caseId);
    assertNoteText(text);
    return this.db.transaction(async (manager) => {
      const [row] = (await manager.query(`SELECT ${NOTE_COLUMNS} FROM private_note n WHERE n.id = $1 AND n.case_id = $2 FOR UPDATE OF n`, [noteId, caseId])) as NoteRow[];
      if (!row) throw new NotFoundError('PrivateNote');
      const key = await this.requireDataKey(manager, caseId);
      // Opened first so that an altered note is refused rather than filed into its own history.
      const current = decryptNote(key, row.id, row.version, row.ciphertext);
      if (current === text) return toView(row, current);
      const next = row.version + 1;
      await manager.query(`INSERT INTO private_note_revision (note_id, version, ciphertext, edited_by, edited_at) VALUES ($1, $2, $3, $4, now())`, [
        row.id,
        row.version,
        row.ciphertext,
        actor.id,
      ]);
      // TypeORM answers an UPDATE with `[rows, affected]`.
      const [[updated]] = (await manager.query(
        `UPDATE private_note AS n SET version = $2, ciphertext = $3, updated_at = now() WHERE n.id = $1 RETURNING ${NOTE_COLUMNS}`,
        [row.id, next, encryptNote(key, row.id, next, text)],
      )) as [NoteRow[], number];
      return toView(updated!, text);
    });
  }

  /** Every version of a note, newest (current) first. */
  async history(ability: AppAbility, noteId: string): Promise<NoteHistoryView> {
    const caseId = await this.caseOfNote(noteId);
    await this.authorize(ability, 'read', caseId);
    const [note] = (await this.db.query(`SELECT ${NOTE_COLUMNS} FROM private_note n WHERE n.id = $1 AND n.case_id = $2`, [noteId, caseId])) as NoteRow[];
    if (!note) throw new NotFoundError('PrivateNote');
    const revisions = (await this.db.query(
      `SELECT version, ciphertext, edited_by, edited_at FROM private_note_revision WHERE note_id = $1 AND version < $2 ORDER BY version DESC`,
      [noteId, note.version],
    )) as RevisionRow[];
    const key = await this.requireDataKey(this.db.manager, caseId);
    // Revision k holds version k and who replaced it by version k + 1, and when.
    const replacedBy = new Map(revisions.map((r) => [r.version, r]));
    const writerOf = (version: number): Pick<NoteVersionView, 'writtenBy' | 'writtenAt'> => {
      if (version === 1) return { writtenBy: note.author_id, writtenAt: note.created_at.toISOString() };
      const edit = replacedBy.get(version - 1);
      return edit ? { writtenBy: edit.edited_by, writtenAt: edit.edited_at.toISOString() } : { writtenBy: null, writtenAt: null };
    };
    const versions: NoteVersionView[] = [
      { version: note.version, text: decryptNote(key, note.id, note.version, note.ciphertext), ...writerOf(note.version) },
      ...revisions.map((r) => ({ version: r.version, text: decryptNote(key, note.id, r.version, r.ciphertext), ...writerOf(r.version) })),
    ];
    return { noteId: note.id, caseId, currentVersion: note.version, versions };
  }

  /**
   * Access check for every use case: the case must be readable by the caller (else it answers
   * as missing), and the ability must allow the action on the case's notes — which only the
   * assigned worker's does. A refusal answers as missing too.
   */
  private async authorize(ability: AppAbility, action: NoteAction, caseId: string): Promise<void> {
    const found = await this.cases.get(ability, caseId);
    if (!ability.can(action, subject('PrivateNote', { caseWorkerId: found.assignedWorkerId }))) throw new NotFoundError('PrivateNote');
  }

  /** The case a note belongs to, before any access check; used only to run that check. */
  private async caseOfNote(noteId: string): Promise<string> {
    if (!UUID.test(noteId)) throw new NotFoundError('PrivateNote');
    const [row] = (await this.db.query(`SELECT case_id FROM private_note WHERE id = $1`, [noteId])) as Array<{ case_id: string }>;
    if (!row) throw new NotFoundError('PrivateNote');
    return row.case_id;
  }

  private async requireDataKey(manager: EntityManager, caseId: string): Promise<Buffer> {
    const key = await this.dataKeys.find(manager, caseId);
    // Notes without their case's key cannot be opened: the key row was removed or never made.
    if (!key) throw new NoteIntegrityError('data key');
    return key;
  }
}
