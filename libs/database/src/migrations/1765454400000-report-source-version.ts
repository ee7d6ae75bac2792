import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version per outreach organisation of what its yearly report is computed from (issue 7): the
 * report over 100 000 cases takes several hundred milliseconds, and it changes only when a case's
 * state, dates, outcome, municipality or legal basis, a referral or an organisation changes. Each
 * such change bumps the version in the writer's own transaction, so a reader that sees a version
 * sees exactly the data it stands for; the portals keep computed reports by version
 * (libs/reporting, YearlyReports).
 *
 * `organisation_id` is the outreach organisation of the changed case; the nil uuid stands for
 * changes that concern every report (an organisation's name or kind). Writers of cases of the same
 * organisation wait for each other on that row until they commit: case changes are rare and
 * short. A bulk load that switches triggers off must bump the versions itself.
 */
export class ReportSourceVersion1765454400000 implements MigrationInterface {
  name = 'ReportSourceVersion1765454400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE report_source_version (organisation_id uuid PRIMARY KEY, version bigint NOT NULL)`);
    await q.query(`
      CREATE FUNCTION report_source_bump(org uuid) RETURNS void LANGUAGE sql AS $fn$
        INSERT INTO report_source_version AS v (organisation_id, version) VALUES (org, 1)
        ON CONFLICT (organisation_id) DO UPDATE SET version = v.version + 1
      $fn$`);
    await q.query(`
      CREATE FUNCTION report_source_case_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM report_source_bump(OLD.outreach_organisation_id); END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.outreach_organisation_id IS DISTINCT FROM OLD.outreach_organisation_id) THEN
          PERFORM report_source_bump(NEW.outreach_organisation_id);
        END IF;
        RETURN NULL;
      END
      $fn$`);
    await q.query(`
      CREATE TRIGGER case_file_report_source AFTER INSERT OR DELETE OR UPDATE OF state, started_on, closed_on, outcome, municipality, legal_basis, outreach_organisation_id
      ON case_file FOR EACH ROW EXECUTE FUNCTION report_source_case_changed()`);
    await q.query(`
      CREATE FUNCTION report_source_referral_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM report_source_bump(c.outreach_organisation_id) FROM case_file c WHERE c.id = OLD.case_id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          PERFORM report_source_bump(c.outreach_organisation_id) FROM case_file c WHERE c.id = NEW.case_id;
        END IF;
        RETURN NULL;
      END
      $fn$`);
    await q.query(`
      CREATE TRIGGER referral_report_source AFTER INSERT OR DELETE OR UPDATE OF case_id, referrer_organisation_id
      ON referral FOR EACH ROW EXECUTE FUNCTION report_source_referral_changed()`);
    await q.query(`
      CREATE FUNCTION report_source_organisation_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM report_source_bump('00000000-0000-0000-0000-000000000000');
        RETURN NULL;
      END
      $fn$`);
    await q.query(`
      CREATE TRIGGER organisation_report_source AFTER INSERT OR DELETE OR UPDATE OF name, kind
      ON organisation FOR EACH STATEMENT EXECUTE FUNCTION report_source_organisation_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER organisation_report_source ON organisation`);
    await q.query(`DROP TRIGGER referral_report_source ON referral`);
    await q.query(`DROP TRIGGER case_file_report_source ON case_file`);
    await q.query(`DROP FUNCTION report_source_organisation_changed()`);
    await q.query(`DROP FUNCTION report_source_referral_changed()`);
    await q.query(`DROP FUNCTION report_source_case_changed()`);
    await q.query(`DROP FUNCTION report_source_bump(uuid)`);
    await q.query(`DROP TABLE report_source_version`);
  }
}
