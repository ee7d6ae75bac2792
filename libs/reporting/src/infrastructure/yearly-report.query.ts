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

/** An organisation that can refer (landlord, OCMW): its bit in a trajectory's set of referrers. */
export interface ReferringOrganisation {
  readonly id: string;
  readonly name: string;
  readonly kind: ReferrerKind;
}

/** Bits per bigint mask (the sign bit is left alone). */
const BITS = 63;

/** Counts per outcome at the first level of aggregation (`days` is NULL for open trajectories). */
const LEVEL_ONE = `
  count(*) FILTER (WHERE c.outcome = 'favourable') AS favourable,
  count(*) FILTER (WHERE c.outcome = 'evicted') AS evicted,
  count(*) FILTER (WHERE c.outcome = 'left_voluntarily') AS left_voluntarily,
  count(*) FILTER (WHERE c.outcome = 'refused_help') AS refused_help,
  count(*) FILTER (WHERE c.outcome = 'other') AS other,
  count(*) FILTER (WHERE c.state <> 'closed') AS ongoing`;

const SUMS = `sum(h.favourable) AS favourable, sum(h.evicted) AS evicted, sum(h.left_voluntarily) AS left_voluntarily,
  sum(h.refused_help) AS refused_help, sum(h.other) AS other, sum(h.ongoing) AS ongoing`;

const CLOSED = `(favourable + evicted + left_voluntarily + refused_help + other)`;

/**
 * The yearly report in one SQL statement (DESIGN.md §5), written for 100 000 cases in well under
 * 200 ms: the cases are read once and never sorted; only hash aggregation.
 *
 * 1. `h`: one pass over the trajectories of the scope and period (only columns that retention
 *    keeps) with GROUPING SETS: counts per outcome for every row of the report *and duration in
 *    days* — per year of start, municipality, legal basis, in total, and (outreach scope) per set
 *    of referring organisations. The result is small: rows × distinct durations.
 * 2. Referrers: every referring organisation has a bit (`$2`: their ids in bit order); a
 *    trajectory's set of referrers is the OR of its referrals' bits (`masks`), so a household
 *    referred twice by one organisation counts once for it. Each set is then counted for every
 *    organisation in it, and once for every kind in it.
 * 3. Per row: the sums, the average duration, and the median from the running count of closed
 *    trajectories over the durations (the middle one, or the mean of the two middle ones — the
 *    same as `percentile_cont(0.5)`).
 * Nothing but the aggregates leaves the database.
 */
