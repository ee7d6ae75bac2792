import { Layout, type PageContext } from '@woonbrug/web';
import type { ReferralView } from '../../application/referral-views';
import { StatusBadge } from './status-badge';

export function ReferralListPage({ ctx, referrals }: { ctx: PageContext; referrals: readonly ReferralView[] }): JSX.Element {
  const { t } = ctx;
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
        <div class="table-wrap">
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
    </Layout>
  );
}
