import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facts, consent, disclosure and private notes (DESIGN.md §3), and the case's legal basis for
 * the guidance. Private notes are stored encrypted only: there is no plaintext column.
 */
export class ConsentScopedSharing1764504000000 implements MigrationInterface {
  name = 'ConsentScopedSharing1764504000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE fact_category AS ENUM ('status', 'housing', 'agreements', 'financial', 'health')`);
    await q.query(`CREATE TYPE legal_basis AS ENUM ('voluntary', 'court_imposed', 'agreed_with_landlord')`);
    await q.query(`CREATE TYPE consent_given_how AS ENUM ('written', 'oral')`);

    await q.query(`ALTER TABLE case_file ADD COLUMN legal_basis legal_basis, ADD COLUMN next_review_on date`);

    await q.query(`
      CREATE TABLE fact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        category fact_category NOT NULL,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
        occurred_on date NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES user_account (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NOT NULL REFERENCES user_account (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX fact_case_idx ON fact (case_id, category)`);
    await q.query(`
      CREATE TABLE fact_revision (
        fact_id uuid NOT NULL REFERENCES fact (id) ON DELETE CASCADE,
        version integer NOT NULL,
        category fact_category NOT NULL,
        body text NOT NULL,
        occurred_on date NOT NULL,
        edited_by uuid NOT NULL REFERENCES user_account (id),
        edited_at timestamptz NOT NULL,
        PRIMARY KEY (fact_id, version)
      )`);

    await q.query(`
      CREATE TABLE consent_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        media_type text NOT NULL,
        byte_size integer NOT NULL CHECK (byte_size > 0),
        content bytea NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES user_account (id),
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        categories fact_category[] NOT NULL CHECK (cardinality(categories) > 0),
        purpose text NOT NULL,
        given_how consent_given_how NOT NULL,
        given_on date NOT NULL,
        expires_on date NOT NULL CHECK (expires_on >= given_on),
        document_id uuid REFERENCES consent_document (id),
        recorded_by uuid NOT NULL REFERENCES user_account (id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX consent_case_organisation_idx ON consent (case_id, organisation_id)`);
    await q.query(`CREATE INDEX consent_organisation_idx ON consent (organisation_id)`);
    // Withdrawal is a record of its own: the consent row is never changed.
    await q.query(`
      CREATE TABLE consent_withdrawal (
        consent_id uuid PRIMARY KEY REFERENCES consent (id) ON DELETE CASCADE,
        withdrawn_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid NOT NULL REFERENCES user_account (id),
        note text
      )`);

    // What the worker chose to disclose, under the consent: a whole category, or a single fact.
    await q.query(`
      CREATE TABLE disclosure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        category fact_category,
        fact_id uuid REFERENCES fact (id) ON DELETE CASCADE,
        warning_confirmed boolean NOT NULL DEFAULT false,
        shared_secrecy_confirmed boolean NOT NULL DEFAULT false,
        disclosed_by uuid NOT NULL REFERENCES user_account (id),
        disclosed_at timestamptz NOT NULL DEFAULT now(),
        revoked_by uuid REFERENCES user_account (id),
        revoked_at timestamptz,
        CONSTRAINT disclosure_category_or_fact CHECK ((category IS NULL) <> (fact_id IS NULL))
      )`);
    await q.query(`CREATE INDEX disclosure_case_organisation_idx ON disclosure (case_id, organisation_id) WHERE revoked_at IS NULL`);
    await q.query(`CREATE INDEX disclosure_organisation_idx ON disclosure (organisation_id) WHERE revoked_at IS NULL`);

    // Private notes: AES-256-GCM under a per-case data key, which is wrapped by a versioned master key.
    await q.query(`
      CREATE TABLE case_data_key (
        case_id uuid PRIMARY KEY REFERENCES case_file (id) ON DELETE CASCADE,
        master_key_version integer NOT NULL,
        wrapped_key bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        rewrapped_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE private_note (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES user_account (id),
        version integer NOT NULL DEFAULT 1,
        ciphertext bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX private_note_case_idx ON private_note (case_id, created_at)`);
    await q.query(`
      CREATE TABLE private_note_revision (
        note_id uuid NOT NULL REFERENCES private_note (id) ON DELETE CASCADE,
        version integer NOT NULL,
        ciphertext bytea NOT NULL,
        edited_by uuid NOT NULL REFERENCES user_account (id),
        edited_at timestamptz NOT NULL,
        PRIMARY KEY (note_id, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['private_note_revision', 'private_note', 'case_data_key', 'disclosure', 'consent_withdrawal', 'consent', 'consent_document', 'fact_revision', 'fact']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`ALTER TABLE case_file DROP COLUMN legal_basis, DROP COLUMN next_review_on`);
    await q.query(`DROP TYPE consent_given_how`);
    await q.query(`DROP TYPE legal_basis`);
    await q.query(`DROP TYPE fact_category`);
  }
}
