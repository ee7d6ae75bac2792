import { loadConfig } from '@woonbrug/config';
import { withDataSource } from '@woonbrug/database';
import { MasterKeyRing } from '../domain/master-key-ring';
import { rewrapDataKeys } from '../infrastructure/rewrap-data-keys';

/**
 * `npm run notes:rewrap-keys`: rotates the master key of private notes.
 *
 * 1. Add the new key with a higher version to NOTES_MASTER_KEYS (keep the old one) and restart
 *    the worker portal, so that new case keys are wrapped with it.
 * 2. Run this command with the same NOTES_MASTER_KEYS and DATABASE_URL: every case data key is
 *    unwrapped with its version's master key and wrapped again with the highest, in one
 *    transaction (all or nothing).
 * 3. Remove the old key from NOTES_MASTER_KEYS and restart the worker portal.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new Error('Set DATABASE_URL to the PostgreSQL server that holds the notes');
  const ring = MasterKeyRing.parse(config.NOTES_MASTER_KEYS);
  const url = config.DATABASE_URL;
  const result = await withDataSource(url, (db) => rewrapDataKeys(db, ring));
  process.stdout.write(
    `Case data keys: ${result.total}; rewrapped with master key version ${result.masterKeyVersion}: ${result.rewrapped}; already under it: ${result.total - result.rewrapped}\n`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
