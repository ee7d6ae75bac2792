import { DEMO_ACCOUNTS } from '@woonbrug/database';
import type { Page } from 'playwright-core';
import { logIn, openJourney, shoot, visit, type Journey } from '../support/browser';

/**
 * The coordinator opens the yearly report in a real browser, narrows it to the project years
 * 2011–2013 and sees the table of DESIGN.md §5 (75 %, 89 %, 100 %, total 88 %) and the SVG chart
 * with one bar per year; a worker has no report. A landlord sees its own figures with small cells
 * withheld.
 */

const COORDINATOR = DEMO_ACCOUNTS.find((a) => a.persona === 'coordinator')!;
const WORKER = DEMO_ACCOUNTS.find((a) => a.persona === 'worker')!;
const GMH = DEMO_ACCOUNTS.find((a) => a.persona === 'gmh')!;

/** The text of a cell, whitespace (the no-break space before `%` included) made plain. */
async function cellTexts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
}

describe('yearly report (browser)', () => {
  let journey: Journey | undefined;

  beforeAll(async () => {
    journey = await openJourney({ serve: ['worker', 'landlord'] });
  }, 120_000);

  afterAll(() => journey?.close(), 60_000);

  it('the coordinator opens the report and sees the table of DESIGN.md §5 and the chart', async () => {
    const { newPage, problems, urls: { worker: workerUrl } } = journey!;
    const page = await newPage();
    await logIn(page, workerUrl, COORDINATOR.email, 'report-coordinator');

    // From the navigation to the report (all years).
    const nav = page.getByRole('navigation').getByRole('link', { name: 'Jaarrapport', exact: true });
    await Promise.all([page.waitForURL(`${workerUrl}/reports/yearly`), nav.click()]);
    await shoot(page, 'report-all-years');
    expect(await page.locator('h1').textContent()).toBe('Jaarrapport');
    expect(await page.locator('svg#report-chart').count()).toBe(1);

    // Narrow it to the years of the project.
    await page.fill('#fromYear', '2011');
    await page.fill('#toYear', '2013');
    await Promise.all([page.waitForURL(`${workerUrl}/reports/yearly?fromYear=2011&toYear=2013`), page.click('form.report-filter button[type="submit"]')]);
    await page.waitForLoadState('load');
    await shoot(page, 'report-2011-2013');

    const table = page.locator('table#report-years');
    await table.waitFor({ state: 'visible' });
    expect(await cellTexts(page, 'table#report-years tbody th')).toEqual(['2011', '2012', '2013']);
    expect(await cellTexts(page, 'table#report-years tbody td:nth-of-type(1)')).toEqual(['4', '9', '4']);
    expect(await cellTexts(page, 'table#report-years tbody td:nth-of-type(2)')).toEqual(['3', '8', '4']);
    expect(await cellTexts(page, 'table#report-years tbody td.success')).toEqual(['75 %', '89 %', '100 %']);
    expect(await cellTexts(page, 'table#report-years tfoot td:nth-of-type(1)')).toEqual(['17']);
    expect(await cellTexts(page, 'table#report-years tfoot td:nth-of-type(2)')).toEqual(['15']);
    expect(await cellTexts(page, 'table#report-years tfoot td.success')).toEqual(['88 %']);
    for (const text of ['75 %', '89 %', '100 %', '88 %']) expect(await table.getByText(text, { exact: true }).first().isVisible()).toBe(true);

    // The chart: an image with a title and description, one bar per year.
    const chart = page.locator('svg#report-chart');
    await chart.waitFor({ state: 'visible' });
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.locator('title#report-chart-title').textContent()).toBe('Afgeronde trajecten per jaar van start, gunstig en ongunstig');
    expect(await chart.locator('desc').textContent()).toContain('2012: 9 afgeronde trajecten, 8 gunstig (89 %).');
    expect(await chart.locator('g.bar').count()).toBe(3);
    expect(await chart.locator('g.bar').evaluateAll((bars) => bars.map((b) => b.getAttribute('data-year')))).toEqual(['2011', '2012', '2013']);
    expect(await chart.locator('g.bar rect.bar-favourable').count()).toBe(3);
    const heights = await chart.locator('g.bar').evaluateAll((bars) => bars.map((b) => Math.round((b as unknown as { getBBox(): { height: number } }).getBBox().height)));
    // 2012 (9 trajectories) is the tallest bar, 2011 and 2013 (4 each) are as tall as each other.
    expect(heights[1]).toBeGreaterThan(heights[0]!);
    expect(heights[0]).toBe(heights[2]);

    // The CSV link gives the same table.
    const csvHref = await page.locator('a#report-csv').getAttribute('href');
    expect(csvHref).toBe('/reports/yearly.csv?fromYear=2011&toYear=2013');
    const csv = await page.request.get(`${workerUrl}${csvHref}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('Totaal;;17;15;2;1;1;0;0;88 %');

    expect(problems).toEqual([]);
  }, 120_000);

  it('a worker has no report, and a landlord sees its own figures with small cells withheld', async () => {
    const { newPage, problems, urls: { worker: workerUrl, landlord: landlordUrl } } = journey!;
    const worker = await newPage();
    await logIn(worker, workerUrl, WORKER.email, 'report-worker');
    expect(await worker.getByRole('navigation').getByRole('link', { name: 'Jaarrapport' }).count()).toBe(0);
    const refused = await worker.goto(`${workerUrl}/reports/yearly`);
    expect(refused?.status()).toBe(403);
    await shoot(worker, 'report-worker-refused');
    expect(await worker.locator('table#report-years').count()).toBe(0);

    const landlord = await newPage();
    await logIn(landlord, landlordUrl, GMH.email, 'figures-landlord');
    const nav = landlord.getByRole('navigation').getByRole('link', { name: 'Cijfers', exact: true });
    await Promise.all([landlord.waitForURL(`${landlordUrl}/figures`), nav.click()]);
    await visit(landlord, `${landlordUrl}/figures?fromYear=2011&toYear=2013`, 'figures-landlord-2011-2013');
    expect(await cellTexts(landlord, 'table#report-years tbody th')).toEqual(['2011', '2012', '2013']);
    expect(await landlord.locator('table#report-years td.suppressed').count()).toBeGreaterThan(0);
    expect(await landlord.locator('.notice').first().textContent()).toContain('Aantallen kleiner dan 3 worden niet getoond');

    expect(problems).toEqual([]);
  }, 120_000);
});
