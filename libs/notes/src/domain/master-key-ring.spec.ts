import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { MasterKeyConfigError, MasterKeyRing } from './master-key-ring';
import { MasterKeyUnavailableError } from './note.errors';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const b64 = (key: Buffer) => key.toString('base64');

describe('MasterKeyRing', () => {
  it('parses version:base64 pairs; the highest version is current', () => {
    const ring = MasterKeyRing.parse(` 2:${b64(k2)} , 1:${b64(k1)}`);
    expect(ring.versions).toEqual([1, 2]);
    expect(ring.currentVersion).toBe(2);
    expect(ring.currentKey.equals(k2)).toBe(true);
    expect(ring.keyOf(1).equals(k1)).toBe(true);
    expect(() => ring.keyOf(3)).toThrow(MasterKeyUnavailableError);
  });

  it('builds from keys by version', () => {
    expect(MasterKeyRing.of({ 1: k1, 2: k2 }).currentKey.equals(k2)).toBe(true);
    expect(MasterKeyRing.of(new Map([[7, k1]])).currentVersion).toBe(7);
  });

  it.each([
    ['missing', undefined, 'is not set'],
    ['empty', '  ', 'is not set'],
    ['without version', b64(k1), 'no numeric version'],
    ['with a non-numeric version', `v1:${b64(k1)}`, 'no numeric version'],
    ['with a short key', `1:${randomBytes(16).toString('base64')}`, '16 bytes'],
    ['with a long key', `1:${randomBytes(33).toString('base64')}`, '33 bytes'],
    ['with a non-base64 key', `1:${'*'.repeat(44)}`, 'not base64'],
    ['with version 0', `0:${b64(k1)}`, 'invalid version'],
    ['with a version twice', `1:${b64(k1)},1:${b64(k2)}`, 'twice'],
  ])('refuses a setting %s with a clear message', (_case, raw, message) => {
    expect(() => MasterKeyRing.parse(raw)).toThrow(MasterKeyConfigError);
    expect(() => MasterKeyRing.parse(raw)).toThrow(message);
  });

  it('never shows key material in errors, JSON or inspection', () => {
    const ring = MasterKeyRing.parse(`1:${b64(k1)},2:${b64(k2)}`);
    const shown = [JSON.stringify(ring), inspect(ring, { showHidden: true, depth: 5 }), String(ring)].join('\n');
    for (const key of [k1, k2]) {
      expect(shown).not.toContain(b64(key));
      expect(shown).not.toContain(key.toString('hex'));
    }
    let message = '';
    try {
      MasterKeyRing.parse(`1:${b64(k1)},1:${b64(k2)}`);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain(b64(k1));
    expect(message).not.toContain(b64(k2));
  });
});
