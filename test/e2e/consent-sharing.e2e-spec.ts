import { Client } from 'pg';
import { startPortals, type Portals } from '../support/portals';
import { validReferral } from '../support/referral-fixtures';

jest.setTimeout(90_000);

let portals: Portals;
let db: Client;
const org: Record<string, string> = {};
let workerId: string;

/** A case referred by GMH and by OCMW Beveren (attached), accepted for persona `worker`. */
async function sharedCase() {
  const household = validReferral();
  const gmh = await portals.http('landlord').post('/api/referrals').set('Cookie', await portals.login('gmh')).send(household).expect(201);
  const ocmw = await portals
    .http('ocmw')
    .post('/api/referrals')
    .set('Cookie', await portals.login('ocmwBeveren'))
    .send({ ...validReferral(), tenantName: household.tenantName, address: household.address, landlordOrganisationId: org.gmh })
    .expect(201);
  const caseOf = async (id: string) => (await db.query('SELECT case_id FROM referral WHERE id = $1', [id])).rows[0].case_id as string;
  const caseId = await caseOf(gmh.body.id);
  const coordinator = await portals.login('coordinator');
  await portals.http('worker').post(`/api/cases/${caseId}/accept`).set('Cookie', coordinator).send({ workerId }).expect(200);
  await portals.http('worker').post(`/api/cases/${await caseOf(ocmw.body.id)}/attach`).set('Cookie', coordinator).send({ openCaseId: caseId }).expect(204);
  return { caseId, gmhReferral: gmh.body.id as string, ocmwReferral: ocmw.body.id as string };
}

async function asWorker() {
  return portals.login('worker');
}

