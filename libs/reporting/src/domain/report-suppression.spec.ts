import { figureRow, EMPTY_COUNTS } from './figures';
import { COUNT_FIELDS, countOf, type RowCounts, type YearlyReport } from './report';
import { reportDisclosureRisks, suppressReportCells } from './report-suppression';

type Counts = Partial<RowCounts>;
const row = (c: Counts) => figureRow({ ...EMPTY_COUNTS, ...c });

function sum(rows: Counts[]): Counts {
  const out: Record<string, number> = {};
  for (const r of rows) for (const [k, v] of Object.entries(r)) if (typeof v === 'number' && k !== 'averageDays' && k !== 'medianDays') out[k] = (out[k] ?? 0) + v;
  return out;
}

/** A referrer-scope report whose breakdowns all equal the total (one municipality, no legal basis). */
function report(years: Record<number, Counts>): YearlyReport {
  const total = sum(Object.values(years));
  return {
    scope: 'referrer',
    organisationId: '00000000-0000-4000-8000-000000000001',
    period: { from: null, to: null },
    suppressionThreshold: null,
    years: Object.entries(years).map(([year, c]) => ({ year: Number(year), ...row({ averageDays: 100, medianDays: 100, ...c }) })),
    total: row({ averageDays: 100, medianDays: 100, ...total }),
    byMunicipality: [{ municipality: 'Beveren', ...row({ averageDays: 100, medianDays: 100, ...total }) }],
    byLegalBasis: [{ legalBasis: 'not_recorded', ...row({ averageDays: 100, medianDays: 100, ...total }) }],
  };
}

/** GMH's own referrals among the 17 historical trajectories of the demo data, plus one open case. */
const GMH = report({
  2011: { trajectories: 3, favourable: 2, evicted: 1 },
  2012: { trajectories: 6, favourable: 6 },
  2013: { trajectories: 3, favourable: 3 },
  2026: { ongoing: 1 },
});

/** OCMW Beveren's: 1, 3 (one left voluntarily) and 1 trajectories. */
const OCMW = report({
  2011: { trajectories: 1, favourable: 1 },
  2012: { trajectories: 3, favourable: 2, left_voluntarily: 1 },
  2013: { trajectories: 1, favourable: 1 },
});

function allCells(r: YearlyReport) {
  return [r.total, ...r.years, ...r.byMunicipality, ...r.byLegalBasis].flatMap((row) => COUNT_FIELDS.map((f) => ({ row, field: f, value: countOf(row, f) })));
}

describe('suppressReportCells (partners’ figures)', () => {
  it.each([
    ['GMH', GMH],
    ['OCMW Beveren', OCMW],
  ])('withholds every count of 1 or 2 in the figures of %s, and leaves nothing recoverable', (_name, full) => {
    const shown = suppressReportCells(full);
    expect(shown.suppressionThreshold).toBe(3);
    const fullCells = allCells(full);
    const shownCells = allCells(shown);
    fullCells.forEach((cell, i) => {
      const s = shownCells[i]!;
      if (cell.value! > 0 && cell.value! < 3) expect(s.value).toBeNull();
      if (s.value === null) expect(s.row.suppressed).toContain(cell.field);
      else expect(s.value).toBe(cell.value);
    });
    expect(reportDisclosureRisks(full, shown)).toEqual([]);
  });

  it('does not let 2011’s withheld favourable count be the total minus the other years', () => {
    const shown = suppressReportCells(GMH);
    const y2011 = shown.years.find((y) => y.year === 2011)!;
    expect([y2011.favourable, y2011.unfavourable, y2011.outcomes.evicted]).toEqual([null, null, null]);
    expect(y2011.trajectories).toBe(3);
    // Either the total or at least one other year is withheld too, in every column 2011 hides.
    for (const field of ['favourable', 'unfavourable', 'evicted'] as const) {
      const others = shown.years.filter((y) => y.year !== 2011).map((y) => countOf(y, field));
      expect({ field, protected: countOf(shown.total, field) === null || others.some((v) => v === null) }).toEqual({ field, protected: true });
    }
    // The same within the row: trajectories − favourable does not give the unfavourable ones.
    expect(y2011.successRate).toBeNull();
  });

  it('withholds what would reveal a withheld count: the success rate and durations', () => {
    const shown = suppressReportCells(OCMW);
    for (const y of shown.years) {
      if (y.trajectories === null || y.favourable === null) expect(y.successRate).toBeNull();
      if (y.trajectories === null) expect([y.averageDays, y.medianDays]).toEqual([null, null]);
    }
    // One year hides its trajectories, so no year shows durations (the others would give its sum away).
    expect(shown.years.every((y) => y.averageDays === null)).toBe(true);
  });

  it('shows a table without small cells as it is, and never the breakdown by referrer', () => {
    const big = report({ 2012: { trajectories: 9, favourable: 6, evicted: 3, ongoing: 4 }, 2013: { trajectories: 5, favourable: 5 } });
    const withReferrers = { ...big, byReferrer: [], byReferrerKind: [] } as YearlyReport;
    const shown = suppressReportCells(withReferrers);
    expect(shown.byReferrer).toBeUndefined();
    expect(shown.byReferrerKind).toBeUndefined();
    expect(allCells(shown).filter((c) => c.value === null)).toEqual([]);
    expect(shown.years[0]!.successRate).toBe(67);
    expect(shown.years[0]!.averageDays).toBe(100);
  });

  it('stays fast for a large table', () => {
    const years: Record<number, Counts> = {};
    for (let y = 2000; y < 2026; y += 1) years[y] = { trajectories: 3 + (y % 5), favourable: 2 + (y % 5), evicted: 1, ongoing: y % 3 };
    const full = report(years);
    const started = Date.now();
    const shown = suppressReportCells(full);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(reportDisclosureRisks(full, shown)).toEqual([]);
  });
});
