import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@woonbrug/database';
import { registeredRoutes } from '@woonbrug/web';
import type { Page } from 'playwright-core';
import type { Client } from 'pg';
import { PERSONAS_OF_PORTAL, type MatrixFixture, type Params, type RouteRow, type SignedInPersona } from '../support/authorization-rows';
import { openJourney, watch, type Journey } from '../support/browser';
import { ROUTE_ROWS } from '../support/route-rows';
import type { PortalName, Portals } from '../support/portals';
import { validReferral } from '../support/referral-fixtures';

/**
 * Accessibility of every page of the three portals (issue 9): axe-core at WCAG 2.1 AA with zero
 * violations, in Dutch and in English; no horizontal scrolling of the page at 320 px; the login
 * form and one main form per portal filled in and submitted with the keyboard alone, every field
 * and the submit button reached by Tab in order, with a visible focus.
 *
 * The pages are not listed here: they are the GET routes each portal registers
 * (`registeredRoutes`), less /api, /health and /assets. Each is opened with the parameters and as
 * a persona that its row of the authorization matrix allows, so a new page is covered as soon as
 * it has its row (which the matrix test demands); a page route without a row, or one that is
 * neither visited nor in {@link NOT_PAGES}, fails this test. Besides the routes: the error page
 * (404, signed in and out) and the login form after a failed attempt. On every page, too: no raw
 * catalogue key (`start.title`) and no unfilled placeholder (`{name}`) in what it shows or reads
 * out, and the catalogue has every key in both languages.
 */
jest.setTimeout(600_000);

const PORTALS: readonly PortalName[] = ['worker', 'landlord', 'ocmw'];
const LANGUAGES = ['nl', 'en'] as const;
type Lang = (typeof LANGUAGES)[number];
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const NARROW = 320;

/** GET routes that are not HTML pages, with the reason they are not opened in the browser. */
const NOT_PAGES: ReadonlyArray<{ readonly route: string; readonly why: string }> = [
  { route: 'worker GET /reports/yearly.csv', why: 'CSV download (spreadsheet), no HTML' },
  { route: 'worker GET /cases/:caseId/overview.pdf', why: 'PDF download of the tenant overview (its HTML twin /cases/:caseId/overview is checked)' },
];

/** Routes outside the pages: the JSON API, health checks and static files. */
function isPageRoute(path: string): boolean {
  return !/^\/(api|health|assets)(\/|$)/.test(path);
}

/** Who opens a page: the first persona of this order that its row allows, else (public) nobody. */
const PREFERRED: readonly SignedInPersona[] = ['worker', 'coordinator', 'privacyOfficer', 'admin', 'worker2', 'gmh', 'bvt', 'ocmwBeveren', 'ocmwKruibeke'];

function visitorOf(row: RouteRow): SignedInPersona | 'anonymous' | null {
  const expect = row.expect as Readonly<Record<string, string>>;
  const allowed = PREFERRED.find((p) => (PERSONAS_OF_PORTAL[row.portal] as readonly string[]).includes(p) && expect[p] === 'allow');
  if (allowed) return allowed;
  return expect.anonymous === 'public' ? 'anonymous' : null;
}

