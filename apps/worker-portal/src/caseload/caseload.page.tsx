import type { CaseSummary } from '@woonbrug/cases';
import type { UserSummary } from '@woonbrug/identity';
import { Layout, type PageContext } from '@woonbrug/web';

export function CaseListPage({ ctx, cases, workers }: { ctx: PageContext; cases: readonly CaseSummary[]; workers: readonly UserSummary[] }): JSX.Element {
  const { t } = ctx;
  const nameOf = (id: string | null) => workers.find((w) => w.id === id)?.displayName ?? '—';
  return (
    <Layout ctx={ctx} title={t('caseload.title')}>
      {cases.length === 0 ? (
        <p safe>{t('caseload.empty')}</p>
      ) : (
        <div class="table-wrap" role="region" tabindex="0" aria-label={t('layout.tableRegion', { name: t('caseload.title') })}>
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
