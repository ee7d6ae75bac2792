import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TOTP second factor (issue 8) for workers, coordinators and privacy officers: the shared secret
 * (base32, RFC 6238) and the last time step accepted, so that each code is used once.
 */
export class SecondFactor1765108800000 implements MigrationInterface {
  name = 'SecondFactor1765108800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_account ADD COLUMN second_factor_secret text NULL, ADD COLUMN second_factor_last_step bigint NULL`);
    // A code can only be accepted for an account that has a secret.
    await q.query(`ALTER TABLE user_account ADD CONSTRAINT user_account_second_factor_step_needs_secret CHECK (second_factor_last_step IS NULL OR second_factor_secret IS NOT NULL)`);
    // Sessions waiting for the second factor name their user here; disabling ends them too.
    await q.query(`CREATE INDEX session_pending_user_idx ON session ((sess ->> 'pendingUserId'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX session_pending_user_idx`);
    await q.query(`ALTER TABLE user_account DROP CONSTRAINT user_account_second_factor_step_needs_secret`);
    await q.query(`ALTER TABLE user_account DROP COLUMN second_factor_last_step, DROP COLUMN second_factor_secret`);
  }
}
