import { EMPTY_COUNTS, figureRow } from './figures';
import { yearlyReportCsv } from './report-csv';
import type { YearlyReport } from './report';

const t = (key: string) => key.split('.').pop()!;

describe('the report as CSV', () => {
  it('writes one line per row with Dutch numbers, a BOM and CRLF', () => {
    const row = figureRow({ ...EMPTY_COUNTS, trajectories: 4, favourable: 3, evicted: 1, averageDays: 190.5, medianDays: 190 });
    const report: YearlyReport = {
      scope: 'outreach',
      organisationId: 'x',
      period: { from: null, to: null },
      suppressionThreshold: null,
      years: [{ year: 2011, ...row }],
      total: row,
      byReferrer: [{ organisationId: 'o', name: '=HYPERLINK("x")', kind: 'landlord', ...row }],
      byReferrerKind: [],
      byMunicipality: [{ municipality: 'Beveren', ...row }],
      byLegalBasis: [],
    };
    const csv = yearlyReportCsv(report, t, 'nl');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('table;key;trajectories;favourable;unfavourable;evicted;left_voluntarily;refused_help;other;successRate;averageDays;medianDays;ongoing');
    expect(lines[1]).toBe('year;2011;4;3;1;1;0;0;0;75 %;190,5;190;0');
    expect(lines[2]).toBe('total;;4;3;1;1;0;0;0;75 %;190,5;190;0');
    expect(lines[3]).toBe(`referrer;"'=HYPERLINK(""x"")";4;3;1;1;0;0;0;75 %;190,5;190;0`);
    expect(yearlyReportCsv(report, t, 'en').split('\r\n')[1]).toBe('year;2011;4;3;1;1;0;0;0;75%;190.5;190;0');
  });
});
