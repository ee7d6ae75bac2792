import { DomainError } from '@woonbrug/kernel';

/**
 * A note, or its case's data key, failed authenticated decryption: it was altered, moved to
 * another row or version, or the configured key is not the one it was sealed with. The message
 * never carries note text.
 */
export class NoteIntegrityError extends DomainError {
  constructor(what: 'note' | 'data key' = 'note') {
    super('NOTE_INTEGRITY', 'conflict', what === 'note' ? 'A private note failed its integrity check' : "The case's note key failed its integrity check");
  }
}

/** The case's data key is wrapped by a master key version this process is not configured with. */
export class MasterKeyUnavailableError extends Error {
  constructor(readonly version: number) {
    super(`Master key version ${version} is not configured in NOTES_MASTER_KEYS`);
    this.name = 'MasterKeyUnavailableError';
  }
}

/** Note text is 1 to {@link MAX_NOTE_LENGTH} characters and not only white space. */
export class InvalidNoteTextError extends DomainError {
  constructor(code: 'REQUIRED' | 'TOO_LONG') {
    super('VALIDATION_FAILED', 'invalid', 'The note text is invalid', [
      { field: 'text', code, message: code === 'REQUIRED' ? 'text is required' : 'text is too long' },
    ]);
  }
}
