import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Peer consultation: pseudonymised summaries and their threads.
 *
 * `source_case_id` says which case a summary was made from, for its author only (peers never get
 * it); it is nullable and set to NULL when the case is deleted or anonymised, so a summary never
 * keeps a tenant findable. `reference_date` is the day the summary was made: the dates in its text
 * were turned into times relative to it, on every save. The length limits are the DTOs' too.
 */
export class Intervision1764936000000 implements MigrationInterface {
  name = 'Intervision1764936000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE intervision_state AS ENUM ('draft', 'shared')`);
    await q.query(`
      CREATE TABLE intervision_summary (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        author_id uuid NOT NULL REFERENCES user_account (id) ON DELETE RESTRICT,
        author_organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
        source_case_id uuid REFERENCES case_file (id) ON DELETE SET NULL,
        title text NOT NULL CHECK (length(title) <= 200 AND btrim(title) <> ''),
        question text NOT NULL CHECK (length(question) <= 2000 AND btrim(question) <> ''),
        body text NOT NULL CHECK (length(body) <= 10000 AND btrim(body) <> ''),
        state intervision_state NOT NULL DEFAULT 'draft',
        reference_date date NOT NULL,
        shared_at timestamptz,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT intervision_summary_shared_has_time CHECK ((state = 'shared') = (shared_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX intervision_summary_author_idx ON intervision_summary (author_id, updated_at DESC)`);
    await q.query(`CREATE INDEX intervision_summary_shared_idx ON intervision_summary (shared_at DESC) WHERE state = 'shared'`);
    // For ON DELETE SET NULL and for the retention job that nulls it when a case is anonymised.
    await q.query(`CREATE INDEX intervision_summary_source_case_idx ON intervision_summary (source_case_id) WHERE source_case_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE intervision_reply (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        summary_id uuid NOT NULL REFERENCES intervision_summary (id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES user_account (id) ON DELETE RESTRICT,
        body text NOT NULL CHECK (length(body) <= 4000 AND btrim(body) <> ''),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX intervision_reply_summary_idx ON intervision_reply (summary_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intervision_reply`);
    await q.query(`DROP TABLE intervision_summary`);
    await q.query(`DROP TYPE intervision_state`);
  }
}
