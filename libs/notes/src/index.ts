/**
 * Private notes (DESIGN.md §3): the assigned worker's professional secrecy, never shared, sealed
 * with AES-256-GCM under a per-case data key that a versioned master key wraps (envelope keys).
 * Only the worker portal imports this lib.
 */

/** Nest module providing {@link NotesService}; needs `NOTES_MASTER_KEYS` at boot. */
export { NotesModule } from './notes.module';

/** Use cases: list, create, update (keeping history) and history of a case's notes. */
export { NotesService } from './application/notes.service';
export type { NoteActor } from './application/notes.service';

/** What the use cases return: view objects, never entities. */
export type { NoteHistoryView, NoteVersionView, PrivateNoteView } from './application/note-views';

/** Longest note text, in characters; the API and page DTOs use the same bound. */
export { MAX_NOTE_LENGTH } from './domain/note-text';

/** `NOTE_INTEGRITY` (conflict): a note or data key failed authenticated decryption. */
export { NoteIntegrityError } from './domain/note.errors';

/** Versioned master keys parsed from `NOTES_MASTER_KEYS`, and the error for a bad setting. */
export { MasterKeyConfigError, MasterKeyRing } from './domain/master-key-ring';
export type { MasterKeysInput } from './domain/master-key-ring';

/** Master key rotation: rewraps every case data key with the highest master key version. */
export { rewrapDataKeys } from './infrastructure/rewrap-data-keys';
export type { RewrapResult } from './infrastructure/rewrap-data-keys';
