import { HISTORICAL_CASES } from '@woonbrug/database';
import { Clock } from '@woonbrug/kernel';
import { Client } from 'pg';
import { startPortals, type Portals, type PortalName } from '../support/portals';
import { validReferral } from '../support/referral-fixtures';

/**
 * Partners' figures over HTTP (landlord and OCMW portals): the yearly report restricted to the
 * partner's own referrals, counts only — never a tenant or a case — with every count of 1 or 2
 * withheld, and enough other cells withheld that none can be computed back from a total (checked
 * here independently of the suppression code). New referrals move the figures of their referrer
 * and of nobody else.
 */
jest.setTimeout(120_000);

type Partner = 'gmh' | 'bvt' | 'ocmwBeveren' | 'ocmwKruibeke';
const PORTAL: Record<Partner, PortalName> = { gmh: 'landlord', bvt: 'landlord', ocmwBeveren: 'ocmw', ocmwKruibeke: 'ocmw' };
const OUTCOMES = ['evicted', 'left_voluntarily', 'refused_help', 'other'] as const;
const FIELDS = ['trajectories', 'favourable', 'unfavourable', ...OUTCOMES, 'ongoing'] as const;
type Field = (typeof FIELDS)[number];

interface Row {
  trajectories: number | null;
  favourable: number | null;
  unfavourable: number | null;
  outcomes: Record<(typeof OUTCOMES)[number], number | null>;
  ongoing: number | null;
  successRate: number | null;
  averageDays: number | null;
  medianDays: number | null;
  suppressed: string[];
  year?: number;
  municipality?: string;
  legalBasis?: string;
}
interface Figures {
  scope: string;
  organisationId: string;
  suppressionThreshold: number | null;
  years: Row[];
  total: Row;
  byMunicipality: Row[];
  byLegalBasis: Row[];
  byReferrer?: unknown;
  byReferrerKind?: unknown;
}

let portals: Portals;
let db: Client;
const org = {} as Record<Partner, string>;
let workerId: string;

function cell(row: Row, field: Field): number | null {
  return field === 'trajectories' || field === 'favourable' || field === 'unfavourable' || field === 'ongoing' ? row[field] : row.outcomes[field];
}

async function figures(partner: Partner, query = ''): Promise<{ body: Figures; text: string }> {
  const res = await portals.http(PORTAL[partner]).get(`/api/figures${query}`).set('Cookie', await portals.login(partner));
  expect(res.status).toBe(200);
  return { body: res.body as Figures, text: res.text };
}

/**
 * The relations a reader can use — a row's trajectories are its favourable plus unfavourable
 * ones, its unfavourable ones the sum of the outcomes, each total the sum of the years, of the
 * municipalities and of the legal bases — and what each gives away: a relation with exactly one
 * withheld cell gives it away (total minus the others); one whose withheld parts add up to no
 * more than their number pins them all at 1 (zeros are always shown, so a withheld count is ≥ 1).
 */
function leaks(f: Figures): string[] {
  const out: string[] = [];
  const rows: Array<[string, Row]> = [
    ['total', f.total],
    ...f.years.map((r) => [`year ${r.year}`, r] as [string, Row]),
    ...f.byMunicipality.map((r) => [`municipality ${r.municipality}`, r] as [string, Row]),
    ...f.byLegalBasis.map((r) => [`legal basis ${r.legalBasis}`, r] as [string, Row]),
  ];
  const relations: Array<{ name: string; total: number | null; parts: Array<number | null> }> = [];
  for (const [name, r] of rows) {
    relations.push({ name: `${name}: trajectories`, total: r.trajectories, parts: [r.favourable, r.unfavourable] });
    relations.push({ name: `${name}: unfavourable`, total: r.unfavourable, parts: OUTCOMES.map((o) => r.outcomes[o]) });
  }
  for (const [group, list] of [['years', f.years], ['municipalities', f.byMunicipality], ['legal bases', f.byLegalBasis]] as const) {
    if (list.length === 0) continue;
    for (const field of FIELDS) relations.push({ name: `${field} over the ${group}`, total: cell(f.total, field), parts: list.map((r) => cell(r, field)) });
  }
  for (const r of relations) {
    const hidden = [r.total, ...r.parts].filter((v) => v === null).length;
    if (hidden === 1) out.push(`${r.name}: one withheld cell, computable from the others`);
    const hiddenParts = r.parts.filter((v) => v === null).length;
    if (r.total !== null && hiddenParts >= 2) {
      const rest = r.total - r.parts.reduce<number>((sum, v) => sum + (v ?? 0), 0);
      if (rest <= hiddenParts) out.push(`${r.name}: ${hiddenParts} withheld cells adding up to ${rest}`);
    }
  }
  return out;
}

