import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS } from '@woonbrug/database';
import { addDays, addMonths, Clock } from '@woonbrug/kernel';
import type { Page } from 'playwright-core';
import { logIn, openJourney, shoot, submit, visit, type Journey } from '../support/browser';

/**
 * The whole trajectory in a real browser, through the three portals: a social landlord (GMH)
 * refers a tenant in Beveren, the coordinator accepts it for a worker, the worker records consent,
 * walks the care continuum and refers the tenant to OCMW Beveren for budget guidance; the OCMW
 * accepts, reports the guidance and a cost advance that the worker then sees; GMH records a step of
 * its eviction procedure that the worker sees; aftercare longer than three months is refused, a
 * shorter one starts; the worker closes the case, and GMH sees the final status and no longer any
 * shared information. Every form is filled and submitted as a person would, every page shot.
 */

const GMH = DEMO_ACCOUNTS.find((a) => a.persona === 'gmh')!;
const COORDINATOR = DEMO_ACCOUNTS.find((a) => a.persona === 'coordinator')!;
const WORKER = DEMO_ACCOUNTS.find((a) => a.persona === 'worker')!;
const OCMW_BEVEREN = DEMO_ACCOUNTS.find((a) => a.persona === 'ocmwBeveren')!;

/** The care continuum after "Aanmelding", with its Dutch names (libs/web/src/i18n/nl/steps.json). */
const STEPS: Array<[string, string]> = [
  ['introductory_visit', 'Kennismakingsgesprek met de aanmelder'],
  ['change_goals_agreed', 'Veranderdoelen afgesproken'],
  ['guidance', 'Begeleiding'],
  ['evaluation', 'Evaluatie'],
];

