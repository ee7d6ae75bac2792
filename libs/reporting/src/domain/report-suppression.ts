import { COUNT_FIELDS, countOf, UNFAVOURABLE_OUTCOMES, type CountField, type FigureRow, type YearlyReport } from './report';
import { successRate } from './figures';
import { disclosureRisks, suppressSmallCells, SUPPRESSION_THRESHOLD, type CountRelation, type CountTable } from './suppression';

/** The rows of a report that add up to its total: per year, per municipality, per legal basis. */
const GROUPS = ['years', 'byMunicipality', 'byLegalBasis'] as const;
type Group = (typeof GROUPS)[number];
const TOTAL = 'total';

function rowKey(group: Group, row: YearlyReport[Group][number]): string {
  if ('year' in row) return `year:${row.year}`;
  if ('municipality' in row) return `municipality:${row.municipality}`;
  return `legal_basis:${row.legalBasis}`;
}

const cellOf = (row: string, field: CountField) => `${row}|${field}`;

/** The report's counts as a table of cells with their relations (see suppression.ts). */
export function reportCountTable(report: YearlyReport): CountTable {
  const values = new Map<string, number>();
  const relations: CountRelation[] = [];
  const addRow = (key: string, row: FigureRow) => {
    for (const field of COUNT_FIELDS) {
      const value = countOf(row, field);
      if (value === null) throw new RangeError('reportCountTable needs a report without suppressed cells');
      values.set(cellOf(key, field), value);
    }
    relations.push({ total: cellOf(key, 'trajectories'), parts: [cellOf(key, 'favourable'), cellOf(key, 'unfavourable')] });
    relations.push({ total: cellOf(key, 'unfavourable'), parts: UNFAVOURABLE_OUTCOMES.map((o) => cellOf(key, o)) });
  };
  addRow(TOTAL, report.total);
  for (const group of GROUPS) {
    const rows = report[group];
    if (rows.length === 0) continue;
    for (const row of rows) addRow(rowKey(group, row), row);
    for (const field of COUNT_FIELDS) relations.push({ total: cellOf(TOTAL, field), parts: rows.map((r) => cellOf(rowKey(group, r), field)) });
  }
  return { values, relations };
}

/**
 * What a partner may see of a report: counts of 1 and 2 withheld, and enough other cells that
 * none of them can be computed back (see suppression.ts). Prefers to withhold cells of the
 * breakdowns over the yearly rows, the yearly rows over the total, outcomes over trajectories,
 * and small values over large ones. A withheld count is `null` and named in the row's
 * `suppressed`; the success rate and durations that would reveal one are `null` too. Durations
 * are withheld for a whole breakdown as soon as one of its rows withholds its trajectories
 * (average × count of the others subtracted from the total would give that row's sum).
 */
export function suppressReportCells(report: YearlyReport, threshold: number = SUPPRESSION_THRESHOLD): YearlyReport {
  const table = reportCountTable(report);
  const withheld = suppressSmallCells(
    table,
    (cell, value) => {
      const [row, field] = cell.split('|') as [string, CountField];
      return [row === TOTAL ? 2 : row.startsWith('year:') ? 1 : 0, field === 'trajectories' ? 1 : 0, value];
    },
    threshold,
  );
  const apply = <R extends FigureRow>(key: string, row: R, durationsHidden: boolean): R => {
    const hidden = COUNT_FIELDS.filter((f) => withheld.has(cellOf(key, f)));
    const show = (field: CountField) => (hidden.includes(field) ? null : countOf(row, field));
    const trajectories = show('trajectories');
    const favourable = show('favourable');
    const durations = trajectories !== null && !durationsHidden;
    return {
      ...row,
      trajectories,
      favourable,
      unfavourable: show('unfavourable'),
      outcomes: Object.fromEntries(UNFAVOURABLE_OUTCOMES.map((o) => [o, show(o)])) as FigureRow['outcomes'],
      ongoing: show('ongoing'),
      successRate: trajectories !== null && favourable !== null ? successRate(favourable, trajectories) : null,
      averageDays: durations ? row.averageDays : null,
      medianDays: durations ? row.medianDays : null,
      suppressed: hidden,
    };
  };
  const group = <G extends Group>(name: G): YearlyReport[G] => {
    const rows = report[name];
    const anyHidden = rows.some((r) => withheld.has(cellOf(rowKey(name, r), 'trajectories')));
    return rows.map((r) => apply(rowKey(name, r), r, anyHidden)) as unknown as YearlyReport[G];
  };
  // Partners never see the breakdown by referrer: it names the other organisations' figures.
  const { byReferrer: _byReferrer, byReferrerKind: _byReferrerKind, ...rest } = report;
  return {
    ...rest,
    suppressionThreshold: threshold,
    total: apply(TOTAL, report.total, false),
    years: group('years'),
    byMunicipality: group('byMunicipality'),
    byLegalBasis: group('byLegalBasis'),
  };
}

/** The audit of a suppressed report against its full counts: empty when nothing can be recovered. */
export function reportDisclosureRisks(full: YearlyReport, shown: YearlyReport): ReturnType<typeof disclosureRisks> {
  const table = reportCountTable(full);
  const withheld = new Set<string>();
  const collect = (key: string, row: FigureRow) => row.suppressed.forEach((f) => withheld.add(cellOf(key, f)));
  collect(TOTAL, shown.total);
  for (const g of GROUPS) shown[g].forEach((row) => collect(rowKey(g, row), row));
  return disclosureRisks(table, withheld, shown.suppressionThreshold ?? SUPPRESSION_THRESHOLD);
}
