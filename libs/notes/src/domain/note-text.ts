import { InvalidNoteTextError } from './note.errors';

/** Longest note, in characters (Unicode code points). */
export const MAX_NOTE_LENGTH = 10_000;

/** Checks the note text rule; the DTO checks the same at the edge, this guards every caller. */
export function assertNoteText(text: string): void {
  if (typeof text !== 'string' || text.trim().length === 0) throw new InvalidNoteTextError('REQUIRED');
  // Count code points (not UTF-16 units), as class-validator's MaxLength roughly does.
  let length = 0;
  for (const _ of text) {
    if (++length > MAX_NOTE_LENGTH) throw new InvalidNoteTextError('TOO_LONG');
  }
}