/** Every shown count equals the truth; every true count of 1 or 2 is withheld; withheld cells are named. */
function checkAgainstTruth(shown: Row, truth: Record<Field, number>, label: string): void {
  for (const field of FIELDS) {
    const value = cell(shown, field);
    const real = truth[field];
    if (real === 1 || real === 2) expect({ label, field, value }).toEqual({ label, field, value: null });
    if (value === null) expect({ label, field, named: shown.suppressed.includes(field) }).toEqual({ label, field, named: true });
    else expect({ label, field, value }).toEqual({ label, field, value: real });
  }
  if (shown.trajectories === null || shown.favourable === null) expect(shown.successRate).toBeNull();
  if (shown.trajectories === null) expect([shown.averageDays, shown.medianDays]).toEqual([null, null]);
}

/** The true counts of a partner's historical trajectories in a year (from the seed). */
function historicalTruth(referrer: 'gmh' | 'ocmwBeveren', year?: number): Record<Field, number> {
  const cases = HISTORICAL_CASES.filter((h) => h.referrer === referrer && (year === undefined || h.year === year));
  const count = (outcome: string) => cases.filter((h) => h.outcome === outcome).length;
  return {
    trajectories: cases.length,
    favourable: count('favourable'),
    unfavourable: cases.length - count('favourable'),
    evicted: count('evicted'),
    left_voluntarily: count('left_voluntarily'),
    refused_help: count('refused_help'),
    other: count('other'),
    ongoing: 0,
  };
}

/** The true counts of this year's trajectories referred by a partner, from the database. */
async function truthThisYear(partner: Partner, year: number): Promise<Record<Field, number>> {
  const [row] = (
    await db.query(
      `SELECT count(*) FILTER (WHERE c.state = 'closed')::int AS trajectories, count(*) FILTER (WHERE c.outcome = 'favourable')::int AS favourable,
              count(*) FILTER (WHERE c.outcome IS NOT NULL AND c.outcome <> 'favourable')::int AS unfavourable,
              count(*) FILTER (WHERE c.outcome = 'evicted')::int AS evicted, count(*) FILTER (WHERE c.outcome = 'left_voluntarily')::int AS left_voluntarily,
              count(*) FILTER (WHERE c.outcome = 'refused_help')::int AS refused_help, count(*) FILTER (WHERE c.outcome = 'other')::int AS other,
              count(*) FILTER (WHERE c.state IN ('active', 'aftercare'))::int AS ongoing
         FROM case_file c
        WHERE c.state IN ('active', 'aftercare', 'closed') AND date_part('year', c.started_on) = $2
          AND EXISTS (SELECT 1 FROM referral r WHERE r.case_id = c.id AND r.referrer_organisation_id = $1)`,
      [org[partner], year],
    )
  ).rows;
  return row;
}

async function refer(partner: Partner, overrides: Record<string, unknown> = {}): Promise<string> {
  const body = validReferral(PORTAL[partner] === 'ocmw' ? { landlordOrganisationId: org.gmh, ...overrides } : overrides);
  const res = await portals.http(PORTAL[partner]).post('/api/referrals').set('Cookie', await portals.login(partner)).send(body);
  expect(res.status).toBe(201);
  return (await db.query('SELECT case_id FROM referral WHERE id = $1', [res.body.id])).rows[0].case_id as string;
}

