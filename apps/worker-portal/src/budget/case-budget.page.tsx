import { BUDGET_COUNSELLING_KINDS, BUDGET_TEXT_LIMITS, CostAdvanceTable, FinancialReferralStatusBadge, type FinancialReferralView, type ReferralOptions } from '@woonbrug/budget';
import type { CaseSummary } from '@woonbrug/cases';
import { ErrorSummary, Layout, SelectField, TextArea, type FieldErrors, type PageContext, textValue } from '@woonbrug/web';

export interface CaseBudgetProps {
  readonly ctx: PageContext;
  readonly found: CaseSummary;
  readonly options: ReferralOptions;
  readonly referrals: readonly FinancialReferralView[];
  readonly saved?: boolean;
  readonly errors?: { readonly fields: FieldErrors; readonly message?: string; readonly values: Readonly<Record<string, unknown>> };
}


/** The worker's budget-counselling page of a case: refer to the OCMW, and every answer since. */
export function CaseBudgetPage({ ctx, found, options, referrals, saved, errors }: CaseBudgetProps): JSX.Element {
  const { t } = ctx;
  const fields = errors?.fields ?? {};
  const values = errors?.values ?? {};
  const ocmwName = options.ocmw?.name ?? '';
  const canRefer = options.ocmw !== null && options.caseInGuidance && !options.openReferral;
  return (
    <Layout ctx={ctx} title={t('budget.worker.title', { reference: found.reference, name: found.tenantName })}>
      {saved ? (
        <div class="notice success" role="status" safe>
          {t('budget.saved.referred')}
        </div>
      ) : (
        ''
      )}
      <p safe>{t('budget.worker.intro')}</p>
      <p>
        <a href={`/cases/${found.id}`} safe>
          {t('budget.worker.backToCase')}
        </a>
      </p>

      <section id="refer" aria-labelledby="refer-heading">
        <h2 id="refer-heading" safe>
          {t('budget.worker.refer')}
        </h2>
        {options.ocmw === null ? (
          <p class="notice warning" safe>
            {t('budget.worker.noOcmw', { municipality: found.municipality })}
          </p>
        ) : (
          <>
            <p safe>{t('budget.worker.ocmwOf', { name: ocmwName, municipality: found.municipality })}</p>
            <div id="consent" class={`notice ${options.financialConsent ? 'success' : 'warning'}`}>
              <p safe>{options.financialConsent ? t('budget.worker.consentActive', { name: ocmwName }) : t('budget.worker.consentMissing', { name: ocmwName })}</p>
              {options.financialConsent ? (
                ''
              ) : (
                <p>
                  <a href={`/cases/${found.id}#consents`} safe>
                    {t('budget.worker.recordConsent')}
                  </a>
                </p>
              )}
            </div>
          </>
        )}
        {options.caseInGuidance ? '' : <p class="notice warning" safe>{t('budget.worker.caseNotInGuidance')}</p>}
        {options.openReferral ? <p safe>{t('budget.worker.openReferral', { name: ocmwName })}</p> : ''}
        {errors ? <ErrorSummary ctx={ctx} errors={fields} message={errors.message} labelOf={(f) => t(`budget.field.${f}`)} /> : ''}
        {canRefer ? (
          <form method="post" action={`/cases/${found.id}/budget`} class="card">
            <h3 safe>{t('budget.worker.referTo', { name: ocmwName })}</h3>
            <SelectField
              ctx={ctx}
              name="kind"
              label={t('budget.field.kind')}
              errors={fields}
              value={textValue(values.kind)}
              required
              options={BUDGET_COUNSELLING_KINDS.map((k) => ({ value: k, label: t(`budget.kind.${k}`) }))}
            />
            <TextArea ctx={ctx} name="motivation" label={t('budget.field.motivation')} hint={t('budget.worker.motivationHint')} errors={fields} value={textValue(values.motivation)} required maxlength={BUDGET_TEXT_LIMITS.motivation} />
            <button type="submit" safe>
              {t('budget.worker.submit')}
            </button>
          </form>
        ) : (
          ''
        )}
      </section>

      <section id="referrals" aria-labelledby="referrals-heading">
        <h2 id="referrals-heading" safe>
          {t('budget.worker.referrals')}
        </h2>
        {referrals.length === 0 ? <p safe>{t('budget.worker.noReferrals')}</p> : ''}
        {referrals.map((r) => (
          <article class="card" aria-labelledby={`referral-${r.id}`}>
            <h3 id={`referral-${r.id}`} safe>
              {`${r.ocmw.name} — ${t(`budget.kind.${r.kind}`)}`}
            </h3>
            <p>
              <FinancialReferralStatusBadge ctx={ctx} status={r.status} />
            </p>
            <dl class="facts">
              <dt safe>{t('budget.field.referredAt')}</dt>
              <dd safe>{r.referredAt.slice(0, 10)}</dd>
              <dt safe>{t('budget.field.motivation')}</dt>
              <dd safe>{r.motivation}</dd>
              {r.answeredAt ? (
                <>
                  <dt safe>{t('budget.field.answeredAt')}</dt>
                  <dd safe>{r.answeredAt.slice(0, 10)}</dd>
                </>
              ) : (
                ''
              )}
              {r.declineReason ? (
                <>
                  <dt safe>{t('budget.field.declineReason')}</dt>
                  <dd safe>{r.declineReason}</dd>
                </>
              ) : (
                ''
              )}
              {r.status === 'accepted' ? (
                <>
                  <dt safe>{t('budget.detail.guidance')}</dt>
                  <dd safe>{r.guidance ? t('budget.guidanceSince', { date: r.guidance.startedOn, kind: t(`budget.kind.${r.guidance.kind}`) }) : t('budget.guidanceNotStarted')}</dd>
                </>
              ) : (
                ''
              )}
            </dl>
            {r.status === 'accepted' ? (
              <>
                <h4 safe>{t('budget.detail.advances')}</h4>
                <CostAdvanceTable ctx={ctx} referral={r} />
              </>
            ) : (
              ''
            )}
          </article>
        ))}
      </section>
    </Layout>
  );
}
