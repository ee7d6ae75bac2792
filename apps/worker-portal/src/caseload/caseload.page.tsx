import type { CaseSummary } from '@woonbrug/cases';
import type { UserSummary } from '@woonbrug/identity';
import type { IncomingReferral } from '@woonbrug/referrals';
import { Layout, type PageContext } from '@woonbrug/web';

export function CaseListPage({ ctx, cases, workers }: { ctx: PageContext; cases: readonly CaseSummary[]; workers: readonly UserSummary[] }): JSX.Element {
  const { t } = ctx;
  const nameOf = (id: string | null) => workers.find((w) => w.id === id)?.displayName ?? '—';
  return (
    <Layout ctx={ctx} title={t('caseload.title')}>
      {cases.length === 0 ? (
        <p safe>{t('caseload.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col" safe>{t('case.reference')}</th>
                <th scope="col" safe>{t('referral.field.tenantName')}</th>
                <th scope="col" safe>{t('referral.field.municipality')}</th>
                <th scope="col" safe>{t('case.stateLabel')}</th>
                <th scope="col" safe>{t('case.worker')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr>
                  <td>
                    <a href={`/cases/${c.id}`} safe>
                      {c.reference}
                    </a>
                  </td>
                  <td safe>{c.tenantName}</td>
                  <td safe>{c.municipality}</td>
                  <td safe>{t(`case.state.${c.state}`)}</td>
                  <td safe>{nameOf(c.assignedWorkerId)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export function CasePage({ ctx, found, referrals, worker, notice }: { ctx: PageContext; found: CaseSummary; referrals: ReadonlyArray<IncomingReferral['referral']>; worker?: UserSummary; notice?: string }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={`${found.reference} — ${found.tenantName}`}>
      {notice ? (
        <div class="notice success" role="status" safe>
          {notice}
        </div>
      ) : (
        ''
      )}
      <dl class="facts">
        <dt safe>{t('case.stateLabel')}</dt>
        <dd safe>{t(`case.state.${found.state}`)}</dd>
        <dt safe>{t('referral.field.address')}</dt>
        <dd safe>{`${found.address}, ${found.municipality}`}</dd>
        <dt safe>{t('case.worker')}</dt>
        <dd safe>{worker?.displayName ?? '—'}</dd>
        <dt safe>{t('referral.field.startedOn')}</dt>
        <dd safe>{found.startedOn ?? '—'}</dd>
        {found.outcome ? (
          <>
            <dt safe>{t('referral.field.outcome')}</dt>
            <dd safe>{t(`case.outcome.${found.outcome}`)}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      <h2 safe>{t('case.referrals')}</h2>
      <ul>
        {referrals.map((r) => (
          <li safe>{`${r.submittedAt.slice(0, 10)} — ${r.referrerOrganisationName} (${r.referrerContactName}): ${t(`referral.reason.${r.reason}`)}`}</li>
        ))}
      </ul>
    </Layout>
  );
}
