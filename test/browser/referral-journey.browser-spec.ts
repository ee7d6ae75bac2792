import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS } from '@woonbrug/database';
import type { Page } from 'playwright-core';
import { logIn, openJourney, shoot, submit, visit, type Journey } from '../support/browser';

/**
 * The referral journey in a real browser: a social landlord refers a tenant through the landlord
 * portal, the coordinator accepts and assigns the referral in the worker portal, and the landlord
 * then sees that the tenant is being followed up.
 */

const GMH = DEMO_ACCOUNTS.find((a) => a.persona === 'gmh')!;
const COORDINATOR = DEMO_ACCOUNTS.find((a) => a.persona === 'coordinator')!;
const WORKER = DEMO_ACCOUNTS.find((a) => a.persona === 'worker')!;

async function fillReferral(page: Page, values: { tenantName: string; address: string }): Promise<void> {
  await page.fill('#tenantName', values.tenantName);
  await page.fill('#address', values.address);
  await page.selectOption('#municipality', 'Beveren');
  await page.selectOption('#reason', 'lease_termination_neglect');
  await page.fill('#noticeDate', '2026-09-15');
  await page.fill('#hearingDate', '2026-12-20');
  await page.fill('#referrerContactName', 'An Verhuur');
  await page.fill('#context', 'Woning sterk vervuild; huurder reageert niet op brieven. (browsertest)');
  await page.check('#tenantInformed');
}

describe('referral journey (browser)', () => {
  let journey: Journey | undefined;

  beforeAll(async () => {
    journey = await openJourney({ serve: ['landlord', 'worker'] });
  }, 120_000);

  afterAll(() => journey?.close(), 60_000);

  it('a landlord refers a tenant, the coordinator accepts it, the landlord sees it is followed up', async () => {
    const { newPage, problems, urls: { landlord: landlordUrl, worker: workerUrl } } = journey!;
    const suffix = randomUUID().slice(0, 8);
    const tenantName = `Browsertest Huurder ${suffix}`;
    const address = `Browserstraat ${suffix}`;

    // --- Landlord (GMH) logs in on the landlord portal and opens the form.
    const landlord = await newPage();
    expect(await logIn(landlord, landlordUrl, GMH.email, 'landlord')).toBe('/referrals');
    await visit(landlord, `${landlordUrl}/referrals/new`, 'landlord-referral-form');
    expect(await landlord.locator('form[action="/referrals"]').count()).toBe(1);

    // --- Negative: without the tenant's name the form comes back with errors (400).
    await fillReferral(landlord, { tenantName: '', address });
    const invalid = await submit(landlord, 'form[action="/referrals"] button[type="submit"]', '/referrals', (url) => url.pathname === '/referrals');
    expect(invalid.status()).toBe(400);
    await shoot(landlord, 'landlord-referral-form-errors');
    expect(new URL(landlord.url()).pathname).toBe('/referrals');
    const alert = landlord.getByRole('alert');
    await alert.waitFor({ state: 'visible' });
    expect(await alert.textContent()).toContain('Het formulier bevat fouten');
    expect(await alert.locator('a[href="#tenantName"]').count()).toBe(1);
    expect(await landlord.getAttribute('#tenantName', 'aria-invalid')).toBe('true');
    expect(await landlord.locator('form[action="/referrals"]').count()).toBe(1);
    // What was typed is kept.
    expect(await landlord.inputValue('#address')).toBe(address);

    // --- The valid referral.
    await fillReferral(landlord, { tenantName, address });
    const created = await submit(landlord, 'form[action="/referrals"] button[type="submit"]', '/referrals', (url) =>
      /^\/referrals\/[^/]+$/.test(url.pathname) && url.search === '?created=1',
    );
    expect([302, 303]).toContain(created.status());
    await shoot(landlord, 'landlord-referral-created');
    const referralUrl = landlord.url();
    expect(await landlord.locator('h1').first().textContent()).toContain(tenantName);
    expect(await landlord.locator('.notice.success[role="status"]').count()).toBe(1);
    expect((await landlord.locator('.status').first().textContent())?.trim()).toBe('Nog niet aanvaard');

    // --- Coordinator logs in on the worker portal (own browser context, other origin).
    const coordinator = await newPage();
    await logIn(coordinator, workerUrl, COORDINATOR.email, 'coordinator');
    await visit(coordinator, `${workerUrl}/referrals`, 'coordinator-incoming');
    const link = coordinator.getByRole('link', { name: tenantName, exact: true });
    expect(await link.count()).toBe(1);
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/referrals\/[^/?]+$/);
    const caseId = href!.split('/')[2]!;

    await Promise.all([coordinator.waitForURL(`${workerUrl}${href}`), link.click()]);
    await shoot(coordinator, 'coordinator-triage');
    expect(await coordinator.locator('h1').first().textContent()).toContain(tenantName);
    await coordinator.selectOption('#workerId', { label: WORKER.displayName });
    const accepted = await submit(
      coordinator,
      `form[action="/referrals/${caseId}/accept"] button[type="submit"]`,
      `/referrals/${caseId}/accept`,
      (url) => url.pathname === `/cases/${caseId}` && url.search === '?accepted=1',
    );
    expect([302, 303]).toContain(accepted.status());
    await shoot(coordinator, 'coordinator-case');
    expect(await coordinator.locator('h1').first().textContent()).toContain(tenantName);
    expect(await coordinator.locator('.notice.success[role="status"]').textContent()).toContain('Het dossier is aanvaard en toegewezen.');
    expect(await coordinator.locator('dl.facts').first().textContent()).toContain(WORKER.displayName);

    // --- The referral is gone from the incoming list.
    await visit(coordinator, `${workerUrl}/referrals`, 'coordinator-incoming-after');
    expect(await coordinator.getByRole('link', { name: tenantName, exact: true }).count()).toBe(0);

    // --- The landlord reloads its referral page and sees it is being followed up.
    const reloaded = await landlord.reload();
    expect(reloaded?.status()).toBe(200);
    await shoot(landlord, 'landlord-referral-followed-up');
    expect(landlord.url()).toBe(referralUrl);
    expect((await landlord.locator('.status').first().textContent())?.trim()).toBe('Wordt opgevolgd');

    expect(problems).toEqual([]);
  }, 120_000);
});
