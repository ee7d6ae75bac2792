import { PROCEDURE_EVENT_KINDS } from '@woonbrug/cases';
import { ErrorSummary, Layout, SelectField, TextArea, TextField, type FieldErrors, type PageContext } from '@woonbrug/web';
import type { ReferralView } from '../../application/referral-views';
import { StatusBadge } from './status-badge';

function Row({ label, value }: { label: string; value: string | null | undefined }): JSX.Element {
  return (
    <>
      <dt safe>{label}</dt>
      <dd safe>{value ?? '—'}</dd>
    </>
  );
}

export interface ProcedureForm {
  readonly errors: FieldErrors;
  readonly values: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

export function ReferralDetailPage({
  ctx,
  referral,
  created,
  canRecordProcedure,
  procedureForm,
}: {
  ctx: PageContext;
  referral: ReferralView;
  created: boolean;
  canRecordProcedure: boolean;
  procedureForm?: ProcedureForm;
}): JSX.Element {
  const { t } = ctx;
  const h = referral.handling;
  return (
    <Layout ctx={ctx} title={referral.tenantName}>
      {created ? (
        <div class="notice success" role="status" safe>
          {t('referral.created')}
        </div>
      ) : (
        ''
      )}
      <section aria-labelledby="handling-heading">
        <h2 id="handling-heading" safe>
          {t('referral.detail.handling')}
        </h2>
        <p>
          <StatusBadge ctx={ctx} status={h.status} />
        </p>
        <p safe>{t(`referral.statusExplained.${h.status}`)}</p>
        <dl class="facts">
          {h.startedOn ? <Row label={t('referral.field.startedOn')} value={h.startedOn} /> : ''}
          {h.closedOn ? <Row label={t('referral.field.closedOn')} value={h.closedOn} /> : ''}
          {h.outcome ? <Row label={t('referral.field.outcome')} value={t(`case.outcome.${h.outcome}`)} /> : ''}
          {h.declineReason ? <Row label={t('referral.field.declineReason')} value={h.declineReason} /> : ''}
          {h.nextReviewOn ? <Row label={t('referral.field.nextReviewOn')} value={h.nextReviewOn} /> : ''}
          {h.workerContact ? (
            <Row
              label={t('referral.field.workerContact')}
              value={[h.workerContact.name, h.workerContact.phone, h.workerContact.email].filter(Boolean).join(' · ')}
            />
          ) : (
            ''
          )}
        </dl>
      </section>
      {referral.budgetGuidance ? (
        <p class="notice success" safe>
          {t('referral.detail.budgetGuidance', { since: referral.budgetGuidance.since })}
        </p>
      ) : (
        ''
      )}
      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading" safe>
          {t('referral.detail.facts')}
        </h2>
        <p class="hint" safe>
          {t('referral.detail.factsHint')}
        </p>
        {referral.facts && referral.facts.length ? (
          <ul class="shared-facts">
            {referral.facts.map((f) => (
              <li safe>{`${f.occurredOn} · ${t(`sharing.category.${f.category}`)}: ${f.body}`}</li>
            ))}
          </ul>
        ) : (
          <p safe>{t('referral.detail.noFacts')}</p>
        )}
      </section>
      {canRecordProcedure || (referral.procedure && referral.procedure.length) ? (
        <section id="procedure" aria-labelledby="procedure-heading">
          <h2 id="procedure-heading" safe>
            {t('procedure.title')}
          </h2>
          {referral.procedure && referral.procedure.length ? (
            <ul>
              {referral.procedure.map((e) => (
                <li safe>{`${e.eventDate} · ${t(`procedure.kind.${e.kind}`)}${e.note ? ` — ${e.note}` : ''}`}</li>
              ))}
            </ul>
          ) : (
            <p safe>{t('procedure.none')}</p>
          )}
          {canRecordProcedure ? (
            <form method="post" action={`/referrals/${referral.id}/procedure-events`} class="card">
              <h3 safe>{t('procedure.record')}</h3>
              <ErrorSummary ctx={ctx} errors={procedureForm?.errors ?? {}} message={procedureForm?.message} labelOf={(f) => t(`procedure.field.${f}`)} />
              <SelectField
                ctx={ctx}
                name="kind"
                label={t('procedure.field.kind')}
                errors={procedureForm?.errors ?? {}}
                value={typeof procedureForm?.values.kind === 'string' ? procedureForm.values.kind : undefined}
                required
                options={PROCEDURE_EVENT_KINDS.map((k) => ({ value: k, label: t(`procedure.kind.${k}`) }))}
              />
              <TextField ctx={ctx} name="eventDate" type="date" label={t('procedure.field.eventDate')} errors={procedureForm?.errors ?? {}} value={typeof procedureForm?.values.eventDate === 'string' ? procedureForm.values.eventDate : undefined} required />
              <TextArea ctx={ctx} name="note" label={t('procedure.field.note')} errors={procedureForm?.errors ?? {}} value={typeof procedureForm?.values.note === 'string' ? procedureForm.values.note : undefined} maxlength={2000} />
              <button type="submit" safe>
                {t('procedure.record')}
              </button>
            </form>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="referral-heading">
        <h2 id="referral-heading" safe>
          {t('referral.detail.submitted')}
        </h2>
        <dl class="facts">
          <Row label={t('referral.field.submittedAt')} value={referral.submittedAt.slice(0, 10)} />
          <Row label={t('referral.field.address')} value={`${referral.address}, ${referral.municipality}`} />
          <Row label={t('referral.field.landlord')} value={referral.landlord.name} />
          <Row label={t('referral.field.reason')} value={t(`referral.reason.${referral.reason}`)} />
          <Row label={t('referral.field.noticeDate')} value={referral.noticeDate} />
          <Row label={t('referral.field.claimFiledOn')} value={referral.claimFiledOn} />
          <Row label={t('referral.field.hearingDate')} value={referral.hearingDate} />
          <Row label={t('referral.field.evictionDate')} value={referral.evictionDate} />
          <Row label={t('referral.field.referrerContactName')} value={referral.referrerContactName} />
          <Row label={t('referral.field.tenantInformed')} value={t(referral.tenantInformed ? 'form.yes' : 'form.no')} />
        </dl>
      </section>
      <p>
        <a href="/referrals" safe>
          {t('referral.backToList')}
        </a>
      </p>
    </Layout>
  );
}
