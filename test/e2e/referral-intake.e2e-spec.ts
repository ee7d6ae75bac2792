import { Client } from 'pg';
import { startPortals, type Portals } from '../support/portals';
import { validReferral } from '../support/referral-fixtures';

jest.setTimeout(60_000);

let portals: Portals;
let db: Client;

async function referralCount(): Promise<number> {
  const res = await db.query<{ n: string }>('SELECT count(*) AS n FROM referral');
  return Number(res.rows[0]!.n);
}

async function caseCount(): Promise<number> {
  const res = await db.query<{ n: string }>('SELECT count(*) AS n FROM case_file');
  return Number(res.rows[0]!.n);
}

beforeAll(async () => {
  portals = await startPortals();
  db = new Client({ connectionString: portals.databaseUrl });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await portals?.close();
});

describe('referral intake over HTTP on PostgreSQL', () => {
  it('stores a valid referral with its case in state referred', async () => {
    const cookie = await portals.login('gmh');
    const before = await referralCount();
    const res = await portals.http('landlord').post('/api/referrals').set('Cookie', cookie).send(validReferral());
    expect(res.status).toBe(201);
    expect(res.body.handling.status).toBe('pending');
    expect(res.body.landlord.name).toMatch(/^GMH/);
    expect(await referralCount()).toBe(before + 1);
    const row = await db.query('SELECT c.state FROM referral r JOIN case_file c ON c.id = r.case_id WHERE r.id = $1', [res.body.id]);
    expect(row.rows[0].state).toBe('referred');
  });

  const invalid: Array<[string, Record<string, unknown>, string, string]> = [
    ['a missing tenant name', { tenantName: undefined }, 'tenantName', 'REQUIRED'],
    ['a missing notice date', { noticeDate: undefined }, 'noticeDate', 'REQUIRED'],
    ['a notice date that is no date', { noticeDate: '15/09/2026' }, 'noticeDate', 'INVALID_DATE'],
    ['a hearing before the notice', { noticeDate: '2026-09-15', hearingDate: '2026-08-01' }, 'hearingDate', 'DATE_ORDER'],
    ['an eviction before the hearing', { hearingDate: '2026-12-20', evictionDate: '2026-12-01' }, 'evictionDate', 'DATE_ORDER'],
    ['a notice date in the future', { noticeDate: '2999-01-01', hearingDate: undefined }, 'noticeDate', 'DATE_IN_FUTURE'],
    ['an impossible date', { noticeDate: '2026-02-30' }, 'noticeDate', 'INVALID_DATE'],
    ['an unknown municipality', { municipality: 'Atlantis' }, 'municipality', 'UNKNOWN_MUNICIPALITY'],
    ['an oversized context', { context: 'x'.repeat(4001) }, 'context', 'TOO_LONG'],
    ['an oversized tenant name', { tenantName: 'y'.repeat(201) }, 'tenantName', 'TOO_LONG'],
    ['an unknown reason', { reason: 'bad_luck' }, 'reason', 'INVALID_CHOICE'],
    ['an unknown field (mass assignment)', { organisationId: '00000000-0000-4000-8000-000000000000' }, 'organisationId', 'UNKNOWN_FIELD'],
    ['another landlord than itself', { landlordOrganisationId: '00000000-0000-4000-8000-000000000000' }, 'landlordOrganisationId', 'NOT_A_LANDLORD'],
  ];

  it.each(invalid)('refuses %s with 400 problem details and stores nothing', async (_label, change, field, code) => {
    const cookie = await portals.login('gmh');
    const [referrals, cases] = [await referralCount(), await caseCount()];
    const res = await portals.http('landlord').post('/api/referrals').set('Cookie', cookie).send(validReferral(change));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
    expect(await referralCount()).toBe(referrals);
    expect(await caseCount()).toBe(cases);
  });

  it('requires an OCMW to name a social landlord, and accepts one', async () => {
    const cookie = await portals.login('ocmwTemse');
    const missing = await portals.http('ocmw').post('/api/referrals').set('Cookie', cookie).send(validReferral({ municipality: 'Temse' }));
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'landlordOrganisationId' })]));

    const options = await portals.http('ocmw').get('/api/referral-options').set('Cookie', cookie);
    const ocmwOrg = (await db.query(`SELECT id FROM organisation WHERE name = 'OCMW Temse'`)).rows[0].id;
    expect(options.body.landlords.map((l: { id: string }) => l.id)).not.toContain(ocmwOrg);
    const asLandlord = await portals.http('ocmw').post('/api/referrals').set('Cookie', cookie).send(validReferral({ landlordOrganisationId: ocmwOrg }));
    expect(asLandlord.status).toBe(400);

    const bvt = options.body.landlords.find((l: { name: string }) => l.name.startsWith('BvT'));
    const ok = await portals.http('ocmw').post('/api/referrals').set('Cookie', cookie).send(validReferral({ landlordOrganisationId: bvt.id, municipality: 'temse' }));
    expect(ok.status).toBe(201);
    expect(ok.body.municipality).toBe('Temse');
    expect(ok.body.landlord.id).toBe(bvt.id);
  });

  it('refuses a request body over the size limit with 413 before parsing it', async () => {
    const cookie = await portals.login('gmh');
    const before = await referralCount();
    const res = await portals.http('landlord').post('/api/referrals').set('Cookie', cookie).send(validReferral({ context: 'z'.repeat(300_000) }));
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await referralCount()).toBe(before);
  });
});

