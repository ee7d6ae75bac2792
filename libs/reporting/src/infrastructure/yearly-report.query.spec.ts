import { buildDataSourceOptions } from '@woonbrug/database';
import { freshMigratedDatabase } from '../../../../test/support/test-database';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { loadYearlyReport, referringOrganisations, yearlyReportSql } from './yearly-report.query';

/**
 * The report's SQL on real PostgreSQL: a fresh, migrated database of this Jest worker with a few
 * hand-made trajectories, so that every number below is known.
 */
async function freshDatabase(): Promise<string> {
  return freshMigratedDatabase('reporting');
}

let db: DataSource;
const org: Record<string, string> = {};
let worker: string;
let n = 0;

async function insertOrg(key: string, kind: string): Promise<void> {
  const [row] = await db.query(`INSERT INTO organisation (name, kind, municipality, bound_by_professional_secrecy) VALUES ($1, $2, 'Beveren', true) RETURNING id`, [`Org ${key}`, kind]);
  org[key] = row.id;
}

interface CaseSpec {
  outreach?: string;
  state: 'referred' | 'declined' | 'active' | 'aftercare' | 'closed';
  started?: string;
  closed?: string;
  outcome?: string;
  municipality?: string;
  legalBasis?: string;
  referrers: string[];
}

