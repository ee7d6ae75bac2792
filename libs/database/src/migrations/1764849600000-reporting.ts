import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reporting: bottlenecks (knelpunten) and what the yearly report needs.
 *
 * - `bottleneck`: an observation a worker records for the evaluation (confidentiality and
 *   deontology, working alone, …). It names no tenant and links to no case; it belongs to the
 *   outreach organisation, whose workers and coordinator read it.
 * - Indexes for the report (DESIGN.md §5), which aggregates trajectories per year of start over
 *   one outreach organisation (coordinator) or over the cases one partner referred (partners).
 *   The report reads only columns that retention keeps, so it needs no other table.
 */
export class Reporting1764849600000 implements MigrationInterface {
  name = 'Reporting1764849600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bottleneck (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
        category text NOT NULL CONSTRAINT bottleneck_category_check
          CHECK (category IN ('confidentiality_deontology', 'working_alone', 'financial', 'housing_condition', 'cooperation_partners', 'other')),
        body text NOT NULL CONSTRAINT bottleneck_body_length CHECK (char_length(btrim(body)) BETWEEN 1 AND 4000),
        observed_on date NOT NULL,
        recorded_by uuid NOT NULL REFERENCES user_account (id) ON DELETE RESTRICT,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX bottleneck_organisation_observed_idx ON bottleneck (organisation_id, observed_on DESC)`);

    // The coordinator's report: trajectories of one outreach organisation by date of start.
    await q.query(`CREATE INDEX case_file_report_idx ON case_file (outreach_organisation_id, started_on) WHERE started_on IS NOT NULL`);
    // A partner's figures: the cases it referred (semi-join from case to referral by organisation).
    await q.query(`CREATE INDEX referral_referrer_case_idx ON referral (referrer_organisation_id, case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX referral_referrer_case_idx`);
    await q.query(`DROP INDEX case_file_report_idx`);
    await q.query(`DROP TABLE bottleneck`);
  }
}
