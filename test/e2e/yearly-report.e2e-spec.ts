import { HISTORICAL_CASES } from '@woonbrug/database';
import { Clock } from '@woonbrug/kernel';
import { ReportingService, YearlyReports } from '@woonbrug/reporting';
import { DataSource } from 'typeorm';
import { Client } from 'pg';
import { startPortals, type Portals } from '../support/portals';
import { validReferral } from '../support/referral-fixtures';

/**
 * The coordinator's yearly report over HTTP on the demo data: the table of DESIGN.md §5 exactly,
 * in JSON, in the CSV and on the page; the breakdowns; period filters; what counts as a
 * trajectory as cases move through triage and closing; and who may read it. Other test files of
 * this Jest worker may have added cases to the same database: every exact assertion is about
 * 2011–2013 (the historical trajectories), or compares the figures before and after a change.
 */
jest.setTimeout(120_000);

let portals: Portals;
let db: Client;
let outreachId: string;
const org: Record<'gmh' | 'ocmwBeveren', string> = {} as never;
let workerId: string;

/** DESIGN.md §5: year, trajectories, favourable, success. */
const DESIGN_TABLE = [
  [2011, 4, 3, 75],
  [2012, 9, 8, 89],
  [2013, 4, 4, 100],
] as const;
const DESIGN_TOTAL = [17, 15, 88] as const;

async function asCoordinator(path: string) {
  return portals.http('worker').get(path).set('Cookie', await portals.login('coordinator'));
}

function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Average (one decimal) and median of the durations of the historical trajectories, computed here. */
function durations(year?: number): [number, number] {
  const values = HISTORICAL_CASES.filter((h) => year === undefined || h.year === year)
    .map((h) => days(h.startedOn, h.closedOn))
    .sort((a, b) => a - b);
  const average = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
  const mid = values.length / 2;
  const median = values.length % 2 === 1 ? values[Math.floor(mid)]! : (values[mid - 1]! + values[mid]!) / 2;
  return [average, median];
}

function thisYear(): number {
  return Number(portals.apps.worker.get(Clock).today().slice(0, 4));
}

beforeAll(async () => {
  portals = await startPortals();
  db = new Client({ connectionString: portals.databaseUrl });
  await db.connect();
  for (const row of (await db.query('SELECT id, name, kind FROM organisation')).rows) {
    if (row.name.startsWith('GMH')) org.gmh = row.id;
    if (row.name === 'OCMW Beveren') org.ocmwBeveren = row.id;
    if (row.kind === 'outreach' && row.name.startsWith('Bemoeizorg Waasland')) outreachId = row.id;
  }
  workerId = (await db.query(`SELECT id FROM user_account WHERE email = 'worker@woonbrug.example'`)).rows[0].id;
});

afterAll(async () => {
  await db?.end();
  await portals?.close();
});