function fill(path: string, params: Params): string {
  return path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${path}`);
    return value;
  });
}

const ACCOUNT = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.persona, a])) as Record<string, (typeof DEMO_ACCOUNTS)[number]>;

let journey: Journey;
let portals: Portals;
let db: Client;
let urls: Readonly<Record<PortalName, string>>;
const contexts = new Map<string, Promise<Page>>();
let fixture: MatrixFixture;

// ---------------------------------------------------------------------------------------------
// The records the rows' parameters name, built through the API as in the authorization matrix:
// a case referred by GMH and (attached) OCMW Beveren, assigned to `worker`, with facts, a
// consent and a disclosure for GMH and a private note; a referral waiting for triage.

async function api(persona: SignedInPersona, method: 'post', path: string, body: Record<string, unknown>, status: number): Promise<Record<string, unknown>> {
  const portal = ACCOUNT[persona]!.portal as PortalName;
  const res = await portals.http(portal)[method](path).set('Cookie', await portals.login(persona)).send(body);
  if (res.status !== status) throw new Error(`${persona} ${method} ${path}: expected ${status}, got ${res.status} ${res.text}`);
  return res.body as Record<string, unknown>;
}

async function refer(persona: 'gmh' | 'ocmwBeveren', body: Record<string, unknown>): Promise<{ referralId: string; caseId: string }> {
  const { id } = await api(persona, 'post', '/api/referrals', body, 201);
  const caseId = (await db.query('SELECT case_id FROM referral WHERE id = $1', [id])).rows[0].case_id as string;
  return { referralId: id as string, caseId };
}

async function buildFixture(served: Set<string>): Promise<MatrixFixture> {
  const orgs = Object.fromEntries(
    (await db.query(`SELECT id, name FROM organisation`)).rows.flatMap((r: { id: string; name: string }) =>
      r.name.startsWith('GMH') ? [['gmh', r.id]] : r.name.startsWith('BvT') ? [['bvt', r.id]] : r.name === 'OCMW Beveren' ? [['ocmwBeveren', r.id]] : r.name === 'OCMW Kruibeke' ? [['ocmwKruibeke', r.id]] : [],
    ),
  ) as MatrixFixture['orgs'];
  const userId = async (email: string) => (await db.query('SELECT id FROM user_account WHERE email = $1', [email])).rows[0].id as string;
  const users = { worker: await userId(ACCOUNT.worker!.email), worker2: await userId(ACCOUNT.worker2!.email) };
  const dates = (await db.query(`SELECT to_char(current_date - 1, 'YYYY-MM-DD') AS yesterday, to_char(current_date + 30, 'YYYY-MM-DD') AS month`)).rows[0];
  const yesterday = dates.yesterday as string;
  const accept = (caseId: string) => api('coordinator', 'post', `/api/cases/${caseId}/accept`, { workerId: users.worker }, 200);
  const activeCase = async (): Promise<Params> => {
    const { caseId } = await refer('gmh', validReferral());
    await accept(caseId);
    return { caseId, version: String((await db.query('SELECT version FROM case_file WHERE id = $1', [caseId])).rows[0].version) };
  };

  const household = validReferral({ tenantName: 'Toegankelijk Huurder' });
  const own = await refer('gmh', household);
  const ownOcmw = await refer('ocmwBeveren', { ...validReferral(), tenantName: household.tenantName, address: household.address, landlordOrganisationId: orgs.gmh });
  await accept(own.caseId);
  await api('coordinator', 'post', `/api/cases/${ownOcmw.caseId}/attach`, { openCaseId: own.caseId }, 204);
  const addFact = async (category: string, body: string) => (await api('worker', 'post', `/api/cases/${own.caseId}/facts`, { category, body, occurredOn: yesterday }, 201)).id as string;
  await addFact('status', 'Huurder is bereikbaar en werkt mee.');
  await addFact('housing', 'Keuken en living zijn opgeruimd.');
  const editableFactId = await addFact('agreements', 'Wekelijks huisbezoek op dinsdag.');
  await api('worker', 'post', `/api/cases/${own.caseId}/consents`, { organisationId: orgs.gmh, categories: ['housing', 'status'], purpose: 'Opvolging huuropzeg', givenHow: 'written', givenOn: yesterday }, 201);
  await api('worker', 'post', `/api/cases/${own.caseId}/disclosures`, { organisationId: orgs.gmh, category: 'housing', confirmWarning: true }, 201);
  const noteId = served.has('POST /api/cases/:caseId/notes')
    ? ((await api('worker', 'post', `/api/cases/${own.caseId}/notes`, { text: 'Eerste indruk: huurder is moe.' }, 201)).id as string)
    : undefined;
  const pending = await refer('gmh', validReferral());
  const target = await activeCase();
  // A notification, so that the notifications page shows one.
  await db.query(
    `INSERT INTO notification (user_id, kind, case_id, args, dedupe_key)
     SELECT $1, 'no_contact', c.id, jsonb_build_object('reference', c.reference, 'dueDate', to_char(current_date, 'YYYY-MM-DD')), 'a11y:' || gen_random_uuid()
       FROM case_file c WHERE c.id = $2`,
    [users.worker, own.caseId],
  );

  const unused = (what: string) => () => Promise.reject(new Error(`${what}: not needed to open a page`));
  return {
    users,
    orgs,
    own: { caseId: own.caseId, gmhReferralId: own.referralId, ocmwReferralId: ownOcmw.referralId, editableFactId, noteId },
    pendingCaseId: pending.caseId,
    attachTargetCaseId: target.caseId!,
    yesterday,
    inAMonth: dates.month as string,
    secret: (label) => `A11y ${label}`,
    fresh: {
      referredCase: async () => (await refer('gmh', validReferral())).caseId,
      activeCase,
      consent: unused('fresh consent'),
      consentWithDocument: unused('fresh consent with document'),
      disclosure: unused('fresh disclosure'),
      caseAtLastStep: unused('case at last step'),
      closedCase: unused('closed case'),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// One browser; one context per persona, signed in once with the session of the shared API login
// helper (`portals.login`), so that the login steps (password, second factor) stay its concern.

async function pageOf(who: SignedInPersona | 'anonymous', portal: PortalName): Promise<Page> {
  const key = `${who}@${portal}`;
  let made = contexts.get(key);
  if (!made) {
    made = (async () => {
      const page = await journey.newPage();
      // The session of the API login helper (password, and the second factor where the role has
      // one): one login per persona for the whole file, whatever the login steps are.
      if (who !== 'anonymous') {
        const [name, ...value] = (await portals.login(who)).split('=');
        await page.context().addCookies([{ name: name!, value: value.join('='), url: urls[portal] }]);
      }
      return page;
    })();
    contexts.set(key, made);
  }
  return made;
}

/** The language of the next pages: the portals keep `?lang=` in a `lang` cookie. */
async function useLanguage(page: Page, portal: PortalName, lang: Lang): Promise<void> {
  await page.context().addCookies([{ name: 'lang', value: lang, url: urls[portal] }]);
}

/** In the page: the outermost elements that stick out past 320 px, to say what breaks the reflow. */
const WIDE_ELEMENTS = `(() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.right <= ${NARROW} + 1 || out.some((o) => o.el.contains(el))) continue;
    if (out.length < 4) out.push({ el, text: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' (right ' + Math.round(box.right) + ')' });
  }
  return out.map((o) => o.text);
})()`;

/** In the page: its visible text and the texts of attributes that assistive technology reads. */
const PAGE_TEXTS = `(() => {
  const texts = [document.title, document.body.innerText];
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], option, input[type=submit], input[type=button]')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'value']) {
      const value = el.getAttribute(name);
      if (value && (name !== 'value' || el.tagName !== 'INPUT' || el.type === 'submit' || el.type === 'button')) texts.push(value);
    }
    if (el.tagName === 'OPTION') texts.push(el.textContent);
  }
  // <code> holds technical identifiers on purpose (the access log's field names).
  let text = texts.join('\\n');
  for (const code of document.querySelectorAll('code')) if (code.innerText) text = text.split(code.innerText).join(' ');
  return text;
})()`;

const CATALOGUE_DIR = join(__dirname, '..', '..', 'libs', 'web', 'src', 'i18n');

/** Every key of one language's catalogue (`file.path.to.key`). */
function catalogueKeys(lang: Lang): Set<string> {
  const keys = new Set<string>();
  const walk = (prefix: string, value: unknown): void => {
    if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(`${prefix}.${k}`, v);
    else keys.add(prefix);
  };
  for (const file of readdirSync(join(CATALOGUE_DIR, lang)).filter((f) => f.endsWith('.json'))) {
    walk(basename(file, '.json'), JSON.parse(readFileSync(join(CATALOGUE_DIR, lang, file), 'utf8')));
  }
  return keys;
}

const NAMESPACES = readdirSync(join(CATALOGUE_DIR, 'nl')).filter((f) => f.endsWith('.json')).map((f) => basename(f, '.json'));
/** A catalogue key shown as such: what the translator gives back for a key it does not have. */
const RAW_KEY = new RegExp(`(?<![\\w./@-])(?:${NAMESPACES.join('|')})\\.[A-Za-z][\\w-]*(?:\\.[\\w-]+)*(?![\\w@/-])`, 'g');
/** An interpolation left unfilled (`{name}`). */
const UNFILLED = /\{[A-Za-z][A-Za-z0-9_]*\}/g;

/** Raw keys and unfilled placeholders in what the page shows or reads out. */
async function untranslated(page: Page, label: string): Promise<Finding[]> {
  const text = await page.evaluate<string>(PAGE_TEXTS);
  const found = new Set([...(text.match(RAW_KEY) ?? []), ...(text.match(UNFILLED) ?? [])]);
  return [...found].map((token) => ({ page: label, rule: token.startsWith('{') ? 'i18n-unfilled-placeholder' : 'i18n-raw-key', detail: token }));
}

interface Finding {
  readonly page: string;
  readonly rule: string;
  readonly detail: string;
}

/** axe at WCAG 2.1 AA on the page as it is, and the page's width at 320 px. */
async function check(page: Page, label: string, lang: Lang): Promise<Finding[]> {
  const findings: Finding[] = [];
  const htmlLang = await page.evaluate<string>('document.documentElement.lang');
  if (htmlLang !== lang) findings.push({ page: label, rule: 'expected-language', detail: `<html lang="${htmlLang}">, expected ${lang}` });
  findings.push(...(await untranslated(page, label)));
  const axeStarted = Date.now();
  const result = await new AxeBuilder({ page }).setLegacyMode(true).withTags(WCAG_AA).options({ resultTypes: ['violations'] }).analyze();
  axeMs += Date.now() - axeStarted;
  for (const v of result.violations) {
    for (const node of v.nodes) findings.push({ page: label, rule: v.id, detail: `${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ').slice(0, 240)}` });
  }
  await page.setViewportSize({ width: NARROW, height: 800 });
  try {
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    if (width > NARROW) {
      const wide = await page.evaluate<string[]>(WIDE_ELEMENTS);
      findings.push({ page: label, rule: 'reflow-320', detail: `scrollWidth ${width} > ${NARROW}: ${wide.join(', ')}` });
    }
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  return findings;
}