async function addFact(caseId: string, category: string, body: string) {
  const res = await portals.http('worker').post(`/api/cases/${caseId}/facts`).set('Cookie', await asWorker()).send({ category, body, occurredOn: '2026-11-20' });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function consent(caseId: string, organisationId: string, categories: string[], extra: Record<string, unknown> = {}) {
  const res = await portals
    .http('worker')
    .post(`/api/cases/${caseId}/consents`)
    .set('Cookie', await asWorker())
    .send({ organisationId, categories, purpose: 'Opvolging huuropzeg', givenHow: 'written', givenOn: '2026-11-01', ...extra });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function gmhSees(referralId: string): Promise<string[]> {
  const res = await portals.http('landlord').get(`/api/referrals/${referralId}`).set('Cookie', await portals.login('gmh'));
  expect(res.status).toBe(200);
  return res.body.facts.map((f: { body: string }) => f.body);
}

async function ocmwSees(referralId: string): Promise<string[]> {
  const res = await portals.http('ocmw').get(`/api/referrals/${referralId}`).set('Cookie', await portals.login('ocmwBeveren'));
  expect(res.status).toBe(200);
  return res.body.facts.map((f: { body: string }) => f.body);
}

beforeAll(async () => {
  portals = await startPortals();
  db = new Client({ connectionString: portals.databaseUrl });
  await db.connect();
  for (const row of (await db.query('SELECT id, name FROM organisation')).rows) {
    if (row.name.startsWith('GMH')) org.gmh = row.id;
    if (row.name.startsWith('BvT')) org.bvt = row.id;
    if (row.name === 'OCMW Beveren') org.ocmwBeveren = row.id;
  }
  workerId = (await db.query(`SELECT id FROM user_account WHERE email = 'worker@woonbrug.example'`)).rows[0].id;
});

afterAll(async () => {
  await db?.end();
  await portals?.close();
});

describe('consent-scoped sharing', () => {
  it('shows each partner exactly what was disclosed under its consent, and nothing else', async () => {
    const { caseId, gmhReferral, ocmwReferral } = await sharedCase();
    await consent(caseId, org.gmh!, ['housing']);
    await consent(caseId, org.ocmwBeveren!, ['financial', 'agreements']);
    await addFact(caseId, 'housing', 'Woning opgeruimd (huisvesting)');
    await addFact(caseId, 'financial', 'Schuldenlast besproken (financieel)');
    await addFact(caseId, 'health', 'Gezondheidsinformatie (gezondheid)');
    await addFact(caseId, 'agreements', 'Huisbezoek elke week (afspraken)');
    const worker = await asWorker();
    const disclose = (body: Record<string, unknown>) => portals.http('worker').post(`/api/cases/${caseId}/disclosures`).set('Cookie', worker).send(body);

    // Nothing disclosed yet: consent alone shares nothing.
    expect(await gmhSees(gmhReferral)).toEqual([]);

    // GMH is not bound by professional secrecy: the warning must be confirmed.
    const unconfirmed = await disclose({ organisationId: org.gmh, category: 'housing' });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.code).toBe('CONFIRMATION_REQUIRED');
    await disclose({ organisationId: org.gmh, category: 'housing', confirmWarning: true }).expect(201);
    const stored = await db.query('SELECT warning_confirmed, shared_secrecy_confirmed FROM disclosure WHERE case_id = $1 AND organisation_id = $2', [caseId, org.gmh]);
    expect(stored.rows).toEqual([{ warning_confirmed: true, shared_secrecy_confirmed: false }]);

    // Never beyond the consent, with the reason.
    const beyond = await disclose({ organisationId: org.gmh, category: 'financial', confirmWarning: true });
    expect(beyond.status).toBe(400);
    expect(beyond.body.code).toBe('BEYOND_CONSENT');
    const health = await disclose({ organisationId: org.ocmwBeveren, category: 'health', confirmSharedSecrecy: true });
    expect(health.body.code).toBe('BEYOND_CONSENT');

    // OCMW is bound by professional secrecy: the conditions of shared secrecy must be confirmed.
    expect((await disclose({ organisationId: org.ocmwBeveren, category: 'financial' })).body.code).toBe('CONFIRMATION_REQUIRED');
    await disclose({ organisationId: org.ocmwBeveren, category: 'financial', confirmSharedSecrecy: true }).expect(201);

    expect(await gmhSees(gmhReferral)).toEqual(['Woning opgeruimd (huisvesting)']);
    expect(await ocmwSees(ocmwReferral)).toEqual(['Schuldenlast besproken (financieel)']);

    // A partner's fact carries only the permitted fields: no author, no edit times.
    const detail = await portals.http('landlord').get(`/api/referrals/${gmhReferral}`).set('Cookie', await portals.login('gmh'));
    expect(Object.keys(detail.body.facts[0]).sort()).toEqual(['body', 'caseId', 'category', 'id', 'occurredOn']);

    // "View as": the worker's preview equals what the partner sees.
    const preview = await portals.http('worker').get(`/api/cases/${caseId}/partner-view`).set('Cookie', worker).expect(200);
    const asGmh = preview.body.items.find((p: { organisation: { id: string } }) => p.organisation.id === org.gmh);
    expect(asGmh.consentedCategories).toEqual(['housing']);
    expect(asGmh.visibleFacts.map((f: { body: string }) => f.body)).toEqual(['Woning opgeruimd (huisvesting)']);
  });

  it('ends access on the very next request after withdrawal, expiry, revocation or closing', async () => {
    const { caseId, gmhReferral } = await sharedCase();
    const consentId = await consent(caseId, org.gmh!, ['housing', 'status']);
    const factId = await addFact(caseId, 'housing', 'Herstellingen uitgevoerd');
    await addFact(caseId, 'status', 'Begeleiding loopt goed');
    const worker = await asWorker();
    await portals.http('worker').post(`/api/cases/${caseId}/disclosures`).set('Cookie', worker).send({ organisationId: org.gmh, category: 'housing', confirmWarning: true }).expect(201);
    expect(await gmhSees(gmhReferral)).toEqual(['Herstellingen uitgevoerd', 'Begeleiding loopt goed']);

    await portals.http('worker').post(`/api/consents/${consentId}/withdraw`).set('Cookie', worker).send({}).expect(200);
    expect(await gmhSees(gmhReferral)).toEqual(['Begeleiding loopt goed']);

    // A new consent that has expired does not count either.
    const expired = await consent(caseId, org.gmh!, ['housing'], { givenOn: '2025-01-01', expiresOn: '2025-12-31' });
    expect(await gmhSees(gmhReferral)).toEqual(['Begeleiding loopt goed']);
    await db.query(`UPDATE consent SET expires_on = current_date + 30 WHERE id = $1`, [expired]);
    expect(await gmhSees(gmhReferral)).toEqual(['Herstellingen uitgevoerd', 'Begeleiding loopt goed']);

    // A single-fact disclosure survives revoking the category, until it is revoked too.
    const single = await portals.http('worker').post(`/api/cases/${caseId}/disclosures`).set('Cookie', worker).send({ organisationId: org.gmh, factId, confirmWarning: true }).expect(201);
    const categoryDisclosure = (await db.query(`SELECT id FROM disclosure WHERE case_id = $1 AND category = 'housing' AND revoked_at IS NULL`, [caseId])).rows[0].id;
    await portals.http('worker').delete(`/api/disclosures/${categoryDisclosure}`).set('Cookie', worker).expect(204);
    expect(await gmhSees(gmhReferral)).toEqual(['Herstellingen uitgevoerd', 'Begeleiding loopt goed']);
    await portals.http('worker').delete(`/api/disclosures/${single.body.id}`).set('Cookie', worker).expect(204);
    expect(await gmhSees(gmhReferral)).toEqual(['Begeleiding loopt goed']);

    // Closing ends partner access except the status the referrer always sees.
    await portals.http('worker').post(`/api/cases/${caseId}/disclosures`).set('Cookie', worker).send({ organisationId: org.gmh, category: 'housing', confirmWarning: true }).expect(201);
    await db.query(`UPDATE case_file SET state = 'closed', outcome = 'favourable', closed_on = current_date WHERE id = $1`, [caseId]);
    expect(await gmhSees(gmhReferral)).toEqual(['Begeleiding loopt goed']);
  });

  it('keeps facts, consents and disclosures to the assigned worker', async () => {
    const { caseId } = await sharedCase();
    const factId = await addFact(caseId, 'housing', 'Geheim voor anderen');
    for (const persona of ['worker2'] as const) {
      const cookie = await portals.login(persona);
      expect((await portals.http('worker').get(`/api/cases/${caseId}/facts`).set('Cookie', cookie)).status).toBe(404);
      expect((await portals.http('worker').get(`/api/cases/${caseId}/consents`).set('Cookie', cookie)).status).toBe(404);
      expect((await portals.http('worker').patch(`/api/facts/${factId}`).set('Cookie', cookie).send({ category: 'housing', body: 'x', occurredOn: '2026-11-20' })).status).toBe(404);
    }
    for (const persona of ['coordinator', 'privacyOfficer', 'admin'] as const) {
      const cookie = await portals.login(persona);
      const res = await portals.http('worker').get(`/api/cases/${caseId}/facts`).set('Cookie', cookie);
      expect({ persona, status: res.status }).toEqual({ persona, status: 403 });
      expect(res.text).not.toContain('Geheim voor anderen');
    }
    const own = await portals.http('worker').get(`/api/cases/${caseId}/facts`).set('Cookie', await asWorker()).expect(200);
    expect(own.body.items.map((f: { body: string }) => f.body)).toEqual(['Geheim voor anderen']);
  });

  it('keeps the history of an edited fact', async () => {
    const { caseId } = await sharedCase();
    const factId = await addFact(caseId, 'housing', 'Eerste versie');
    const worker = await asWorker();
    const updated = await portals.http('worker').patch(`/api/facts/${factId}`).set('Cookie', worker).send({ category: 'housing', body: 'Tweede versie', occurredOn: '2026-11-21' }).expect(200);
    expect(updated.body).toMatchObject({ body: 'Tweede versie', version: 2 });
    const history = await portals.http('worker').get(`/api/facts/${factId}/history`).set('Cookie', worker).expect(200);
    expect(history.body.items).toEqual([expect.objectContaining({ version: 1, body: 'Eerste versie', occurredOn: '2026-11-20' })]);
  });

  it('refuses mass assignment of organisation, case, consent and role fields', async () => {
    const { caseId } = await sharedCase();
    const worker = await asWorker();
    const attempts: Array<[string, string, Record<string, unknown>]> = [
      ['post', `/api/cases/${caseId}/facts`, { category: 'housing', body: 'x', occurredOn: '2026-11-20', caseId: '00000000-0000-4000-8000-000000000000' }],
      ['post', `/api/cases/${caseId}/facts`, { category: 'housing', body: 'x', occurredOn: '2026-11-20', organisationId: org.gmh }],
      ['post', `/api/cases/${caseId}/consents`, { organisationId: org.gmh, categories: ['housing'], purpose: 'p', givenHow: 'oral', givenOn: '2026-11-01', consentId: '00000000-0000-4000-8000-000000000000' }],
      ['post', `/api/cases/${caseId}/disclosures`, { organisationId: org.gmh, category: 'status', consentId: '00000000-0000-4000-8000-000000000000' }],
      ['post', `/api/cases/${caseId}/disclosures`, { organisationId: org.gmh, category: 'status', role: 'coordinator' }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await (portals.http('worker') as unknown as Record<string, (p: string) => import('supertest').Test>)[method]!(path).set('Cookie', worker).send(body);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.errors.map((e: { code: string }) => e.code)).toContain('UNKNOWN_FIELD');
    }
    const landlord = await portals.http('landlord').post('/api/referrals').set('Cookie', await portals.login('gmh')).send(validReferral({ role: 'admin' }));
    expect(landlord.status).toBe(400);
  });

  it('records the legal basis for the guidance apart from consent', async () => {
    const { caseId } = await sharedCase();
    await portals.http('worker').put(`/api/cases/${caseId}/legal-basis`).set('Cookie', await asWorker()).send({ legalBasis: 'court_imposed' }).expect(204);
    expect((await db.query('SELECT legal_basis FROM case_file WHERE id = $1', [caseId])).rows[0].legal_basis).toBe('court_imposed');
    expect((await portals.http('worker').put(`/api/cases/${caseId}/legal-basis`).set('Cookie', await asWorker()).send({ legalBasis: 'because' })).status).toBe(400);
  });

  it('attaches a signed consent form after checking its real type and size', async () => {
    const { caseId } = await sharedCase();
    const consentId = await consent(caseId, org.gmh!, ['housing']);
    const worker = await asWorker();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const ok = await portals.http('worker').post(`/api/consents/${consentId}/document`).set('Cookie', worker).attach('document', pdf, { filename: 'toestemming.pdf', contentType: 'application/pdf' });
    expect(ok.status).toBe(200);
    expect(ok.body.hasDocument).toBe(true);
    const back = await portals.http('worker').get(`/api/consents/${consentId}/document`).set('Cookie', worker).buffer(true);
    expect(back.status).toBe(200);
    expect(back.headers['content-type']).toMatch(/application\/pdf/);

    const disguised = await portals
      .http('worker')
      .post(`/api/consents/${consentId}/document`)
      .set('Cookie', worker)
      .attach('document', Buffer.from('#!/bin/sh\necho this is no pdf\n'), { filename: 'toestemming.pdf', contentType: 'application/pdf' });
    expect(disguised.status).toBe(400);

    const huge = await portals
      .http('worker')
      .post(`/api/consents/${consentId}/document`)
      .set('Cookie', worker)
      .attach('document', Buffer.concat([pdf, Buffer.alloc(6 * 1024 * 1024)]), { filename: 'groot.pdf', contentType: 'application/pdf' });
    expect(huge.status).toBe(413);

    const other = await portals.http('worker').get(`/api/consents/${consentId}/document`).set('Cookie', await portals.login('worker2'));
    expect(other.status).toBe(404);
  });

  it('shows the referrer the next review date, and an orange light once it has passed', async () => {
    const { caseId, gmhReferral } = await sharedCase();
    const worker = await asWorker();
    const future = await portals.http('worker').put(`/api/cases/${caseId}/next-review`).set('Cookie', worker).send({ nextReviewOn: '2999-01-01' });
    expect(future.status).toBe(200);
    let seen = await portals.http('landlord').get(`/api/referrals/${gmhReferral}`).set('Cookie', await portals.login('gmh'));
    expect(seen.body.handling).toMatchObject({ nextReviewOn: '2999-01-01' });
    expect(['handled', 'attention']).toContain(seen.body.handling.status);

    await portals.http('worker').put(`/api/cases/${caseId}/next-review`).set('Cookie', worker).send({ nextReviewOn: '2020-01-01' }).expect(200);
    seen = await portals.http('landlord').get(`/api/referrals/${gmhReferral}`).set('Cookie', await portals.login('gmh'));
    expect(seen.body.handling.status).toBe('attention');

    // Only the assigned worker sets it.
    expect((await portals.http('worker').put(`/api/cases/${caseId}/next-review`).set('Cookie', await portals.login('worker2')).send({ nextReviewOn: '2999-01-01' })).status).toBe(404);
    expect((await portals.http('worker').put(`/api/cases/${caseId}/next-review`).set('Cookie', await portals.login('coordinator')).send({ nextReviewOn: '2999-01-01' })).status).toBe(403);
  });
});