async function insertCase(c: CaseSpec): Promise<string> {
  n += 1;
  const [row] = await db.query(
    `INSERT INTO case_file (reference, outreach_organisation_id, state, tenant_name, tenant_name_key, address, address_key, municipality,
       assigned_worker_id, started_on, closed_on, outcome, legal_basis, decline_reason, aftercare_started_on, aftercare_ends_on)
     VALUES ($1, $2, $3, $4, $4, $5, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    [
      `T-${n}`,
      org[c.outreach ?? 'outreach'],
      c.state,
      `Huurder ${n}`,
      `Straat ${n}`,
      c.municipality ?? 'Beveren',
      ['active', 'aftercare', 'closed'].includes(c.state) ? worker : null,
      c.started ?? null,
      c.closed ?? null,
      c.outcome ?? null,
      c.legalBasis ?? null,
      c.state === 'declined' ? 'geen woonprobleem' : null,
      c.state === 'aftercare' ? c.started : null,
      c.state === 'aftercare' ? c.started : null,
    ],
  );
  for (const referrer of c.referrers) {
    await db.query(
      `INSERT INTO referral (case_id, referrer_organisation_id, referrer_user_id, landlord_organisation_id, tenant_name, address, municipality, reason,
         notice_date, referrer_contact_name, tenant_informed)
       VALUES ($1, $2, $3, $4, 'x', 'x', 'Beveren', 'lease_termination_neglect', '2010-01-01', 'x', true)`,
      [row.id, org[referrer], worker, org.gmh],
    );
  }
  return row.id;
}

beforeAll(async () => {
  const url = await freshDatabase();
  db = new DataSource(buildDataSourceOptions(url));
  await db.initialize();
  await insertOrg('outreach', 'outreach');
  await insertOrg('otherOutreach', 'outreach');
  await insertOrg('gmh', 'landlord');
  await insertOrg('bvt', 'landlord');
  await insertOrg('ocmw', 'ocmw');
  const [user] = await db.query(
    `INSERT INTO user_account (email, display_name, role, organisation_id, password_hash) VALUES ('w@test.example', 'W', 'worker', $1, 'x') RETURNING id`,
    [org.outreach],
  );
  worker = user.id;
  // 2011: durations 10, 20, 40 days; one evicted.
  await insertCase({ state: 'closed', started: '2011-01-01', closed: '2011-01-11', outcome: 'favourable', referrers: ['gmh'], legalBasis: 'voluntary' });
  await insertCase({ state: 'closed', started: '2011-06-01', closed: '2011-06-21', outcome: 'favourable', referrers: ['gmh', 'ocmw'], municipality: 'Temse' });
  await insertCase({ state: 'closed', started: '2011-12-31', closed: '2012-02-09', outcome: 'evicted', referrers: ['ocmw'], legalBasis: 'court_imposed' });
  // 2012: durations 10, 20, 30, 100 (median 25); every other outcome; one referred by two landlords.
  await insertCase({ state: 'closed', started: '2012-01-01', closed: '2012-01-11', outcome: 'favourable', referrers: ['gmh', 'bvt'] });
  await insertCase({ state: 'closed', started: '2012-02-01', closed: '2012-02-21', outcome: 'left_voluntarily', referrers: ['bvt'] });
  await insertCase({ state: 'closed', started: '2012-03-01', closed: '2012-03-31', outcome: 'refused_help', referrers: ['gmh'] });
  await insertCase({ state: 'closed', started: '2012-04-01', closed: '2012-07-10', outcome: 'other', referrers: ['gmh'] });
  // Ongoing: counted apart, never in trajectories or durations.
  await insertCase({ state: 'active', started: '2012-05-01', referrers: ['gmh'] });
  await insertCase({ state: 'aftercare', started: '2013-05-01', referrers: ['ocmw'], legalBasis: 'agreed_with_landlord' });
  // Not trajectories: waiting, declined; and another outreach organisation's case.
  await insertCase({ state: 'referred', referrers: ['gmh'] });
  await insertCase({ state: 'declined', referrers: ['gmh'] });
  await insertCase({ outreach: 'otherOutreach', state: 'closed', started: '2012-01-01', closed: '2012-01-02', outcome: 'favourable', referrers: ['gmh'] });
}, 60_000);

afterAll(async () => {
  await db?.destroy();
});

const outreach = () => ({ scope: 'outreach' as const, organisationId: org.outreach! });

describe('loadYearlyReport', () => {
  it('counts closed trajectories per year of start, with outcomes, success, durations and the ongoing apart', async () => {
    const report = await loadYearlyReport(db, outreach(), {});
    expect(report.years.map((y) => [y.year, y.trajectories, y.favourable, y.unfavourable, y.successRate, y.ongoing])).toEqual([
      [2011, 3, 2, 1, 67, 0],
      [2012, 4, 1, 3, 25, 1],
      [2013, 0, 0, 0, null, 1],
    ]);
    const [y2011, y2012] = report.years;
    expect(y2011!.outcomes).toEqual({ evicted: 1, left_voluntarily: 0, refused_help: 0, other: 0 });
    expect(y2012!.outcomes).toEqual({ evicted: 0, left_voluntarily: 1, refused_help: 1, other: 1 });
    expect([y2011!.averageDays, y2011!.medianDays]).toEqual([23.3, 20]);
    expect([y2012!.averageDays, y2012!.medianDays]).toEqual([40, 25]);
    expect(report.years[2]!.averageDays).toBeNull();
    expect(report.total).toMatchObject({ trajectories: 7, favourable: 3, unfavourable: 4, ongoing: 2, successRate: 43, medianDays: 20 });
    expect(report.total.averageDays).toBe(32.9); // 230 / 7
  });

  it('breaks the figures down by municipality, legal basis, referrer and kind of referrer', async () => {
    const report = await loadYearlyReport(db, outreach(), {});
    expect(report.byMunicipality.map((m) => [m.municipality, m.trajectories, m.ongoing])).toEqual([
      ['Beveren', 6, 2],
      ['Temse', 1, 0],
    ]);
    expect(report.byLegalBasis.map((b) => [b.legalBasis, b.trajectories, b.ongoing])).toEqual([
      ['voluntary', 1, 0],
      ['court_imposed', 1, 0],
      ['agreed_with_landlord', 0, 1],
      ['not_recorded', 5, 1],
    ]);
    // A case referred by two organisations counts for both; per kind it counts once.
    expect(report.byReferrer!.map((r) => [r.name, r.kind, r.trajectories, r.favourable, r.ongoing])).toEqual([
      ['Org bvt', 'landlord', 2, 1, 0],
      ['Org gmh', 'landlord', 5, 3, 1],
      ['Org ocmw', 'ocmw', 2, 1, 1],
    ]);
    expect(report.byReferrerKind!.map((r) => [r.kind, r.trajectories, r.favourable, r.ongoing])).toEqual([
      ['landlord', 6, 3, 1],
      ['ocmw', 2, 1, 1],
    ]);
  });

  it('filters on the date of start, both ends inclusive', async () => {
    const only2011 = await loadYearlyReport(db, outreach(), { from: '2011-01-01', to: '2011-12-31' });
    expect(only2011.years.map((y) => y.year)).toEqual([2011]);
    expect(only2011.total.trajectories).toBe(3);
    expect(only2011.period).toEqual({ from: '2011-01-01', to: '2011-12-31' });
    const narrow = await loadYearlyReport(db, outreach(), { from: '2011-06-01', to: '2012-01-01' });
    expect(narrow.total.trajectories).toBe(3);
    const empty = await loadYearlyReport(db, outreach(), { from: '2030-01-01' });
    expect(empty.years).toEqual([]);
    expect(empty.total).toMatchObject({ trajectories: 0, favourable: 0, ongoing: 0, successRate: null, averageDays: null });
  });

  it('counts for a partner only the trajectories it referred, without the breakdown by referrer', async () => {
    const bvt = await loadYearlyReport(db, { scope: 'referrer', organisationId: org.bvt! }, {});
    expect(bvt.total).toMatchObject({ trajectories: 2, favourable: 1, ongoing: 0 });
    expect(bvt.byReferrer).toBeUndefined();
    const gmh = await loadYearlyReport(db, { scope: 'referrer', organisationId: org.gmh! }, {});
    // The other outreach organisation's case referred by GMH is GMH's referral too.
    expect(gmh.total).toMatchObject({ trajectories: 6, favourable: 4, ongoing: 1 });
    expect(gmh.years.find((y) => y.year === 2012)!.trajectories).toBe(4);
  });

  it('gives the same figures whatever other referring organisations there are', async () => {
    const real = await referringOrganisations(db);
    const run = async (referrers: typeof real) => {
      const { sql, params } = yearlyReportSql(outreach(), {}, referrers);
      const rows = (await db.query(sql, params)) as Array<Record<string, unknown>>;
      return rows.map((r) => JSON.stringify(r)).sort();
    };
    const padding = Array.from({ length: 130 }, (_, i) => ({ id: randomUUID(), name: `Leeg ${i}`, kind: 'landlord' as const }));
    // 130 organisations that referred nothing come first.
    expect(await run([...padding, ...real])).toEqual(await run(real));
  });

  it('keeps its copy of the trajectories (report_trajectory) with every change to a case or its referrals', async () => {
    const copy = async (q: { query: (sql: string) => Promise<unknown> }) =>
      (await q.query(`SELECT * FROM report_trajectory ORDER BY case_id`)) as Array<Record<string, unknown>>;
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(`UPDATE case_file SET state = 'closed', closed_on = started_on + 31, outcome = 'evicted' WHERE state = 'active'`);
      await runner.query(`UPDATE case_file SET state = 'active', started_on = '2014-02-01', assigned_worker_id = $1 WHERE state = 'referred'`, [worker]);
      await runner.query(`UPDATE case_file SET municipality = 'Temse', legal_basis = 'voluntary' WHERE started_on = '2012-02-01'`);
      await runner.query(`UPDATE case_file SET state = 'declined', decline_reason = 'x', started_on = NULL WHERE state = 'aftercare'`);
      await runner.query(
        `INSERT INTO referral (case_id, referrer_organisation_id, referrer_user_id, landlord_organisation_id, tenant_name, address, municipality, reason,
           notice_date, referrer_contact_name, tenant_informed)
         SELECT case_id, $1, referrer_user_id, landlord_organisation_id, 'x', 'x', 'Beveren', 'lease_termination_neglect', '2010-01-01', 'x', true
           FROM referral WHERE referrer_organisation_id = $2`,
        [org.ocmw, org.bvt],
      );
      await runner.query(`UPDATE referral SET referrer_organisation_id = $1 WHERE id = (SELECT min(id::text)::uuid FROM referral WHERE referrer_organisation_id = $2)`, [org.bvt, org.gmh]);
      await runner.query(`DELETE FROM referral WHERE id = (SELECT max(id::text)::uuid FROM referral WHERE referrer_organisation_id = $1)`, [org.gmh]);
      const kept = await copy(runner);
      expect(kept.filter((t) => t.state === 'active')).toHaveLength(1);
      await runner.query(`SELECT report_trajectory_rebuild()`);
      expect(kept).toEqual(await copy(runner));
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('reads only what retention keeps: names, addresses and texts do not change it', async () => {
    const before = await loadYearlyReport(db, outreach(), {});
    await db.query(`UPDATE case_file SET tenant_name = 'geanonimiseerd', tenant_name_key = '', address = '', address_key = '', decline_reason = COALESCE(decline_reason, NULL), handover = NULL`);
    await db.query(`UPDATE referral SET tenant_name = '', address = '', referrer_contact_name = '', context = NULL`);
    expect(await loadYearlyReport(db, outreach(), {})).toEqual(before);
  });
});