interface Visit {
  readonly route: string;
  readonly who: SignedInPersona | 'anonymous';
  readonly url: string;
}

/** Every page route of a portal with who opens it and where; fails on a route nobody can open. */
async function pagesOf(portal: PortalName): Promise<{ visits: Visit[]; uncovered: string[] }> {
  const visits: Visit[] = [];
  const uncovered: string[] = [];
  const routes = registeredRoutes(portals.apps[portal]).filter((r) => r.method === 'GET' && isPageRoute(r.path));
  for (const { path } of routes) {
    const route = `${portal} GET ${path}`;
    if (NOT_PAGES.some((n) => n.route === route)) continue;
    const row = ROUTE_ROWS[portal].find((r) => r.method === 'GET' && r.path === path);
    const who = row ? visitorOf(row) : null;
    if (!row || !who) {
      uncovered.push(`${route}${row ? ' (its row allows nobody to open it)' : ' (no row in the authorization matrix)'}`);
      continue;
    }
    visits.push({ route, who, url: fill(path, (await row.params?.(fixture)) ?? {}) });
  }
  return { visits, uncovered };
}

function summarise(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.page} [${f.rule}] ${f.detail}`);
}

beforeAll(async () => {
  journey = await openJourney({ ownDatabase: 'a11y', serve: PORTALS });
  ({ portals, db, urls } = journey);
  fixture = await buildFixture(new Set(registeredRoutes(portals.apps.worker).map((r) => `${r.method} ${r.path}`)));
}, 180_000);

afterAll(() => journey?.close(), 60_000);

const allFindings: Finding[] = [];
const timings: Array<{ page: string; ms: number }> = [];
let axeMs = 0;

describe('the catalogue', () => {
  it('has every key in both languages (a key missing in English would show Dutch)', () => {
    const nl = catalogueKeys('nl');
    const en = catalogueKeys('en');
    expect(nl.size).toBeGreaterThan(100);
    expect({ missingInEnglish: [...nl].filter((k) => !en.has(k)), missingInDutch: [...en].filter((k) => !nl.has(k)) }).toEqual({ missingInEnglish: [], missingInDutch: [] });
  });

  it('finds a raw key and an unfilled placeholder in text (so the page check below can fail)', () => {
    const sample = 'Welkom\nstart.title ontbreekt; case.state.active en {name} ook. Mail jan@case.be of zie docs/case.md';
    expect(sample.match(RAW_KEY)).toEqual(['start.title', 'case.state.active']);
    expect(sample.match(UNFILLED)).toEqual(['{name}']);
  });
});

describe('every page passes axe-core at WCAG 2.1 AA, reflows at 320 px and shows no raw catalogue key', () => {
  it('opens every page route or names why not (no page without coverage)', async () => {
    for (const portal of PORTALS) {
      const { visits, uncovered } = await pagesOf(portal);
      expect({ portal, uncovered }).toEqual({ portal, uncovered: [] });
      expect(visits.length).toBeGreaterThan(portal === 'worker' ? 15 : 4);
    }
    // The exclusions name served routes only (a stale one would hide nothing, but mislead).
    const served = new Set(PORTALS.flatMap((p) => registeredRoutes(portals.apps[p]).map((r) => `${p} ${r.method} ${r.path}`)));
    expect(NOT_PAGES.filter((n) => !served.has(n.route))).toEqual([]);
  });

  describe.each(PORTALS)('the %s portal', (portal) => {
    it.each(LANGUAGES)('in %s', async (lang) => {
      const { visits } = await pagesOf(portal);
      const findings: Finding[] = [];
      const statuses: string[] = [];
      // The pages of the routes, then the error page for a missing page (signed in and out).
      const signedIn = visits.find((v) => v.who !== 'anonymous')!.who;
      const extra: Visit[] = [
        { route: `${portal} 404 (signed in)`, who: signedIn, url: '/no-such-page' },
        { route: `${portal} 404 (signed out)`, who: 'anonymous', url: '/no-such-page' },
      ];
      for (const visit of [...visits, ...extra]) {
        const started = Date.now();
        const page = await pageOf(visit.who, portal);
        await useLanguage(page, portal, lang);
        const response = await page.goto(`${urls[portal]}${visit.url}`);
        const status = response?.status() ?? 0;
        const expected = visit.route.includes(' 404 ') ? 404 : visit.who === 'anonymous' ? status : 200;
        if (status !== expected || (visit.who !== 'anonymous' && new URL(page.url()).pathname === '/login')) statuses.push(`${visit.route} as ${visit.who}: ${status} at ${page.url()}`);
        findings.push(...(await check(page, `${visit.route} as ${visit.who} (${lang})`, lang)));
        timings.push({ page: `${visit.route} (${lang})`, ms: Date.now() - started });
      }
      // The login form with its error message (the state after a failed attempt).
      const anonymous = await pageOf('anonymous', portal);
      await useLanguage(anonymous, portal, lang);
      await anonymous.goto(`${urls[portal]}/login`);
      await anonymous.locator('#email').fill('nobody@woonbrug.example');
      await anonymous.locator('#password').fill('wrong password');
      await Promise.all([anonymous.waitForResponse((r) => r.request().method() === 'POST'), anonymous.locator('form.login-form button[type="submit"]').click()]);
      await anonymous.waitForLoadState('load');
      findings.push(...(await check(anonymous, `${portal} login with an error (${lang})`, lang)));
      // A further login step after the password (the second factor), when the portal has one; a
      // context without step timeouts.
      const stepContext = await journey.session.browser.newContext({ locale: 'nl-BE', viewport: { width: 1280, height: 900 } });
      try {
        const step = await stepContext.newPage();
        watch(step, journey.problems);
        await stepContext.addCookies([{ name: 'lang', value: lang, url: urls[portal] }]);
        await step.goto(`${urls[portal]}/login`);
        await step.locator('#email').fill(ACCOUNT[PERSONAS_OF_PORTAL[portal][0]!]!.email);
        await step.locator('#password').fill(DEMO_PASSWORD);
        await Promise.all([
          step.waitForEvent('framenavigated', { predicate: (frame) => frame === step.mainFrame() }),
          step.locator('form.login-form button[type="submit"]').click(),
        ]);
        await step.waitForLoadState('load');
        const path = new URL(step.url()).pathname;
        if (path.startsWith('/login/')) findings.push(...(await check(step, `${portal} login step ${path} (${lang})`, lang)));
      } finally {
        await stepContext.close();
      }

      allFindings.push(...findings);
      expect(statuses).toEqual([]);
      expect(summarise(findings)).toEqual([]);
    });
  });

  afterAll(() => {
    const byRule = new Map<string, number>();
    for (const f of allFindings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    if (byRule.size) process.stdout.write(`\n[a11y] findings by rule: ${JSON.stringify(Object.fromEntries(byRule))}\n`);
    const total = timings.reduce((sum, t) => sum + t.ms, 0);
    const slowest = [...timings].sort((x, y) => y.ms - x.ms).slice(0, 5).map((t) => `${t.page} ${t.ms} ms`);
    process.stdout.write(`\n[a11y] ${timings.length} page checks in ${Math.round(total / 1000)} s (axe ${Math.round(axeMs / 1000)} s); slowest: ${slowest.join('; ')}\n`);
  });
});

// ---------------------------------------------------------------------------------------------
// Keyboard only: from the top of the page, Tab reaches every field of the form and its submit
// button in document order, each with a visible focus; values are typed, chosen with the arrow
// keys, ticked with Space, and the form is sent with Enter.

/** In the page: numbers the form's tab stops (one per radio group) and describes them. */
const MARK_STOPS = (form: string) => `(() => {
  const form = document.querySelector(${JSON.stringify(form)});
  if (!form) return null;
  const stops = [];
  const groups = new Set();
  for (const el of form.querySelectorAll('input:not([type=hidden]), select, textarea, button')) {
    if (el.disabled) continue;
    if (el.type === 'radio') { if (groups.has(el.name)) continue; groups.add(el.name); }
    el.setAttribute('data-kb-stop', String(stops.length));
    stops.push({ name: el.name || el.textContent.trim(), tag: el.tagName.toLowerCase(), type: el.type || '' });
  }
  return stops;
})()`;

/** In the page: the focused element's tab-stop number (or a description) and whether its focus shows. */
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { stop: null, what: 'body', visible: false };
  const style = getComputedStyle(el);
  const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
  const stop = el.getAttribute('data-kb-stop');
  return { stop: stop === null ? null : Number(stop), what: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.getAttribute('href') ? '[href=' + el.getAttribute('href') + ']' : ''), visible };
})()`;

