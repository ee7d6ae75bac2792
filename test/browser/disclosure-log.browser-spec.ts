import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS } from '@woonbrug/database';
import { Clock } from '@woonbrug/kernel';
import type { Page } from 'playwright-core';
import { logIn, openJourney, shoot, visit, type Journey } from '../support/browser';
import { validReferral } from '../support/referral-fixtures';

/**
 * The disclosure log in a real browser (issue 5): the GMH agent logs in on the landlord portal and
 * opens the referral of a case whose tenant consented to share housing with GMH; the privacy
 * officer opens the access log, searches by that case and finds GMH's read; the assigned worker
 * opens the tenant's overview from the case page and finds the same read listed, with its Belgian
 * time — and, on paper, only the overview (no navigation), and no private note anywhere.
 */

const GMH = DEMO_ACCOUNTS.find((a) => a.persona === 'gmh')!;
const WORKER = DEMO_ACCOUNTS.find((a) => a.persona === 'worker')!;
const PRIVACY_OFFICER = DEMO_ACCOUNTS.find((a) => a.persona === 'privacyOfficer')!;

async function texts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** The cells of each row matched by `rows`, white space collapsed. */
async function cells(page: Page, rows: string): Promise<string[][]> {
  const out: string[][] = [];
  for (const row of await page.locator(rows).all()) out.push((await row.locator('th, td').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()));
  return out;
}

