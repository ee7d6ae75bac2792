import type { CaseSummary } from '@woonbrug/cases';
import { Layout, type PageContext } from '@woonbrug/web';
import { CaseTable } from '../caseload/case-table';
import { CaseSearchForm } from './start.page';

/** Results of a search over the caller's own cases; each result opens the case in one click. */
export function SearchPage({ ctx, query, results }: { ctx: PageContext; query: string | undefined; results: readonly CaseSummary[] }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('search.title')}>
      <CaseSearchForm ctx={ctx} id="search-page-q" value={query} />
      {query === undefined ? (
        ''
      ) : (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" safe>
            {t('search.results', { count: results.length, query })}
          </h2>
          {results.length === 0 ? (
            <p safe>{t('search.none')}</p>
          ) : (
            <CaseTable ctx={ctx} name={t('search.title')} cases={results} place="address" />
          )}
        </section>
      )}
    </Layout>
  );
}
