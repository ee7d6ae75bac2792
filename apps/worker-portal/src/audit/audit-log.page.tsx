import type { AuditEventView } from '@woonbrug/audit';
import type { OrganisationView } from '@woonbrug/identity';
import { ErrorSummary, Layout, SelectField, TextField, textValue, type FieldErrors, type PageContext } from '@woonbrug/web';

export function AuditLogPage({
  ctx,
  values,
  errors,
  events,
  organisations,
}: {
  ctx: PageContext;
  values: Readonly<Record<string, unknown>>;
  errors: FieldErrors;
  events: readonly AuditEventView[];
  organisations: readonly OrganisationView[];
}): JSX.Element {
  const { t } = ctx;
  const query = new URLSearchParams(Object.entries(values).filter(([, v]) => typeof v === 'string') as Array<[string, string]>).toString();
  return (
    <Layout ctx={ctx} title={t('audit.title')}>
      <p safe>{t('audit.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} labelOf={(f) => t(`audit.field.${f}`)} />
      <form method="get" action="/audit" class="card">
        <TextField ctx={ctx} name="caseReference" label={t('audit.field.caseReference')} errors={errors} value={textValue(values.caseReference)} maxlength={40} />
        <TextField ctx={ctx} name="userEmail" type="email" label={t('audit.field.userEmail')} errors={errors} value={textValue(values.userEmail)} maxlength={254} />
        <SelectField ctx={ctx} name="organisationId" label={t('audit.field.organisationId')} errors={errors} value={textValue(values.organisationId)} options={organisations.map((o) => ({ value: o.id, label: o.name }))} />
        <TextField ctx={ctx} name="from" type="date" label={t('audit.field.from')} errors={errors} value={textValue(values.from)} />
        <TextField ctx={ctx} name="to" type="date" label={t('audit.field.to')} errors={errors} value={textValue(values.to)} />
        <SelectField ctx={ctx} name="outcome" label={t('audit.field.outcome')} errors={errors} value={textValue(values.outcome)} options={(['allowed', 'denied'] as const).map((o) => ({ value: o, label: t(`audit.outcome.${o}`) }))} />
        <button type="submit" safe>
          {t('audit.search')}
        </button>{' '}
        <a href={`/api/audit-events.csv${query ? `?${query}` : ''}`} safe>
          {t('audit.csv')}
        </a>
      </form>
      {events.length === 0 ? (
        <p safe>{t('audit.empty')}</p>
      ) : (
        <div class="table-wrap" role="region" tabindex="0" aria-label={t('layout.tableRegion', { name: t('audit.title') })}>
          <table>
            <thead>
              <tr>
                <th scope="col" safe>{t('audit.column.when')}</th>
                <th scope="col" safe>{t('audit.column.who')}</th>
                <th scope="col" safe>{t('audit.column.case')}</th>
                <th scope="col" safe>{t('audit.column.what')}</th>
                <th scope="col" safe>{t('audit.field.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr class={e.outcome === 'denied' ? 'denied' : ''}>
                  <td safe>{e.occurredAt.replace('T', ' ').slice(0, 19)}</td>
                  <td safe>{[e.user ?? t('audit.unknownUser'), e.organisation].filter(Boolean).join(' · ')}</td>
                  <td safe>{e.caseReference ?? '—'}</td>
                  <td>
                    <span safe>{`${t(`audit.event.${e.eventType.replace(/\./g, '_')}`)}${e.category ? ` (${e.category})` : ''}`}</span>
                    {e.fields.length ? (
                      <>
                        {': '}
                        <code safe>{e.fields.join(', ')}</code>
                      </>
                    ) : (
                      ''
                    )}
                  </td>
                  <td>
                    <span class={`status ${e.outcome === 'denied' ? 'status-declined' : 'status-handled'}`} safe>
                      {t(`audit.outcome.${e.outcome}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
