import { Layout, type FieldErrors, type PageContext } from '@woonbrug/web';
import type { YearlyReport } from '../../domain/report';
import { ReportTables } from './report-tables';
import { YearFilter } from './year-filter';

/** A partner's figures: the report over its own referrals, counts only, small cells withheld. */
export function FiguresPage({
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
  return (
    <Layout ctx={ctx} title={t('report.figures.title')}>
      <p safe>{t('report.figures.intro')}</p>
      <YearFilter ctx={ctx} action="/figures" values={values} errors={errors} />
      {report ? <ReportTables ctx={ctx} report={report} /> : ''}
    </Layout>
  );
}
