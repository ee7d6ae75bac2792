import { BOTTLENECK_CATEGORIES, MAX_BOTTLENECK_LENGTH, type BottleneckView } from '@woonbrug/reporting';
import { ErrorSummary, Layout, SelectField, TextArea, TextField, textValue, type FieldErrors, type PageContext } from '@woonbrug/web';

/** Bottlenecks as a list: date, category (optional) and the observation. */
export function BottleneckList({ ctx, items, showCategory = true, label }: { ctx: PageContext; items: readonly BottleneckView[]; showCategory?: boolean; label?: string }): JSX.Element {
  const { t } = ctx;
  return (
    <div class="table-wrap" role="region" tabindex="0" aria-label={t('layout.tableRegion', { name: label ?? t('bottlenecks.title') })}>
      <table class="bottlenecks">
        <thead>
          <tr>
            <th scope="col" safe>{t('bottlenecks.field.observedOn')}</th>
            {showCategory ? (
              <th scope="col" safe>
                {t('bottlenecks.field.category')}
              </th>
            ) : (
              ''
            )}
            <th scope="col" safe>{t('bottlenecks.field.body')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((b) => (
            <tr id={`bottleneck-${b.id}`}>
              <td safe>{b.observedOn}</td>
              {showCategory ? <td safe>{t(`bottlenecks.category.${b.category}`)}</td> : ''}
              <td class="bottleneck-body" safe>
                {b.body}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Record a bottleneck, and the organisation's bottlenecks, newest first. */
export function BottlenecksPage({
  ctx,
  items,
  values,
  errors,
  notice,
}: {
  ctx: PageContext;
  items: readonly BottleneckView[];
  values: Readonly<Record<string, unknown>>;
  errors: FieldErrors;
  notice?: string;
}): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('bottlenecks.title')}>
      <p safe>{t('bottlenecks.intro')}</p>
      {notice ? (
        <p class="notice success" role="status" safe>
          {notice}
        </p>
      ) : (
        ''
      )}
      <ErrorSummary ctx={ctx} errors={errors} labelOf={(f) => t(`bottlenecks.field.${f}`)} />
      <form method="post" action="/bottlenecks" class="card">
        <h2 safe>{t('bottlenecks.new')}</h2>
        <SelectField
          ctx={ctx}
          name="category"
          label={t('bottlenecks.field.category')}
          errors={errors}
          required
          value={textValue(values.category)}
          options={BOTTLENECK_CATEGORIES.map((c) => ({ value: c, label: t(`bottlenecks.category.${c}`) }))}
        />
        <TextField ctx={ctx} name="observedOn" type="date" label={t('bottlenecks.field.observedOn')} errors={errors} value={textValue(values.observedOn)} hint={t('bottlenecks.observedOnHint')} />
        <TextArea ctx={ctx} name="body" label={t('bottlenecks.field.body')} errors={errors} required maxlength={MAX_BOTTLENECK_LENGTH} value={textValue(values.body)} hint={t('bottlenecks.bodyHint')} />
        <button type="submit" safe>
          {t('bottlenecks.save')}
        </button>
      </form>
      <h2 safe>{t('bottlenecks.list')}</h2>
      {items.length === 0 ? <p safe>{t('bottlenecks.empty')}</p> : <BottleneckList ctx={ctx} items={items} />}
    </Layout>
  );
}
