/** A private note as its worker sees it: the current version's text and who wrote what when. */
export interface PrivateNoteView {
  readonly id: string;
  readonly caseId: string;
  /** 1 for a new note, one more for each edit. */
  readonly version: number;
  readonly text: string;
  readonly authorId: string;
  readonly createdAt: string;
  /** Who made the current version by editing, or null when it was never edited. */
  readonly editedBy: string | null;
  readonly updatedAt: string;
}

/** One version of a note. */
export interface NoteVersionView {
  readonly version: number;
  readonly text: string;
  /** Who wrote this version (the author for version 1, the editor for later ones). */
  readonly writtenBy: string | null;
  readonly writtenAt: string | null;
}

/** Every version of a note, newest first; the first is the current one. */
export interface NoteHistoryView {
  readonly noteId: string;
  readonly caseId: string;
  readonly currentVersion: number;
  readonly versions: readonly NoteVersionView[];
}