describe('the disclosure log: the privacy officer and the tenant’s overview see a partner’s read (browser)', () => {
  let journey: Journey | undefined;
  let gmhName: string;
  let caseId: string;
  let reference: string;
  let gmhReferralId: string;
  let tenantName: string;
  const suffix = randomUUID().slice(0, 8);
  const housingFact = `Woning opgeruimd — browsertest ${suffix}`;
  const noteText = `Privénotitie browsertest ${randomUUID()}`;

  beforeAll(async () => {
    journey = await openJourney({ serve: ['landlord', 'worker'] });
    const { portals, db } = journey;
    const gmh = (await db.query(`SELECT id, name FROM organisation WHERE name LIKE 'GMH%'`)).rows[0] as { id: string; name: string };
    gmhName = gmh.name;
    const workerId = (await db.query('SELECT id FROM user_account WHERE email = $1', [WORKER.email])).rows[0].id as string;
    const today = portals.apps.worker.get(Clock).today();

    // A case referred by GMH, accepted for `worker`, whose tenant consented to share housing with
    // GMH; the worker disclosed its housing fact and keeps a private note — all through the API.
    const household = validReferral();
    tenantName = household.tenantName as string;
    const referral = await portals.http('landlord').post('/api/referrals').set('Cookie', await portals.login('gmh')).send(household).expect(201);
    gmhReferralId = referral.body.id as string;
    const row = (await db.query('SELECT c.id, c.reference FROM referral r JOIN case_file c ON c.id = r.case_id WHERE r.id = $1', [gmhReferralId])).rows[0];
    caseId = row.id as string;
    reference = row.reference as string;
    await portals.http('worker').post(`/api/cases/${caseId}/accept`).set('Cookie', await portals.login('coordinator')).send({ workerId }).expect(200);
    const worker = await portals.login('worker');
    const post = (path: string, body: Record<string, unknown>) => portals.http('worker').post(path).set('Cookie', worker).send(body).expect(201);
    await post(`/api/cases/${caseId}/consents`, { organisationId: gmh.id, categories: ['housing'], purpose: 'Opvolging huuropzeg (browsertest)', givenHow: 'written', givenOn: today });
    await post(`/api/cases/${caseId}/facts`, { category: 'housing', body: housingFact, occurredOn: today });
    await post(`/api/cases/${caseId}/disclosures`, { organisationId: gmh.id, category: 'housing', confirmWarning: true });
    await post(`/api/cases/${caseId}/notes`, { text: noteText });
  }, 150_000);

  afterAll(() => journey?.close(), 60_000);

  it('GMH opens the referral; the privacy officer finds the read in the log; the tenant’s overview lists it', async () => {
    const { db, newPage, problems, urls: { landlord: landlordUrl, worker: workerUrl } } = journey!;
    // --- The GMH agent logs in on the landlord portal and opens the consented case's referral.
    const landlord = await newPage();
    expect(await logIn(landlord, landlordUrl, GMH.email, 'gmh')).toBe('/referrals');
    await visit(landlord, `${landlordUrl}/referrals/${gmhReferralId}`, 'gmh-referral');
    expect(await landlord.locator('h1').first().textContent()).toContain(tenantName);
    expect(await texts(landlord, 'ul.shared-facts li')).toEqual([expect.stringContaining(housingFact)]);

    // The read, as the disclosure log holds it.
    const reads = (
      await db.query(
        `SELECT e.occurred_at FROM audit_event e JOIN organisation o ON o.id = e.organisation_id
          WHERE e.case_id = $1 AND o.name = $2 AND e.event_type = 'case.read' AND e.outcome = 'allowed' ORDER BY e.id`,
        [caseId, gmhName],
      )
    ).rows as Array<{ occurred_at: Date }>;
    expect(reads).toHaveLength(1);
    const readAt = reads[0]!.occurred_at;

    // --- The privacy officer opens the access log and searches by the case reference.
    const officer = await newPage();
    expect(await logIn(officer, workerUrl, PRIVACY_OFFICER.email, 'privacy-officer')).not.toBe('/login');
    await officer.click('nav a[href="/audit"]');
    await officer.waitForURL((url) => url.pathname === '/audit');
    // No shot of the unfiltered log: on a database other tests share it is 500 rows long.
    expect(await officer.locator('form[action="/audit"] #caseReference').isVisible()).toBe(true);
    await officer.fill('#caseReference', reference);
    await Promise.all([
      officer.waitForURL((url) => url.pathname === '/audit' && url.searchParams.get('caseReference') === reference),
      officer.click('form[action="/audit"] button[type="submit"]'),
    ]);
    await officer.waitForLoadState('load');
    await shoot(officer, 'privacy-officer-audit-by-case');
    const logRows = await cells(officer, 'main table tbody tr');
    expect(logRows.length).toBeGreaterThan(0);
    expect(logRows.every((cols) => cols[2] === reference)).toBe(true);
    const gmhRead = logRows.filter((cols) => cols[1] === `${GMH.email} · ${gmhName}` && cols[3]!.startsWith('Dossier gelezen (housing)'));
    expect(gmhRead).toHaveLength(1);
    expect(gmhRead[0]![0]).toBe(readAt.toISOString().replace('T', ' ').slice(0, 19));
    expect(gmhRead[0]![4]).toBe('Toegelaten');
    // Never case content in the log.
    const officerPage = await officer.content();
    expect(officerPage).not.toContain(tenantName);
    expect(officerPage).not.toContain(housingFact);

    // --- The worker opens the case, follows the link to the tenant's overview.
    const worker = await newPage();
    expect(await logIn(worker, workerUrl, WORKER.email, 'worker')).not.toBe('/login');
    await visit(worker, `${workerUrl}/cases/${caseId}`, 'worker-case');
    await Promise.all([worker.waitForURL((url) => url.pathname === `/cases/${caseId}/overview`), worker.click('a:text-is("Overzicht voor de huurder")')]);
    await worker.waitForLoadState('load');
    await shoot(worker, 'worker-tenant-overview');
    expect((await worker.locator('h1').first().textContent())?.trim()).toBe('Overzicht van uw gegevens');
    expect(await worker.locator('.overview-subtitle').textContent()).toContain(`Dossier ${reference} — ${tenantName}`);

    // GMH's read, with its Belgian time written out in Dutch.
    const when = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(readAt).replace(/\s+/g, ' ');
    const accessRows = await cells(worker, '#overview-partnerAccess tbody tr');
    const listed = accessRows.filter((cols) => cols[1] === gmhName && cols[3]!.startsWith('Opende de aanmelding'));
    expect(listed).toEqual([[when, gmhName, 'Medewerker van de huisvestingsmaatschappij', 'Opende de aanmelding. Onderwerpen: Uw woning.', expect.stringContaining('uw naam')]]);
    expect(await worker.locator('#overview-partnerAccess').isVisible()).toBe(true);
    // The consent and the disclosure are there too; the private note is not, in any form.
    expect(await worker.locator('#overview-consents').textContent()).toContain('Opvolging huuropzeg (browsertest)');
    expect((await texts(worker, '#overview-disclosures tbody tr')).join('\n')).toContain('Alles over: Uw woning');
    expect(await worker.locator('#overview-privateNotes').textContent()).toContain('beroepsgeheim');
    expect(await worker.content()).not.toContain(noteText);
    expect(await worker.locator('a[href$="/overview.pdf"]').count()).toBe(1);

    // On paper: the overview only, without the portal's navigation or the print hint.
    await worker.emulateMedia({ media: 'print' });
    expect(await worker.locator('header.site-header').isVisible()).toBe(false);
    expect(await worker.locator('.no-print').isVisible()).toBe(false);
    expect(await worker.locator('#overview-partnerAccess').isVisible()).toBe(true);
    await shoot(worker, 'worker-tenant-overview-print');

    expect(problems).toEqual([]);
  }, 180_000);
});
