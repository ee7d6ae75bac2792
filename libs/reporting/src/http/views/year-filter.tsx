import { ErrorSummary, TextField, textValue, type FieldErrors, type PageContext } from '@woonbrug/web';

/** The query string of the year filter (for the CSV link), without empty values. */
export function yearQuery(values: Readonly<Record<string, unknown>>): string {
  const query = new URLSearchParams();
  for (const key of ['fromYear', 'toYear']) {
    const value = values[key];
    if (typeof value === 'string' || typeof value === 'number') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The period filter of the report: from year, to year (GET, so that the URL can be shared). */
export function YearFilter({
  ctx,
  action,
  values,
  errors,
  children,
}: {
  ctx: PageContext;
  action: string;
  values: Readonly<Record<string, unknown>>;
  errors: FieldErrors;
  children?: JSX.Element | JSX.Element[];
}): JSX.Element {
  const { t } = ctx;
  const text = (v: unknown) => textValue(typeof v === 'number' ? String(v) : v);
  return (
    <>
      <ErrorSummary ctx={ctx} errors={errors} labelOf={(f) => t(`report.field.${f}`)} />
      <form method="get" action={action} class="card report-filter">
        <TextField ctx={ctx} name="fromYear" type="number" label={t('report.field.fromYear')} errors={errors} value={text(values.fromYear)} hint={t('report.field.yearHint')} />
        <TextField ctx={ctx} name="toYear" type="number" label={t('report.field.toYear')} errors={errors} value={text(values.toYear)} />
        <button type="submit" safe>
          {t('report.filter')}
        </button>{' '}
        {children as 'safe'}
      </form>
    </>
  );
}

/** Field problems of the filter as translated messages (`PERIOD_ORDER` is the report's own). */
export function filterErrors(ctx: PageContext, problems: ReadonlyArray<{ field: string; code: string }>): FieldErrors {
  const out: Record<string, string> = {};
  for (const p of problems) out[p.field] ??= p.code === 'PERIOD_ORDER' ? ctx.t('report.periodOrder') : ctx.t(`errors.field.${p.code}`);
  return out;
}
