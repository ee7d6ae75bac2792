import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `audit_append(events jsonb)`: appends events to the hash chain in one statement (issue 7).
 *
 * Before, every event took three round trips under the chain lock (lock, read the last hash,
 * insert), and a partner's list of 50 cases held the lock for 150 of them. Now the caller sends
 * the events with their canonical form (built in TypeScript, the one definition that `audit:verify`
 * also uses) and the function, under the same transaction-scoped advisory lock, reads the last
 * hash once and chains the events with PostgreSQL's own `sha256`:
 * hash = SHA-256(prev_hash ‖ UTF-8 canonical form), exactly `auditChainHash`.
 *
 * Called on its own (autocommit), the lock lasts one statement; inside a transaction it lasts to
 * that transaction's end, as before.
 */
export class AuditAppendFunction1765281600000 implements MigrationInterface {
  name = 'AuditAppendFunction1765281600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_append(events jsonb) RETURNS TABLE (id bigint, hash bytea)
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        e jsonb;
        prev bytea;
        next_hash bytea;
        new_id bigint;
      BEGIN
        -- The one lock every writer of the chain takes; nothing else appends to audit_event.
        PERFORM pg_advisory_xact_lock(hashtext('woonbrug:audit_event:chain'));
        -- A new snapshot per statement (READ COMMITTED): this sees the last writer's commit.
        SELECT a.hash INTO prev FROM audit_event a ORDER BY a.id DESC LIMIT 1;
        FOR e IN SELECT value FROM jsonb_array_elements(events) LOOP
          next_hash := sha256(coalesce(prev, ''::bytea) || convert_to(e->>'canonical', 'UTF8'));
          INSERT INTO audit_event (occurred_at, event_type, outcome, user_id, role, organisation_id, on_behalf_of, case_id, case_pseudonym,
            subject, category, fields, action, consent_id, purpose, portal, client_address, correlation_id, prev_hash, hash,
            canonical_version, purpose_digest)
          VALUES ((e->>'occurredAt')::timestamptz, e->>'eventType', e->>'outcome', (e->>'userId')::uuid, e->>'role',
            (e->>'organisationId')::uuid, (e->>'onBehalfOf')::uuid, (e->>'caseId')::uuid, e->>'casePseudonym',
            e->>'subject', e->>'category', ARRAY(SELECT jsonb_array_elements_text(e->'fields')), e->>'action',
            (e->>'consentId')::uuid, e->>'purpose', e->>'portal', e->>'clientAddress', e->>'correlationId', prev, next_hash,
            (e->>'canonicalVersion')::smallint, decode(e->>'purposeDigest', 'hex'))
          RETURNING audit_event.id INTO new_id;
          id := new_id;
          hash := next_hash;
          RETURN NEXT;
          prev := next_hash;
        END LOOP;
      END
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_append(jsonb)`);
  }
}