async function acceptAndClose(caseId: string, outcome: string): Promise<void> {
  expect((await portals.http('worker').post(`/api/cases/${caseId}/accept`).set('Cookie', await portals.login('coordinator')).send({ workerId })).status).toBe(200);
  const version = (await db.query('SELECT version FROM case_file WHERE id = $1', [caseId])).rows[0].version as number;
  const closing = await portals.http('worker').post(`/api/cases/${caseId}/close`).set('Cookie', await portals.login('worker')).send({ outcome, handover: 'Overgedragen aan het CAW.', version });
  expect(closing.status).toBe(200);
}

beforeAll(async () => {
  portals = await startPortals();
  db = new Client({ connectionString: portals.databaseUrl });
  await db.connect();
  for (const row of (await db.query('SELECT id, name FROM organisation')).rows) {
    if (row.name.startsWith('GMH')) org.gmh = row.id;
    if (row.name.startsWith('BvT')) org.bvt = row.id;
    if (row.name === 'OCMW Beveren') org.ocmwBeveren = row.id;
    if (row.name === 'OCMW Kruibeke') org.ocmwKruibeke = row.id;
  }
  workerId = (await db.query(`SELECT id FROM user_account WHERE email = 'worker@woonbrug.example'`)).rows[0].id;
});

afterAll(async () => {
  await db?.end();
  await portals?.close();
});

describe('a partner’s figures of the historical trajectories (2011–2013)', () => {
  it.each(['gmh', 'ocmwBeveren'] as const)('give %s its own referrals only, with small cells withheld and nothing computable back', async (partner) => {
    const { body } = await figures(partner, '?fromYear=2011&toYear=2013');
    expect(body.scope).toBe('referrer');
    expect(body.organisationId).toBe(org[partner]);
    expect(body.suppressionThreshold).toBe(3);
    expect(body.byReferrer).toBeUndefined();
    expect(body.byReferrerKind).toBeUndefined();
    expect(body.years.map((y) => y.year)).toEqual([2011, 2012, 2013]);
    for (const y of body.years) checkAgainstTruth(y, historicalTruth(partner, y.year!), `${partner} ${y.year}`);
    checkAgainstTruth(body.total, historicalTruth(partner), `${partner} total`);
    // Some cells are small in both partners' history: the test is not vacuous.
    expect(body.years.flatMap((y) => y.suppressed).length).toBeGreaterThan(0);
    expect(leaks(body)).toEqual([]);
  });

  it('withholds more than the small cells: GMH’s favourable 2011 cannot be the total minus 2012 and 2013', async () => {
    const { body } = await figures('gmh', '?fromYear=2011&toYear=2013');
    const [y2011, y2012, y2013] = body.years;
    // GMH's 2011: 3 trajectories, 2 favourable, 1 evicted — the last two are small.
    expect([y2011!.trajectories, y2011!.favourable, y2011!.unfavourable, y2011!.outcomes.evicted]).toEqual([3, null, null, null]);
    // Without complementary suppression, total 11 − 6 − 3 would give 2011's 2.
    const subtractable = body.total.favourable !== null && y2012!.favourable !== null && y2013!.favourable !== null;
    expect(subtractable).toBe(false);
    // And within the row: 3 trajectories minus a shown favourable count would give the evicted one.
    expect(y2011!.successRate).toBeNull();
    // The leak check above does catch a table that withholds the small cells alone.
    const naive = JSON.parse(JSON.stringify(body)) as Figures;
    const restore = (row: Row, truth: Record<Field, number>) => {
      for (const field of FIELDS) {
        if (cell(row, field) !== null || truth[field] === 1 || truth[field] === 2) continue;
        if (field in row.outcomes) row.outcomes[field as (typeof OUTCOMES)[number]] = truth[field];
        else (row as unknown as Record<string, number>)[field] = truth[field];
      }
    };
    naive.years.forEach((y) => restore(y, historicalTruth('gmh', y.year!)));
    restore(naive.total, historicalTruth('gmh'));
    naive.byMunicipality.forEach((r) => restore(r, historicalTruth('gmh')));
    naive.byLegalBasis.forEach((r) => restore(r, historicalTruth('gmh')));
    expect(leaks(naive)).toContain('favourable over the years: one withheld cell, computable from the others');
  });

  it('are empty but well formed for a partner without historical referrals', async () => {
    const { body } = await figures('ocmwKruibeke', '?fromYear=2011&toYear=2013');
    expect(body.years).toEqual([]);
    expect(body.total).toMatchObject({ trajectories: 0, favourable: 0, ongoing: 0, successRate: null, suppressed: [] });
  });
});

