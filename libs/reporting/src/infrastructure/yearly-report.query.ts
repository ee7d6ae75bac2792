import type { DataSource, EntityManager } from 'typeorm';
import { EMPTY_COUNTS, figureRow } from '../domain/figures';
import {
  REFERRER_KINDS,
  REPORT_LEGAL_BASES,
  type LegalBasisRow,
  type MunicipalityRow,
  type ReferrerKind,
  type ReferrerKindRow,
  type ReferrerRow,
  type ReportLegalBasis,
  type ReportPeriod,
  type ReportScope,
  type RowCounts,
  type YearlyReport,
  type YearRow,
} from '../domain/report';

interface AggregateRow {
  dimension: 'year' | 'municipality' | 'legal_basis' | 'total' | 'referrer' | 'referrer_kind';
  key: string;
  trajectories: number;
  favourable: number;
  evicted: number;
  left_voluntarily: number;
  refused_help: number;
  other: number;
  ongoing: number;
  average_days: number | null;
  median_days: number | null;
}

/** An organisation that can refer (landlord, OCMW): a row of the breakdown by referrer. */
export interface ReferringOrganisation {
  readonly id: string;
  readonly name: string;
  readonly kind: ReferrerKind;
}

/**
 * The first level of aggregation, per row of the report (or set of referrers): counts per outcome,
 * and the sum and the list of the durations in days of the trajectories with an outcome (`days`
 * is NULL for a trajectory that is not closed).
 */
const LEVEL_ONE = `
  count(*) FILTER (WHERE t.outcome = 'favourable')::int AS favourable,
  count(*) FILTER (WHERE t.outcome = 'evicted')::int AS evicted,
  count(*) FILTER (WHERE t.outcome = 'left_voluntarily')::int AS left_voluntarily,
  count(*) FILTER (WHERE t.outcome = 'refused_help')::int AS refused_help,
  count(*) FILTER (WHERE t.outcome = 'other')::int AS other,
  count(*) FILTER (WHERE t.state <> 'closed')::int AS ongoing,
  sum(t.days) FILTER (WHERE t.outcome IS NOT NULL) AS days_sum,
  array_agg(t.days) FILTER (WHERE t.outcome IS NOT NULL) AS days`;

const COLUMNS = `favourable, evicted, left_voluntarily, refused_help, other, ongoing, days_sum, days`;

/** The rows of `parts` that make up the report row `g`: one, or for a referrer or kind one per set of referrers with it. */
const PARTS_OF_G = `FROM parts p WHERE p.dimension = g.dimension AND p.key = g.key`;

/**
 * The yearly report in one SQL statement (DESIGN.md §5), written for 100 000 cases in well under
 * 200 ms. It reads `report_trajectory` (migration 1765627200000): one narrow row per trajectory
 * (a case that has started: active, aftercare or closed) with only columns that retention keeps,
 * its duration in days once closed, and its set of referring organisations — kept by triggers in
 * every writer's transaction, so no join and no aggregation of referrals per case here.
 *
 * 1. `h`: one pass over the trajectories of the scope and period with GROUPING SETS — per year of
 *    start, municipality, legal basis, in total, and (outreach scope) per set of referring
 *    organisations: counts per outcome, the sum of the durations and the durations as an array.
 *    Only hash aggregation, into one group per row of the report or set of referrers; the cases
 *    are never sorted.
 * 2. Referrers: each set of referrers counts for every referring organisation in it (`$2`, `$3`:
 *    their ids and kinds) and once for every kind in it, so a household referred by two landlords
 *    counts once for the kind, and one referred twice by the same organisation once for it.
 * 3. Per row: the sums, the average duration, and the median, read by position from its
 *    durations sorted once (`array_sort`, a NULL duration last): the middle one, or the mean of
 *    the two middle ones — the same as `percentile_cont(0.5)`.
 * Nothing but the aggregates leaves the database.
 */
