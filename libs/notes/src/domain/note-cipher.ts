import { NoteIntegrityError } from './note.errors';
import { newKey, open, seal, SealedBoxOpenError } from './sealed-box';

/**
 * Envelope encryption of private notes (DESIGN.md §3, AES-256-GCM):
 * - each case has one random 32-byte data key, stored wrapped by a versioned master key with
 *   the case id and master key version as associated data;
 * - each note version is sealed under its case's data key with the note id and version as
 *   associated data, so that a ciphertext copied to another row or version does not open.
 */

/** Associated data of a note version, in `private_note` and `private_note_revision` alike. */
export function noteAssociatedData(noteId: string, version: number): string {
  return `private_note:${noteId}:v${version}`;
}

/** Associated data of a case's wrapped data key. */
export function dataKeyAssociatedData(caseId: string, masterKeyVersion: number): string {
  return `case_data_key:${caseId}:mk${masterKeyVersion}`;
}

/** A fresh data key for a case. */
export function newDataKey(): Buffer {
  return newKey();
}

/** Wraps a case's data key with a master key. */
export function wrapDataKey(masterKey: Uint8Array, masterKeyVersion: number, caseId: string, dataKey: Uint8Array): Buffer {
  return seal(masterKey, dataKey, dataKeyAssociatedData(caseId, masterKeyVersion));
}

/** Unwraps a case's data key; {@link NoteIntegrityError} when it does not authenticate. */
export function unwrapDataKey(masterKey: Uint8Array, masterKeyVersion: number, caseId: string, wrapped: Uint8Array): Buffer {
  try {
    return open(masterKey, wrapped, dataKeyAssociatedData(caseId, masterKeyVersion));
  } catch (error) {
    if (error instanceof SealedBoxOpenError) throw new NoteIntegrityError('data key');
    throw error;
  }
}

/** Seals one version of a note's text: `nonce ‖ tag ‖ ciphertext`. */
export function encryptNote(dataKey: Uint8Array, noteId: string, version: number, text: string): Buffer {
  return seal(dataKey, Buffer.from(text, 'utf8'), noteAssociatedData(noteId, version));
}

/** Opens one version of a note's text; {@link NoteIntegrityError} when it does not authenticate. */
export function decryptNote(dataKey: Uint8Array, noteId: string, version: number, sealed: Uint8Array): string {
  try {
    return open(dataKey, sealed, noteAssociatedData(noteId, version)).toString('utf8');
  } catch (error) {
    if (error instanceof SealedBoxOpenError) throw new NoteIntegrityError('note');
    throw error;
  }
}
