import type { Provider } from '@nestjs/common';
import { AppConfig } from '@woonbrug/config';
import { MasterKeyRing } from '../domain/master-key-ring';

/**
 * The master key ring from `NOTES_MASTER_KEYS`, parsed once when the app starts: an app that
 * imports the notes module without (valid) keys stops at boot with a message naming the setting.
 */
export const masterKeysProvider: Provider = {
  provide: MasterKeyRing,
  inject: [AppConfig],
  useFactory: (config: AppConfig): MasterKeyRing => MasterKeyRing.parse(config.NOTES_MASTER_KEYS),
};