export function yearlyReportSql(scope: ReportScope, period: ReportPeriod, referrers: readonly ReferringOrganisation[] = []): { sql: string; params: unknown[] } {
  const params: unknown[] = [scope.organisationId];
  const outreach = scope.scope === 'outreach';
  const where = [outreach ? `t.outreach_organisation_id = $1` : `$1::uuid = ANY (t.referrers)`];
  if (period.from) {
    params.push(period.from);
    where.push(`t.started_on >= $${params.length}::date`);
  }
  if (period.to) {
    params.push(period.to);
    where.push(`t.started_on <= $${params.length}::date`);
  }
  const withReferrers = outreach && referrers.length > 0;
  let parts = `parts AS (SELECT dimension, key, ${COLUMNS} FROM h)`;
  if (withReferrers) {
    params.push(referrers.map((r) => r.id), referrers.map((r) => r.kind));
    parts = `refs AS (
       SELECT u.id, u.kind FROM unnest($${params.length - 1}::uuid[], $${params.length}::text[]) AS u(id, kind)
     ),
     members AS (
       SELECT h.referrers, f.id, f.kind FROM h CROSS JOIN LATERAL unnest(h.referrers) AS m(id) JOIN refs f ON f.id = m.id WHERE h.dimension = 'referrers'
     ),
     parts AS (
       SELECT 'referrer' AS dimension, m.id::text AS key, ${COLUMNS} FROM h JOIN members m USING (referrers) WHERE h.dimension = 'referrers'
       UNION ALL
       SELECT 'referrer_kind', k.kind, ${COLUMNS} FROM h JOIN (SELECT DISTINCT referrers, kind FROM members) k USING (referrers) WHERE h.dimension = 'referrers'
       UNION ALL
       SELECT dimension, key, ${COLUMNS} FROM h WHERE dimension <> 'referrers'
     )`;
  }
  const sql = `
     WITH h AS (
       SELECT CASE WHEN GROUPING(date_part('year', t.started_on)) = 0 THEN 'year' WHEN GROUPING(t.municipality) = 0 THEN 'municipality'
                   WHEN GROUPING(t.legal_basis) = 0 THEN 'legal_basis'${withReferrers ? ` WHEN GROUPING(t.referrers) = 0 THEN 'referrers'` : ''}
                   ELSE 'total' END AS dimension,
              CASE WHEN GROUPING(date_part('year', t.started_on)) = 0 THEN date_part('year', t.started_on)::int::text
                   WHEN GROUPING(t.municipality) = 0 THEN t.municipality
                   WHEN GROUPING(t.legal_basis) = 0 THEN COALESCE(t.legal_basis::text, 'not_recorded') ELSE '' END AS key,
              ${withReferrers ? 't.referrers,' : ''}${LEVEL_ONE}
         FROM report_trajectory t
        WHERE ${where.join(' AND ')}
        GROUP BY GROUPING SETS ((date_part('year', t.started_on)), (t.municipality), (t.legal_basis), ()${withReferrers ? ', (t.referrers)' : ''})
     ),
     ${parts},
     g AS (
       SELECT dimension, key, sum(favourable + evicted + left_voluntarily + refused_help + other)::int AS trajectories,
              sum(favourable)::int AS favourable, sum(evicted)::int AS evicted, sum(left_voluntarily)::int AS left_voluntarily,
              sum(refused_help)::int AS refused_help, sum(other)::int AS other, sum(ongoing)::int AS ongoing,
              sum(days_sum) AS days_sum, count(*) AS part_count
         FROM parts
        GROUP BY dimension, key
     ),
     sorted AS MATERIALIZED (
       SELECT g.*, array_sort(CASE WHEN g.part_count = 1 THEN (SELECT p.days ${PARTS_OF_G}) ELSE ARRAY(SELECT unnest(p.days) ${PARTS_OF_G}) END) AS durations
         FROM g
     )
     SELECT dimension, key, trajectories, favourable, evicted, left_voluntarily, refused_help, other, ongoing,
            round(days_sum::numeric / NULLIF(trajectories, 0), 1)::float8 AS average_days,
            ((durations[(trajectories + 1) / 2] + durations[trajectories / 2 + 1]) / 2.0)::float8 AS median_days
       FROM sorted`;
  return { sql, params };
}

/**
 * Memory for the report's hash aggregates: they hold the durations of every trajectory once per
 * dimension (arrays of up to 100 000 integers), which PostgreSQL's default (4 MB) would spill to
 * disk. Set for the report's own transaction only.
 */
const REPORT_WORK_MEM = '64MB';

/** The organisations that can refer (the rows of the breakdown by referrer). */
export async function referringOrganisations(m: EntityManager | DataSource): Promise<ReferringOrganisation[]> {
  return (await m.query(`SELECT id, name, kind::text AS kind FROM organisation WHERE kind IN ('landlord', 'ocmw') ORDER BY id`)) as ReferringOrganisation[];
}

/**
 * The version of what a report of this scope is computed from (table `report_source_version`,
 * bumped by triggers in every writer's transaction): an outreach organisation's report changes
 * with its own cases and with organisations; a referrer's figures with any case. Versions only
 * grow, so an equal sum means nothing changed.
 */
export async function reportSourceVersion(m: EntityManager | DataSource, scope: ReportScope): Promise<string> {
  const [row] = (await m.query(
    scope.scope === 'outreach'
      ? `SELECT coalesce(sum(version), 0)::text AS version FROM report_source_version WHERE organisation_id IN ($1, '00000000-0000-0000-0000-000000000000')`
      : `SELECT coalesce(sum(version), 0)::text AS version FROM report_source_version`,
    scope.scope === 'outreach' ? [scope.organisationId] : [],
  )) as Array<{ version: string }>;
  return row!.version;
}

