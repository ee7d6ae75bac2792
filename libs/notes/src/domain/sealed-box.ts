import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256-GCM parameters shared by wrapped data keys and note texts. */
export const KEY_BYTES = 32;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

/** The authentication failed: wrong key, wrong associated data, or altered bytes. */
export class SealedBoxOpenError extends Error {
  constructor() {
    super('Authenticated decryption failed');
    this.name = 'SealedBoxOpenError';
  }
}

function requireKey(key: Uint8Array): void {
  // A wrong key length is a programming error, never a data problem: fail loudly.
  if (key.length !== KEY_BYTES) throw new Error(`An AES-256-GCM key has ${KEY_BYTES} bytes, not ${key.length}`);
}

/**
 * Encrypts with AES-256-GCM under a fresh random 12-byte nonce and returns one buffer,
 * `nonce ‖ tag ‖ ciphertext`, so that a single bytea column holds everything needed to open it.
 * `associatedData` is authenticated but not stored: the reader must supply the same value.
 */
export function seal(key: Uint8Array, plaintext: Uint8Array, associatedData: string): Buffer {
  requireKey(key);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), ciphertext]);
}

/** Opens what {@link seal} produced; throws {@link SealedBoxOpenError} on any mismatch. */
export function open(key: Uint8Array, sealed: Uint8Array, associatedData: string): Buffer {
  requireKey(key);
  if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new SealedBoxOpenError();
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const nonce = bytes.subarray(0, NONCE_BYTES);
  const tag = bytes.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES);
  const ciphertext = bytes.subarray(NONCE_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    // node:crypto's message says nothing useful and nothing secret; replace it with ours.
    throw new SealedBoxOpenError();
  }
}

/** A new random data key. */
export function newKey(): Buffer {
  return randomBytes(KEY_BYTES);
}