interface Focused {
  readonly stop: number | null;
  readonly what: string;
  readonly visible: boolean;
}

type KeyboardValue = { readonly type: string } | { readonly choose: string } | { readonly date: string } | 'space';

/**
 * Fills and sends a form with the keyboard alone; returns what went wrong (empty when nothing).
 * `values` by field name; fields without a value are tabbed past (they must still be reached).
 */
async function byKeyboard(page: Page, form: string, action: string, values: Readonly<Record<string, KeyboardValue>>): Promise<string[]> {
  const issues: string[] = [];
  const stops = await page.evaluate<Array<{ name: string; tag: string; type: string }> | null>(MARK_STOPS(form));
  if (!stops || stops.length === 0) return [`no form ${form} on ${page.url()}`];
  if (stops[stops.length - 1]!.tag !== 'button') issues.push(`the last tab stop of ${form} is not its submit button`);
  // From the top of the document to the form's first field.
  await page.evaluate('document.activeElement && document.activeElement.blur && document.activeElement.blur()');
  let focused: Focused = { stop: null, what: 'body', visible: false };
  for (let presses = 0; presses < 400 && focused.stop !== 0; presses += 1) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate<Focused>(FOCUSED);
    if (focused.what !== 'body' && !focused.visible) issues.push(`no visible focus on ${focused.what}`);
  }
  if (focused.stop !== 0) return [...issues, `Tab never reached the first field of ${form}`];
  for (let i = 0; i < stops.length; i += 1) {
    const stop = stops[i]!;
    if (i > 0) {
      // Tab moves through the segments of a date field before it leaves the field.
      for (let presses = 0; presses < 6 && (presses === 0 || (focused.stop === i - 1 && stops[i - 1]!.type === 'date')); presses += 1) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate<Focused>(FOCUSED);
      }
    }
    if (focused.stop !== i) return [...issues, `Tab went to ${focused.what} instead of ${stop.tag} ${stop.name} (stop ${i} of ${form})`];
    if (!focused.visible) issues.push(`no visible focus on ${stop.tag} ${stop.name}`);
    const value = values[stop.name];
    if (value === 'space') await page.keyboard.press('Space');
    else if (value && 'type' in value) {
      await page.keyboard.press('Control+A');
      await page.keyboard.type(value.type);
    } else if (value && 'date' in value) {
      // Chromium's date field takes digits segment by segment, in the order of the browser's own
      // locale (en-US where only that locale is installed): try the orders, emptying the field
      // between tries; the try that fits is pure typing.
      const [y, m, d] = value.date.split('-');
      let got = '';
      for (const digits of [`${m}${d}${y}`, `${d}${m}${y}`, `${y}${m}${d}`]) {
        await page.keyboard.type(digits);
        got = await page.evaluate<string>('document.activeElement.value');
        if (got === value.date) break;
        await page.evaluate("document.activeElement.value = ''; document.activeElement.blur(); document.querySelector('[data-kb-stop=\"" + i + "\"]').focus()");
      }
      if (got !== value.date) issues.push(`date ${stop.name}: typed ${value.date}, field holds "${got}"`);
    } else if (value && 'choose' in value) {
      for (let n = 0; n < 60 && (await page.evaluate<string>('document.activeElement.value')) !== value.choose; n += 1) await page.keyboard.press('ArrowDown');
      const got = await page.evaluate<string>('document.activeElement.value');
      if (got !== value.choose) issues.push(`select ${stop.name}: the arrow keys never chose ${value.choose}`);
    }
  }
  // The form's POST, then the document it leads to (redirects included) has loaded.
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === action),
    page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() }),
    page.keyboard.press('Enter'),
  ]);
  await page.waitForLoadState('load');
  if (response.status() >= 400) issues.push(`POST ${action} answered ${response.status()}: ${(await page.locator('[role="alert"]').allTextContents()).join(' | ').replace(/\s+/g, ' ')}`);
  return issues;
}

