import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoPersona } from '@woonbrug/database';
import { Clock } from '@woonbrug/kernel';
import { registeredRoutes } from '@woonbrug/web';
import type { Page } from 'playwright-core';
import { logIn, openJourney, submit, type Journey } from '../support/browser';
import type { PortalName } from '../support/portals';

/**
 * The user guides per role (docs/guides/*.md, issue 9), kept true by this spec:
 * 1. the screenshots of the guides are taken here, as the right demo persona, in Dutch, in a
 *    1200×800 window, and written to docs/guides/img/<guide>-<step>.png (overwritten each run);
 * 2. every page path a guide names in backticks (`/referrals`, `/cases/…`) must be a GET route
 *    of that guide's portal (`:param` segments match any value), every image a guide shows must
 *    exist under docs/guides/img, and every screenshot taken here must be shown by a guide.
 */

const GUIDES_DIR = resolve(__dirname, '..', '..', 'docs', 'guides');
const IMG_DIR = join(GUIDES_DIR, 'img');

/** The portal whose pages each guide describes; the index (README.md) may name any portal's. */
const PORTAL_OF_GUIDE: Record<string, PortalName> = {
  'bemoeizorger.md': 'worker',
  'coordinator.md': 'worker',
  'privacy-officer.md': 'worker',
  'verhuurder.md': 'landlord',
  'ocmw.md': 'ocmw',
};

/** The page's window, as far as this spec scrolls it (the tests compile without the DOM library). */
interface Scrollable {
  scrollTo(x: number, y: number): void;
  scrollBy(x: number, y: number): void;
}

const account = (persona: DemoPersona) => DEMO_ACCOUNTS.find((a) => a.persona === persona)!;

