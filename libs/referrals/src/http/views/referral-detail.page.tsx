import { Layout, type PageContext } from '@woonbrug/web';
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

export function ReferralDetailPage({ ctx, referral, created }: { ctx: PageContext; referral: ReferralView; created: boolean }): JSX.Element {
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
