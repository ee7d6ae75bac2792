import { Client } from 'pg';
import { startPortals, type Portals } from '../support/portals';
import { validReferral } from '../support/referral-fixtures';

jest.setTimeout(60_000);

let portals: Portals;
let db: Client;
let workerId: string;
let worker2Id: string;

beforeAll(async () => {
  portals = await startPortals();
  db = new Client({ connectionString: portals.databaseUrl });
  await db.connect();
  workerId = (await db.query(`SELECT id FROM user_account WHERE email = 'worker@woonbrug.example'`)).rows[0].id;
  worker2Id = (await db.query(`SELECT id FROM user_account WHERE email = 'worker2@woonbrug.example'`)).rows[0].id;
});

afterAll(async () => {
  await db?.end();
  await portals?.close();
});

async function refer(persona: 'gmh' | 'bvt' | 'ocmwBeveren', body: Record<string, unknown>) {
  const portal = persona === 'ocmwBeveren' ? 'ocmw' : 'landlord';
  const res = await portals.http(portal).post('/api/referrals').set('Cookie', await portals.login(persona)).send(body);
  expect(res.status).toBe(201);
  const caseId = (await db.query('SELECT case_id FROM referral WHERE id = $1', [res.body.id])).rows[0].case_id as string;
  return { referralId: res.body.id as string, caseId };
}

