import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The disclosure log (DESIGN.md §4): one append-only, hash-chained row per access, change,
 * export or denied attempt. No foreign keys: the log outlives the cases, users and consents it
 * names (retention anonymises those, the log must keep its chain).
 *
 * `prev_hash` is unique with NULLS NOT DISTINCT: only one event can start the chain and only one
 * can follow any given event, so a writer that skipped the chain lock fails instead of forking it.
 * A trigger refuses UPDATE, DELETE and TRUNCATE for every role. The table's owner (or a
 * superuser) can still disable the trigger; a deployment that wants more runs the apps under a
 * role that does not own this table (INSERT and SELECT only), and `npm run audit:verify` detects
 * any change made around it.
 */
export class AuditLog1764676800000 implements MigrationInterface {
  name = 'AuditLog1764676800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        event_type text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('allowed', 'denied')),
        user_id uuid,
        role text,
        organisation_id uuid,
        on_behalf_of uuid,
        case_id uuid,
        case_pseudonym text,
        subject text,
        category text,
        fields text[] NOT NULL DEFAULT '{}',
        action text NOT NULL,
        consent_id uuid,
        purpose text,
        portal text,
        client_address text,
        correlation_id text,
        prev_hash bytea,
        hash bytea NOT NULL UNIQUE,
        CONSTRAINT audit_event_hash_is_sha256 CHECK (octet_length(hash) = 32),
        CONSTRAINT audit_event_prev_hash_is_sha256 CHECK (prev_hash IS NULL OR octet_length(prev_hash) = 32),
        CONSTRAINT audit_event_one_successor UNIQUE NULLS NOT DISTINCT (prev_hash)
      )`);
    // The privacy officer searches by case, user, organisation and period.
    await q.query(`CREATE INDEX audit_event_case_idx ON audit_event (case_id, occurred_at) WHERE case_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_event_user_idx ON audit_event (user_id, occurred_at) WHERE user_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_event_organisation_idx ON audit_event (organisation_id, occurred_at) WHERE organisation_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at)`);

    await q.query(`
      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_refuse_change()`);
  }
}
