import type { CaseSummary } from '@woonbrug/cases';
import type { UserSummary } from '@woonbrug/identity';
import { Layout, type PageContext } from '@woonbrug/web';
import { CaseTable } from './case-table';

export function CaseListPage({ ctx, cases, workers }: { ctx: PageContext; cases: readonly CaseSummary[]; workers: readonly UserSummary[] }): JSX.Element {
  const { t } = ctx;
  const nameOf = (id: string | null) => workers.find((w) => w.id === id)?.displayName ?? '—';
  return (
    <Layout ctx={ctx} title={t('caseload.title')}>
      {cases.length === 0 ? (
        <p safe>{t('caseload.empty')}</p>
      ) : (
        <CaseTable ctx={ctx} name={t('caseload.title')} cases={cases} place="municipality" workerOf={nameOf} />
      )}
    </Layout>
  );
}
