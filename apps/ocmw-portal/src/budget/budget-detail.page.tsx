import type { FactView } from '@woonbrug/cases';
import { BUDGET_COUNSELLING_KINDS, BUDGET_TEXT_LIMITS, CostAdvanceTable, FinancialReferralStatusBadge, type FinancialReferralView } from '@woonbrug/budget';
import { ErrorSummary, Layout, SelectField, TextArea, TextField, type PageContext, textValue, NO_FIELD_ERRORS, type SectionErrors } from '@woonbrug/web';

/** The forms of the detail page, each in its own section. */
export type BudgetSection = 'answer' | 'guidance' | 'advances';

export type BudgetFormErrors = SectionErrors<BudgetSection>;



function Row({ label, value }: { label: string; value: string | null | undefined }): JSX.Element {
  return (
    <>
      <dt safe>{label}</dt>
      <dd safe>{value ?? '—'}</dd>
    </>
  );
}

export interface BudgetDetailProps {
  readonly ctx: PageContext;
  readonly referral: FinancialReferralView;
  /** Facts the worker disclosed to this OCMW under the tenant's consent. */
  readonly sharedFacts?: readonly FactView[];
  readonly today: string;
  readonly saved?: string;
  readonly errors?: BudgetFormErrors;
}

/** One financial referral for the OCMW: who and why, and its answer, guidance and cost advances. */
export function BudgetDetailPage({ ctx, referral: r, sharedFacts = [], today, saved, errors }: BudgetDetailProps): JSX.Element {
  const { t } = ctx;
  const err = (section: BudgetSection) => (errors?.section === section ? errors.fields : NO_FIELD_ERRORS);
  const val = (section: BudgetSection) => (errors?.section === section ? errors.values : {});
  const summary = (section: BudgetSection) =>
    errors?.section === section ? <ErrorSummary ctx={ctx} errors={errors.fields} message={errors.message} labelOf={(f) => t(`budget.field.${f}`)} /> : '';
  const version = <input type="hidden" name="version" value={String(r.version)} />;
  return (
    <Layout ctx={ctx} title={t('budget.detail.title', { name: r.tenant.name })}>
      {saved ? (
        <div class="notice success" role="status" safe>
          {t(`budget.saved.${saved}`)}
        </div>
      ) : (
        ''
      )}
      <section aria-labelledby="referral-heading">
        <h2 id="referral-heading" safe>
          {t('budget.detail.referral')}
        </h2>
        <p>
          <FinancialReferralStatusBadge ctx={ctx} status={r.status} />
        </p>
        <dl class="facts">
          <Row label={t('budget.field.tenantName')} value={r.tenant.name} />
          <Row label={t('budget.field.address')} value={`${r.tenant.address}, ${r.tenant.municipality}`} />
          <Row label={t('budget.field.kind')} value={t(`budget.kind.${r.kind}`)} />
          <Row label={t('budget.field.referredAt')} value={r.referredAt.slice(0, 10)} />
          <Row label={t('budget.field.motivation')} value={r.motivation} />
          <Row label={t('budget.field.worker')} value={r.worker ? [r.worker.name, r.worker.phone, r.worker.email].filter(Boolean).join(' · ') : null} />
          {r.answeredAt ? <Row label={t('budget.field.answeredAt')} value={r.answeredAt.slice(0, 10)} /> : ''}
          {r.declineReason ? <Row label={t('budget.field.declineReason')} value={r.declineReason} /> : ''}
        </dl>
        <p class="hint" safe>
          {t('budget.detail.onlyThis')}
        </p>
      </section>
      <section aria-labelledby="shared-heading">
        <h2 id="shared-heading" safe>
          {t('referral.detail.facts')}
        </h2>
        <p class="hint" safe>
          {t('referral.detail.factsHint')}
        </p>
        {sharedFacts.length ? (
          <ul class="shared-facts">
            {sharedFacts.map((f) => (
              <li safe>{`${f.occurredOn} · ${t(`sharing.category.${f.category}`)}: ${f.body}`}</li>
            ))}
          </ul>
        ) : (
          <p safe>{t('referral.detail.noFacts')}</p>
        )}
      </section>

      {r.status === 'pending' ? (
        <section id="answer" aria-labelledby="answer-heading">
          <h2 id="answer-heading" safe>
            {t('budget.detail.answer')}
          </h2>
          {summary('answer')}
          <div class="actions">
            <form method="post" action={`/budget/${r.id}/accept`} class="card">
              <h3 safe>{t('budget.accept')}</h3>
              <p safe>{t('budget.acceptHint')}</p>
              {version}
              <button type="submit" safe>
                {t('budget.accept')}
              </button>
            </form>
            <form method="post" action={`/budget/${r.id}/decline`} class="card">
              <h3 safe>{t('budget.decline')}</h3>
              {version}
              <TextArea ctx={ctx} name="reason" label={t('budget.field.reason')} hint={t('budget.reasonHint')} errors={err('answer')} value={textValue(val('answer').reason)} required maxlength={BUDGET_TEXT_LIMITS.declineReason} />
              <button type="submit" class="secondary" safe>
                {t('budget.decline')}
              </button>
            </form>
          </div>
        </section>
      ) : (
        ''
      )}

      {r.status === 'accepted' ? (
        <>
          <section id="guidance" aria-labelledby="guidance-heading">
            <h2 id="guidance-heading" safe>
              {t('budget.detail.guidance')}
            </h2>
            <p safe>
              {r.guidance ? t('budget.guidanceSince', { date: r.guidance.startedOn, kind: t(`budget.kind.${r.guidance.kind}`) }) : t('budget.guidanceNotStarted')}
            </p>
            {summary('guidance')}
            <form method="post" action={`/budget/${r.id}/guidance-started`} class="card">
              <h3 safe>{r.guidance ? t('budget.correctGuidance') : t('budget.recordGuidance')}</h3>
              {version}
              <TextField ctx={ctx} name="startedOn" type="date" label={t('budget.field.startedOn')} errors={err('guidance')} value={textValue(val('guidance').startedOn) ?? r.guidance?.startedOn ?? today} required />
              <SelectField
                ctx={ctx}
                name="kind"
                label={t('budget.field.guidanceKind')}
                errors={err('guidance')}
                value={textValue(val('guidance').kind) ?? r.guidance?.kind ?? r.kind}
                required
                options={BUDGET_COUNSELLING_KINDS.map((k) => ({ value: k, label: t(`budget.kind.${k}`) }))}
              />
              <button type="submit" safe>
                {t('budget.save')}
              </button>
            </form>
          </section>

          <section id="advances" aria-labelledby="advances-heading">
            <h2 id="advances-heading" safe>
              {t('budget.detail.advances')}
            </h2>
            <CostAdvanceTable ctx={ctx} referral={r} />
            {summary('advances')}
            <form method="post" action={`/budget/${r.id}/cost-advances`} class="card">
              <h3 safe>{t('budget.recordAdvance')}</h3>
              <TextField ctx={ctx} name="amount" label={t('budget.field.amount')} hint={t('budget.amountHint')} errors={err('advances')} value={textValue(val('advances').amount)} required maxlength={16} autocomplete="off" />
              <TextField ctx={ctx} name="purpose" label={t('budget.field.purpose')} errors={err('advances')} value={textValue(val('advances').purpose)} required maxlength={BUDGET_TEXT_LIMITS.purpose} />
              <TextField ctx={ctx} name="advancedOn" type="date" label={t('budget.field.advancedOn')} errors={err('advances')} value={textValue(val('advances').advancedOn) ?? today} required />
              <TextArea ctx={ctx} name="repaymentTerms" label={t('budget.field.repaymentTerms')} errors={err('advances')} value={textValue(val('advances').repaymentTerms)} required maxlength={BUDGET_TEXT_LIMITS.repaymentTerms} />
              <button type="submit" safe>
                {t('budget.recordAdvance')}
              </button>
            </form>
          </section>
        </>
      ) : (
        ''
      )}
      <p>
        <a href="/budget" safe>
          {t('budget.backToInbox')}
        </a>
      </p>
    </Layout>
  );
}
