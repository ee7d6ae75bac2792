import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations, users, sessions, municipalities of the service area, cases and referrals.
 * Written to match the entities (see docs/adr/0003-migrations-and-cross-context-keys.md): cross-context foreign keys live
 * here, not in the entities, because contexts do not import each other's entities.
 */
export class InitialSchema1764417600000 implements MigrationInterface {
  name = 'InitialSchema1764417600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE organisation_kind AS ENUM ('outreach', 'landlord', 'ocmw')`);
    await q.query(`CREATE TYPE user_role AS ENUM ('worker', 'coordinator', 'privacy_officer', 'landlord_agent', 'ocmw_agent', 'admin')`);
    await q.query(`CREATE TYPE case_state AS ENUM ('referred', 'declined', 'active', 'aftercare', 'closed')`);
    await q.query(`CREATE TYPE case_outcome AS ENUM ('favourable', 'evicted', 'left_voluntarily', 'refused_help', 'other')`);
    await q.query(`CREATE TYPE referral_reason AS ENUM ('lease_termination_neglect', 'rent_arrears', 'nuisance', 'other')`);

    await q.query(`
      CREATE TABLE municipality (
        name text PRIMARY KEY,
        postal_code text NOT NULL
      )`);

    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CONSTRAINT organisation_name_key UNIQUE,
        kind organisation_kind NOT NULL,
        municipality text NOT NULL,
        bound_by_professional_secrecy boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE user_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        display_name text NOT NULL,
        role user_role NOT NULL,
        organisation_id uuid REFERENCES organisation (id) ON DELETE RESTRICT,
        password_hash text NOT NULL,
        phone text,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT user_account_admin_has_no_organisation CHECK ((role = 'admin') = (organisation_id IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX user_account_email_key ON user_account (email)`);

    // connect-pg-simple's table; the index on the user id lets a disabled user's sessions end at once.
    await q.query(`
      CREATE TABLE session (
        sid varchar NOT NULL PRIMARY KEY,
        sess json NOT NULL,
        expire timestamp(6) NOT NULL
      )`);
    await q.query(`CREATE INDEX session_expire_idx ON session (expire)`);
    await q.query(`CREATE INDEX session_user_idx ON session ((sess ->> 'userId'))`);

    await q.query(`CREATE SEQUENCE case_reference_seq`);
    await q.query(`
      CREATE TABLE case_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL CONSTRAINT case_file_reference_key UNIQUE,
        outreach_organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
        state case_state NOT NULL,
        tenant_name text NOT NULL,
        tenant_name_key text NOT NULL,
        address text NOT NULL,
        address_key text NOT NULL,
        municipality text NOT NULL REFERENCES municipality (name) ON UPDATE CASCADE,
        assigned_worker_id uuid REFERENCES user_account (id) ON DELETE RESTRICT,
        started_on date,
        closed_on date,
        outcome case_outcome,
        decline_reason text,
        decided_by uuid REFERENCES user_account (id) ON DELETE RESTRICT,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_file_active_has_worker CHECK (state NOT IN ('active', 'aftercare') OR assigned_worker_id IS NOT NULL),
        CONSTRAINT case_file_closed_has_outcome CHECK ((state = 'closed') = (outcome IS NOT NULL AND closed_on IS NOT NULL)),
        CONSTRAINT case_file_declined_has_reason CHECK (state <> 'declined' OR decline_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX case_file_outreach_organisation_idx ON case_file (outreach_organisation_id)`);
    await q.query(`CREATE INDEX case_file_state_idx ON case_file (state)`);
    await q.query(`CREATE INDEX case_file_assigned_worker_idx ON case_file (assigned_worker_id)`);
    await q.query(`CREATE INDEX case_file_open_tenant_idx ON case_file (tenant_name_key)`);
    await q.query(`CREATE INDEX case_file_open_address_idx ON case_file (address_key, municipality)`);

    await q.query(`
      CREATE TABLE referral (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file (id) ON DELETE RESTRICT,
        referrer_organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
        referrer_user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE RESTRICT,
        landlord_organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
        tenant_name text NOT NULL,
        address text NOT NULL,
        municipality text NOT NULL REFERENCES municipality (name) ON UPDATE CASCADE,
        reason referral_reason NOT NULL,
        notice_date date NOT NULL,
        claim_filed_on date,
        hearing_date date,
        eviction_date date,
        referrer_contact_name text NOT NULL,
        referrer_contact_phone text,
        referrer_contact_email text,
        context text,
        tenant_informed boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX referral_case_idx ON referral (case_id)`);
    await q.query(`CREATE INDEX referral_referrer_organisation_idx ON referral (referrer_organisation_id, created_at DESC)`);

    // Reference data: the service area of the Beveren project (DESIGN.md §5).
    await q.query(`INSERT INTO municipality (name, postal_code) VALUES ('Beveren', '9120'), ('Kruibeke', '9150'), ('Temse', '9140')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE referral`);
    await q.query(`DROP TABLE case_file`);
    await q.query(`DROP SEQUENCE case_reference_seq`);
    await q.query(`DROP TABLE session`);
    await q.query(`DROP TABLE user_account`);
    await q.query(`DROP TABLE organisation`);
    await q.query(`DROP TABLE municipality`);
    await q.query(`DROP TYPE referral_reason`);
    await q.query(`DROP TYPE case_outcome`);
    await q.query(`DROP TYPE case_state`);
    await q.query(`DROP TYPE user_role`);
    await q.query(`DROP TYPE organisation_kind`);
  }
}
