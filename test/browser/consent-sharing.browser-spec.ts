import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS } from '@woonbrug/database';
import type { Page } from 'playwright-core';
import { logIn, openJourney, shoot, submit, visit, type Journey } from '../support/browser';
import { validReferral } from '../support/referral-fixtures';

/**
 * Consent-scoped sharing in a real browser: the assigned worker records the tenant's consent for
 * GMH (housing) and OCMW Beveren (financial), adds a housing and a financial fact, must confirm the
 * warning before disclosing housing to GMH (which is not bound by professional secrecy), and then
 * GMH sees on its referral page exactly the housing fact and nothing of the financial one.
 */

const GMH = DEMO_ACCOUNTS.find((a) => a.persona === 'gmh')!;
const WORKER = DEMO_ACCOUNTS.find((a) => a.persona === 'worker')!;

/** An ISO date `days` before today (UTC), safely inside any consent's validity. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

async function texts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
}

describe('consent-scoped sharing (browser)', () => {
  let journey: Journey | undefined;
  const org = { gmh: '', gmhName: '', ocmw: '', ocmwName: '' };
  let caseId: string;
  let gmhReferralId: string;
  let tenantName: string;

  beforeAll(async () => {
    journey = await openJourney({ serve: ['landlord', 'worker'] });
    const { portals, db } = journey;
    for (const row of (await db.query('SELECT id, name FROM organisation')).rows as Array<{ id: string; name: string }>) {
      if (row.name.startsWith('GMH')) Object.assign(org, { gmh: row.id, gmhName: row.name });
      if (row.name === 'OCMW Beveren') Object.assign(org, { ocmw: row.id, ocmwName: row.name });
    }
    expect(org.gmh).not.toBe('');
    expect(org.ocmw).not.toBe('');
    const workerId = (await db.query('SELECT id FROM user_account WHERE email = $1', [WORKER.email])).rows[0].id as string;

    // A case referred by GMH and by OCMW Beveren (attached), accepted for persona `worker` — via the API.
    const household = validReferral();
    tenantName = household.tenantName as string;
    const gmh = await portals.http('landlord').post('/api/referrals').set('Cookie', await portals.login('gmh')).send(household).expect(201);
    const ocmw = await portals
      .http('ocmw')
      .post('/api/referrals')
      .set('Cookie', await portals.login('ocmwBeveren'))
      .send({ ...validReferral(), tenantName: household.tenantName, address: household.address, landlordOrganisationId: org.gmh })
      .expect(201);
    const caseOf = async (id: string) => (await db.query('SELECT case_id FROM referral WHERE id = $1', [id])).rows[0].case_id as string;
    gmhReferralId = gmh.body.id as string;
    caseId = await caseOf(gmhReferralId);
    const coordinator = await portals.login('coordinator');
    await portals.http('worker').post(`/api/cases/${caseId}/accept`).set('Cookie', coordinator).send({ workerId }).expect(200);
    await portals
      .http('worker')
      .post(`/api/cases/${await caseOf(ocmw.body.id as string)}/attach`)
      .set('Cookie', coordinator)
      .send({ openCaseId: caseId })
      .expect(204);
  }, 150_000);

  afterAll(() => journey?.close(), 60_000);

  it('the worker records consent, adds facts, confirms the warning and discloses housing; GMH sees only that fact', async () => {
    const { db, newPage, problems, urls: { landlord: landlordUrl, worker: workerUrl } } = journey!;
    const suffix = randomUUID().slice(0, 8);
    const housingFact = `Woning opgeruimd — browsertest ${suffix}`;
    const financialFact = `Afbetalingsplan — browsertest ${suffix}`;
    const givenOn = daysAgo(7);
    const occurredOn = daysAgo(2);
    const casePath = `/cases/${caseId}`;
    const gmhCard = `#partner-${org.gmh}`;
    const ocmwCard = `#partner-${org.ocmw}`;
    const savedIn = (section: string) => (url: URL) => url.pathname === casePath && url.search === `?saved=${section}`;

    // --- The worker logs in on the worker portal and opens the case.
    const worker = await newPage();
    expect(await logIn(worker, workerUrl, WORKER.email, 'worker')).not.toBe('/login');
    await visit(worker, `${workerUrl}${casePath}`, 'worker-case');
    expect(await worker.locator('h1').first().textContent()).toContain(tenantName);
    for (const section of ['#facts', '#consents', '#sharing']) expect(await worker.locator(section).count()).toBe(1);
    // Both partners have a card; without consent there is nothing to disclose and nothing is seen.
    expect(await worker.locator(gmhCard).count()).toBe(1);
    expect(await worker.locator(ocmwCard).count()).toBe(1);
    expect(await worker.locator(`${gmhCard} form[action="${casePath}/disclosures"]`).count()).toBe(0);
    expect(await worker.locator(`${gmhCard} ul.view-as li`).count()).toBe(0);

    // --- Consent for GMH (housing) and for OCMW Beveren (financial): two submissions of the consent form.
    const consentForm = `form[action="${casePath}/consents"]`;
    const consents: Array<[string, string, string]> = [
      [org.gmh, 'housing', 'gmh'],
      [org.ocmw, 'financial', 'ocmw'],
    ];
    for (const [organisationId, category, shot] of consents) {
      await worker.selectOption('#organisationId', organisationId);
      await worker.check(`#category-${category}`);
      await worker.fill('#purpose', 'Opvolging huuropzeg (browsertest)');
      await worker.selectOption('#givenHow', 'written');
      await worker.fill('#givenOn', givenOn);
      const saved = await submit(worker, `${consentForm} button[type="submit"]`, `${casePath}/consents`, savedIn('consents'));
      expect([302, 303]).toContain(saved.status());
      await shoot(worker, `worker-consent-${shot}`);
      expect(await worker.locator('.notice.success[role="status"]').textContent()).toContain('Bewaard.');
      expect(await worker.locator('#consents [role="alert"]').count()).toBe(0);
    }
    const consentRows = await texts(worker, '#consents tbody tr');
    expect(consentRows).toHaveLength(2);
    expect(consentRows.find((r) => r.includes(org.gmhName))).toEqual(expect.stringMatching(/Wonen.*Actief/));
    expect(consentRows.find((r) => r.includes(org.ocmwName))).toEqual(expect.stringMatching(/Financieel.*Actief/));
    expect(await worker.locator(gmhCard).textContent()).toContain('Toestemming voor: Wonen');
    expect(await worker.locator(ocmwCard).textContent()).toContain('Toestemming voor: Financieel');

    // --- A housing and a financial fact through the fact form.
    const factForm = `form[action="${casePath}/facts"]`;
    const facts: Array<[string, string, string]> = [
      ['housing', housingFact, 'housing'],
      ['financial', financialFact, 'financial'],
    ];
    for (const [category, body, shot] of facts) {
      await worker.selectOption('#fact-category', category);
      await worker.fill('#occurredOn', occurredOn);
      await worker.fill('#body', body);
      const saved = await submit(worker, `${factForm} button[type="submit"]`, `${casePath}/facts`, savedIn('facts'));
      expect([302, 303]).toContain(saved.status());
      await shoot(worker, `worker-fact-${shot}`);
      expect(await worker.locator('#facts [role="alert"]').count()).toBe(0);
    }
    const factRows = await texts(worker, '#facts tbody tr');
    expect(factRows).toHaveLength(2);
    expect(factRows.some((r) => r.includes(housingFact) && r.includes('Wonen'))).toBe(true);
    expect(factRows.some((r) => r.includes(financialFact) && r.includes('Financieel'))).toBe(true);
    // Consent alone shares nothing.
    expect(await worker.locator(`${gmhCard} ul.view-as li`).count()).toBe(0);
    expect(await worker.locator(`${ocmwCard} ul.view-as li`).count()).toBe(0);

    // --- Negative: disclosing housing to GMH without confirming the warning is refused (400).
    const discloseButton = `${gmhCard} form[action="${casePath}/disclosures"] button[type="submit"]`;
    expect(await worker.locator(`${gmhCard} .notice.warning`).textContent()).toContain('niet gebonden door het beroepsgeheim');
    await worker.selectOption(`#disclose-category-${org.gmh}`, 'housing');
    expect(await worker.isChecked(`#confirm-${org.gmh}`)).toBe(false);
    const refused = await submit(worker, discloseButton, `${casePath}/disclosures`, (url) => url.pathname === `${casePath}/disclosures`);
    expect(refused.status()).toBe(400);
    await shoot(worker, 'worker-disclose-unconfirmed');
    const alert = worker.locator('#sharing').getByRole('alert');
    await alert.waitFor({ state: 'visible' });
    expect(await alert.textContent()).toContain('Bevestig eerst de waarschuwing');
    // The summary's link leads to the checkbox of the partner concerned, which is marked invalid,
    // and the chosen category is kept.
    const link = await alert.locator('a').first().getAttribute('href');
    expect(link).toBe(`#confirm-${org.gmh}`);
    expect(await worker.getAttribute(`#confirm-${org.gmh}`, 'aria-invalid')).toBe('true');
    expect(await worker.inputValue(`#disclose-category-${org.gmh}`)).toBe('housing');
    expect(await worker.locator(`${gmhCard} ul.view-as li`).count()).toBe(0);
    expect((await db.query('SELECT count(*)::int AS n FROM disclosure WHERE case_id = $1', [caseId])).rows[0].n).toBe(0);

    // --- Disclose housing to GMH with the warning confirmed.
    await worker.selectOption(`#disclose-category-${org.gmh}`, 'housing');
    await worker.check(`#confirm-${org.gmh}`);
    const disclosed = await submit(worker, discloseButton, `${casePath}/disclosures`, savedIn('sharing'));
    expect([302, 303]).toContain(disclosed.status());
    await shoot(worker, 'worker-disclosed');
    expect(await worker.locator('.notice.success[role="status"]').textContent()).toContain('Bewaard.');
    expect(await worker.locator('[role="alert"]').count()).toBe(0);
    // The GMH card's "Wat GMH … nu ziet" lists exactly the housing fact.
    expect((await worker.locator(`${gmhCard} h4`).textContent())?.trim()).toBe(`Wat ${org.gmhName} nu ziet`);
    expect(await texts(worker, `${gmhCard} ul.view-as li`)).toEqual([`${occurredOn} · Wonen: ${housingFact}`]);
    expect(await worker.locator(gmhCard).textContent()).not.toContain(financialFact);
    // Nothing was disclosed to OCMW Beveren.
    expect(await worker.locator(`${ocmwCard} ul.view-as li`).count()).toBe(0);

    // --- GMH logs in on the landlord portal (own browser context) and opens its referral.
    const landlord = await newPage();
    expect(await logIn(landlord, landlordUrl, GMH.email, 'landlord')).toBe('/referrals');
    await visit(landlord, `${landlordUrl}/referrals/${gmhReferralId}`, 'landlord-referral-shared');
    expect(await landlord.locator('h1').first().textContent()).toContain(tenantName);
    expect(await texts(landlord, 'ul.shared-facts li')).toEqual([`${occurredOn} · Wonen: ${housingFact}`]);
    expect(await landlord.locator('body').textContent()).not.toContain(financialFact);
    expect(await landlord.content()).not.toContain(financialFact);

    expect(problems).toEqual([]);
  }, 180_000);
});
