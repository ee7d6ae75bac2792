import { FinancialReferralStatusBadge, type FinancialReferralView } from '@woonbrug/budget';
import { Layout, type PageContext } from '@woonbrug/web';

function ReferralTable({ ctx, caption, referrals }: { ctx: PageContext; caption: string; referrals: readonly FinancialReferralView[] }): JSX.Element {
  const { t } = ctx;
  return (
    <div class="table-wrap" role="region" tabindex="0" aria-label={t('layout.tableRegion', { name: caption })}>
      <table>
        <caption class="visually-hidden" safe>
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('budget.field.referredAt')}</th>
            <th scope="col" safe>{t('budget.field.tenantName')}</th>
            <th scope="col" safe>{t('budget.field.address')}</th>
            <th scope="col" safe>{t('budget.field.kind')}</th>
            <th scope="col" safe>{t('budget.field.status')}</th>
          </tr>
        </thead>
        <tbody>
          {referrals.map((r) => (
            <tr>
              <td safe>{r.referredAt.slice(0, 10)}</td>
              <td>
                <a href={`/budget/${r.id}`} safe>
                  {r.tenant.name}
                </a>
              </td>
              <td safe>{`${r.tenant.address}, ${r.tenant.municipality}`}</td>
              <td safe>{t(`budget.kind.${r.kind}`)}</td>
              <td>
                <FinancialReferralStatusBadge ctx={ctx} status={r.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The OCMW's inbox of financial referrals: those waiting for an answer first. */
export function BudgetInboxPage({ ctx, referrals }: { ctx: PageContext; referrals: readonly FinancialReferralView[] }): JSX.Element {
  const { t } = ctx;
  const pending = referrals.filter((r) => r.status === 'pending');
  const answered = referrals.filter((r) => r.status !== 'pending');
  return (
    <Layout ctx={ctx} title={t('budget.inbox.title')}>
      <p safe>{t('budget.inbox.intro')}</p>
      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading" safe>
          {t('budget.inbox.pending')}
        </h2>
        {pending.length ? <ReferralTable ctx={ctx} caption={t('budget.inbox.pending')} referrals={pending} /> : <p safe>{t('budget.inbox.nonePending')}</p>}
      </section>
      <section aria-labelledby="answered-heading">
        <h2 id="answered-heading" safe>
          {t('budget.inbox.answered')}
        </h2>
        {answered.length ? <ReferralTable ctx={ctx} caption={t('budget.inbox.answered')} referrals={answered} /> : <p safe>{t('budget.inbox.noneAnswered')}</p>}
      </section>
    </Layout>
  );
}
