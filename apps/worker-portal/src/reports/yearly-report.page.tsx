import { ReportTables, YearFilter, YearlyChart, yearQuery, type YearlyReport } from '@woonbrug/reporting';
import { Layout, type FieldErrors, type PageContext } from '@woonbrug/web';

/** The coordinator's yearly report: filters, the chart, the tables, and the CSV/JSON links. */
export function YearlyReportPage({
  ctx,
  report,
  values,
  errors,
}: {
  ctx: PageContext;
  report: YearlyReport | null;
  values: Readonly<Record<string, unknown>>;
  errors: FieldErrors;
}): JSX.Element {
  const { t } = ctx;
  const query = yearQuery(values);
  return (
    <Layout ctx={ctx} title={t('report.title')}>
      <p safe>{t('report.intro')}</p>
      <YearFilter ctx={ctx} action="/reports/yearly" values={values} errors={errors}>
        <a href={`/reports/yearly.csv${query}`} id="report-csv" safe>
          {t('report.csv.link')}
        </a>{' '}
        <a href={`/api/reports/yearly${query}`} safe>
          {t('report.json')}
        </a>{' '}
        <a href="/reports/evaluation" safe>
          {t('report.evaluation.link')}
        </a>
      </YearFilter>
      {report ? (
        <>
          <YearlyChart ctx={ctx} report={report} />
          <ReportTables ctx={ctx} report={report} />
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}