/**
 * The report's transaction, before its first statement: read only, {@link REPORT_WORK_MEM}, and no
 * JIT compilation. Over 100 000 cases the statement's estimated cost is above `jit_above_cost`, so
 * a server built with JIT (the postgres:18 image; the embedded one is not) would compile it on
 * every computation, a fixed cost that a statement ending in a few hundred groups does not win back.
 */
export async function beginReportTransaction(m: EntityManager): Promise<void> {
  await m.query(`SET TRANSACTION READ ONLY`);
  await m.query(`SET LOCAL work_mem = '${REPORT_WORK_MEM}'`);
  await m.query(`SET LOCAL jit = off`);
}

/** Runs {@link yearlyReportSql} in one read-only transaction and shapes the rows into the report (nothing suppressed). */
export async function loadYearlyReport(db: DataSource, scope: ReportScope, period: ReportPeriod): Promise<YearlyReport> {
  return (await readYearlyReport(db, scope, period)).report;
}

/** {@link loadYearlyReport}, with the source version it was computed at (read in the same snapshot). */
export async function readYearlyReport(db: DataSource, scope: ReportScope, period: ReportPeriod): Promise<{ report: YearlyReport; version: string }> {
  const { rows, referrers, version } = await db.transaction('REPEATABLE READ', async (m) => {
    await beginReportTransaction(m);
    const version = await reportSourceVersion(m, scope);
    const referrers = scope.scope === 'outreach' ? await referringOrganisations(m) : [];
    const { sql, params } = yearlyReportSql(scope, period, referrers);
    return { rows: (await m.query(sql, params)) as AggregateRow[], referrers, version };
  });
  return { report: shapeReport(rows, referrers, scope, period), version };
}

function shapeReport(rows: AggregateRow[], referrers: readonly ReferringOrganisation[], scope: ReportScope, period: ReportPeriod): YearlyReport {
  const counts = (r: AggregateRow): RowCounts => ({
    trajectories: r.trajectories,
    favourable: r.favourable,
    evicted: r.evicted,
    left_voluntarily: r.left_voluntarily,
    refused_help: r.refused_help,
    other: r.other,
    ongoing: r.ongoing,
    averageDays: r.average_days,
    medianDays: r.median_days,
  });
  const of = (dimension: AggregateRow['dimension']) => rows.filter((r) => r.dimension === dimension);
  const total = of('total')[0];
  const years: YearRow[] = of('year')
    .map((r) => ({ year: Number(r.key), ...figureRow(counts(r)) }))
    .sort((a, b) => a.year - b.year);
  const byMunicipality: MunicipalityRow[] = of('municipality')
    .map((r) => ({ municipality: r.key, ...figureRow(counts(r)) }))
    .sort((a, b) => a.municipality.localeCompare(b.municipality, 'nl'));
  const byLegalBasis: LegalBasisRow[] = of('legal_basis')
    .map((r) => ({ legalBasis: r.key as ReportLegalBasis, ...figureRow(counts(r)) }))
    .sort((a, b) => REPORT_LEGAL_BASES.indexOf(a.legalBasis) - REPORT_LEGAL_BASES.indexOf(b.legalBasis));
  const report: YearlyReport = {
    scope: scope.scope,
    organisationId: scope.organisationId,
    period: { from: period.from ?? null, to: period.to ?? null },
    suppressionThreshold: null,
    years,
    total: figureRow(total ? counts(total) : EMPTY_COUNTS),
    byMunicipality,
    byLegalBasis,
  };
  if (scope.scope !== 'outreach') return report;
  const organisation = new Map(referrers.map((r) => [r.id, r]));
  const byReferrer: ReferrerRow[] = of('referrer')
    .map((r) => ({ organisationId: r.key, name: organisation.get(r.key)!.name, kind: organisation.get(r.key)!.kind, ...figureRow(counts(r)) }))
    .sort((a, b) => REFERRER_KINDS.indexOf(a.kind) - REFERRER_KINDS.indexOf(b.kind) || a.name.localeCompare(b.name, 'nl'));
  const byReferrerKind: ReferrerKindRow[] = of('referrer_kind')
    .map((r) => ({ kind: r.key as ReferrerKind, ...figureRow(counts(r)) }))
    .sort((a, b) => REFERRER_KINDS.indexOf(a.kind) - REFERRER_KINDS.indexOf(b.kind));
  return { ...report, byReferrer, byReferrerKind };
}