describe('the yearly report from the demo data (DESIGN.md §5)', () => {
  it('is exactly the minister’s table for 2011–2013 in JSON', async () => {
    const res = await asCoordinator('/api/reports/yearly?fromYear=2011&toYear=2013');
    expect(res.status).toBe(200);
    const report = res.body;
    expect(report.scope).toBe('outreach');
    expect(report.organisationId).toBe(outreachId);
    expect(report.period).toEqual({ from: '2011-01-01', to: '2013-12-31' });
    expect(report.suppressionThreshold).toBeNull();
    expect(report.years.map((y: Record<string, number>) => [y.year, y.trajectories, y.favourable, y.successRate])).toEqual(DESIGN_TABLE);
    expect([report.total.trajectories, report.total.favourable, report.total.successRate]).toEqual(DESIGN_TOTAL);
    // The unfavourable ones by outcome: one eviction in 2011, one tenant who left in 2012.
    expect(report.years.map((y: { unfavourable: number; outcomes: Record<string, number> }) => [y.unfavourable, y.outcomes])).toEqual([
      [1, { evicted: 1, left_voluntarily: 0, refused_help: 0, other: 0 }],
      [1, { evicted: 0, left_voluntarily: 1, refused_help: 0, other: 0 }],
      [0, { evicted: 0, left_voluntarily: 0, refused_help: 0, other: 0 }],
    ]);
    expect(report.years.every((y: { ongoing: number; suppressed: string[] }) => y.ongoing === 0 && y.suppressed.length === 0)).toBe(true);
    // Durations: closed_on − started_on, average and median, checked against the seed itself.
    for (const y of report.years) expect([y.year, y.averageDays, y.medianDays]).toEqual([y.year, ...durations(y.year)]);
    expect([report.total.averageDays, report.total.medianDays]).toEqual(durations());
  });

  it('breaks the table down by referrer, kind of referrer, municipality and legal basis', async () => {
    const report = (await asCoordinator('/api/reports/yearly?fromYear=2011&toYear=2013')).body;
    const of = (rows: Array<Record<string, unknown>>, key: string) => rows.map((r) => [r[key], r.trajectories, r.favourable, r.successRate]);
    // The seed's historical referrers: every third trajectory OCMW Beveren, the others GMH.
    const gmh = HISTORICAL_CASES.filter((h) => h.referrer === 'gmh');
    const ocmw = HISTORICAL_CASES.filter((h) => h.referrer === 'ocmwBeveren');
    const favourable = (cases: typeof gmh) => cases.filter((h) => h.outcome === 'favourable').length;
    expect(of(report.byReferrer, 'organisationId')).toEqual([
      [org.gmh, gmh.length, favourable(gmh), Math.round((100 * favourable(gmh)) / gmh.length)],
      [org.ocmwBeveren, ocmw.length, favourable(ocmw), Math.round((100 * favourable(ocmw)) / ocmw.length)],
    ]);
    expect(report.byReferrer.map((r: { kind: string; name: string }) => [r.kind, r.name])).toEqual([
      ['landlord', 'GMH — Gewestelijke Maatschappij voor Huisvesting'],
      ['ocmw', 'OCMW Beveren'],
    ]);
    expect(of(report.byReferrerKind, 'kind')).toEqual([
      ['landlord', gmh.length, favourable(gmh), Math.round((100 * favourable(gmh)) / gmh.length)],
      ['ocmw', ocmw.length, favourable(ocmw), Math.round((100 * favourable(ocmw)) / ocmw.length)],
    ]);
    expect(of(report.byMunicipality, 'municipality')).toEqual([['Beveren', 17, 15, 88]]);
    expect(of(report.byLegalBasis, 'legalBasis')).toEqual([['not_recorded', 17, 15, 88]]);
  });

  it('is the same table in the CSV, with Dutch numbers, and the export is logged', async () => {
    const exportsBefore = (await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE event_type = 'export' AND subject = 'yearly_report'`)).rows[0].n;
    const res = await asCoordinator('/reports/yearly.csv?fromYear=2011&toYear=2013');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="woonbrug-jaarrapport-2011-2013.csv"');
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    const lines = res.text.slice(1).split('\r\n').map((l) => l.split(';'));
    expect(lines[0]!.slice(0, 4)).toEqual(['Tabel', 'Rij', 'Trajecten', 'Gunstig']);
    const years = lines.filter((l) => l[0] === 'Jaar').map((l) => [Number(l[1]), Number(l[2]), Number(l[3]), l[9]]);
    expect(years).toEqual(DESIGN_TABLE.map(([year, n, favourable, success]) => [year, n, favourable, `${success} %`]));
    const total = lines.find((l) => l[0] === 'Totaal')!;
    expect([Number(total[2]), Number(total[3]), total[9]]).toEqual([17, 15, '88 %']);
    // Decimal comma for the average duration.
    expect(total[10]).toBe(String(durations()[0]).replace('.', ','));
    expect(lines.find((l) => l[0] === 'Gemeente')!.slice(1, 4)).toEqual(['Beveren', '17', '15']);
    const exportsAfter = (await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE event_type = 'export' AND subject = 'yearly_report'`)).rows[0].n;
    expect(exportsAfter).toBe(exportsBefore + 1);
  });

  it('shows the table and an accessible SVG chart on the page, in Dutch and in English', async () => {
    const res = await asCoordinator('/reports/yearly?fromYear=2011&toYear=2013');
    expect(res.status).toBe(200);
    const html = res.text;
    for (const percent of ['75', '89', '100', '88']) expect(html).toContain(`${percent}\u00a0%`);
    expect(html).toContain('<svg id="report-chart" role="img" aria-labelledby="report-chart-title report-chart-desc"');
    expect(html).toMatch(/<title id="report-chart-title">[^<]+<\/title>/);
    expect(html).toContain('2011: 4 afgeronde trajecten, 3 gunstig (75 %).');
    expect(html.match(/<g class="bar" data-year="\d{4}">/g)).toEqual(['<g class="bar" data-year="2011">', '<g class="bar" data-year="2012">', '<g class="bar" data-year="2013">']);
    expect(html).toContain('href="/reports/yearly.csv?fromYear=2011&toYear=2013"');
    const english = await asCoordinator('/reports/yearly?fromYear=2011&toYear=2013&lang=en');
    expect(english.status).toBe(200);
    expect(english.text).toContain('88%');
    expect(english.text).toContain('Yearly report');
  });

  it('is what ReportingService.yearlyReport returns for the organisation and period, as a plain object', async () => {
    const fromService = await portals.apps.worker.get(ReportingService).yearlyReport({ scope: 'outreach', organisationId: outreachId }, { from: '2011-01-01', to: '2013-12-31' });
    const overHttp = (await asCoordinator('/api/reports/yearly?fromYear=2011&toYear=2013')).body;
    expect(JSON.parse(JSON.stringify(fromService))).toEqual(overHttp);
  });
});

