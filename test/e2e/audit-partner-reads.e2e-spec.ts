import { verifyAuditChain } from '@woonbrug/audit';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@woonbrug/database';
import { startPortals, type Portals } from '../support/portals';
import { validReferral } from '../support/referral-fixtures';

jest.setTimeout(120_000);

let portals: Portals;
let db: Client;

beforeAll(async () => {
  portals = await startPortals();
  db = new Client({ connectionString: portals.databaseUrl });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await portals?.close();
});

async function gmhReferral(overrides: Record<string, unknown> = {}) {
  const res = await portals.http('landlord').post('/api/referrals').set('Cookie', await portals.login('gmh')).send(validReferral(overrides)).expect(201);
  const caseId = (await db.query('SELECT case_id FROM referral WHERE id = $1', [res.body.id])).rows[0].case_id as string;
  return { id: res.body.id as string, caseId, tenantName: res.body.tenantName as string };
}

async function eventsOf(caseId: string) {
  return (await db.query(`SELECT * FROM audit_event WHERE case_id = $1 ORDER BY id`, [caseId])).rows;
}

describe('the disclosure log of partner reads', () => {
  it('logs a partner read with who, whose case and which fields — never values', async () => {
    const { id, caseId, tenantName } = await gmhReferral({ context: 'Geheime context die nooit in het log mag staan' });
    const res = await portals.http('landlord').get(`/api/referrals/${id}`).set('Cookie', await portals.login('gmh'));
    expect(res.status).toBe(200);
    const [event] = await eventsOf(caseId);
    const gmh = (await db.query(`SELECT u.id, u.organisation_id FROM user_account u WHERE email = 'gmh@woonbrug.example'`)).rows[0];
    expect(event).toMatchObject({ event_type: 'case.read', outcome: 'allowed', action: 'read', user_id: gmh.id, organisation_id: gmh.organisation_id, role: 'landlord_agent', portal: 'landlord', subject: 'referral' });
    expect(event.fields).toEqual(expect.arrayContaining(['tenantName', 'context', 'handling.status']));
    expect(event.client_address).toBeTruthy();
    const everything = JSON.stringify(await eventsOf(caseId));
    expect(everything).not.toContain(tenantName);
    expect(everything).not.toContain('Geheime context');
  });

  it('logs a refused read of another organisation’s referral as denied, and a list per case shown', async () => {
    const { id, caseId } = await gmhReferral();
    expect((await portals.http('landlord').get(`/api/referrals/${id}`).set('Cookie', await portals.login('bvt'))).status).toBe(404);
    const denied = (await eventsOf(caseId)).filter((e) => e.outcome === 'denied');
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ event_type: 'case.read', role: 'landlord_agent' });

    const before = Number((await db.query(`SELECT count(*) FROM audit_event WHERE event_type = 'case.list'`)).rows[0].count);
    const list = await portals.http('landlord').get('/api/referrals').set('Cookie', await portals.login('gmh'));
    const after = Number((await db.query(`SELECT count(*) FROM audit_event WHERE event_type = 'case.list'`)).rows[0].count);
    expect(after - before).toBe(new Set(list.body.items.map((r: { id: string }) => r.id)).size);
  });

  it('keeps a chain that verifies after 100 concurrent partner reads', async () => {
    const { id } = await gmhReferral();
    const cookie = await portals.login('gmh');
    const statuses = await Promise.all(Array.from({ length: 100 }, () => portals.http('landlord').get(`/api/referrals/${id}`).set('Cookie', cookie).then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    const dataSource = new DataSource(buildDataSourceOptions(portals.databaseUrl, { extra: { max: 2 } }));
    await dataSource.initialize();
    try {
      await expect(verifyAuditChain(dataSource)).resolves.toMatchObject({ ok: true });
    } finally {
      await dataSource.destroy();
    }
  });

  it('refuses the read with 503, sending no data, when the access cannot be logged', async () => {
    const { id, tenantName } = await gmhReferral();
    await db.query(`ALTER TABLE audit_event ADD CONSTRAINT e2e_audit_down CHECK (false) NOT VALID`);
    try {
      const api = await portals.http('landlord').get(`/api/referrals/${id}`).set('Cookie', await portals.login('gmh'));
      expect(api.status).toBe(503);
      expect(api.body.code).toBe('AUDIT_UNAVAILABLE');
      expect(api.text).not.toContain(tenantName);
      const page = await portals.http('landlord').get(`/referrals/${id}`).set('Cookie', await portals.login('gmh'));
      expect(page.status).toBe(503);
      expect(page.text).not.toContain(tenantName);
    } finally {
      await db.query(`ALTER TABLE audit_event DROP CONSTRAINT e2e_audit_down`);
    }
    expect((await portals.http('landlord').get(`/api/referrals/${id}`).set('Cookie', await portals.login('gmh'))).status).toBe(200);
  });

  it('logs logins and failed logins, with no password or e-mail in the log', async () => {
    const before = Number((await db.query(`SELECT max(id) AS id FROM audit_event`)).rows[0].id ?? 0);
    await portals.http('landlord').post('/api/session').send({ email: 'gmh@woonbrug.example', password: 'Woonbrug-demo-2026' }).expect(200);
    await portals.http('landlord').post('/api/session').send({ email: 'gmh@woonbrug.example', password: 'fout-wachtwoord-123' }).expect(401);
    await portals.http('landlord').post('/api/session').send({ email: 'niemand@woonbrug.example', password: 'fout-wachtwoord-123' }).expect(401);
    await portals.http('worker').post('/login').type('form').send({ email: 'gmh@woonbrug.example', password: 'Woonbrug-demo-2026' }).expect(403);
    const rows = (await db.query(`SELECT event_type, outcome, user_id, portal FROM audit_event WHERE id > $1 AND event_type LIKE 'login%' ORDER BY id`, [before])).rows;
    const gmh = (await db.query(`SELECT id FROM user_account WHERE email = 'gmh@woonbrug.example'`)).rows[0].id;
    expect(rows).toEqual([
      { event_type: 'login', outcome: 'allowed', user_id: gmh, portal: 'landlord' },
      { event_type: 'login.failed', outcome: 'denied', user_id: null, portal: 'landlord' },
      { event_type: 'login.failed', outcome: 'denied', user_id: null, portal: 'landlord' },
      { event_type: 'login.failed', outcome: 'denied', user_id: null, portal: 'worker' },
    ]);
    const all = JSON.stringify((await db.query(`SELECT * FROM audit_event WHERE id > $1`, [before])).rows);
    expect(all).not.toMatch(/Woonbrug-demo-2026|fout-wachtwoord|niemand@|gmh@woonbrug/);
  });

  it('logs consent and disclosure changes in the same transaction as the change', async () => {
    const { caseId } = await gmhReferral();
    const workerId = (await db.query(`SELECT id FROM user_account WHERE email = 'worker@woonbrug.example'`)).rows[0].id;
    await portals.http('worker').post(`/api/cases/${caseId}/accept`).set('Cookie', await portals.login('coordinator')).send({ workerId }).expect(200);
    const worker = await portals.login('worker');
    const gmhOrg = (await db.query(`SELECT id FROM organisation WHERE name LIKE 'GMH%'`)).rows[0].id;
    const consent = await portals.http('worker').post(`/api/cases/${caseId}/consents`).set('Cookie', worker).send({ organisationId: gmhOrg, categories: ['housing', 'status'], purpose: 'Opvolging', givenHow: 'oral', givenOn: '2026-11-20' }).expect(201);
    const disclosed = await portals.http('worker').post(`/api/cases/${caseId}/disclosures`).set('Cookie', worker).send({ organisationId: gmhOrg, category: 'housing', confirmWarning: true }).expect(201);
    await portals.http('worker').delete(`/api/disclosures/${disclosed.body.id}`).set('Cookie', worker).expect(204);
    await portals.http('worker').post(`/api/consents/${consent.body.id}/withdraw`).set('Cookie', worker).send({}).expect(200);
    const events = (await eventsOf(caseId)).map((e) => [e.event_type, e.action, e.category, e.consent_id, e.user_id]);
    expect(events).toEqual([
      ['consent.given', 'record', 'housing,status', consent.body.id, workerId],
      ['disclosure.changed', 'disclose_category', 'housing', null, workerId],
      ['disclosure.changed', 'revoke', 'housing', null, workerId],
      ['consent.withdrawn', 'withdraw', 'housing,status', consent.body.id, workerId],
    ]);

    // When the log cannot be written, the change does not happen either.
    await db.query(`ALTER TABLE audit_event ADD CONSTRAINT e2e_audit_down2 CHECK (false) NOT VALID`);
    try {
      const refused = await portals.http('worker').post(`/api/cases/${caseId}/consents`).set('Cookie', worker).send({ organisationId: gmhOrg, categories: ['housing'], purpose: 'Opnieuw', givenHow: 'oral', givenOn: '2026-11-21' });
      expect(refused.status).toBeGreaterThanOrEqual(500);
    } finally {
      await db.query(`ALTER TABLE audit_event DROP CONSTRAINT e2e_audit_down2`);
    }
    expect((await db.query(`SELECT count(*)::int AS n FROM consent WHERE case_id = $1`, [caseId])).rows[0].n).toBe(1);
  });

  it('lets the privacy officer search the log by case and outcome and export it, and nobody else', async () => {
    const { id, caseId, tenantName } = await gmhReferral();
    await portals.http('landlord').get(`/api/referrals/${id}`).set('Cookie', await portals.login('gmh')).expect(200);
    await portals.http('landlord').get(`/api/referrals/${id}`).set('Cookie', await portals.login('bvt')).expect(404);
    const reference = (await db.query('SELECT reference FROM case_file WHERE id = $1', [caseId])).rows[0].reference as string;
    const officer = await portals.login('privacyOfficer');
    const all = await portals.http('worker').get('/api/audit-events').query({ caseReference: reference }).set('Cookie', officer);
    expect(all.status).toBe(200);
    expect(all.body.items.map((e: { outcome: string }) => e.outcome).sort()).toEqual(['allowed', 'denied']);
    const denied = await portals.http('worker').get('/api/audit-events').query({ caseReference: reference, outcome: 'denied' }).set('Cookie', officer);
    expect(denied.body.items).toEqual([expect.objectContaining({ outcome: 'denied', user: 'bvt@woonbrug.example', caseReference: reference })]);
    expect(JSON.stringify(all.body)).not.toContain(tenantName);

    const page = await portals.http('worker').get('/audit').query({ caseReference: reference }).set('Cookie', officer);
    expect(page.status).toBe(200);
    expect(page.text).toContain('class="denied"');
    expect(page.text).not.toContain(tenantName);

    const csv = await portals.http('worker').get('/api/audit-events.csv').query({ caseReference: reference }).set('Cookie', officer);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toMatch(/^id,occurredAt,eventType/);
    expect(csv.text).toContain(reference);
    expect(csv.text).not.toContain(tenantName);
    const exports = (await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE event_type = 'export' AND role = 'privacy_officer'`)).rows[0].n;
    expect(exports).toBeGreaterThanOrEqual(1);

    for (const persona of ['worker', 'coordinator', 'admin'] as const) {
      expect((await portals.http('worker').get('/api/audit-events').set('Cookie', await portals.login(persona))).status).toBe(403);
    }
    expect((await portals.http('worker').get('/api/audit-events').query({ from: 'gisteren' }).set('Cookie', officer)).status).toBe(400);
  });
});
