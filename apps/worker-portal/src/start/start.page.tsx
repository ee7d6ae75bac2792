import type { CaseSummary } from '@woonbrug/cases';
import type { IncomingReferral } from '@woonbrug/referrals';
import { Layout, type PageContext } from '@woonbrug/web';

export function StartPage({ ctx, role, incoming, caseload }: { ctx: PageContext; role: string; incoming: readonly IncomingReferral[]; caseload: readonly CaseSummary[] }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('start.title', { name: ctx.user?.displayName ?? '' })}>
      {role === 'coordinator' ? (
        <section aria-labelledby="incoming-heading">
          <h2 id="incoming-heading" safe>
            {t('start.incoming', { count: incoming.length })}
          </h2>
          {incoming.length ? (
            <ul>
              {incoming.map((i) => (
                <li>
                  <a href={`/referrals/${i.caseId}`} safe>
                    {`${i.referral.tenantName} — ${i.referral.referrerOrganisationName}`}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p safe>{t('triage.empty')}</p>
          )}
        </section>
      ) : (
        ''
      )}
      {role === 'worker' ? (
        <section aria-labelledby="caseload-heading">
          <h2 id="caseload-heading" safe>
            {t('start.caseload', { count: caseload.length })}
          </h2>
          {caseload.length ? (
            <ul>
              {caseload.map((c) => (
                <li>
                  <a href={`/cases/${c.id}`} safe>
                    {`${c.reference} — ${c.tenantName}, ${c.municipality}`}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p safe>{t('caseload.empty')}</p>
          )}
        </section>
      ) : (
        ''
      )}
      {role !== 'worker' && role !== 'coordinator' ? <p safe>{t('start.noCaseAccess')}</p> : ''}
    </Layout>
  );
}
