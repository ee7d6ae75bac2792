import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trajectory after acceptance (care continuum, aftercare, closing, reopening), the eviction
 * procedure as the landlord records it, notifications, and the OCMW's budget counselling loop.
 * `case_file.version` makes concurrent edits of a case fail instead of overwriting each other.
 */
export class LifecycleDeadlinesBudget1764590400000 implements MigrationInterface {
  name = 'LifecycleDeadlinesBudget1764590400000';

  async up(q: QueryRunner): Promise<void> {
    // Care continuum: an ordered, configurable list of steps (reference data).
    await q.query(`
      CREATE TABLE care_step (
        key text PRIMARY KEY,
        position integer NOT NULL UNIQUE,
        name_nl text NOT NULL,
        name_en text NOT NULL,
        active boolean NOT NULL DEFAULT true
      )`);
    await q.query(`
      INSERT INTO care_step (key, position, name_nl, name_en) VALUES
        ('referral', 10, 'Aanmelding', 'Referral'),
        ('introductory_visit', 20, 'Kennismakingsgesprek met de aanmelder', 'Introductory home visit with the referrer'),
        ('change_goals_agreed', 30, 'Veranderdoelen afgesproken', 'Change goals agreed'),
        ('guidance', 40, 'Begeleiding', 'Guidance'),
        ('evaluation', 50, 'Evaluatie', 'Evaluation')`);

    await q.query(`
      ALTER TABLE case_file
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN current_step text REFERENCES care_step (key),
        ADD COLUMN aftercare_started_on date,
        ADD COLUMN aftercare_ends_on date,
        ADD COLUMN handover text,
        ADD COLUMN last_contact_on date,
        ADD COLUMN reopened_from uuid REFERENCES case_file (id),
        ADD COLUMN reopen_reason text,
        ADD CONSTRAINT case_file_aftercare_within_three_months
          CHECK (aftercare_ends_on IS NULL OR aftercare_ends_on <= (aftercare_started_on + interval '3 months')::date)`);

    await q.query(`
      CREATE TABLE case_step_transition (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        step text NOT NULL REFERENCES care_step (key),
        entered_on date NOT NULL,
        note text,
        recorded_by uuid NOT NULL REFERENCES user_account (id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX case_step_transition_case_idx ON case_step_transition (case_id, recorded_at)`);

    // The eviction procedure, as the landlord records it (and the referral's dates as a start).
    await q.query(`CREATE TYPE procedure_event_kind AS ENUM ('claim_filed', 'hearing_scheduled', 'judgment', 'eviction_scheduled', 'procedure_paused', 'procedure_continued')`);
    await q.query(`
      CREATE TABLE procedure_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        kind procedure_event_kind NOT NULL,
        event_date date NOT NULL,
        note text CHECK (length(note) <= 2000),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        recorded_by uuid NOT NULL REFERENCES user_account (id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX procedure_event_case_idx ON procedure_event (case_id, event_date)`);

    // In-app notifications; one per user and reason (dedupe_key), however often the job runs.
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        kind text NOT NULL,
        case_id uuid REFERENCES case_file (id) ON DELETE CASCADE,
        args jsonb NOT NULL DEFAULT '{}',
        dedupe_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        emailed_at timestamptz,
        CONSTRAINT notification_dedupe UNIQUE (user_id, dedupe_key)
      )`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification (user_id, created_at DESC) WHERE read_at IS NULL`);

    // The OCMW's budget counselling loop.
    await q.query(`CREATE TYPE budget_counselling_kind AS ENUM ('budget_guidance', 'budget_management')`);
    await q.query(`CREATE TYPE financial_referral_status AS ENUM ('pending', 'accepted', 'declined')`);
    await q.query(`
      CREATE TABLE financial_referral (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        ocmw_organisation_id uuid NOT NULL REFERENCES organisation (id),
        kind budget_counselling_kind NOT NULL,
        motivation text NOT NULL CHECK (length(motivation) BETWEEN 1 AND 4000),
        status financial_referral_status NOT NULL DEFAULT 'pending',
        decline_reason text,
        guidance_started_on date,
        guidance_kind budget_counselling_kind,
        referred_by uuid NOT NULL REFERENCES user_account (id),
        referred_at timestamptz NOT NULL DEFAULT now(),
        answered_by uuid REFERENCES user_account (id),
        answered_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT financial_referral_declined_has_reason CHECK (status <> 'declined' OR decline_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX financial_referral_ocmw_idx ON financial_referral (ocmw_organisation_id, status)`);
    await q.query(`CREATE INDEX financial_referral_case_idx ON financial_referral (case_id)`);
    await q.query(`
      CREATE TABLE cost_advance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        financial_referral_id uuid NOT NULL REFERENCES financial_referral (id) ON DELETE CASCADE,
        amount_cents bigint NOT NULL CHECK (amount_cents > 0 AND amount_cents <= 100000000),
        purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 1000),
        advanced_on date NOT NULL,
        repayment_terms text NOT NULL CHECK (length(repayment_terms) BETWEEN 1 AND 2000),
        recorded_by uuid NOT NULL REFERENCES user_account (id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX cost_advance_referral_idx ON cost_advance (financial_referral_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['cost_advance', 'financial_referral', 'notification', 'procedure_event', 'case_step_transition']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP TYPE financial_referral_status`);
    await q.query(`DROP TYPE budget_counselling_kind`);
    await q.query(`DROP TYPE procedure_event_kind`);
    await q.query(`ALTER TABLE case_file DROP CONSTRAINT case_file_aftercare_within_three_months,
      DROP COLUMN version, DROP COLUMN current_step, DROP COLUMN aftercare_started_on, DROP COLUMN aftercare_ends_on,
      DROP COLUMN handover, DROP COLUMN last_contact_on, DROP COLUMN reopened_from, DROP COLUMN reopen_reason`);
    await q.query(`DROP TABLE care_step`);
  }
}
