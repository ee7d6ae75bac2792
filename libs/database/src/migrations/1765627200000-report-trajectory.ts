import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The report's projection of one case, from `case_file` and its referrals (see the class comment). */
const PROJECTION = `
  SELECT c.id, c.outreach_organisation_id, c.started_on,
         CASE WHEN c.state = 'closed' THEN c.closed_on - c.started_on END,
         c.state, c.outcome, c.legal_basis, c.municipality,
         coalesce((SELECT array_agg(DISTINCT r.referrer_organisation_id ORDER BY r.referrer_organisation_id) FROM referral r WHERE r.case_id = c.id), '{}')
    FROM case_file c
   WHERE c.state IN ('active', 'aftercare', 'closed') AND c.started_on IS NOT NULL`;

/**
 * The yearly report's own narrow copy of the trajectories it counts (issue 7: over 100 000 cases
 * the report read the wide `case_file` rows, aggregated the referrals per case and joined the two
 * on every computation, which took about as long as all the rest of its statement).
 *
 * `report_trajectory` has one row per case that has started (state active, aftercare or closed):
 * the columns the report reads (retention keeps them all), its duration in days once closed, and
 * the set of organisations that referred it (`referrers`, sorted, distinct; empty if none).
 * Triggers keep it in the writer's own transaction, next to `report_source_version`, so a
 * report's snapshot always sees the copy of the cases it counts: any change to a case's state,
 * dates, outcome, municipality, legal basis or outreach organisation, and any referral added,
 * moved or removed, recomputes that case's row from `case_file` and `referral`. It first locks the
 * case's row (as updating the case does), so writers of one case — say two referrals added at
 * once — wait for each other, and each recomputes from what the one before it committed.
 *
 * A bulk load that switches triggers off (`session_replication_role = replica`) must call
 * `report_trajectory_rebuild()` before it commits, as it must bump the report versions.
 */
export class ReportTrajectory1765627200000 implements MigrationInterface {
  name = 'ReportTrajectory1765627200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_trajectory (
        case_id uuid PRIMARY KEY REFERENCES case_file (id) ON DELETE CASCADE,
        outreach_organisation_id uuid NOT NULL,
        started_on date NOT NULL,
        days integer,
        state case_state NOT NULL,
        outcome case_outcome,
        legal_basis legal_basis,
        municipality text NOT NULL,
        referrers uuid[] NOT NULL
      )`);
    await q.query(`CREATE INDEX report_trajectory_outreach_idx ON report_trajectory (outreach_organisation_id, started_on)`);
    await q.query(`
      CREATE FUNCTION report_trajectory_sync(trajectory uuid) RETURNS void LANGUAGE sql AS $fn$
        SELECT 1 FROM case_file WHERE id = trajectory FOR NO KEY UPDATE;
        DELETE FROM report_trajectory WHERE case_id = trajectory;
        INSERT INTO report_trajectory (case_id, outreach_organisation_id, started_on, days, state, outcome, legal_basis, municipality, referrers)
        ${PROJECTION} AND c.id = trajectory;
      $fn$`);
    await q.query(`
      CREATE FUNCTION report_trajectory_rebuild() RETURNS void LANGUAGE sql AS $fn$
        DELETE FROM report_trajectory;
        INSERT INTO report_trajectory (case_id, outreach_organisation_id, started_on, days, state, outcome, legal_basis, municipality, referrers)
        ${PROJECTION};
      $fn$`);
    await q.query(`
      CREATE FUNCTION report_trajectory_case_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          DELETE FROM report_trajectory WHERE case_id = OLD.id;
        ELSE
          PERFORM report_trajectory_sync(NEW.id);
          IF TG_OP = 'UPDATE' AND NEW.id <> OLD.id THEN PERFORM report_trajectory_sync(OLD.id); END IF;
        END IF;
        RETURN NULL;
      END
      $fn$`);
    await q.query(`
      CREATE TRIGGER case_file_report_trajectory AFTER INSERT OR DELETE OR UPDATE OF id, state, started_on, closed_on, outcome, municipality, legal_basis, outreach_organisation_id
      ON case_file FOR EACH ROW EXECUTE FUNCTION report_trajectory_case_changed()`);
    await q.query(`
      CREATE FUNCTION report_trajectory_referral_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM report_trajectory_sync(OLD.case_id); END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.case_id <> OLD.case_id) THEN PERFORM report_trajectory_sync(NEW.case_id); END IF;
        RETURN NULL;
      END
      $fn$`);
    await q.query(`
      CREATE TRIGGER referral_report_trajectory AFTER INSERT OR DELETE OR UPDATE OF case_id, referrer_organisation_id
      ON referral FOR EACH ROW EXECUTE FUNCTION report_trajectory_referral_changed()`);
    await q.query(`SELECT report_trajectory_rebuild()`);
    await q.query(`ANALYZE report_trajectory`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER referral_report_trajectory ON referral`);
    await q.query(`DROP TRIGGER case_file_report_trajectory ON case_file`);
    await q.query(`DROP FUNCTION report_trajectory_referral_changed()`);
    await q.query(`DROP FUNCTION report_trajectory_case_changed()`);
    await q.query(`DROP FUNCTION report_trajectory_rebuild()`);
    await q.query(`DROP FUNCTION report_trajectory_sync(uuid)`);
    await q.query(`DROP TABLE report_trajectory`);
  }
}