describe('referral to handled case', () => {
  it('landlord refers, coordinator accepts with a worker, landlord sees it handled', async () => {
    const { referralId, caseId } = await refer('gmh', validReferral());
    const coordinator = await portals.login('coordinator');

    const incoming = await portals.http('worker').get('/api/incoming-referrals').set('Cookie', coordinator);
    expect(incoming.status).toBe(200);
    expect(incoming.body.items.map((i: { caseId: string }) => i.caseId)).toContain(caseId);

    const accepted = await portals.http('worker').post(`/api/cases/${caseId}/accept`).set('Cookie', coordinator).send({ workerId });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'active', assignedWorkerId: workerId });

    const seen = await portals.http('landlord').get(`/api/referrals/${referralId}`).set('Cookie', await portals.login('gmh'));
    expect(seen.body.handling.status).toBe('handled');
    expect(seen.body.handling.startedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(seen.body.handling).sort()).toEqual(['closedOn', 'declineReason', 'nextReviewOn', 'outcome', 'startedOn', 'status', 'workerContact']);
    expect(seen.body.handling.workerContact.name).toBe('Sofie Bemoeizorger (demo)');

    const page = await portals.http('landlord').get(`/referrals/${referralId}`).set('Cookie', await portals.login('gmh'));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Wordt opgevolgd');

    // The assigned worker has it in the caseload; the other worker cannot open it.
    const caseload = await portals.http('worker').get('/api/cases').set('Cookie', await portals.login('worker'));
    expect(caseload.body.items.map((c: { id: string }) => c.id)).toContain(caseId);
    const other = await portals.http('worker').get('/api/cases').set('Cookie', await portals.login('worker2'));
    expect(other.body.items.map((c: { id: string }) => c.id)).not.toContain(caseId);
    expect(other.body.items.every((c: { assignedWorkerId: string }) => c.assignedWorkerId === worker2Id)).toBe(true);
    expect((await portals.http('worker').get(`/api/cases/${caseId}`).set('Cookie', await portals.login('worker2'))).status).toBe(404);
    expect((await portals.http('worker').get(`/api/cases/${caseId}`).set('Cookie', await portals.login('worker'))).status).toBe(200);

    // A decision is taken once.
    const again = await portals.http('worker').post(`/api/cases/${caseId}/accept`).set('Cookie', coordinator).send({ workerId: worker2Id });
    expect(again.status).toBe(409);
  });

  it('refuses to assign someone who is not an outreach worker', async () => {
    const { caseId } = await refer('gmh', validReferral());
    const coordinator = await portals.login('coordinator');
    const gmhUser = (await db.query(`SELECT id FROM user_account WHERE email = 'gmh@woonbrug.example'`)).rows[0].id;
    const res = await portals.http('worker').post(`/api/cases/${caseId}/accept`).set('Cookie', coordinator).send({ workerId: gmhUser });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('NOT_A_WORKER');
    expect((await db.query('SELECT state FROM case_file WHERE id = $1', [caseId])).rows[0].state).toBe('referred');
  });

  it('declines with a reason the referrer sees', async () => {
    const { referralId, caseId } = await refer('bvt', validReferral({ municipality: 'Temse', reason: 'rent_arrears' }));
    const coordinator = await portals.login('coordinator');
    const incoming = await portals.http('worker').get('/api/incoming-referrals').set('Cookie', coordinator);
    const item = incoming.body.items.find((i: { caseId: string }) => i.caseId === caseId);
    expect(item.probablyIneligible).toBe(true);
    const res = await portals.http('worker').post(`/api/cases/${caseId}/decline`).set('Cookie', coordinator).send({ reason: 'Enkel huurachterstal: doorverwezen naar het OCMW.' });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('declined');
    const seen = await portals.http('landlord').get(`/api/referrals/${referralId}`).set('Cookie', await portals.login('bvt'));
    expect(seen.body.handling).toMatchObject({ status: 'declined', declineReason: 'Enkel huurachterstal: doorverwezen naar het OCMW.' });
  });

  it('warns of an open case of the same household and attaches the second referral to it', async () => {
    const household = validReferral();
    const first = await refer('gmh', household);
    const coordinator = await portals.login('coordinator');
    await portals.http('worker').post(`/api/cases/${first.caseId}/accept`).set('Cookie', coordinator).send({ workerId }).expect(200);

    const second = await refer('ocmwBeveren', {
      ...validReferral(),
      tenantName: String(household.tenantName).toUpperCase(),
      address: `  ${String(household.address)}  `,
      landlordOrganisationId: (await db.query(`SELECT id FROM organisation WHERE name LIKE 'GMH%'`)).rows[0].id,
    });
    const incoming = await portals.http('worker').get('/api/incoming-referrals').set('Cookie', coordinator);
    const item = incoming.body.items.find((i: { caseId: string }) => i.caseId === second.caseId);
    expect(item.openCasesOfHousehold.map((c: { id: string }) => c.id)).toEqual([first.caseId]);

    await portals.http('worker').post(`/api/cases/${second.caseId}/attach`).set('Cookie', coordinator).send({ openCaseId: first.caseId }).expect(204);
    expect((await db.query('SELECT case_id FROM referral WHERE id = $1', [second.referralId])).rows[0].case_id).toBe(first.caseId);
    expect((await db.query('SELECT count(*)::int AS n FROM case_file WHERE id = $1', [second.caseId])).rows[0].n).toBe(0);

    const seen = await portals.http('ocmw').get(`/api/referrals/${second.referralId}`).set('Cookie', await portals.login('ocmwBeveren'));
    expect(seen.body.handling.status).toBe('handled');
    const detail = await portals.http('worker').get(`/api/cases/${first.caseId}`).set('Cookie', await portals.login('worker'));
    expect(detail.body.referrals).toHaveLength(2);
  });

  it('lets only the coordinator triage; others get 403, and no case content reaches admin or privacy officer', async () => {
    const { caseId } = await refer('gmh', validReferral());
    for (const persona of ['worker', 'privacyOfficer', 'admin'] as const) {
      const cookie = await portals.login(persona);
      const accept = await portals.http('worker').post(`/api/cases/${caseId}/accept`).set('Cookie', cookie).send({ workerId });
      expect({ persona, status: accept.status }).toEqual({ persona, status: 403 });
      const incoming = await portals.http('worker').get('/api/incoming-referrals').set('Cookie', cookie);
      expect({ persona, status: incoming.status }).toEqual({ persona, status: 403 });
    }
    for (const persona of ['privacyOfficer', 'admin'] as const) {
      const cookie = await portals.login(persona);
      expect((await portals.http('worker').get('/api/cases').set('Cookie', cookie)).status).toBe(403);
      expect((await portals.http('worker').get(`/api/cases/${caseId}`).set('Cookie', cookie)).status).toBe(403);
    }
    expect((await db.query('SELECT state FROM case_file WHERE id = $1', [caseId])).rows[0].state).toBe('referred');
  });

  it('submits a referral through the HTML form, with errors shown on the form', async () => {
    const cookie = await portals.login('gmh');
    const form = validReferral();
    const bad = await portals.http('landlord').post('/referrals').set('Cookie', cookie).type('form').send({ ...form, tenantName: '', tenantInformed: 'true' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('role="alert"');
    expect(bad.text).toContain('Dit veld is verplicht.');
    expect(bad.text).toContain(String(form.address));

    const ok = await portals.http('landlord').post('/referrals').set('Cookie', cookie).type('form').send({ ...form, tenantInformed: 'true' });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toMatch(/^\/referrals\/[0-9a-f-]{36}\?created=1$/);
    const detail = await portals.http('landlord').get(ok.headers.location).set('Cookie', cookie);
    expect(detail.text).toContain('Nog niet aanvaard');
  });
});
