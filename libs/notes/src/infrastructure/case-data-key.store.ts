import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MasterKeyRing } from '../domain/master-key-ring';
import { newDataKey, unwrapDataKey, wrapDataKey } from '../domain/note-cipher';

interface DataKeyRow {
  master_key_version: number;
  wrapped_key: Buffer;
}

/**
 * The per-case data keys in `case_data_key`, stored wrapped by the current master key and
 * unwrapped per use: an unwrapped key never leaves the request that needed it.
 */
@Injectable()
export class CaseDataKeyStore {
  constructor(private readonly masterKeys: MasterKeyRing) {}

  /** The case's data key, or null when no note was ever written for the case. */
  async find(manager: EntityManager, caseId: string): Promise<Buffer | null> {
    const [row] = (await manager.query(`SELECT master_key_version, wrapped_key FROM case_data_key WHERE case_id = $1`, [caseId])) as DataKeyRow[];
    if (!row) return null;
    return unwrapDataKey(this.masterKeys.keyOf(row.master_key_version), row.master_key_version, caseId, row.wrapped_key);
  }

  /** The case's data key, made and stored (wrapped by the current master key) on first use. */
  async obtain(manager: EntityManager, caseId: string): Promise<Buffer> {
    const existing = await this.find(manager, caseId);
    if (existing) return existing;
    const dataKey = newDataKey();
    const version = this.masterKeys.currentVersion;
    const inserted = (await manager.query(
      `INSERT INTO case_data_key (case_id, master_key_version, wrapped_key) VALUES ($1, $2, $3) ON CONFLICT (case_id) DO NOTHING RETURNING case_id`,
      [caseId, version, wrapDataKey(this.masterKeys.keyOf(version), version, caseId, dataKey)],
    )) as unknown[];
    if (inserted.length === 1) return dataKey;
    // A concurrent first note of the same case stored its key first: use that one.
    const stored = await this.find(manager, caseId);
    if (!stored) throw new Error('case_data_key row vanished while it was being made');
    return stored;
  }
}
