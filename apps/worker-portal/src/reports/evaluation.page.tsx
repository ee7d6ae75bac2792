import { ReportTables, type EvaluationView } from '@woonbrug/reporting';
import { ErrorSummary, Layout, TextField, textValue, type FieldErrors, type PageContext } from '@woonbrug/web';
import { BottleneckList } from './bottlenecks.page';

/** The coordinator's evaluation of a period: the figures, then the bottlenecks by category. */
export function EvaluationPage({
  ctx,
  evaluation,
  values,
  errors,
}: {
  ctx: PageContext;
  evaluation: EvaluationView | null;
  values: Readonly<Record<string, unknown>>;
  errors: FieldErrors;
}): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('report.evaluation.title')}>
      <p safe>{t('report.evaluation.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} labelOf={(f) => t(`report.field.${f}`)} />
      <form method="get" action="/reports/evaluation" class="card report-filter">
        <TextField ctx={ctx} name="from" type="date" label={t('report.field.from')} errors={errors} value={textValue(values.from)} />
        <TextField ctx={ctx} name="to" type="date" label={t('report.field.to')} errors={errors} value={textValue(values.to)} />
        <button type="submit" safe>
          {t('report.filter')}
        </button>{' '}
        <a href="/reports/yearly" safe>
          {t('report.title')}
        </a>
      </form>
      {evaluation ? (
        <>
          <section id="evaluation-figures">
            <h2 safe>{t('report.evaluation.figures', { from: evaluation.period.from, to: evaluation.period.to })}</h2>
            <ReportTables ctx={ctx} report={evaluation.report} headingLevel={3} />
          </section>
          <section id="evaluation-bottlenecks">
            <h2 safe>{t('report.evaluation.bottlenecks', { count: evaluation.bottleneckCount })}</h2>
            {evaluation.bottlenecks.length === 0 ? (
              <p safe>{t('bottlenecks.empty')}</p>
            ) : (
              evaluation.bottlenecks.map((group) => (
                <section class="bottleneck-category" data-category={group.category}>
                  <h3 safe>{`${t(`bottlenecks.category.${group.category}`)} (${group.items.length})`}</h3>
                  <BottleneckList ctx={ctx} items={group.items} showCategory={false} label={t(`bottlenecks.category.${group.category}`)} />
                </section>
              ))
            )}
          </section>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}
