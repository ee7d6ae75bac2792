import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError } from '@woonbrug/kernel';
import { decryptNote, encryptNote, newDataKey, unwrapDataKey, wrapDataKey } from './note-cipher';
import { NoteIntegrityError } from './note.errors';
import { NONCE_BYTES, TAG_BYTES } from './sealed-box';

const TEXT = 'Huurder vertelde over schulden bij de energieleverancier — vertrouwelijk. 🏠';

function expectIntegrityError(act: () => unknown): void {
  let thrown: unknown;
  try {
    act();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(NoteIntegrityError);
  const error = thrown as DomainError;
  expect(error).toBeInstanceOf(DomainError);
  expect(error.code).toBe('NOTE_INTEGRITY');
  expect(error.kind).toBe('conflict');
  expect(error.message).not.toContain('schulden');
}

describe('note cipher (AES-256-GCM)', () => {
  const key = newDataKey();
  const noteId = randomUUID();

  it('round-trips note text, with a fresh nonce each time', () => {
    const a = encryptNote(key, noteId, 1, TEXT);
    const b = encryptNote(key, noteId, 1, TEXT);
    expect(decryptNote(key, noteId, 1, a)).toBe(TEXT);
    expect(a.length).toBe(NONCE_BYTES + TAG_BYTES + Buffer.byteLength(TEXT, 'utf8'));
    expect(a.subarray(0, NONCE_BYTES).equals(b.subarray(0, NONCE_BYTES))).toBe(false);
    expect(a.includes(Buffer.from('schulden', 'utf8'))).toBe(false);
  });

  it('fails on any tampered byte: nonce, tag or ciphertext', () => {
    const sealed = encryptNote(key, noteId, 1, TEXT);
    for (const index of [0, NONCE_BYTES, NONCE_BYTES + TAG_BYTES, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[index] = tampered[index]! ^ 0x01;
      expectIntegrityError(() => decryptNote(key, noteId, 1, tampered));
    }
    expectIntegrityError(() => decryptNote(key, noteId, 1, sealed.subarray(0, 20)));
  });

  it('fails with other associated data: another note, another version', () => {
    const sealed = encryptNote(key, noteId, 2, TEXT);
    expectIntegrityError(() => decryptNote(key, randomUUID(), 2, sealed));
    expectIntegrityError(() => decryptNote(key, noteId, 1, sealed));
    expectIntegrityError(() => decryptNote(key, noteId, 3, sealed));
  });

  it('fails under another key', () => {
    const sealed = encryptNote(key, noteId, 1, TEXT);
    expectIntegrityError(() => decryptNote(newDataKey(), noteId, 1, sealed));
  });

  it('wraps a data key bound to its case and master key version', () => {
    const master = randomBytes(32);
    const caseId = randomUUID();
    const wrapped = wrapDataKey(master, 1, caseId, key);
    expect(unwrapDataKey(master, 1, caseId, wrapped).equals(key)).toBe(true);
    expect(wrapped.includes(key)).toBe(false);
    expectIntegrityError(() => unwrapDataKey(master, 1, randomUUID(), wrapped));
    expectIntegrityError(() => unwrapDataKey(master, 2, caseId, wrapped));
    expectIntegrityError(() => unwrapDataKey(randomBytes(32), 1, caseId, wrapped));
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => encryptNote(randomBytes(16), noteId, 1, TEXT)).toThrow('32 bytes');
  });
});