describe('a partner sees only its own organisation referrals', () => {
  it('GMH cannot list or open a BvT referral; it answers 404 like a missing one', async () => {
    const bvtCookie = await portals.login('bvt');
    const gmhCookie = await portals.login('gmh');
    const bvtReferral = await portals.http('landlord').post('/api/referrals').set('Cookie', bvtCookie).send(validReferral({ municipality: 'Temse' }));
    expect(bvtReferral.status).toBe(201);

    const own = await portals.http('landlord').get(`/api/referrals/${bvtReferral.body.id}`).set('Cookie', bvtCookie);
    expect(own.status).toBe(200);
    expect(own.body.tenantName).toBe(bvtReferral.body.tenantName);

    const foreign = await portals.http('landlord').get(`/api/referrals/${bvtReferral.body.id}`).set('Cookie', gmhCookie);
    const missing = await portals.http('landlord').get('/api/referrals/5f1c7d9e-0000-4000-8000-000000000000').set('Cookie', gmhCookie);
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect(JSON.stringify(foreign.body)).not.toContain(bvtReferral.body.tenantName);

    const list = await portals.http('landlord').get('/api/referrals').set('Cookie', gmhCookie);
    expect(list.status).toBe(200);
    const gmhOrg = (await db.query(`SELECT id FROM organisation WHERE name LIKE 'GMH%'`)).rows[0].id;
    const gmhReferrals = (await db.query('SELECT count(*)::int AS n FROM referral WHERE referrer_organisation_id = $1', [gmhOrg])).rows[0].n;
    // The first page (50, newest first): the BvT referral, just made, would be on it.
    expect(list.body.items).toHaveLength(Math.min(50, gmhReferrals));
    expect(list.body.items.map((r: { id: string }) => r.id)).not.toContain(bvtReferral.body.id);

    const page = await portals.http('landlord').get(`/referrals/${bvtReferral.body.id}`).set('Cookie', gmhCookie);
    expect(page.status).toBe(404);
    expect(page.text).not.toContain(bvtReferral.body.tenantName);
  });

  it('an OCMW user cannot open a landlord referral either', async () => {
    const gmhCookie = await portals.login('gmh');
    const created = await portals.http('landlord').post('/api/referrals').set('Cookie', gmhCookie).send(validReferral());
    const ocmw = await portals.login('ocmwBeveren');
    expect((await portals.http('ocmw').get(`/api/referrals/${created.body.id}`).set('Cookie', ocmw)).status).toBe(404);
  });
});
