import type { UserSummary } from '@woonbrug/identity';
import type { IncomingReferral } from '@woonbrug/referrals';
import { ErrorSummary, Layout, SelectField, TextArea, type FieldErrors, type PageContext } from '@woonbrug/web';

export function IncomingListPage({ ctx, incoming }: { ctx: PageContext; incoming: readonly IncomingReferral[] }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('triage.title')}>
      {incoming.length === 0 ? (
        <p safe>{t('triage.empty')}</p>
      ) : (
        <div class="table-wrap" role="region" tabindex="0" aria-label={t('layout.tableRegion', { name: t('triage.title') })}>
          <table>
            <thead>
              <tr>
                <th scope="col" safe>{t('referral.field.submittedAt')}</th>
                <th scope="col" safe>{t('referral.field.tenantName')}</th>
                <th scope="col" safe>{t('triage.referrer')}</th>
                <th scope="col" safe>{t('referral.field.reason')}</th>
                <th scope="col" safe>{t('triage.signals')}</th>
              </tr>
            </thead>
            <tbody>
              {incoming.map((i) => (
                <tr>
                  <td safe>{i.referral.submittedAt.slice(0, 10)}</td>
                  <td>
                    <a href={`/referrals/${i.caseId}`} safe>
                      {i.referral.tenantName}
                    </a>
                  </td>
                  <td safe>{i.referral.referrerOrganisationName}</td>
                  <td safe>{t(`referral.reason.${i.referral.reason}`)}</td>
                  <td>
                    {i.probablyIneligible ? (
                      <span class="status status-attention" safe>
                        {t('triage.probablyIneligible')}
                      </span>
                    ) : (
                      ''
                    )}{' '}
                    {i.openCasesOfHousehold.length ? (
                      <span class="status status-attention" safe>
                        {t('triage.possibleDuplicate')}
                      </span>
                    ) : (
                      ''
                    )}
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

export function TriagePage({ ctx, incoming, workers, errors, message }: { ctx: PageContext; incoming: IncomingReferral; workers: readonly UserSummary[]; errors: FieldErrors; message?: string }): JSX.Element {
  const { t } = ctx;
  const r = incoming.referral;
  return (
    <Layout ctx={ctx} title={t('triage.decideTitle', { name: r.tenantName })}>
      <ErrorSummary ctx={ctx} errors={errors} message={message} labelOf={(field) => t(field === 'workerId' ? 'triage.worker' : 'triage.declineReason')} />
      {incoming.probablyIneligible ? (
        <div class="notice warning" safe>
          {t('triage.ineligibleExplained')}
        </div>
      ) : (
        ''
      )}
      {incoming.openCasesOfHousehold.length ? (
        <section class="notice warning" aria-labelledby="duplicate-heading">
          <h2 id="duplicate-heading" safe>
            {t('triage.duplicateTitle')}
          </h2>
          <p safe>{t('triage.duplicateExplained')}</p>
          <ul>
            {incoming.openCasesOfHousehold.map((c) => (
              <li>
                <form method="post" action={`/referrals/${incoming.caseId}/attach`} class="inline">
                  <input type="hidden" name="openCaseId" value={c.id} />
                  <span safe>{`${c.reference} — ${c.tenantName}, ${c.address}, ${c.municipality} (${t(`case.state.${c.state}`)})`}</span>{' '}
                  <button type="submit" class="secondary" safe>
                    {t('triage.attach')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="referral-heading">
        <h2 id="referral-heading" safe>
          {t('triage.referral')}
        </h2>
        <dl class="facts">
          <dt safe>{t('triage.referrer')}</dt>
          <dd safe>{`${r.referrerOrganisationName} — ${r.referrerContactName}${r.referrerContactPhone ? `, ${r.referrerContactPhone}` : ''}`}</dd>
          <dt safe>{t('referral.field.address')}</dt>
          <dd safe>{`${r.address}, ${r.municipality}`}</dd>
          <dt safe>{t('referral.field.landlord')}</dt>
          <dd safe>{r.landlord.name}</dd>
          <dt safe>{t('referral.field.reason')}</dt>
          <dd safe>{t(`referral.reason.${r.reason}`)}</dd>
          <dt safe>{t('referral.field.noticeDate')}</dt>
          <dd safe>{r.noticeDate}</dd>
          <dt safe>{t('referral.field.hearingDate')}</dt>
          <dd safe>{r.hearingDate ?? '—'}</dd>
          <dt safe>{t('referral.field.evictionDate')}</dt>
          <dd safe>{r.evictionDate ?? '—'}</dd>
          <dt safe>{t('referral.field.tenantInformed')}</dt>
          <dd safe>{t(r.tenantInformed ? 'form.yes' : 'form.no')}</dd>
          <dt safe>{t('referral.field.context')}</dt>
          <dd safe>{r.context ?? '—'}</dd>
        </dl>
      </section>
      <div class="actions">
        <form method="post" action={`/referrals/${incoming.caseId}/accept`} class="card">
          <h2 safe>{t('triage.acceptTitle')}</h2>
          <SelectField ctx={ctx} name="workerId" label={t('triage.worker')} errors={errors} required options={workers.map((w) => ({ value: w.id, label: w.displayName }))} />
          <button type="submit" safe>
            {t('triage.accept')}
          </button>
        </form>
        <form method="post" action={`/referrals/${incoming.caseId}/decline`} class="card">
          <h2 safe>{t('triage.declineTitle')}</h2>
          <TextArea ctx={ctx} name="reason" label={t('triage.declineReason')} hint={t('triage.declineHint')} errors={errors} required maxlength={2000} />
          <button type="submit" class="secondary" safe>
            {t('triage.decline')}
          </button>
        </form>
      </div>
    </Layout>
  );
}
