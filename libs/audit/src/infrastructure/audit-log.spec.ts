import { Clock } from '@woonbrug/kernel';
import { buildDataSourceOptions } from '@woonbrug/database';
import { DataSource } from 'typeorm';
import { freshMigratedDatabase } from '../../../../test/support/test-database';
import type { AuditEvent } from '../domain/audit-event';
import { AuditLog } from './audit-log';
import { verifyAuditChain } from './verify-audit-chain';

const CASE_ID = '44444444-4444-4444-8444-444444444444';

function read(i: number): AuditEvent {
  return {
    eventType: 'case.read',
    outcome: i % 7 === 0 ? 'denied' : 'allowed',
    action: 'read',
    userId: '11111111-1111-4111-8111-111111111111',
    role: 'partner_agent',
    organisationId: '22222222-2222-4222-8222-222222222222',
    caseId: CASE_ID,
    subject: 'case',
    category: 'housing',
    fields: ['arrears', 'rent'],
    consentId: '55555555-5555-4555-8555-555555555555',
    purpose: 'prevent eviction',
    portal: 'landlord',
    clientAddress: '203.0.113.7',
    correlationId: `req-${i}`,
  };
}

describe('AuditLog on PostgreSQL', () => {
  let db: DataSource;
  const clock = new Clock();
  const audit = new AuditLog(clock);

  beforeAll(async () => {
    // The audit log on real PostgreSQL: this worker's own, freshly made database on the run's
    // server (the Jest global setup sets DATABASE_URL), migrated like every other.
    const url = await freshMigratedDatabase('audit');
    db = new DataSource(buildDataSourceOptions(url, { extra: { max: 12 } }));
    await db.initialize();
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
  });

  it('an empty log verifies', async () => {
    await expect(verifyAuditChain(db)).resolves.toEqual({ ok: true, count: 0, head: null });
  });

  it('100 concurrent writers, each in its own transaction, leave one chain that verifies', async () => {
    const recorded = await Promise.all(Array.from({ length: 100 }, (_, i) => db.transaction((m) => audit.record(m, read(i)))));
    expect(new Set(recorded.map((r) => r.hash)).size).toBe(100);

    const result = await verifyAuditChain(db);
    expect(result).toEqual({ ok: true, count: 100, head: expect.any(String) });

    // One chain: exactly one first event, and every event has exactly one successor but the last.
    const [shape] = (await db.query(
      `SELECT count(*) FILTER (WHERE prev_hash IS NULL)::int AS roots, count(DISTINCT prev_hash)::int AS linked, count(*)::int AS total FROM audit_event`,
    )) as Array<{ roots: number; linked: number; total: number }>;
    expect(shape).toEqual({ roots: 1, linked: 99, total: 100 });
    const [last] = (await db.query(`SELECT encode(hash, 'hex') AS hash FROM audit_event ORDER BY id DESC LIMIT 1`)) as Array<{ hash: string }>;
    expect(result.ok && result.head).toBe(last!.hash);
  }, 60_000);

  it('stores field names, uuids as PostgreSQL reads them back, and the time of the Clock', async () => {
    clock.travelTo('2027-03-01T09:15:30.123Z');
    try {
      const { id } = await db.transaction((m) => audit.record(m, { ...read(1000), userId: '11111111-1111-4111-8111-11111111111A', fields: ['rent', 'arrears', 'rent'] }));
      const [row] = (await db.query(`SELECT occurred_at, user_id, fields FROM audit_event WHERE id = $1`, [id])) as Array<{ occurred_at: Date; user_id: string; fields: string[] }>;
      expect(row).toMatchObject({ user_id: '11111111-1111-4111-8111-11111111111a', fields: ['arrears', 'rent'] });
      // The moved clock runs on from where it was put: the event carries that time, to the millisecond it was written.
      const at = row!.occurred_at.getTime() - Date.parse('2027-03-01T09:15:30.123Z');
      expect(at).toBeGreaterThanOrEqual(0);
      expect(at).toBeLessThan(5_000);
    } finally {
      clock.reset();
    }
    await expect(verifyAuditChain(db)).resolves.toMatchObject({ ok: true, count: 101 });
  });

  it('refuses to write outside a transaction (the chain lock would not hold)', async () => {
    await expect(audit.record(db.manager, read(1))).rejects.toThrow(/transaction/);
  });

  it('the apps cannot UPDATE, DELETE or TRUNCATE audit rows', async () => {
    await expect(db.query(`UPDATE audit_event SET purpose = 'nothing to see' WHERE id = (SELECT min(id) FROM audit_event)`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(db.query(`DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)`)).rejects.toThrow(/append-only: DELETE refused/);
    await expect(db.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    await expect(verifyAuditChain(db)).resolves.toMatchObject({ ok: true, count: 101 });
  });

  it('a row changed directly in the database makes verify fail and name it', async () => {
    const [victim] = (await db.query(`SELECT id, purpose FROM audit_event ORDER BY id OFFSET 41 LIMIT 1`)) as Array<{ id: string; purpose: string }>;
    // What a superuser (or the table's owner) could do around the trigger.
    const tamper = async (sql: string, params: unknown[]) =>
      db.transaction(async (m) => {
        await m.query(`ALTER TABLE audit_event DISABLE TRIGGER USER`);
        await m.query(sql, params);
        await m.query(`ALTER TABLE audit_event ENABLE TRIGGER USER`);
      });

    await tamper(`UPDATE audit_event SET fields = '{arrears}' WHERE id = $1`, [victim!.id]);
    await expect(verifyAuditChain(db)).resolves.toEqual({ ok: false, brokenAt: String(victim!.id), reason: 'hash_mismatch', checked: 41 });
    await tamper(`UPDATE audit_event SET fields = '{arrears,rent}' WHERE id = $1`, [victim!.id]);
    await expect(verifyAuditChain(db)).resolves.toMatchObject({ ok: true, count: 101 });

    // A removed event breaks the link of the one after it.
    const [next] = (await db.query(`SELECT id FROM audit_event WHERE id > $1 ORDER BY id LIMIT 1`, [victim!.id])) as Array<{ id: string }>;
    const [saved] = (await db.query(`SELECT * FROM audit_event WHERE id = $1`, [victim!.id])) as Array<Record<string, unknown>>;
    await tamper(`DELETE FROM audit_event WHERE id = $1`, [victim!.id]);
    await expect(verifyAuditChain(db)).resolves.toEqual({ ok: false, brokenAt: String(next!.id), reason: 'prev_hash_mismatch', checked: 41 });

    // Put it back, so that the chain verifies again.
    const columns = Object.keys(saved!);
    await tamper(`INSERT INTO audit_event (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, columns.map((c) => saved![c]));
    await expect(verifyAuditChain(db)).resolves.toMatchObject({ ok: true, count: 101 });
  });

  it('retention may erase the purpose text of a case (the chain still verifies) and nothing else; a changed purpose is caught', async () => {
    const [victim] = (await db.query(`SELECT id FROM audit_event ORDER BY id OFFSET 10 LIMIT 1`)) as Array<{ id: string }>;
    // The trigger allows purpose → NULL only, with every other column unchanged.
    await expect(db.query(`UPDATE audit_event SET purpose = NULL, fields = '{}' WHERE id = $1`, [victim!.id])).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(db.query(`UPDATE audit_event SET purpose = 'another purpose' WHERE id = $1`, [victim!.id])).rejects.toThrow(/append-only: UPDATE refused/);

    // Changing the text around the trigger is caught through its digest.
    await db.transaction(async (m) => {
      await m.query(`ALTER TABLE audit_event DISABLE TRIGGER USER`);
      await m.query(`UPDATE audit_event SET purpose = 'another purpose' WHERE id = $1`, [victim!.id]);
      await m.query(`ALTER TABLE audit_event ENABLE TRIGGER USER`);
    });
    await expect(verifyAuditChain(db)).resolves.toMatchObject({ ok: false, brokenAt: String(victim!.id), reason: 'hash_mismatch' });

    const erased = await db.transaction((m) => audit.erasePersonalText(m, CASE_ID));
    expect(erased).toBe(101);
    await expect(db.query(`SELECT count(*)::int AS n FROM audit_event WHERE purpose IS NOT NULL`)).resolves.toEqual([{ n: 0 }]);
    await expect(db.query(`SELECT count(*)::int AS n FROM audit_event WHERE purpose_digest IS NULL`)).resolves.toEqual([{ n: 0 }]);
    await expect(verifyAuditChain(db)).resolves.toMatchObject({ ok: true, count: 101 });
  });

  it('an audit write that fails rolls back the rest of the caller’s transaction', async () => {
    await db.query(`CREATE TABLE IF NOT EXISTS audited_read (id serial PRIMARY KEY, what text NOT NULL)`);
    const before = (await verifyAuditChain(db)) as { ok: true; count: number };

    await expect(
      db.transaction(async (m) => {
        await m.query(`INSERT INTO audited_read (what) VALUES ('the read that must not happen unlogged')`);
        // Violates the outcome CHECK in the database.
        await audit.record(m, { ...read(1), outcome: 'perhaps' as unknown as 'allowed' });
      }),
    ).rejects.toThrow(/check constraint/);
    await expect(
      db.transaction(async (m) => {
        await m.query(`INSERT INTO audited_read (what) VALUES ('a value posing as a field')`);
        await audit.record(m, { ...read(1), fields: ['Jan Peeters'] });
      }),
    ).rejects.toThrow(/field names/);

    await expect(db.query(`SELECT count(*)::int AS n FROM audited_read`)).resolves.toEqual([{ n: 0 }]);
    await expect(verifyAuditChain(db)).resolves.toMatchObject({ ok: true, count: before.count });

    // And with a successful record, both commit together.
    await db.transaction(async (m) => {
      await m.query(`INSERT INTO audited_read (what) VALUES ('logged read')`);
      await audit.record(m, read(2));
    });
    await expect(db.query(`SELECT count(*)::int AS n FROM audited_read`)).resolves.toEqual([{ n: 1 }]);
    await expect(verifyAuditChain(db)).resolves.toMatchObject({ ok: true, count: before.count + 1 });
  });

  it('a second chain start is refused by the database, even for a writer that skipped the lock', async () => {
    const [first] = (await db.query(`SELECT * FROM audit_event ORDER BY id LIMIT 1`)) as Array<Record<string, unknown>>;
    await expect(
      db.query(`INSERT INTO audit_event (occurred_at, event_type, outcome, action, prev_hash, hash, canonical_version) VALUES (now(), 'login', 'allowed', 'login', $1, $2, 2)`, [
        first!.prev_hash,
        Buffer.alloc(32, 9),
      ]),
    ).rejects.toThrow(/audit_event_one_successor/);
  });
});
