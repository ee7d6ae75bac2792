import { Layout, type PageContext } from '@woonbrug/web';
import type { DeadlineItem } from '../../domain/deadline';
import { daysLeftText, formatDay } from './format';

/** The deadline list: what falls due soonest (or is overdue) first. */
export function DeadlinesPage({ ctx, items }: { ctx: PageContext; items: readonly DeadlineItem[] }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('deadlines.title')}>
      <p class="hint" safe>
        {t('deadlines.intro')}
      </p>
      {items.length === 0 ? (
        <p safe>{t('deadlines.empty')}</p>
      ) : (
        <div class="table-wrap" role="region" tabindex="0" aria-label={t('layout.tableRegion', { name: t('deadlines.title') })}>
          <table>
            <thead>
              <tr>
                <th scope="col" safe>{t('deadlines.column.due')}</th>
                <th scope="col" safe>{t('deadlines.column.kind')}</th>
                <th scope="col" safe>{t('deadlines.column.case')}</th>
                <th scope="col" safe>{t('deadlines.column.tenant')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr class={item.daysLeft < 0 ? 'overdue' : undefined}>
                  <td>
                    <span safe>{formatDay(ctx, item.dueDate)}</span>
                    <br />
                    <small safe>{daysLeftText(ctx, item.daysLeft)}</small>
                  </td>
                  <td safe>{t(`deadlines.kind.${item.kind}`)}</td>
                  <td>
                    <a href={`/cases/${item.caseId}`} safe>
                      {item.reference}
                    </a>
                  </td>
                  <td safe>{item.tenantName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