/** `/cases/…` matches `/cases/:id`; a query string or fragment is ignored. */
export function matchesRoute(pagePath: string, routePath: string): boolean {
  const clean = pagePath.replace(/[?#].*$/, '');
  const want = clean.split('/').filter(Boolean);
  const have = routePath.split('/').filter(Boolean);
  return want.length === have.length && have.every((segment, i) => segment.startsWith(':') || segment === want[i]);
}

/** Page paths in backticks: `/referrals`, `/cases/…/timeline`, `/audit?caseReference=…`. */
export function pagePathsOf(markdown: string): string[] {
  return [...markdown.matchAll(/`(\/[^`\s]*)`/g)].map((m) => m[1]!);
}

/** Targets of image links: ![alt](img/x.png). */
function imagesOf(markdown: string): string[] {
  return [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
}

describe('the user guides: screenshots and the pages they name (browser)', () => {
  let journey: Journey | undefined;
  const taken: string[] = [];
  const demo: Record<string, string> = {};
  const referralOf: Record<string, string> = {};

  beforeAll(async () => {
    // Every person of its own: Dutch, 1200×800, every page watched for script errors and 5xx.
    journey = await openJourney({ ownDatabase: 'guides', serve: ['worker', 'landlord', 'ocmw'], viewport: { width: 1200, height: 800 } });
    const { db } = journey;
    for (const row of (await db.query(`SELECT id, reference FROM case_file WHERE reference LIKE 'DEMO-%'`)).rows as Array<{ id: string; reference: string }>) {
      demo[row.reference] = row.id;
    }
    const referrals = await db.query(`SELECT r.id, c.reference FROM referral r JOIN case_file c ON c.id = r.case_id WHERE c.reference LIKE 'DEMO-%'`);
    for (const row of referrals.rows as Array<{ id: string; reference: string }>) referralOf[row.reference] = row.id;
    mkdirSync(IMG_DIR, { recursive: true });
  }, 150_000);

  afterAll(() => journey?.close(), 60_000);

  /** Writes the visible window to docs/guides/img/<name>.png. */
  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(IMG_DIR, `${name}.png`), animations: 'disabled' });
    taken.push(`${name}.png`);
  }

  /** Scrolls the element to the top of the window, `above` pixels lower. */
  async function scrollTo(page: Page, selector: string, above = 0): Promise<void> {
    await page.locator(selector).first().evaluate((el, offset) => {
      el.scrollIntoView({ block: 'start' });
      (globalThis as unknown as Scrollable).scrollBy(0, -offset);
    }, above);
  }

  /** Opens a page, expects 200 and takes its screenshot (of the part from `from` on, if given). */
  async function show(page: Page, url: string, name: string, from?: { selector: string; above?: number }): Promise<void> {
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    if (from) await scrollTo(page, from.selector, from.above);
    await shot(page, name);
  }

  it('takes the screenshots of every guide', async () => {
    const { newPage, problems, urls: { worker, landlord, ocmw } } = journey!;
    const demo01 = demo['DEMO-01']!;

    // Outreach worker: the two login steps (the code is not entered here), then the work.
    const anonymous = await newPage();
    await show(anonymous, `${worker}/login`, 'bemoeizorger-1-aanmelden');
    await anonymous.fill('#email', account('worker').email);
    await anonymous.fill('#password', DEMO_PASSWORD);
    await submit(anonymous, 'form.login-form button[type="submit"]', '/login', (url) => url.pathname !== '/login');
    expect(new URL(anonymous.url()).pathname).toBe('/login/second-factor');
    await shot(anonymous, 'bemoeizorger-2-code');
    await anonymous.context().close();

    // GMH recorded a step of its procedure on DEMO-01: the worker's start page shows that answer.
    const { portals } = journey!;
    const step = await portals
      .http('landlord')
      .post(`/api/referrals/${referralOf['DEMO-01']}/procedure-events`)
      .set('Cookie', await portals.login('gmh'))
      .send({ kind: 'claim_filed', eventDate: portals.apps.landlord.get(Clock).today(), note: 'Vordering ingediend; de zitting volgt.' });
    expect(step.status).toBe(201);
    const outreach = await newPage();
    expect(await logIn(outreach, worker, account('worker').email, 'guides-worker')).toBe('/');
    await show(outreach, `${worker}/`, 'bemoeizorger-3-start');
    expect(await outreach.locator('#unread-heading + ul').textContent()).toContain('DEMO-01: GMH');
    await show(outreach, `${worker}/cases/${demo01}`, 'bemoeizorger-4-dossier');
    await show(outreach, `${worker}/cases/${demo01}`, 'bemoeizorger-5-delen', { selector: '#sharing' });
    await show(outreach, `${worker}/cases/${demo01}/notes`, 'bemoeizorger-6-notities');
    // A financial referral to OCMW Beveren (the tenant consented to share `financial` with it).
    await outreach.goto(`${worker}/cases/${demo01}/budget`);
    await outreach.selectOption('#kind', 'budget_guidance');
    await outreach.fill('#motivation', 'Schulden bij de energieleverancier; de huurder vraagt zelf hulp bij het budget.');
    const referred = await submit(outreach, `form[action="/cases/${demo01}/budget"] button[type="submit"]`, `/cases/${demo01}/budget`, (url) => url.searchParams.has('saved'));
    expect(referred.status()).toBe(303);
    await outreach.evaluate(() => (globalThis as unknown as Scrollable).scrollTo(0, 0));
    await shot(outreach, 'bemoeizorger-7-budget');

    // Coordinator: incoming referrals, a referral to decide on, the caseloads, the yearly report.
    const coordinator = await newPage();
    expect(await logIn(coordinator, worker, account('coordinator').email, 'guides-coordinator')).toBe('/');
    await show(coordinator, `${worker}/referrals`, 'coordinator-1-aanmeldingen');
    await show(coordinator, `${worker}/referrals/${demo['DEMO-03']}`, 'coordinator-2-beslissen');
    await show(coordinator, `${worker}/cases`, 'coordinator-3-dossiers');
    await show(coordinator, `${worker}/reports/yearly`, 'coordinator-4-jaarrapport');

    // Landlord staff (GMH): its referrals, the one of DEMO-01 with what the worker shares, a new one, its figures.
    const gmh = await newPage();
    await show(gmh, `${landlord}/login`, 'verhuurder-1-aanmelden');
    expect(await logIn(gmh, landlord, account('gmh').email, 'guides-gmh')).toBe('/referrals');
    await show(gmh, `${landlord}/referrals`, 'verhuurder-2-aanmeldingen');
    await show(gmh, `${landlord}/referrals/${referralOf['DEMO-01']}`, 'verhuurder-3-aanmelding');
    expect(await gmh.content()).toContain('Keuken en badkamer opgeruimd');
    expect(await gmh.content()).not.toContain('Schulden bij energieleverancier');
    await show(gmh, `${landlord}/referrals/new`, 'verhuurder-4-nieuwe-aanmelding');
    await show(gmh, `${landlord}/figures`, 'verhuurder-5-cijfers');

    // OCMW staff (Beveren): its referrals, DEMO-04, the budget inbox with the worker's referral, that referral.
    const beveren = await newPage();
    expect(await logIn(beveren, ocmw, account('ocmwBeveren').email, 'guides-ocmw')).toBe('/referrals');
    await show(beveren, `${ocmw}/referrals`, 'ocmw-1-aanmeldingen');
    await show(beveren, `${ocmw}/referrals/${referralOf['DEMO-04']}`, 'ocmw-2-aanmelding');
    await show(beveren, `${ocmw}/budget`, 'ocmw-3-budget');
    const budgetLink = beveren.locator('main a[href^="/budget/"]').first();
    const budgetHref = await budgetLink.getAttribute('href');
    expect(budgetHref).toMatch(/^\/budget\/[0-9a-f-]{36}$/);
    await show(beveren, `${ocmw}${budgetHref}`, 'ocmw-4-budgetdossier');

    // Privacy officer: the access log, then searched for DEMO-01, which GMH just read.
    const privacy = await newPage();
    expect(await logIn(privacy, worker, account('privacyOfficer').email, 'guides-privacy')).toBe('/');
    await show(privacy, `${worker}/audit`, 'privacy-officer-1-toegangslog');
    await show(privacy, `${worker}/audit?caseReference=DEMO-01`, 'privacy-officer-2-zoeken', { selector: 'main form button[type="submit"]', above: 100 });
    expect(await privacy.locator('main table tbody tr').count()).toBeGreaterThan(0);

    for (const file of taken) expect(existsSync(join(IMG_DIR, file))).toBe(true);
    expect(problems).toEqual([]);
  }, 180_000);

  it('the guides name only pages their portal serves and show only images that exist', () => {
    const getRoutes = (portal: PortalName) => registeredRoutes(journey!.portals.apps[portal]).filter((r) => r.method === 'GET').map((r) => r.path);
    const all = { worker: getRoutes('worker'), landlord: getRoutes('landlord'), ocmw: getRoutes('ocmw') };
    // The check can fail: a made-up page matches nothing, a real one matches.
    expect(all.worker.some((r) => matchesRoute('/bestaat-niet', r))).toBe(false);
    expect(all.worker.some((r) => matchesRoute('/cases/…/timeline', r))).toBe(true);
    expect(all.landlord.some((r) => matchesRoute('/audit', r))).toBe(false);

    const guides = readdirSync(GUIDES_DIR).filter((f) => f.endsWith('.md'));
    expect(guides.sort()).toEqual(['README.md', ...Object.keys(PORTAL_OF_GUIDE)].sort());
    const unknownPages: string[] = [];
    const missingImages: string[] = [];
    const shown = new Set<string>();
    for (const guide of guides) {
      const text = readFileSync(join(GUIDES_DIR, guide), 'utf8');
      const portal = PORTAL_OF_GUIDE[guide];
      const routes = portal ? all[portal] : [...all.worker, ...all.landlord, ...all.ocmw];
      const paths = pagePathsOf(text);
      if (portal) expect({ guide, pages: paths.length >= 3 }).toEqual({ guide, pages: true });
      for (const path of paths) if (!routes.some((r) => matchesRoute(path, r))) unknownPages.push(`${guide}: ${path}`);
      for (const image of imagesOf(text)) {
        const file = resolve(GUIDES_DIR, image);
        if (relative(IMG_DIR, dirname(file)) !== '' || !existsSync(file)) missingImages.push(`${guide}: ${image}`);
        else shown.add(relative(IMG_DIR, file));
      }
    }
    expect(unknownPages).toEqual([]);
    expect(missingImages).toEqual([]);
    // Every screenshot taken above is shown in a guide (none goes stale unseen).
    expect(taken.filter((file) => !shown.has(file))).toEqual([]);
  });
});
