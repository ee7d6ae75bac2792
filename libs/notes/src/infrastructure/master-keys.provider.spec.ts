import { randomBytes } from 'node:crypto';
import type { FactoryProvider } from '@nestjs/common';
import type { AppConfig } from '@woonbrug/config';
import { MasterKeyConfigError, MasterKeyRing } from '../domain/master-key-ring';
import { masterKeysProvider } from './master-keys.provider';

const build = (NOTES_MASTER_KEYS: string | undefined) => (masterKeysProvider as FactoryProvider<MasterKeyRing>).useFactory({ NOTES_MASTER_KEYS } as AppConfig);

describe('masterKeysProvider', () => {
  it('stops the app at boot when NOTES_MASTER_KEYS is missing, naming the setting', () => {
    expect(() => build(undefined)).toThrow(MasterKeyConfigError);
    expect(() => build(undefined)).toThrow(/^NOTES_MASTER_KEYS is not set/);
  });

  it('gives the parsed ring', () => {
    const ring = build(`3:${randomBytes(32).toString('base64')}`) as MasterKeyRing;
    expect(ring.currentVersion).toBe(3);
  });
});