/** Text of an element with its white space (including no-break spaces) collapsed. */
async function text(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function texts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** The cells (th and td) of each row matched by `rows`. */
async function cells(page: Page, rows: string): Promise<string[][]> {
  const out: string[][] = [];
  for (const row of await page.locator(rows).all()) out.push((await row.locator('th, td').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()));
  return out;
}

/** The value (dd) next to a label (dt) in a definition list. */
function term(scope: string, label: string): string {
  return `${scope} dt:text-is("${label}") + dd`;
}

describe('the whole trajectory through the three portals (browser)', () => {
  let journey: Journey | undefined;
  const org = { gmh: '', gmhName: '', ocmw: '' };

  beforeAll(async () => {
    journey = await openJourney({ serve: ['landlord', 'worker', 'ocmw'] });
    const { db } = journey;
    for (const row of (await db.query('SELECT id, name FROM organisation')).rows as Array<{ id: string; name: string }>) {
      if (row.name.startsWith('GMH')) Object.assign(org, { gmh: row.id, gmhName: row.name });
      if (row.name === 'OCMW Beveren') org.ocmw = row.id;
    }
    expect(org.gmh).not.toBe('');
    expect(org.ocmw).not.toBe('');
  }, 150_000);

  afterAll(() => journey?.close(), 60_000);

  it('refers, accepts, consents, walks the steps, gets budget guidance, refuses a long aftercare, closes; GMH sees the end', async () => {
    const { portals, newPage, problems, urls: { landlord: landlordUrl, worker: workerUrl, ocmw: ocmwUrl } } = journey!;
    const suffix = randomUUID().slice(0, 8);
    const tenantName = `Trajecttest Huurder ${suffix}`;
    const address = `Trajectstraat ${suffix}`;
    const today = portals.apps.worker.get(Clock).today();
    const housingFact = `Woning opgeruimd — trajecttest ${suffix}`;
    const motivation = `Schulden bij energie en huur; de huurder vraagt hulp (trajecttest ${suffix}).`;
    const procedureNote = `Gepauzeerd zolang de begeleiding loopt (trajecttest ${suffix}).`;
    const handover = `Overgedragen aan het CAW voor verdere woonbegeleiding (trajecttest ${suffix}).`;

    // ===== 1. GMH refers a tenant in Beveren through the form.
    const landlord = await newPage();
    expect(await logIn(landlord, landlordUrl, GMH.email, 'landlord')).toBe('/referrals');
    await visit(landlord, `${landlordUrl}/referrals/new`, 'landlord-referral-form');
    await landlord.fill('#tenantName', tenantName);
    await landlord.fill('#address', address);
    await landlord.selectOption('#municipality', 'Beveren');
    await landlord.selectOption('#reason', 'lease_termination_neglect');
    await landlord.fill('#noticeDate', addDays(today, -30));
    await landlord.fill('#hearingDate', addDays(today, 40));
    await landlord.fill('#referrerContactName', 'An Verhuur');
    await landlord.fill('#context', 'Woning sterk vervuild; huurder reageert niet op brieven. (trajecttest)');
    await landlord.check('#tenantInformed');
    const created = await submit(landlord, 'form[action="/referrals"] button[type="submit"]', '/referrals', (url) =>
      /^\/referrals\/[^/]+$/.test(url.pathname) && url.search === '?created=1',
    );
    expect([302, 303]).toContain(created.status());
    await shoot(landlord, 'landlord-referral-created');
    const referralPath = new URL(landlord.url()).pathname;
    expect(await landlord.locator('h1').first().textContent()).toContain(tenantName);
    expect(await text(landlord, '.status')).toBe('Nog niet aanvaard');

    // The coordinator accepts it for the worker.
    const coordinator = await newPage();
    await logIn(coordinator, workerUrl, COORDINATOR.email, 'coordinator');
    await visit(coordinator, `${workerUrl}/referrals`, 'coordinator-incoming');
    const incoming = coordinator.getByRole('link', { name: tenantName, exact: true });
    expect(await incoming.count()).toBe(1);
    const triageHref = (await incoming.getAttribute('href'))!;
    expect(triageHref).toMatch(/^\/referrals\/[^/?]+$/);
    const caseId = triageHref.split('/')[2]!;
    const casePath = `/cases/${caseId}`;
    await Promise.all([coordinator.waitForURL(`${workerUrl}${triageHref}`), incoming.click()]);
    await shoot(coordinator, 'coordinator-triage');
    await coordinator.selectOption('#workerId', { label: WORKER.displayName });
    const accepted = await submit(
      coordinator,
      `form[action="/referrals/${caseId}/accept"] button[type="submit"]`,
      `/referrals/${caseId}/accept`,
      (url) => url.pathname === casePath && url.search === '?accepted=1',
    );
    expect([302, 303]).toContain(accepted.status());
    await shoot(coordinator, 'coordinator-accepted');
    expect(await text(coordinator, '.notice.success[role="status"]')).toContain('Het dossier is aanvaard en toegewezen.');
    expect(await text(coordinator, term('dl.facts', 'Bemoeizorger'))).toBe(WORKER.displayName);

    // ===== 2. The worker opens the case.
    const worker = await newPage();
    await logIn(worker, workerUrl, WORKER.email, 'worker');
    await visit(worker, `${workerUrl}${casePath}`, 'worker-case');
    expect(await worker.locator('h1').first().textContent()).toContain(tenantName);
    expect(await text(worker, term('dl.facts', 'Fase'))).toBe('Actief');
    expect(await text(worker, term('#lifecycle', 'Huidige stap'))).toBe('Aanmelding');
    const savedIn = (section: string) => (url: URL) => url.pathname === casePath && url.search === `?saved=${section}`;

    // Consent: OCMW Beveren for financial (for the budget referral), GMH for housing (so that GMH has
    // something to lose when the case closes).
    const consentForm = `form[action="${casePath}/consents"]`;
    const consents: Array<[string, string, string]> = [
      [org.ocmw, 'financial', 'ocmw'],
      [org.gmh, 'housing', 'gmh'],
    ];
    for (const [organisationId, category, shot] of consents) {
      await worker.selectOption('#organisationId', organisationId);
      await worker.check(`#category-${category}`);
      await worker.fill('#purpose', 'Budgetbegeleiding en opvolging huuropzeg (trajecttest)');
      await worker.selectOption('#givenHow', 'written');
      await worker.fill('#givenOn', today);
      const saved = await submit(worker, `${consentForm} button[type="submit"]`, `${casePath}/consents`, savedIn('consents'));
      expect([302, 303]).toContain(saved.status());
      await shoot(worker, `worker-consent-${shot}`);
      expect(await worker.locator('#consents [role="alert"]').count()).toBe(0);
    }
    const consentRows = await texts(worker, '#consents tbody tr');
    expect(consentRows).toHaveLength(2);
    expect(consentRows.find((r) => r.includes('OCMW Beveren'))).toEqual(expect.stringMatching(/Financieel.*Actief/));
    expect(consentRows.find((r) => r.includes(org.gmhName))).toEqual(expect.stringMatching(/Wonen.*Actief/));

    // A housing fact, disclosed to GMH with the warning confirmed.
    await worker.selectOption('#fact-category', 'housing');
    await worker.fill('#occurredOn', today);
    await worker.fill('#body', housingFact);
    await submit(worker, `form[action="${casePath}/facts"] button[type="submit"]`, `${casePath}/facts`, savedIn('facts'));
    await shoot(worker, 'worker-fact');
    await worker.selectOption(`#disclose-category-${org.gmh}`, 'housing');
    await worker.check(`#confirm-${org.gmh}`);
    const disclosed = await submit(worker, `#partner-${org.gmh} form[action="${casePath}/disclosures"] button[type="submit"]`, `${casePath}/disclosures`, savedIn('sharing'));
    expect([302, 303]).toContain(disclosed.status());
    await shoot(worker, 'worker-disclosed');
    expect(await texts(worker, `#partner-${org.gmh} ul.view-as li`)).toEqual([`${today} · Wonen: ${housingFact}`]);

    // The care continuum, one form post per step; aftercare is offered only in the last step.
    const stepForm = `form[action="${casePath}/steps"]`;
    const aftercareForm = `form[action="${casePath}/aftercare"]`;
    for (const [step, label] of STEPS) {
      expect(await worker.locator(aftercareForm).count()).toBe(0);
      await worker.selectOption('#step', step);
      await worker.fill('#step-note', `Stap ${label} (trajecttest)`);
      const moved = await submit(worker, `${stepForm} button[type="submit"]`, `${casePath}/steps`, savedIn('lifecycle'));
      expect({ step, status: moved.status() }).toEqual({ step, status: 303 });
      await shoot(worker, `worker-step-${step}`);
      expect(await worker.locator('#lifecycle [role="alert"]').count()).toBe(0);
      expect(await text(worker, term('#lifecycle', 'Huidige stap'))).toBe(label);
    }
    expect(await worker.locator(aftercareForm).count()).toBe(1);

    // The budget page: consent is in place; refer to OCMW Beveren for budget guidance.
    await Promise.all([worker.waitForURL(`${workerUrl}${casePath}/budget`), worker.click(`a[href="${casePath}/budget"]`)]);
    await shoot(worker, 'worker-budget');
    expect(await text(worker, '#refer')).toContain('Het OCMW van Beveren is OCMW Beveren.');
    expect(await worker.locator('#consent.notice.success').count()).toBe(1);
    expect(await text(worker, '#referrals')).toContain('Nog geen doorverwijzingen');
    await worker.selectOption('#kind', 'budget_guidance');
    await worker.fill('#motivation', motivation);
    const referred = await submit(worker, `form[action="${casePath}/budget"] button[type="submit"]`, `${casePath}/budget`, (url) =>
      url.pathname === `${casePath}/budget` && url.search === '?saved=1',
    );
    expect([302, 303]).toContain(referred.status());
    await shoot(worker, 'worker-budget-referred');
    expect(await text(worker, '.notice.success[role="status"]')).toContain('De doorverwijzing is verstuurd naar het OCMW.');
    expect(await worker.locator('#referrals article').count()).toBe(1);
    expect(await text(worker, '#referrals article h3')).toBe('OCMW Beveren — Budgetbegeleiding');
    expect(await text(worker, '#referrals article .status')).toBe('Wacht op antwoord');
    expect(await text(worker, '#referrals article')).toContain(motivation);
    // One open referral at a time: the form is gone.
    expect(await worker.locator(`form[action="${casePath}/budget"]`).count()).toBe(0);

    // ===== 3. OCMW Beveren: inbox, detail, accept, guidance started, cost advance.
    const ocmw = await newPage();
    await logIn(ocmw, ocmwUrl, OCMW_BEVEREN.email, 'ocmw');
    await visit(ocmw, `${ocmwUrl}/budget`, 'ocmw-inbox');
    const pendingRow = ocmw.locator('section[aria-labelledby="pending-heading"] tr', { hasText: tenantName });
    expect(await pendingRow.count()).toBe(1);
    expect((await pendingRow.textContent())?.replace(/\s+/g, ' ')).toMatch(/Budgetbegeleiding.*Wacht op antwoord/);
    const inboxLink = pendingRow.getByRole('link', { name: tenantName, exact: true });
    const budgetHref = (await inboxLink.getAttribute('href'))!;
    expect(budgetHref).toMatch(/^\/budget\/[^/?]+$/);
    const budgetPath = budgetHref;
    await Promise.all([ocmw.waitForURL(`${ocmwUrl}${budgetPath}`), inboxLink.click()]);
    await shoot(ocmw, 'ocmw-referral');
    expect(await ocmw.locator('h1').first().textContent()).toContain(tenantName);
    expect(await text(ocmw, term('dl.facts', 'Motivering'))).toBe(motivation);
    expect(await text(ocmw, term('dl.facts', 'Bemoeizorger'))).toContain(WORKER.displayName);
    expect(await text(ocmw, '.status')).toBe('Wacht op antwoord');
    // The OCMW sees nothing else of the case (not the housing fact shared with GMH).
    expect(await ocmw.content()).not.toContain(housingFact);
    const savedAt = (saved: string) => (url: URL) => url.pathname === budgetPath && url.search === `?saved=${saved}`;

    const ocmwAccepted = await submit(ocmw, `form[action="${budgetPath}/accept"] button[type="submit"]`, `${budgetPath}/accept`, savedAt('accepted'));
    expect([302, 303]).toContain(ocmwAccepted.status());
    await shoot(ocmw, 'ocmw-accepted');
    expect(await text(ocmw, '.notice.success[role="status"]')).toContain('De doorverwijzing is aanvaard.');
    expect(await text(ocmw, '.status')).toBe('Aanvaard');
    expect(await text(ocmw, '#guidance')).toContain('De begeleiding is nog niet gestart.');

    await ocmw.fill('#startedOn', today);
    await ocmw.selectOption('#kind', 'budget_guidance');
    const guided = await submit(ocmw, `form[action="${budgetPath}/guidance-started"] button[type="submit"]`, `${budgetPath}/guidance-started`, savedAt('guidance'));
    expect([302, 303]).toContain(guided.status());
    await shoot(ocmw, 'ocmw-guidance-started');
    expect(await text(ocmw, '.notice.success[role="status"]')).toContain('De start van de begeleiding is bewaard.');
    expect(await text(ocmw, '#guidance p')).toBe(`Gestart op ${today} (Budgetbegeleiding).`);

    await ocmw.fill('#amount', '125,50');
    await ocmw.fill('#purpose', 'Achterstallige energiefactuur');
    await ocmw.fill('#advancedOn', today);
    await ocmw.fill('#repaymentTerms', '25 euro per maand vanaf volgende maand');
    const advanced = await submit(ocmw, `form[action="${budgetPath}/cost-advances"] button[type="submit"]`, `${budgetPath}/cost-advances`, savedAt('advance'));
    expect([302, 303]).toContain(advanced.status());
    await shoot(ocmw, 'ocmw-cost-advance');
    expect(await text(ocmw, '.notice.success[role="status"]')).toContain('De voorgeschoten kost is bewaard.');
    expect(await ocmw.locator('#advances [role="alert"]').count()).toBe(0);
    expect(await cells(ocmw, '#advances tbody tr')).toEqual([[today, '€ 125,50', 'Achterstallige energiefactuur', '25 euro per maand vanaf volgende maand']]);
    expect(await cells(ocmw, '#advances tfoot tr')).toEqual([['Totaal', '€ 125,50', '']]);

    // The inbox now lists it as answered.
    await visit(ocmw, `${ocmwUrl}/budget`, 'ocmw-inbox-after');
    expect(await ocmw.locator('section[aria-labelledby="pending-heading"] tr', { hasText: tenantName }).count()).toBe(0);
    expect(await ocmw.locator('section[aria-labelledby="answered-heading"] tr', { hasText: tenantName }).count()).toBe(1);

    // ===== 4. The worker's budget page shows the acceptance, the guidance and the advance.
    expect((await worker.reload())?.status()).toBe(200);
    await shoot(worker, 'worker-budget-answered');
    const article = '#referrals article';
    expect(await text(worker, `${article} .status`)).toBe('Aanvaard');
    expect(await text(worker, term(article, 'Beantwoord op'))).toBe(today);
    expect(await text(worker, term(article, 'Begeleiding'))).toBe(`Gestart op ${today} (Budgetbegeleiding).`);
    expect(await cells(worker, `${article} tbody tr`)).toEqual([[today, '€ 125,50', 'Achterstallige energiefactuur', '25 euro per maand vanaf volgende maand']]);
    expect(await cells(worker, `${article} tfoot tr`)).toEqual([['Totaal', '€ 125,50', '']]);

    // ===== 5. GMH records a procedure step on its referral page; it sees the shared housing fact.
    await visit(landlord, `${landlordUrl}${referralPath}`, 'landlord-referral-followed-up');
    expect(await text(landlord, '.status')).toBe('Wordt opgevolgd');
    expect(await texts(landlord, 'ul.shared-facts li')).toEqual([`${today} · Wonen: ${housingFact}`]);
    expect(await text(landlord, '#procedure')).toContain('Nog geen stappen van de procedure geregistreerd.');
    await landlord.selectOption('#kind', 'procedure_paused');
    await landlord.fill('#eventDate', today);
    await landlord.fill('#note', procedureNote);
    const recorded = await submit(landlord, `#procedure form[action="${referralPath}/procedure-events"] button[type="submit"]`, `${referralPath}/procedure-events`, (url) => url.pathname === referralPath);
    expect([302, 303]).toContain(recorded.status());
    await shoot(landlord, 'landlord-procedure-recorded');
    expect(await landlord.locator('[role="alert"]').count()).toBe(0);
    expect(await texts(landlord, '#procedure ul li')).toEqual([`${today} · Procedure gepauzeerd — ${procedureNote}`]);

    // The worker sees it on the case page and on the timeline.
    await visit(worker, `${workerUrl}${casePath}`, 'worker-case-procedure');
    expect(await texts(worker, '#lifecycle ul li')).toEqual([`${today} · Procedure gepauzeerd (${org.gmhName}) — ${procedureNote}`]);
    await Promise.all([worker.waitForURL(`${workerUrl}${casePath}/timeline`), worker.click(`a[href="${casePath}/timeline"]`)]);
    await shoot(worker, 'worker-timeline-procedure');
    expect(await text(worker, 'li.timeline-procedure')).toBe(`${today} Procedure gepauzeerd — ${procedureNote}`);
    expect(await worker.locator('li.timeline-step').count()).toBeGreaterThanOrEqual(STEPS.length);

    // ===== 6. Aftercare: more than three months is refused, two months start it.
    await visit(worker, `${workerUrl}${casePath}`, 'worker-case-before-aftercare');
    const tooLate = addDays(addMonths(today, 3), 1);
    await worker.fill('#endsOn', tooLate);
    const refused = await submit(worker, `${aftercareForm} button[type="submit"]`, `${casePath}/aftercare`, (url) => url.pathname === `${casePath}/aftercare`);
    expect(refused.status()).toBe(400);
    await shoot(worker, 'worker-aftercare-too-long');
    const alert = worker.locator('#lifecycle').getByRole('alert');
    await alert.waitFor({ state: 'visible' });
    expect(await alert.textContent()).toContain('3 maanden');
    expect(await alert.locator('a[href="#endsOn"]').count()).toBe(1);
    expect(await worker.getAttribute('#endsOn', 'aria-invalid')).toBe('true');
    expect(await text(worker, term('dl.facts', 'Fase'))).toBe('Actief');

    const endsOn = addMonths(today, 2);
    await worker.fill('#endsOn', endsOn);
    const started = await submit(worker, `${aftercareForm} button[type="submit"]`, `${casePath}/aftercare`, savedIn('lifecycle'));
    expect([302, 303]).toContain(started.status());
    await shoot(worker, 'worker-aftercare');
    expect(await worker.locator('[role="alert"]').count()).toBe(0);
    expect(await text(worker, term('dl.facts', 'Fase'))).toBe('Nazorg');
    expect(await text(worker, term('#lifecycle', 'Nazorg loopt tot'))).toBe(endsOn);
    expect(await worker.locator(stepForm).count()).toBe(0);

    // ===== 7. The worker closes the case: favourable, with a handover.
    await worker.selectOption('#outcome', 'favourable');
    await worker.fill('#handover', handover);
    const closed = await submit(worker, `form[action="${casePath}/close"] button[type="submit"]`, `${casePath}/close`, savedIn('lifecycle'));
    expect([302, 303]).toContain(closed.status());
    await shoot(worker, 'worker-closed');
    expect(await worker.locator('[role="alert"]').count()).toBe(0);
    expect(await text(worker, term('dl.facts', 'Fase'))).toBe('Afgesloten');
    expect(await text(worker, term('dl.facts', 'Resultaat'))).toBe('Gunstig afgerond');
    expect(await text(worker, term('#lifecycle', 'Overdracht'))).toBe(handover);
    expect(await worker.locator(`form[action="${casePath}/close"]`).count()).toBe(0);
    expect(await worker.locator(`form[action="${casePath}/reopen"]`).count()).toBe(1);
    await visit(worker, `${workerUrl}${casePath}/timeline`, 'worker-timeline-closed');
    expect(await text(worker, 'li.timeline-closed')).toContain('Afgesloten (Gunstig afgerond)');

    // GMH: the final status, and nothing shared any more.
    await visit(landlord, `${landlordUrl}${referralPath}`, 'landlord-referral-closed');
    expect(await text(landlord, '.status')).toBe('Afgesloten');
    expect(await text(landlord, term('dl.facts', 'Resultaat'))).toBe('Gunstig afgerond');
    expect(await landlord.locator('ul.shared-facts li').count()).toBe(0);
    expect(await landlord.locator('body').textContent()).toContain('Er wordt (nog) niets gedeeld met jouw organisatie.');
    expect(await landlord.content()).not.toContain(housingFact);
    expect(await landlord.locator(`form[action="${referralPath}/procedure-events"]`).count()).toBe(0);

    expect(problems).toEqual([]);
  }, 240_000);
});