export function yearlyReportSql(scope: ReportScope, period: ReportPeriod, referrers: readonly ReferringOrganisation[] = []): { sql: string; params: unknown[] } {
  const params: unknown[] = [scope.organisationId];
  const outreach = scope.scope === 'outreach';
  const where = [`c.state IN ('active', 'aftercare', 'closed')`, `c.started_on IS NOT NULL`];
  where.push(outreach ? `c.outreach_organisation_id = $1` : `EXISTS (SELECT 1 FROM referral r WHERE r.case_id = c.id AND r.referrer_organisation_id = $1)`);
  if (period.from) {
    params.push(period.from);
    where.push(`c.started_on >= $${params.length}::date`);
  }
  if (period.to) {
    params.push(period.to);
    where.push(`c.started_on <= $${params.length}::date`);
  }
  const withMasks = outreach && referrers.length > 0;
  const chunks = withMasks ? Math.ceil(referrers.length / BITS) : 0;
  const maskColumns = Array.from({ length: chunks }, (_, i) => `m${i}`);
  let ctes = '';
  let join = '';
  let maskSet = '';
  let referrerRows = '';
  if (withMasks) {
    params.push(referrers.map((r) => r.id), referrers.map((r) => r.kind));
    const ids = `$${params.length - 1}`;
    const kinds = `$${params.length}`;
    const maskOf = (f: string) => `(CASE ${f}.bit / ${BITS} ${maskColumns.map((m, i) => `WHEN ${i} THEN mo.${m}`).join(' ')} END)`;
    ctes = `
     refs AS (
       SELECT u.id, u.kind, (u.ord - 1)::int AS bit FROM unnest(${ids}::uuid[], ${kinds}::text[]) WITH ORDINALITY AS u(id, kind, ord)
     ),
     masks AS (
       SELECT r.case_id, ${maskColumns.map((m, i) => `bit_or(CASE WHEN f.bit / ${BITS} = ${i} THEN 1::bigint << (f.bit % ${BITS}) ELSE 0 END) AS ${m}`).join(', ')}
         FROM referral r JOIN refs f ON f.id = r.referrer_organisation_id
        GROUP BY r.case_id
     ),`;
    join = `LEFT JOIN masks k ON k.case_id = c.id`;
    maskSet = `, (${maskColumns.map((m) => `k.${m}`).join(', ')}, days)`;
    referrerRows = `,
     sets AS (
       SELECT DISTINCT ${maskColumns.join(', ')} FROM h WHERE dimension = 'referrers' AND ${maskColumns.map((m) => `${m} IS NOT NULL`).join(' AND ')}
     ),
     members AS (
       SELECT ${maskColumns.map((m) => `mo.${m}`).join(', ')}, f.id, f.kind
         FROM sets mo JOIN refs f ON ${maskOf('f')} & (1::bigint << (f.bit % ${BITS})) <> 0
     ),
     hr AS (
       SELECT 'referrer' AS dimension, m.id::text AS key, h.days, ${SUMS}
         FROM h JOIN members m USING (${maskColumns.join(', ')}) WHERE h.dimension = 'referrers' GROUP BY m.id, h.days
       UNION ALL
       SELECT 'referrer_kind', k.kind, h.days, ${SUMS}
         FROM h JOIN (SELECT DISTINCT ${maskColumns.join(', ')}, kind FROM members) k USING (${maskColumns.join(', ')})
        WHERE h.dimension = 'referrers' GROUP BY k.kind, h.days
       UNION ALL
       SELECT dimension, key, days, favourable, evicted, left_voluntarily, refused_help, other, ongoing FROM h WHERE dimension <> 'referrers'
     )`;
  }
  const source = withMasks ? 'hr' : 'h';
  const sql = `
     WITH ${ctes}
     h AS (
       SELECT CASE WHEN GROUPING(date_part('year', c.started_on)) = 0 THEN 'year' WHEN GROUPING(c.municipality) = 0 THEN 'municipality'
                   WHEN GROUPING(c.legal_basis) = 0 THEN 'legal_basis'${withMasks ? ` WHEN GROUPING(k.m0) = 0 THEN 'referrers'` : ''}
                   ELSE 'total' END AS dimension,
              CASE WHEN GROUPING(date_part('year', c.started_on)) = 0 THEN date_part('year', c.started_on)::int::text
                   WHEN GROUPING(c.municipality) = 0 THEN c.municipality
                   WHEN GROUPING(c.legal_basis) = 0 THEN COALESCE(c.legal_basis::text, 'not_recorded') ELSE '' END AS key,
              ${maskColumns.map((m) => `k.${m}`).join(', ')}${withMasks ? ',' : ''}
              CASE WHEN c.state = 'closed' THEN c.closed_on - c.started_on END AS days, ${LEVEL_ONE}
         FROM case_file c ${join}
        WHERE ${where.join(' AND ')}
        GROUP BY GROUPING SETS ((date_part('year', c.started_on), days), (c.municipality, days), (c.legal_basis, days), (days)${maskSet})
     )${referrerRows},
     w AS (
       SELECT s.*, ${CLOSED} AS closed,
              sum(${CLOSED}) OVER (PARTITION BY dimension, key ORDER BY days ROWS UNBOUNDED PRECEDING) AS running,
              sum(${CLOSED}) OVER (PARTITION BY dimension, key) AS n
         FROM ${source} s
     )
     SELECT dimension, key,
            sum(closed)::int AS trajectories, sum(favourable)::int AS favourable, sum(evicted)::int AS evicted,
            sum(left_voluntarily)::int AS left_voluntarily, sum(refused_help)::int AS refused_help, sum(other)::int AS other,
            sum(ongoing)::int AS ongoing,
            round(sum(days * closed)::numeric / NULLIF(sum(closed), 0), 1)::float8 AS average_days,
            ((min(days) FILTER (WHERE running >= floor((n + 1) / 2) AND closed > 0)
              + min(days) FILTER (WHERE running >= floor(n / 2) + 1 AND closed > 0)) / 2.0)::float8 AS median_days
       FROM w
      GROUP BY dimension, key`;
  return { sql, params };
}

/**
 * Memory for the report's hash aggregates: with PostgreSQL's default (4 MB) the per-case sets of
 * referrers of 100 000 cases spill to disk or fall back to sorting. Set for the report's own
 * transaction only.
 */
const REPORT_WORK_MEM = '64MB';

/** The organisations that can refer, in bit order. */
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

/** Runs {@link yearlyReportSql} in one read-only transaction and shapes the rows into the report (nothing suppressed). */
export async function loadYearlyReport(db: DataSource, scope: ReportScope, period: ReportPeriod): Promise<YearlyReport> {
  return (await readYearlyReport(db, scope, period)).report;
}

/** {@link loadYearlyReport}, with the source version it was computed at (read in the same snapshot). */
export async function readYearlyReport(db: DataSource, scope: ReportScope, period: ReportPeriod): Promise<{ report: YearlyReport; version: string }> {
  const { rows, referrers, version } = await db.transaction('REPEATABLE READ', async (m) => {
    await m.query(`SET TRANSACTION READ ONLY`);
    await m.query(`SET LOCAL work_mem = '${REPORT_WORK_MEM}'`);
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