describe('forms work with the keyboard alone', () => {
  it.each(PORTALS)('logs in on the %s portal', async (portal) => {
    const persona = PERSONAS_OF_PORTAL[portal][0]!;
    const page = await journey.newPage();
    try {
      await page.goto(`${urls[portal]}/login`);
      const issues = await byKeyboard(page, 'form.login-form', '/login', { email: { type: ACCOUNT[persona]!.email }, password: { type: DEMO_PASSWORD } });
      expect(issues).toEqual([]);
      // Signed in (or on to a further login step): not the login form with an error.
      const alerts = await page.locator('[role="alert"]').allTextContents();
      expect({ landed: new URL(page.url()).pathname, alerts }).toEqual({ landed: expect.not.stringMatching(/^\/login$/), alerts: [] });
    } finally {
      await page.context().close();
    }
  });

  it('lets a landlord refer a household', async () => {
    const page = await pageOf('gmh', 'landlord');
    await useLanguage(page, 'landlord', 'nl');
    await page.goto(`${urls.landlord}/referrals/new`);
    const tenantName = `Toetsenbord Huurder ${Date.now()}`;
    const issues = await byKeyboard(page, 'form[action="/referrals"]', '/referrals', {
      tenantName: { type: tenantName },
      address: { type: 'Toetsenbordstraat 1' },
      municipality: { choose: 'Beveren' },
      reason: { choose: 'lease_termination_neglect' },
      noticeDate: { date: fixture.yesterday },
      referrerContactName: { type: 'Toets Contact' },
      tenantInformed: 'space',
    });
    expect(issues).toEqual([]);
    expect(new URL(page.url()).pathname).toMatch(/^\/referrals\/[0-9a-f-]{36}$/);
    expect(await page.locator('main').textContent()).toContain(tenantName);
  });

  it('lets a worker add a fact to a case', async () => {
    const page = await pageOf('worker', 'worker');
    await useLanguage(page, 'worker', 'nl');
    await page.goto(`${urls.worker}/cases/${fixture.own.caseId}`);
    const body = `Met het toetsenbord genoteerd ${Date.now()}`;
    const action = `/cases/${fixture.own.caseId}/facts`;
    const issues = await byKeyboard(page, `form[action="${action}"]`, action, { category: { choose: 'agreements' }, body: { type: body } });
    expect(issues).toEqual([]);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain(body);
  });

  it('lets an OCMW answer a budget referral', async () => {
    const row = ROUTE_ROWS.ocmw.find((r) => r.method === 'GET' && r.path === '/budget/:id')!;
    const { id } = await row.params!(fixture);
    const page = await pageOf('ocmwBeveren', 'ocmw');
    await useLanguage(page, 'ocmw', 'nl');
    await page.goto(`${urls.ocmw}/budget/${id}`);
    const reason = `Geen budgetbegeleiding nodig (toetsenbord ${Date.now()})`;
    const action = `/budget/${id}/decline`;
    const issues = await byKeyboard(page, `form[action="${action}"]`, action, { reason: { type: reason } });
    expect(issues).toEqual([]);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain(reason);
  });
});

describe('no script errors or server errors on any page', () => {
  it('saw none', () => {
    expect(journey.problems).toEqual([]);
  });
});