describe('periods and what counts', () => {
  it('filters on the year of start, both ends inclusive or open', async () => {
    const only2012 = (await asCoordinator('/api/reports/yearly?fromYear=2012&toYear=2012')).body;
    expect(only2012.years.map((y: { year: number }) => y.year)).toEqual([2012]);
    expect([only2012.total.trajectories, only2012.total.favourable, only2012.total.successRate]).toEqual([9, 8, 89]);
    const upTo2011 = (await asCoordinator('/api/reports/yearly?toYear=2011')).body;
    expect(upTo2011.years.map((y: { year: number }) => y.year)).toEqual([2011]);
    const from2012 = (await asCoordinator('/api/reports/yearly?fromYear=2012')).body;
    expect(from2012.years[0].year).toBe(2012);
    expect(from2012.years.some((y: { year: number }) => y.year === 2011)).toBe(false);
    const empty = (await asCoordinator('/api/reports/yearly?fromYear=2030&toYear=2031')).body;
    expect(empty.years).toEqual([]);
    expect(empty.total).toMatchObject({ trajectories: 0, favourable: 0, ongoing: 0, successRate: null, averageDays: null, medianDays: null });
  });

  it('refuses a period that ends before it starts, and years that are not years', async () => {
    const reversed = await asCoordinator('/api/reports/yearly?fromYear=2013&toYear=2011');
    expect(reversed.status).toBe(400);
    expect(reversed.body.code).toBe('VALIDATION_FAILED');
    expect(reversed.body.errors).toEqual([expect.objectContaining({ field: 'toYear', code: 'PERIOD_ORDER' })]);
    for (const query of ['fromYear=abc', 'fromYear=1800', 'toYear=2011.5', 'other=1']) {
      expect({ query, status: (await asCoordinator(`/api/reports/yearly?${query}`)).status }).toEqual({ query, status: 400 });
    }
    const page = await asCoordinator('/reports/yearly?fromYear=2013&toYear=2011');
    expect(page.status).toBe(400);
    expect(page.text).toContain('Het einde van de periode ligt vóór het begin.');
    expect(page.text).not.toContain('id="report-chart"');
    expect((await asCoordinator('/reports/yearly.csv?fromYear=abc')).status).toBe(400);
  });

  it('shows the open trajectories apart and keeps the historical years unchanged without a period', async () => {
    const report = (await asCoordinator('/api/reports/yearly')).body;
    expect(report.years.slice(0, 3).map((y: Record<string, number>) => [y.year, y.trajectories, y.favourable, y.successRate])).toEqual(DESIGN_TABLE);
    const open = (await db.query(`SELECT count(*)::int AS n FROM case_file WHERE outreach_organisation_id = $1 AND state IN ('active', 'aftercare')`, [outreachId])).rows[0].n;
    expect(open).toBeGreaterThanOrEqual(2); // the open demo cases
    expect(report.total.ongoing).toBe(open);
    // Ongoing trajectories are never part of the trajectories or the success rate.
    const closed = (await db.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE outcome = 'favourable')::int AS f FROM case_file WHERE outreach_organisation_id = $1 AND state = 'closed'`, [outreachId])).rows[0];
    expect([report.total.trajectories, report.total.favourable]).toEqual([closed.n, closed.f]);
    for (const key of ['trajectories', 'favourable', 'ongoing']) {
      expect(report.years.reduce((sum: number, y: Record<string, number>) => sum + y[key]!, 0)).toBe(report.total[key]);
    }
  });

  it('counts a referral only once accepted, as ongoing until it is closed; a declined one never', async () => {
    const year = thisYear();
    const now = async () => (await asCoordinator(`/api/reports/yearly?fromYear=${year}&toYear=${year}`)).body.total;
    const refer = async () => {
      const res = await portals.http('landlord').post('/api/referrals').set('Cookie', await portals.login('gmh')).send(validReferral());
      expect(res.status).toBe(201);
      return (await db.query('SELECT case_id FROM referral WHERE id = $1', [res.body.id])).rows[0].case_id as string;
    };
    const before = await now();
    const waiting = await refer();
    const declined = await refer();
    const coordinator = await portals.login('coordinator');
    expect((await portals.http('worker').post(`/api/cases/${declined}/decline`).set('Cookie', coordinator).send({ reason: 'Enkel huurachterstal' })).status).toBe(200);
    expect(await now()).toEqual(before);

    expect((await portals.http('worker').post(`/api/cases/${waiting}/accept`).set('Cookie', coordinator).send({ workerId })).status).toBe(200);
    const accepted = await now();
    expect([accepted.trajectories, accepted.ongoing]).toEqual([before.trajectories, before.ongoing + 1]);

    const version = (await db.query('SELECT version FROM case_file WHERE id = $1', [waiting])).rows[0].version as number;
    const closing = await portals
      .http('worker')
      .post(`/api/cases/${waiting}/close`)
      .set('Cookie', await portals.login('worker'))
      .send({ outcome: 'refused_help', handover: 'Overgedragen aan het CAW.', version });
    expect(closing.status).toBe(200);
    const closed = await now();
    expect([closed.trajectories, closed.unfavourable, closed.outcomes.refused_help, closed.ongoing]).toEqual([
      before.trajectories + 1,
      before.unfavourable + 1,
      before.outcomes.refused_help + 1,
      before.ongoing,
    ]);
    expect(closed.medianDays).not.toBeNull();
  });
});

describe('the report kept per version of its data', () => {
  it('is computed once per version, and again after any change to its data, also one made outside the portal', async () => {
    const reports = portals.apps.worker.get(YearlyReports);
    const computed = jest.spyOn(portals.apps.worker.get(DataSource), 'transaction');
    const scope = { scope: 'outreach' as const, organisationId: outreachId };
    const period = { from: '2011-01-01', to: '2013-12-31' };
    try {
      const first = await reports.load(scope, period);
      computed.mockClear();
      expect(await reports.load(scope, period)).toEqual(first);
      expect(computed).toHaveBeenCalledTimes(0);

      // A closed case moves to another municipality (by hand, in SQL): the figures follow at once.
      const { id, municipality } = (
        await db.query(`SELECT id, municipality FROM case_file WHERE outreach_organisation_id = $1 AND state = 'closed' AND started_on < '2012-01-01' LIMIT 1`, [outreachId])
      ).rows[0];
      const other = (await db.query(`SELECT name FROM municipality WHERE name <> $1 ORDER BY name LIMIT 1`, [municipality])).rows[0].name;
      await db.query(`UPDATE case_file SET municipality = $2 WHERE id = $1`, [id, other]);
      const moved = await reports.load(scope, period);
      expect(computed).toHaveBeenCalledTimes(1);
      expect(moved.byMunicipality).not.toEqual(first.byMunicipality);
      expect(moved.total).toEqual(first.total);
      await db.query(`UPDATE case_file SET municipality = $2 WHERE id = $1`, [id, municipality]);
      expect(await reports.load(scope, period)).toEqual(first);

      // A referrer renamed: its row carries the new name.
      await db.query(`UPDATE organisation SET name = name || ' (nieuw)' WHERE id = $1`, [org.gmh]);
      const renamed = await reports.load(scope, period);
      await db.query(`UPDATE organisation SET name = left(name, -8) WHERE id = $1`, [org.gmh]);
      expect(renamed.byReferrer!.find((r) => r.organisationId === org.gmh)!.name).toMatch(/ \(nieuw\)$/);
      expect(await reports.load(scope, period)).toEqual(first);
      expect(computed).toHaveBeenCalledTimes(4);
    } finally {
      computed.mockRestore();
    }
  });
});

describe('who reads the report', () => {
  it('is the coordinator only: workers, the privacy officer and the administrator are refused', async () => {
    for (const persona of ['worker', 'worker2', 'privacyOfficer', 'admin'] as const) {
      const cookie = await portals.login(persona);
      for (const path of ['/api/reports/yearly', '/api/reports/evaluation', '/reports/yearly', '/reports/yearly.csv', '/reports/evaluation']) {
        const res = await portals.http('worker').get(path).set('Cookie', cookie);
        expect({ persona, path, status: res.status }).toEqual({ persona, path, status: 403 });
        expect(res.text).not.toContain('2011');
      }
    }
    expect((await asCoordinator('/api/reports/yearly')).status).toBe(200);
    expect((await portals.http('worker').get('/api/reports/yearly')).status).toBe(401);
  });

  it('never names a tenant or a case', async () => {
    const names = (await db.query(`SELECT tenant_name, reference, id::text AS id FROM case_file WHERE outreach_organisation_id = $1`, [outreachId])).rows;
    for (const path of ['/api/reports/yearly', '/reports/yearly', '/reports/yearly.csv', '/api/reports/evaluation?from=2011-01-01&to=2013-12-31']) {
      const text = (await asCoordinator(path)).text;
      const leaked = names.filter((n: Record<string, string>) => text.includes(n.tenant_name!) || text.includes(n.id!) || text.includes(`>${n.reference}<`));
      expect({ path, leaked }).toEqual({ path, leaked: [] });
    }
  });
});