describe('figures follow the partner’s own referrals', () => {
  it('move for GMH when its referrals become trajectories, and not for BvT or an OCMW', async () => {
    const year = Number(portals.apps.worker.get(Clock).today().slice(0, 4));
    const query = `?fromYear=${year}&toYear=${year}`;
    const before = { gmh: await figures('gmh', query), bvt: await figures('bvt', query), ocmwKruibeke: await figures('ocmwKruibeke', query) };
    const truthBefore = await truthThisYear('gmh', year);

    // GMH: three tenants accepted and closed favourably, one more accepted and still open.
    for (let i = 0; i < 3; i += 1) await acceptAndClose(await refer('gmh'), 'favourable');
    const open = await refer('gmh');
    expect((await portals.http('worker').post(`/api/cases/${open}/accept`).set('Cookie', await portals.login('coordinator')).send({ workerId })).status).toBe(200);
    // BvT: a referral that waits for the coordinator is no trajectory.
    await refer('bvt');

    const after = { gmh: await figures('gmh', query), bvt: await figures('bvt', query), ocmwKruibeke: await figures('ocmwKruibeke', query) };
    const truthAfter = await truthThisYear('gmh', year);
    expect([truthAfter.trajectories, truthAfter.favourable, truthAfter.ongoing]).toEqual([truthBefore.trajectories + 3, truthBefore.favourable + 3, truthBefore.ongoing + 1]);
    expect(after.gmh.body).not.toEqual(before.gmh.body);
    checkAgainstTruth(after.gmh.body.years.find((y) => y.year === year)!, truthAfter, 'gmh this year');
    checkAgainstTruth(after.gmh.body.total, truthAfter, 'gmh total this year');
    expect(leaks(after.gmh.body)).toEqual([]);
    expect(after.bvt.body).toEqual(before.bvt.body);
    expect(after.ocmwKruibeke.body).toEqual(before.ocmwKruibeke.body);
  });

  it('count a case referred by GMH and attached for OCMW Kruibeke for both, and for nobody else', async () => {
    const year = Number(portals.apps.worker.get(Clock).today().slice(0, 4));
    const query = `?fromYear=${year}&toYear=${year}`;
    const before = { kruibeke: await truthThisYear('ocmwKruibeke', year), bvt: (await figures('bvt', query)).body };
    const household = validReferral({ municipality: 'Kruibeke' });
    const gmhCase = await refer('gmh', household);
    const ocmwCase = await refer('ocmwKruibeke', { tenantName: household.tenantName, address: household.address, municipality: 'Kruibeke' });
    const coordinator = await portals.login('coordinator');
    expect((await portals.http('worker').post(`/api/cases/${gmhCase}/accept`).set('Cookie', coordinator).send({ workerId })).status).toBe(200);
    expect((await portals.http('worker').post(`/api/cases/${ocmwCase}/attach`).set('Cookie', coordinator).send({ openCaseId: gmhCase })).status).toBe(204);
    const kruibeke = await truthThisYear('ocmwKruibeke', year);
    expect(kruibeke.ongoing).toBe(before.kruibeke.ongoing + 1);
    const shown = (await figures('ocmwKruibeke', query)).body;
    checkAgainstTruth(shown.total, kruibeke, 'OCMW Kruibeke this year');
    expect(leaks(shown)).toEqual([]);
    expect((await figures('bvt', query)).body).toEqual(before.bvt);
  });

  it('never hold a tenant, a case or another organisation', async () => {
    const own = (await db.query(`SELECT c.id::text AS id, c.reference, c.tenant_name, c.address FROM case_file c JOIN referral r ON r.case_id = c.id WHERE r.referrer_organisation_id = $1`, [org.gmh])).rows;
    expect(own.length).toBeGreaterThan(15);
    const others = [org.bvt, org.ocmwBeveren, org.ocmwKruibeke];
    for (const [portal, path] of [
      ['landlord', '/api/figures'],
      ['landlord', '/api/figures?fromYear=2011&toYear=2013'],
      ['landlord', '/figures'],
      ['landlord', '/figures?fromYear=2011&toYear=2013'],
    ] as const) {
      const res = await portals.http(portal).get(path).set('Cookie', await portals.login('gmh'));
      expect(res.status).toBe(200);
      const leaked = own.filter((c: Record<string, string>) => [c.id, c.tenant_name, c.address].some((v) => res.text.includes(v!)) || res.text.includes(`"${c.reference}"`) || res.text.includes(`>${c.reference}<`));
      expect({ path, leaked }).toEqual({ path, leaked: [] });
      expect(others.filter((id) => res.text.includes(id))).toEqual([]);
      if (path.startsWith('/api/')) {
        // Only counts: every string in the answer is a label of the report, never data of a case.
        const strings: string[] = [];
        const walk = (v: unknown) => (typeof v === 'string' ? strings.push(v) : Array.isArray(v) ? v.forEach(walk) : v && typeof v === 'object' ? Object.values(v).forEach(walk) : undefined);
        walk(res.body);
        const allowed = new Set<string>(['referrer', org.gmh, 'Beveren', 'Kruibeke', 'Temse', 'voluntary', 'court_imposed', 'agreed_with_landlord', 'not_recorded', ...FIELDS, '2011-01-01', '2013-12-31']);
        expect(strings.filter((s) => !allowed.has(s))).toEqual([]);
      }
    }
  });

  it('cannot be asked for another organisation, and refuse a reversed period', async () => {
    const res = await portals.http('landlord').get(`/api/figures?organisationId=${org.bvt}`).set('Cookie', await portals.login('gmh'));
    expect(res.status).toBe(400);
    expect(res.text).not.toContain('"years"');
    const reversed = await portals.http('ocmw').get('/api/figures?fromYear=2013&toYear=2011').set('Cookie', await portals.login('ocmwBeveren'));
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors).toEqual([expect.objectContaining({ field: 'toYear', code: 'PERIOD_ORDER' })]);
    expect((await portals.http('landlord').get('/api/figures')).status).toBe(401);
    expect((await portals.http('landlord').get('/figures')).status).toBe(303);
  });
});

describe('the figures page', () => {
  it.each([
    ['gmh', 'landlord'],
    ['ocmwBeveren', 'ocmw'],
  ] as const)('shows %s the table with withheld cells marked and explained', async (partner, portal) => {
    const res = await portals.http(portal).get('/figures?fromYear=2011&toYear=2013').set('Cookie', await portals.login(partner));
    expect(res.status).toBe(200);
    expect(res.text).toContain('<table id="report-years">');
    expect(res.text).toContain('class="suppressed"');
    expect(res.text).toContain('Aantallen kleiner dan 3 worden niet getoond');
    expect(res.text).not.toContain('report-referrer');
    expect(res.text).toContain('aria-current="page"');
    const english = await portals.http(portal).get('/figures?fromYear=2011&toYear=2013&lang=en').set('Cookie', await portals.login(partner));
    expect(english.text).toContain('Counts below 3 are not shown');
    const invalid = await portals.http(portal).get('/figures?fromYear=2013&toYear=2011').set('Cookie', await portals.login(partner));
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain('Het einde van de periode ligt vóór het begin.');
  });
});
