import type { CaseSummary } from '@woonbrug/cases';
import { Layout, type PageContext } from '@woonbrug/web';
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
            <div class="table-wrap" role="region" tabindex="0" aria-label={t('layout.tableRegion', { name: t('search.title') })}>
              <table>
                <thead>
                  <tr>
                    <th scope="col" safe>{t('case.reference')}</th>
                    <th scope="col" safe>{t('referral.field.tenantName')}</th>
                    <th scope="col" safe>{t('referral.field.address')}</th>
                    <th scope="col" safe>{t('case.stateLabel')}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.map((c) => (
                    <tr>
                      <td>
                        <a href={`/cases/${c.id}`} safe>
                          {c.reference}
                        </a>
                      </td>
                      <td safe>{c.tenantName}</td>
                      <td safe>{`${c.address}, ${c.municipality}`}</td>
                      <td safe>{t(`case.state.${c.state}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </Layout>
  );
}
