import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys (issue 8; IETF draft "The Idempotency-Key HTTP Header Field"): one row per
 * (user, portal, key), holding the SHA-256 of the first request (method, path, body) and, once it
 * finished, the answer to repeat to a retry. `state` follows the request: `running` (reserved,
 * nothing written yet), `committed` (a write of the request committed — set inside that very
 * transaction), `done` (the answer is stored). `owner` is the fencing token of the request that
 * holds the key. Rows expire after 24 hours and are pruned by the portals. Never holds private
 * notes: the note routes take no key.
 */
export class IdempotencyKey1765195200000 implements MigrationInterface {
  name = 'IdempotencyKey1765195200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        portal text NOT NULL,
        key text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 255),
        fingerprint bytea NOT NULL CHECK (octet_length(fingerprint) = 32),
        state text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'committed', 'done')),
        owner uuid NOT NULL,
        locked_at timestamptz NOT NULL DEFAULT now(),
        committed_at timestamptz,
        response_status smallint,
        response_body text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        CONSTRAINT idempotency_key_unique UNIQUE (user_id, portal, key),
        CONSTRAINT idempotency_key_done_has_answer CHECK (state <> 'done' OR response_status IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX idempotency_key_expires_idx ON idempotency_key (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_key`);
  }
}
