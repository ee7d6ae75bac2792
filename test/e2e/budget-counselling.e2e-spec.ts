import { randomUUID } from 'node:crypto';
import { BudgetService } from '@woonbrug/budget';
import { addDays, Clock } from '@woonbrug/kernel';
import { Client } from 'pg';
import { startPortals, type Portals } from '../support/portals';
import { validReferral } from '../support/referral-fixtures';

/**
 * The OCMW's budget-counselling loop over HTTP: the worker refers a tenant to the OCMW of the
 * municipality only under an active consent covering `financial` for that OCMW; the OCMW answers
 * in its inbox (and no other OCMW sees the referral); guidance and cost advances reach the worker;
 * concurrent answers fail with 409 instead of overwriting; the landlord learns that guidance is in
 * place only with its own financial consent. Time moves with the apps' Clock, not by waiting.
 */
jest.setTimeout(90_000);

let portals: Portals;
let db: Client;
const org: Record<'gmh' | 'ocmwBeveren' | 'ocmwKruibeke', string> = {} as never;
let workerId: string;

/** The OCMW's view of a referral: these keys and nothing else of the case. */
const OCMW_VIEW_KEYS = ['answeredAt', 'costAdvances', 'declineReason', 'guidance', 'id', 'kind', 'motivation', 'ocmw', 'referredAt', 'status', 'tenant', 'version', 'worker'];

function today(): string {
  return portals.apps.worker.get(Clock).today();
}

/** A case referred by GMH in Beveren (so: OCMW Beveren's) and accepted for persona `worker`. */
async function activeCase(): Promise<{ caseId: string; tenantName: string }> {
  const household = validReferral();
  const referral = await portals.http('landlord').post('/api/referrals').set('Cookie', await portals.login('gmh')).send(household).expect(201);
  const caseId = (await db.query('SELECT case_id FROM referral WHERE id = $1', [referral.body.id])).rows[0].case_id as string;
  await portals.http('worker').post(`/api/cases/${caseId}/accept`).set('Cookie', await portals.login('coordinator')).send({ workerId }).expect(200);
  return { caseId, tenantName: household.tenantName as string };
}

