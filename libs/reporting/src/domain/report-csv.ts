import { spreadsheetCsv } from '@woonbrug/kernel';
import { formatNumber, formatPercent } from './format';
import { UNFAVOURABLE_OUTCOMES, type FigureRow, type YearlyReport } from './report';

type Translate = (key: string) => string;

/**
 * The report as CSV for a spreadsheet in Belgium: UTF-8 with a byte-order mark (so that Excel
 * reads the accents), `;` between cells (the list separator of Dutch-language Excel, which uses
 * the comma as decimal sign), CRLF line ends, numbers formatted like on the page (`88 %`, `183,5`).
 * One line per row of the page, the first column saying which table it belongs to. A withheld
 * cell (partners) holds `×`, a value that does not apply is empty.
 */
export function yearlyReportCsv(report: YearlyReport, t: Translate, lang: string): string {
  const count = (v: number | null, withheld: boolean) => (withheld ? '×' : v === null ? '' : String(v));
  const line = (dimension: string, key: string, row: FigureRow): string[] => {
    const hidden = (f: string) => (row.suppressed as readonly string[]).includes(f);
    return [
      dimension,
      key,
      count(row.trajectories, hidden('trajectories')),
      count(row.favourable, hidden('favourable')),
      count(row.unfavourable, hidden('unfavourable')),
      ...UNFAVOURABLE_OUTCOMES.map((o) => count(row.outcomes[o], hidden(o))),
      row.successRate === null ? '' : formatPercent(row.successRate, lang),
      row.averageDays === null ? '' : formatNumber(row.averageDays, lang),
      row.medianDays === null ? '' : formatNumber(row.medianDays, lang),
      count(row.ongoing, hidden('ongoing')),
    ];
  };
  const header = [
    t('report.csv.table'),
    t('report.csv.key'),
    t('report.column.trajectories'),
    t('report.column.favourable'),
    t('report.column.unfavourable'),
    ...UNFAVOURABLE_OUTCOMES.map((o) => t(`report.outcome.${o}`)),
    t('report.column.successRate'),
    t('report.column.averageDays'),
    t('report.column.medianDays'),
    t('report.column.ongoing'),
  ];
  const lines: string[][] = [header];
  for (const row of report.years) lines.push(line(t('report.csv.year'), String(row.year), row));
  lines.push(line(t('report.csv.total'), '', report.total));
  for (const row of report.byReferrerKind ?? []) lines.push(line(t('report.csv.referrerKind'), t(`report.kind.${row.kind}`), row));
  for (const row of report.byReferrer ?? []) lines.push(line(t('report.csv.referrer'), row.name, row));
  for (const row of report.byMunicipality) lines.push(line(t('report.csv.municipality'), row.municipality, row));
  for (const row of report.byLegalBasis) lines.push(line(t('report.csv.legalBasis'), t(`report.legalBasis.${row.legalBasis}`), row));
  return spreadsheetCsv(lines, { delimiter: ';', bom: true });
}
