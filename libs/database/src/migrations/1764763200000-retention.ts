import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention (issue 5, ADR 0007): closed and declined cases older than the retention period are
 * anonymised in place. `case_file.anonymised_on` marks them (and keeps them out of the next run).
 *
 * The disclosure log keeps its chain: events name a case only by its random id, which becomes the
 * case's pseudonym once nothing personal is left behind it. The one piece of free text an event
 * carries, a consent's purpose, is hashed by its digest from canonical version 2 on, so that the
 * text can be erased and the chain still verifies. The append-only trigger allows exactly that
 * change — `purpose` to NULL on a version-2 event, nothing else different — and refuses the rest.
 */
export class Retention1764763200000 implements MigrationInterface {
  name = 'Retention1764763200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_file ADD COLUMN anonymised_on date`);
    await q.query(`CREATE INDEX case_file_retention_idx ON case_file (state, closed_on) WHERE anonymised_on IS NULL`);

    // Existing events were hashed with the purpose text (version 1); new ones name their version.
    await q.query(`ALTER TABLE audit_event ADD COLUMN canonical_version smallint NOT NULL DEFAULT 1 CHECK (canonical_version IN (1, 2)), ADD COLUMN purpose_digest bytea`);
    await q.query(`ALTER TABLE audit_event ALTER COLUMN canonical_version DROP DEFAULT`);
    await q.query(`
      ALTER TABLE audit_event ADD CONSTRAINT audit_event_v2_purpose_has_digest
        CHECK (canonical_version = 1 OR purpose IS NULL OR purpose_digest IS NOT NULL)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Retention may erase the purpose text of a version-2 event: its digest stays in the hash.
        IF TG_OP = 'UPDATE' AND OLD.canonical_version = 2 AND OLD.purpose IS NOT NULL AND NEW.purpose IS NULL
           AND (to_jsonb(NEW) - 'purpose') = (to_jsonb(OLD) - 'purpose') THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(`ALTER TABLE audit_event DROP CONSTRAINT audit_event_v2_purpose_has_digest, DROP COLUMN purpose_digest, DROP COLUMN canonical_version`);
    await q.query(`DROP INDEX case_file_retention_idx`);
    await q.query(`ALTER TABLE case_file DROP COLUMN anonymised_on`);
  }
}
