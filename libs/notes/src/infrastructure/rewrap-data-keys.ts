import type { DataSource } from 'typeorm';
import { MasterKeyRing, type MasterKeysInput } from '../domain/master-key-ring';
import { unwrapDataKey, wrapDataKey } from '../domain/note-cipher';

/** What a rewrap did. */
export interface RewrapResult {
  /** Data keys found (every one was unwrapped, so every one is known to be intact). */
  readonly total: number;
  /** Data keys wrapped again with the current master key. */
  readonly rewrapped: number;
  /** The master key version that now wraps every data key. */
  readonly masterKeyVersion: number;
}

interface Row {
  case_id: string;
  master_key_version: number;
  wrapped_key: Buffer;
}

/**
 * Rotates the master key: unwraps every case data key with the master key of its version and
 * wraps it again with the highest version, in one transaction, so that afterwards the older
 * master keys can be removed from NOTES_MASTER_KEYS. Keys already under the highest version are
 * unwrapped (checked) but left as they are, so running it twice changes nothing. Note texts are
 * untouched: they are sealed by the data keys, which do not change.
 *
 * @throws MasterKeyUnavailableError when a key's version is not in `masterKeys`, and
 *   NoteIntegrityError when a wrapped key does not authenticate; nothing is changed then.
 */
export async function rewrapDataKeys(dataSource: DataSource, masterKeys: MasterKeyRing | MasterKeysInput): Promise<RewrapResult> {
  const ring = MasterKeyRing.of(masterKeys);
  const target = ring.currentVersion;
  return dataSource.transaction(async (manager) => {
    const rows = (await manager.query(`SELECT case_id, master_key_version, wrapped_key FROM case_data_key ORDER BY case_id FOR UPDATE`)) as Row[];
    let rewrapped = 0;
    for (const row of rows) {
      const dataKey = unwrapDataKey(ring.keyOf(row.master_key_version), row.master_key_version, row.case_id, row.wrapped_key);
      if (row.master_key_version === target) continue;
      await manager.query(`UPDATE case_data_key SET master_key_version = $2, wrapped_key = $3, rewrapped_at = now() WHERE case_id = $1`, [
        row.case_id,
        target,
        wrapDataKey(ring.keyOf(target), target, row.case_id, dataKey),
      ]);
      rewrapped++;
    }
    return { total: rows.length, rewrapped, masterKeyVersion: target };
  });
}
