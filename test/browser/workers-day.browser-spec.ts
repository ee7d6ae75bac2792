import { DEMO_ACCOUNTS } from '@woonbrug/database';
import type { Page } from 'playwright-core';
import { logIn, openJourney, shoot, type Journey } from '../support/browser';

/**
 * The worker's day in a real browser (issue 9): the demo worker logs in, lands on the start page
 * with the day's sections, searches the own cases from the header and opens the case found — two
 * clicks — and from the start page opens a case and one of its pages, again two clicks. Another
 * worker's search never shows the first worker's case.
 */

const WORKER = DEMO_ACCOUNTS.find((a) => a.persona === 'worker')!;
const WORKER2 = DEMO_ACCOUNTS.find((a) => a.persona === 'worker2')!;

/** Clicks a link or button and waits for the document it leads to; counts the click. */
async function click(page: Page, selector: string, clicks: { n: number }): Promise<void> {
  const before = page.url();
  await Promise.all([page.waitForURL((url) => url.toString() !== before), page.click(selector)]);
  await page.waitForLoadState('load');
  clicks.n += 1;
}

describe('the worker’s day (browser)', () => {
  let journey: Journey | undefined;
  const demo: Record<string, string> = {};

  beforeAll(async () => {
    journey = await openJourney({ ownDatabase: 'workers_day_browser', serve: ['worker'] });
    for (const row of (await journey.db.query(`SELECT id, reference FROM case_file WHERE reference LIKE 'DEMO-%'`)).rows as Array<{ id: string; reference: string }>) {
      demo[row.reference] = row.id;
    }
  }, 150_000);

  afterAll(() => journey?.close(), 60_000);

  it('searches from the header and opens the own case in two clicks; opens a case page from the start page in two clicks', async () => {
    const { newPage, problems, urls: { worker: workerUrl } } = journey!;
    const page = await newPage();
    expect(await logIn(page, workerUrl, WORKER.email, 'workers-day-worker')).toBe('/');
    await shoot(page, 'workers-day-start');
    for (const heading of ['#search-heading', '#due-heading', '#attention-heading', '#unread-heading', '#caseload-heading']) {
      expect(await page.locator(heading).count()).toBe(1);
    }
    // DEMO-01 has gone 16 days without contact in the demo data: it needs attention.
    expect(await page.locator(`#attention-heading ~ ul a[href="/cases/${demo['DEMO-01']}"]`).count()).toBe(1);

    // Header search: type, click "Zoeken" (1), click the case found (2).
    const viaSearch = { n: 0 };
    await page.fill('#header-search-q', 'Jan Vóórbeeld');
    await click(page, 'form.header-search button[type="submit"]', viaSearch);
    expect(new URL(page.url()).pathname).toBe('/search');
    await shoot(page, 'workers-day-search-results');
    const found = await page.locator('#results-heading ~ div table tbody a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(found).toEqual([`/cases/${demo['DEMO-01']}`]);
    await click(page, `a[href="/cases/${demo['DEMO-01']}"]`, viaSearch);
    expect(new URL(page.url()).pathname).toBe(`/cases/${demo['DEMO-01']}`);
    expect(await page.locator('h1').textContent()).toContain('DEMO-01');
    expect(viaSearch.n).toBeLessThanOrEqual(2);
    await shoot(page, 'workers-day-case');

    // From the start page: the case (1), then its timeline (2).
    await page.goto(`${workerUrl}/`);
    const viaStart = { n: 0 };
    await click(page, `#caseload-heading ~ ul a[href="/cases/${demo['DEMO-01']}"]`, viaStart);
    await click(page, `a[href="/cases/${demo['DEMO-01']}/timeline"]`, viaStart);
    expect(new URL(page.url()).pathname).toBe(`/cases/${demo['DEMO-01']}/timeline`);
    expect(viaStart.n).toBe(2);
    await shoot(page, 'workers-day-timeline');

    // The search page's own form, with a case number.
    await page.goto(`${workerUrl}/search`);
    await page.fill('#search-page-q', 'demo-01');
    await click(page, 'form.case-search button[type="submit"]', { n: 0 });
    expect(await page.locator(`#results-heading ~ div a[href="/cases/${demo['DEMO-01']}"]`).count()).toBe(1);

    // Another worker searching the same name finds nothing of it.
    const other = await newPage();
    expect(await logIn(other, workerUrl, WORKER2.email, 'workers-day-worker2')).toBe('/');
    await other.fill('#header-search-q', 'Jan Voorbeeld');
    await click(other, 'form.header-search button[type="submit"]', { n: 0 });
    expect(await other.locator('#results-heading').textContent()).toContain('(0)');
    expect(await other.content()).not.toContain(demo['DEMO-01']!);
    await shoot(other, 'workers-day-search-other-worker');

    expect(problems).toEqual([]);
  }, 120_000);
});