async function consent(caseId: string, organisationId: string, categories: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const res = await portals
    .http('worker')
    .post(`/api/cases/${caseId}/consents`)
    .set('Cookie', await portals.login('worker'))
    .send({ organisationId, categories, purpose: 'Budgetbegeleiding', givenHow: 'written', givenOn: today(), ...extra });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function refer(caseId: string, body: Record<string, unknown> = { kind: 'budget_guidance', motivation: 'Schulden bij energie en huur; de huurder vraagt hulp.' }) {
  return portals.http('worker').post(`/api/cases/${caseId}/financial-referrals`).set('Cookie', await portals.login('worker')).send(body);
}

async function ocmw(persona: 'ocmwBeveren' | 'ocmwKruibeke', method: 'get' | 'post', path: string, body?: Record<string, unknown>) {
  const req = portals.http('ocmw')[method](path).set('Cookie', await portals.login(persona));
  return body ? req.send(body) : req;
}

async function storedReferrals(caseId: string): Promise<number> {
  return (await db.query('SELECT count(*)::int AS n FROM financial_referral WHERE case_id = $1', [caseId])).rows[0].n as number;
}

/** A case with an accepted referral to OCMW Beveren; its id and current version. */
async function acceptedReferral(): Promise<{ caseId: string; id: string; version: number }> {
  const { caseId } = await activeCase();
  await consent(caseId, org.ocmwBeveren, ['financial']);
  const referred = await refer(caseId);
  expect(referred.status).toBe(201);
  const accepted = await ocmw('ocmwBeveren', 'post', `/api/financial-referrals/${referred.body.id}/accept`, { version: referred.body.version });
  expect(accepted.status).toBe(200);
  return { caseId, id: referred.body.id, version: accepted.body.version };
}

beforeAll(async () => {
  portals = await startPortals();
  db = new Client({ connectionString: portals.databaseUrl });
  await db.connect();
  for (const row of (await db.query('SELECT id, name FROM organisation')).rows) {
    if (row.name.startsWith('GMH')) org.gmh = row.id;
    if (row.name === 'OCMW Beveren') org.ocmwBeveren = row.id;
    if (row.name === 'OCMW Kruibeke') org.ocmwKruibeke = row.id;
  }
  workerId = (await db.query(`SELECT id FROM user_account WHERE email = 'worker@woonbrug.example'`)).rows[0].id;
});

afterEach(() => {
  for (const app of [portals.apps.worker, portals.apps.ocmw, portals.apps.landlord]) app.get(Clock).reset();
});

afterAll(async () => {
  await db?.end();
  await portals?.close();
});

describe('a financial referral needs an active consent covering financial for that OCMW', () => {
  it('is refused with the reason without any consent, with one for another OCMW, or one without financial', async () => {
    const { caseId } = await activeCase();
    const none = await refer(caseId);
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('NO_FINANCIAL_CONSENT');
    expect(none.body.errors).toEqual([expect.objectContaining({ field: 'consent', code: 'NO_FINANCIAL_CONSENT' })]);

    await consent(caseId, org.ocmwKruibeke, ['financial']);
    expect((await refer(caseId)).body.code).toBe('NO_FINANCIAL_CONSENT');
    await consent(caseId, org.ocmwBeveren, ['housing', 'agreements']);
    expect((await refer(caseId)).body.code).toBe('NO_FINANCIAL_CONSENT');
    const withdrawn = await consent(caseId, org.ocmwBeveren, ['financial']);
    await portals.http('worker').post(`/api/consents/${withdrawn}/withdraw`).set('Cookie', await portals.login('worker')).send({}).expect(200);
    expect((await refer(caseId)).body.code).toBe('NO_FINANCIAL_CONSENT');
    expect(await storedReferrals(caseId)).toBe(0);

    // The page says why, on the form.
    const page = await portals
      .http('worker')
      .post(`/cases/${caseId}/budget`)
      .set('Cookie', await portals.login('worker'))
      .type('form')
      .send({ kind: 'budget_guidance', motivation: 'Schulden' });
    expect(page.status).toBe(400);
    expect(page.text).toContain('Doorverwijzen kan niet: er is geen actieve toestemming');
    expect(await storedReferrals(caseId)).toBe(0);
  });

  it('is refused once the consent has expired, on the Clock of the apps', async () => {
    const { caseId } = await activeCase();
    const expiresOn = addDays(today(), 5);
    await consent(caseId, org.ocmwBeveren, ['financial'], { expiresOn });
    for (const app of [portals.apps.worker, portals.apps.ocmw]) app.get(Clock).travelTo(addDays(expiresOn, 1));
    const expired = await refer(caseId);
    expect(expired.status).toBe(400);
    expect(expired.body.code).toBe('NO_FINANCIAL_CONSENT');
    expect(await storedReferrals(caseId)).toBe(0);
    const page = await portals.http('worker').get(`/cases/${caseId}/budget`).set('Cookie', await portals.login('worker')).expect(200);
    expect(page.text).toContain('Er is geen actieve toestemming van de huurder om financiële informatie te delen met OCMW Beveren');

    // On its last day the consent still counts.
    for (const app of [portals.apps.worker, portals.apps.ocmw]) app.get(Clock).travelTo(expiresOn);
    expect((await refer(caseId)).status).toBe(201);
  });

  it('is refused on a case that is no longer being worked, and hides it from the OCMW then', async () => {
    const { caseId, id } = await acceptedReferral();
    await db.query(`UPDATE case_file SET state = 'closed', outcome = 'favourable', closed_on = current_date WHERE id = $1`, [caseId]);
    const res = await refer(caseId);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CASE_NOT_OPEN');
    expect((await ocmw('ocmwBeveren', 'get', `/api/financial-referrals/${id}`)).status).toBe(404);
    expect((await ocmw('ocmwBeveren', 'get', '/api/financial-referrals')).body.items.map((r: { id: string }) => r.id)).not.toContain(id);
    // The worker keeps the history of the case.
    const own = await portals.http('worker').get(`/api/cases/${caseId}/financial-referrals`).set('Cookie', await portals.login('worker')).expect(200);
    expect(own.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
  });
});

describe('the accepted loop', () => {
  it('goes from referral through the OCMW inbox, acceptance, guidance and a cost advance back to the worker', async () => {
    const { caseId, tenantName } = await activeCase();
    const secretFact = `Schuldenlast ${randomUUID()}`;
    await portals.http('worker').post(`/api/cases/${caseId}/facts`).set('Cookie', await portals.login('worker')).send({ category: 'financial', body: secretFact, occurredOn: today() }).expect(201);
    await consent(caseId, org.ocmwBeveren, ['financial']);

    const referred = await refer(caseId, { kind: 'budget_management', motivation: 'Huurachterstand en energieschulden; de huurder vraagt zelf hulp.' });
    expect(referred.status).toBe(201);
    expect(referred.body).toMatchObject({ status: 'pending', kind: 'budget_management', version: 1, ocmw: { id: org.ocmwBeveren, name: 'OCMW Beveren' }, guidance: null, costAdvances: [] });
    const id = referred.body.id as string;
    expect((await refer(caseId)).status).toBe(409);
    expect((await refer(caseId)).body.code).toBe('FINANCIAL_REFERRAL_EXISTS');
    expect(await storedReferrals(caseId)).toBe(1);

    // OCMW Beveren: in its inbox, with the tenant, the motivation and the worker's contact only.
    const inbox = await ocmw('ocmwBeveren', 'get', '/api/financial-referrals');
    expect(inbox.status).toBe(200);
    const listed = inbox.body.items.find((r: { id: string }) => r.id === id);
    expect(listed).toBeDefined();
    const statuses = inbox.body.items.map((r: { status: string }) => r.status);
    expect(statuses.slice(0, statuses.filter((s: string) => s === 'pending').length).every((s: string) => s === 'pending')).toBe(true);
    const detail = await ocmw('ocmwBeveren', 'get', `/api/financial-referrals/${id}`);
    expect(detail.status).toBe(200);
    expect(Object.keys(detail.body).sort()).toEqual(OCMW_VIEW_KEYS);
    expect(detail.body.tenant).toEqual({ name: tenantName, address: expect.any(String), municipality: 'Beveren' });
    expect(detail.body.worker).toEqual({ name: 'Sofie Bemoeizorger (demo)', phone: '0470 00 00 02', email: 'worker@woonbrug.example' });
    expect(detail.text).not.toContain(secretFact);
    expect(detail.text).not.toContain(caseId);
    const page = await ocmw('ocmwBeveren', 'get', `/budget/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(tenantName);
    expect(page.text).not.toContain(secretFact);
    expect((await ocmw('ocmwBeveren', 'get', '/budget')).text).toContain(tenantName);

    // Another OCMW: not listed, and its id answers like a missing one.
    const other = await ocmw('ocmwKruibeke', 'get', `/api/financial-referrals/${id}`);
    const missing = await ocmw('ocmwKruibeke', 'get', `/api/financial-referrals/${randomUUID()}`);
    expect(other.status).toBe(404);
    expect(other.body).toEqual(missing.body);
    expect((await ocmw('ocmwKruibeke', 'get', '/api/financial-referrals')).body.items.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await ocmw('ocmwKruibeke', 'get', '/budget')).text).not.toContain(tenantName);
    expect((await ocmw('ocmwKruibeke', 'post', `/api/financial-referrals/${id}/accept`, { version: 1 })).status).toBe(404);
    expect((await ocmw('ocmwKruibeke', 'get', `/budget/${id}`)).status).toBe(404);

    // Accept, report guidance, record a cost advance.
    const accepted = await ocmw('ocmwBeveren', 'post', `/api/financial-referrals/${id}/accept`, { version: 1 });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', version: 2 });
    const startedOn = today();
    const guidance = await ocmw('ocmwBeveren', 'post', `/api/financial-referrals/${id}/guidance-started`, { version: 2, startedOn, kind: 'budget_guidance' });
    expect(guidance.status).toBe(200);
    expect(guidance.body).toMatchObject({ guidance: { startedOn, kind: 'budget_guidance' }, version: 3 });
    const advance = await ocmw('ocmwBeveren', 'post', `/api/financial-referrals/${id}/cost-advances`, {
      amount: '125.50',
      purpose: 'Achterstallige energiefactuur',
      advancedOn: today(),
      repaymentTerms: '25 euro per maand vanaf volgende maand',
    });
    expect(advance.status).toBe(201);
    expect(advance.body.version).toBe(4);
    expect(advance.body.costAdvances).toEqual([
      expect.objectContaining({ amountCents: 12550, amountFormatted: '€\u00a0125,50', purpose: 'Achterstallige energiefactuur', advancedOn: today() }),
    ]);
    expect((await db.query('SELECT amount_cents::int AS cents FROM cost_advance WHERE financial_referral_id = $1', [id])).rows).toEqual([{ cents: 12550 }]);

    // The worker sees every answer.
    const seen = await portals.http('worker').get(`/api/cases/${caseId}/financial-referrals`).set('Cookie', await portals.login('worker')).expect(200);
    expect(seen.body.items).toEqual([
      expect.objectContaining({
        id,
        status: 'accepted',
        answeredAt: expect.any(String),
        guidance: { startedOn, kind: 'budget_guidance' },
        costAdvances: [expect.objectContaining({ amountCents: 12550, amountFormatted: '€\u00a0125,50', repaymentTerms: '25 euro per maand vanaf volgende maand' })],
      }),
    ]);
    const workerPage = await portals.http('worker').get(`/cases/${caseId}/budget`).set('Cookie', await portals.login('worker')).expect(200);
    expect(workerPage.text).toContain('€\u00a0125,50');
    expect(workerPage.text).toContain('Aanvaard');
    expect((await ocmw('ocmwBeveren', 'get', `/budget/${id}`)).text).toContain('€\u00a0125,50');

    // Other outreach users: another worker gets a missing case, the coordinator no ability.
    expect((await portals.http('worker').get(`/api/cases/${caseId}/financial-referrals`).set('Cookie', await portals.login('worker2'))).status).toBe(404);
    expect((await portals.http('worker').get(`/api/cases/${caseId}/financial-referrals`).set('Cookie', await portals.login('coordinator'))).status).toBe(403);
  });

  it('answers 409 on a stale version and changes nothing', async () => {
    const { id, version } = await acceptedReferral();
    const before = (await db.query('SELECT * FROM financial_referral WHERE id = $1', [id])).rows[0];
    const stale = await ocmw('ocmwBeveren', 'post', `/api/financial-referrals/${id}/guidance-started`, { version: version - 1, startedOn: today(), kind: 'budget_guidance' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const again = await ocmw('ocmwBeveren', 'post', `/api/financial-referrals/${id}/decline`, { version: version - 1, reason: 'Te laat' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('STALE_VERSION');
    expect((await db.query('SELECT * FROM financial_referral WHERE id = $1', [id])).rows[0]).toEqual(before);

    // The same on the page: the form comes back with the new state and the reason.
    const page = await portals
      .http('ocmw')
      .post(`/budget/${id}/guidance-started`)
      .set('Cookie', await portals.login('ocmwBeveren'))
      .type('form')
      .send({ version: String(version - 1), startedOn: today(), kind: 'budget_guidance' });
    expect(page.status).toBe(409);
    expect(page.text).toContain('Iemand anders heeft deze doorverwijzing intussen gewijzigd');
    expect(page.text).toContain(`name="version" value="${version}"`);
    expect((await db.query('SELECT * FROM financial_referral WHERE id = $1', [id])).rows[0]).toEqual(before);

    // With the current version it works, and the version moves on.
    const ok = await portals
      .http('ocmw')
      .post(`/budget/${id}/guidance-started`)
      .set('Cookie', await portals.login('ocmwBeveren'))
      .type('form')
      .send({ version: String(version), startedOn: today(), kind: 'budget_guidance' });
    expect(ok.status).toBe(303);
    expect((await db.query('SELECT version FROM financial_referral WHERE id = $1', [id])).rows[0].version).toBe(version + 1);
  });

  it('lets the OCMW decline with a reason the worker sees, after which the worker may refer again', async () => {
    const { caseId } = await activeCase();
    await consent(caseId, org.ocmwBeveren, ['financial']);
    const referred = await refer(caseId);
    const declinedPage = await portals
      .http('ocmw')
      .post(`/budget/${referred.body.id}/decline`)
      .set('Cookie', await portals.login('ocmwBeveren'))
      .type('form')
      .send({ version: '1', reason: '' });
    expect(declinedPage.status).toBe(400);
    expect(declinedPage.text).toContain('Dit veld is verplicht.');
    const declined = await ocmw('ocmwBeveren', 'post', `/api/financial-referrals/${referred.body.id}/decline`, { version: 1, reason: 'Loopt al via het OCMW van de vorige woonplaats' });
    expect(declined.status).toBe(200);
    const guidanceOnDeclined = await ocmw('ocmwBeveren', 'post', `/api/financial-referrals/${referred.body.id}/guidance-started`, { version: 2, startedOn: today(), kind: 'budget_guidance' });
    expect(guidanceOnDeclined.body.code).toBe('FINANCIAL_REFERRAL_NOT_ACCEPTED');
    const seen = await portals.http('worker').get(`/api/cases/${caseId}/financial-referrals`).set('Cookie', await portals.login('worker')).expect(200);
    expect(seen.body.items[0]).toMatchObject({ status: 'declined', declineReason: 'Loopt al via het OCMW van de vorige woonplaats' });
    expect((await refer(caseId)).status).toBe(201);
  });

  it('refuses a guidance start in the future or before the referral', async () => {
    const { id, version } = await acceptedReferral();
    const future = await ocmw('ocmwBeveren', 'post', `/api/financial-referrals/${id}/guidance-started`, { version, startedOn: addDays(today(), 1), kind: 'budget_guidance' });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'startedOn', code: 'DATE_IN_FUTURE' })]);
    const before = await ocmw('ocmwBeveren', 'post', `/api/financial-referrals/${id}/guidance-started`, { version, startedOn: addDays(today(), -1), kind: 'budget_guidance' });
    expect(before.status).toBe(400);
    expect(before.body.errors).toEqual([expect.objectContaining({ field: 'startedOn', code: 'BEFORE_REFERRAL' })]);
    expect((await db.query('SELECT guidance_started_on, version FROM financial_referral WHERE id = $1', [id])).rows[0]).toEqual({ guidance_started_on: null, version });
  });
});

describe('cost advance amounts', () => {
  it('refuses 0, negative, three decimals, words and huge amounts with 400, storing nothing', async () => {
    const { id, version } = await acceptedReferral();
    const send = (amount: unknown) =>
      ocmw('ocmwBeveren', 'post', `/api/financial-referrals/${id}/cost-advances`, { amount, purpose: 'Huur', advancedOn: today(), repaymentTerms: 'Geen' });
    const expected: Array<[unknown, string]> = [
      ['0', 'TOO_SMALL'],
      ['0.00', 'TOO_SMALL'],
      ['-5', 'INVALID_FORMAT'],
      ['-0.01', 'INVALID_FORMAT'],
      ['1.234', 'INVALID_FORMAT'],
      ['1,234', 'INVALID_FORMAT'],
      ['abc', 'INVALID_FORMAT'],
      ['', 'INVALID_FORMAT'],
      ['1e6', 'INVALID_FORMAT'],
      ['1000000.01', 'TOO_LARGE'],
      ['99999999999', 'TOO_LARGE'],
      ['999999999999999999999', 'INVALID_FORMAT'],
      [125.5, 'INVALID_TEXT'],
    ];
    for (const [amount, code] of expected) {
      const res = await send(amount);
      expect({ amount, status: res.status, codes: (res.body.errors ?? []).map((e: { field: string; code: string }) => `${e.field}:${e.code}`) }).toEqual({
        amount,
        status: 400,
        codes: [`amount:${code}`],
      });
    }
    expect((await db.query('SELECT count(*)::int AS n FROM cost_advance WHERE financial_referral_id = $1', [id])).rows[0].n).toBe(0);
    expect((await db.query('SELECT version FROM financial_referral WHERE id = $1', [id])).rows[0].version).toBe(version);

    // The form shows the error on the amount field and keeps what was typed.
    const page = await portals
      .http('ocmw')
      .post(`/budget/${id}/cost-advances`)
      .set('Cookie', await portals.login('ocmwBeveren'))
      .type('form')
      .send({ amount: '1.234', purpose: 'Huur', advancedOn: today(), repaymentTerms: 'Geen' });
    expect(page.status).toBe(400);
    expect(page.text).toContain('aria-invalid="true"');
    expect(page.text).toContain('value="1.234"');
    expect((await db.query('SELECT count(*)::int AS n FROM cost_advance WHERE financial_referral_id = $1', [id])).rows[0].n).toBe(0);

    // The largest amount, and a Dutch decimal comma on the form, are accepted.
    expect((await send('1000000.00')).status).toBe(201);
    const dutch = await portals
      .http('ocmw')
      .post(`/budget/${id}/cost-advances`)
      .set('Cookie', await portals.login('ocmwBeveren'))
      .type('form')
      .send({ amount: '7,5', purpose: 'Waarborg', advancedOn: today(), repaymentTerms: 'Geen' });
    expect(dutch.status).toBe(303);
    expect((await db.query('SELECT amount_cents::bigint::text AS cents FROM cost_advance WHERE financial_referral_id = $1 ORDER BY recorded_at', [id])).rows).toEqual([
      { cents: '100000000' },
      { cents: '750' },
    ]);
  });
});

describe('what the landlord may learn', () => {
  it('learns that guidance is in place only with its own consent covering financial, and never amounts', async () => {
    const budget = portals.apps.worker.get(BudgetService);
    const { caseId, id, version } = await acceptedReferral();
    expect(await budget.guidanceForLandlord(caseId, org.gmh, today())).toBeNull();
    await ocmw('ocmwBeveren', 'post', `/api/financial-referrals/${id}/cost-advances`, { amount: '80.00', purpose: 'Huur', advancedOn: today(), repaymentTerms: 'Geen' });
    // Guidance not started yet: nothing, even with consent.
    const gmhConsent = await consent(caseId, org.gmh, ['financial']);
    expect(await budget.guidanceForLandlord(caseId, org.gmh, today())).toBeNull();
    const startedOn = today();
    const started = await ocmw('ocmwBeveren', 'post', `/api/financial-referrals/${id}/guidance-started`, { version: version + 1, startedOn, kind: 'budget_guidance' });
    expect(started.status).toBe(200);
    expect(await budget.guidanceForLandlord(caseId, org.gmh, today())).toEqual({ inPlace: true, since: startedOn });
    // The landlord's own referral view says so — and carries no amount anywhere.
    const gmhReferral = (await db.query(`SELECT r.id FROM referral r JOIN organisation o ON o.id = r.referrer_organisation_id WHERE r.case_id = $1 AND o.name LIKE 'GMH%'`, [caseId])).rows[0]?.id;
    expect(gmhReferral).toBeDefined();
    {
      const seen = await portals.http('landlord').get(`/api/referrals/${gmhReferral}`).set('Cookie', await portals.login('gmh'));
      expect(seen.body.budgetGuidance).toEqual({ inPlace: true, since: startedOn });
      expect(JSON.stringify(seen.body)).not.toMatch(/80[.,]00|8000|amount/i);
      const page = await portals.http('landlord').get(`/referrals/${gmhReferral}`).set('Cookie', await portals.login('gmh'));
      expect(page.text).toContain('budgetbegeleiding');
      expect(page.text).not.toMatch(/€|80,00/);
    }

    // Without a financial consent for the landlord: a housing consent does not count, a withdrawn one neither.
    await portals.http('worker').post(`/api/consents/${gmhConsent}/withdraw`).set('Cookie', await portals.login('worker')).send({}).expect(200);
    await consent(caseId, org.gmh, ['housing', 'status']);
    expect(await budget.guidanceForLandlord(caseId, org.gmh, today())).toBeNull();
    // An expired one neither (the caller passes the day it asks about).
    await consent(caseId, org.gmh, ['financial'], { expiresOn: addDays(today(), 2) });
    expect(await budget.guidanceForLandlord(caseId, org.gmh, today())).toEqual({ inPlace: true, since: startedOn });
    expect(await budget.guidanceForLandlord(caseId, org.gmh, addDays(today(), 3))).toBeNull();
    // Another landlord, or nonsense ids: nothing.
    expect(await budget.guidanceForLandlord(caseId, org.ocmwKruibeke, today())).toBeNull();
    expect(await budget.guidanceForLandlord('not-a-uuid', org.gmh, today())).toBeNull();
  });
});

describe('what the OCMW sees of the case', () => {
  it('shows the OCMW exactly the facts disclosed to it under consent, on its referral page', async () => {
    const { caseId, id } = await acceptedReferral();
    const worker = await portals.login('worker');
    const add = async (category: string, body: string) =>
      (await portals.http('worker').post(`/api/cases/${caseId}/facts`).set('Cookie', worker).send({ category, body, occurredOn: today() }).expect(201)).body.id as string;
    await add('financial', 'Afbetalingsplan met de energieleverancier (gedeeld)');
    await add('housing', 'Woning opgeruimd (niet gedeeld met het OCMW)');
    const page = async () => (await portals.http('ocmw').get(`/budget/${id}`).set('Cookie', await portals.login('ocmwBeveren'))).text;
    expect(await page()).not.toContain('Afbetalingsplan');
    await portals
      .http('worker')
      .post(`/api/cases/${caseId}/disclosures`)
      .set('Cookie', worker)
      .send({ organisationId: org.ocmwBeveren, category: 'financial', confirmSharedSecrecy: true })
      .expect(201);
    const shown = await page();
    expect(shown).toContain('Afbetalingsplan met de energieleverancier (gedeeld)');
    expect(shown).not.toContain('Woning opgeruimd');
  });
});

describe('the disclosure log of the OCMW', () => {
  it('records the OCMW opening a budget referral, without values', async () => {
    const { caseId, id } = await acceptedReferral();
    await ocmw('ocmwBeveren', 'get', `/api/financial-referrals/${id}`);
    const events = (await db.query(`SELECT event_type, subject, role, portal, fields FROM audit_event WHERE case_id = $1 AND subject = 'financial_referral'`, [caseId])).rows;
    expect(events).toEqual([expect.objectContaining({ event_type: 'case.read', role: 'ocmw_agent', portal: 'ocmw' })]);
    expect(events[0].fields).toEqual(expect.arrayContaining(['motivation', 'tenant.name']));
    expect(JSON.stringify(events)).not.toMatch(/Schulden bij energie/);
  });
});
