import { Layout, type PageContext } from '@woonbrug/web';
import type { ReferralPage } from '../../application/referral-views';
import { StatusBadge } from './status-badge';

/** A page of the referrer's list, newest first, with links to older ones and back to the newest. */
export function ReferralListPage({ ctx, page, paged }: { ctx: PageContext; page: ReferralPage; paged: boolean }): JSX.Element {
  const { t } = ctx;
  const referrals = page.items;
  return (
    <Layout ctx={ctx} title={t('referral.list.title')}>
      <p>
        <a class="button" href="/referrals/new" safe>
          {t('nav.newReferral')}
        </a>
      </p>
      {referrals.length === 0 ? (
        <p safe>{t('referral.list.empty')}</p>
      ) : (
        <div class="table-wrap" role="region" tabindex="0" aria-label={t('layout.tableRegion', { name: t('referral.list.title') })}>
          <table>
            <caption class="visually-hidden" safe>
              {t('referral.list.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('referral.field.submittedAt')}</th>
                <th scope="col" safe>{t('referral.field.tenantName')}</th>
                <th scope="col" safe>{t('referral.field.address')}</th>
                <th scope="col" safe>{t('referral.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {referrals.map((r) => (
                <tr>
                  <td safe>{r.submittedAt.slice(0, 10)}</td>
                  <td>
                    <a href={`/referrals/${r.id}`} safe>
                      {r.tenantName}
                    </a>
                  </td>
                  <td safe>{`${r.address}, ${r.municipality}`}</td>
                  <td>
                    <StatusBadge ctx={ctx} status={r.handling.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.next || paged ? (
        <nav class="pager" aria-label={t('referral.list.pages')}>
          {paged ? (
            <a href="/referrals" safe>
              {t('referral.list.newest')}
            </a>
          ) : (
            ''
          )}
          {page.next ? (
            <a href={`/referrals?before=${encodeURIComponent(page.next)}`} rel="next" safe>
              {t('referral.list.older')}
            </a>
          ) : (
            ''
          )}
        </nav>
      ) : (
        ''
      )}
    </Layout>
  );
}
