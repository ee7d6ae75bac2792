import { CASE_SEARCH_MAX_LENGTH, type CaseSummary } from '@woonbrug/cases';
import { daysLeftText, formatDay, NotificationText } from '@woonbrug/notifications';
import type { IncomingReferral } from '@woonbrug/referrals';
import { Layout, type PageContext } from '@woonbrug/web';
import type { AttentionCase, AttentionReason, WorkersDay } from './attention';

/** The search form over the worker's own cases (the start page's; the header has a small one too). */
export function CaseSearchForm({ ctx, id, value }: { ctx: PageContext; id: string; value?: string }): JSX.Element {
  const { t } = ctx;
  return (
    <form method="get" action="/search" class="case-search" role="search" aria-label={t('search.formLabel')}>
      <label for={id} safe>
        {t('search.label')}
      </label>{' '}
      <input type="search" id={id} name="q" value={value ?? ''} maxlength={String(CASE_SEARCH_MAX_LENGTH)} aria-describedby={`${id}-hint`} />{' '}
      <button type="submit" safe>
        {t('search.submit')}
      </button>
      <p class="hint" id={`${id}-hint`} safe>
        {t('search.hint')}
      </p>
    </form>
  );
}

function caseLabel(reference: string, tenantName: string | null): string {
  return tenantName ? `${reference} — ${tenantName}` : reference;
}

function reasonText(ctx: PageContext, reason: AttentionReason): string {
  const { t } = ctx;
  switch (reason.kind) {
    case 'deadline':
      return `${t(`deadlines.kind.${reason.deadline.kind}`)}: ${formatDay(ctx, reason.deadline.dueDate)} (${daysLeftText(ctx, reason.deadline.daysLeft)})`;
    case 'review_due':
      return t('start.reason.reviewDue', { date: formatDay(ctx, reason.dueDate) });
    case 'unread':
      return t('start.reason.unread', { count: reason.count });
  }
}

function AttentionList({ ctx, items }: { ctx: PageContext; items: readonly AttentionCase[] }): JSX.Element {
  return (
    <ul class="attention">
      {items.map((a) => (
        <li class={a.mostUrgentDaysLeft !== null && a.mostUrgentDaysLeft < 0 ? 'overdue' : undefined}>
          <a href={`/cases/${a.caseId}`} safe>
            {caseLabel(a.reference, a.tenantName)}
          </a>
          <ul>
            {a.reasons.map((r) => (
              <li safe>{reasonText(ctx, r)}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

export interface StartPageProps {
  readonly ctx: PageContext;
  readonly role: string;
  readonly incoming: readonly IncomingReferral[];
  readonly caseload: readonly CaseSummary[];
  /** Null for a role that reads no cases. */
  readonly day: WorkersDay | null;
}

/**
 * The start page. A worker's day: search, what falls due today or is overdue, the cases needing
 * attention, unread notifications and the own cases — each case one click away, and every page
 * of a case one click further (the case page links them all). A coordinator: incoming
 * referrals, the organisation's deadlines due now and the own notifications.
 */
export function StartPage({ ctx, role, incoming, caseload, day }: StartPageProps): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('start.title', { name: ctx.user?.displayName ?? '' })}>
      {role === 'worker' ? (
        <section aria-labelledby="search-heading">
          <h2 id="search-heading" safe>
            {t('search.title')}
          </h2>
          <CaseSearchForm ctx={ctx} id="start-search-q" />
        </section>
      ) : (
        ''
      )}
      {day ? (
        <section aria-labelledby="due-heading">
          <h2 id="due-heading" safe>
            {t('start.dueNow', { count: day.dueNow.length })}
          </h2>
          {day.dueNow.length ? (
            <ul class="due-now">
              {day.dueNow.map((d) => (
                <li class={d.daysLeft < 0 ? 'overdue' : undefined}>
                  <a href={`/cases/${d.caseId}`} safe>
                    {caseLabel(d.reference, d.tenantName)}
                  </a>
                  {': '}
                  <span safe>{`${t(`deadlines.kind.${d.kind}`)} (${daysLeftText(ctx, d.daysLeft)})`}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p safe>{t('start.dueNowEmpty')}</p>
          )}
          <p>
            <a href="/deadlines" safe>
              {t('start.allDeadlines')}
            </a>
          </p>
        </section>
      ) : (
        ''
      )}
      {day && role === 'worker' ? (
        <section aria-labelledby="attention-heading">
          <h2 id="attention-heading" safe>
            {t('start.attention', { count: day.attention.length })}
          </h2>
          <p class="hint" safe>
            {t('start.attentionHint')}
          </p>
          {day.attention.length ? <AttentionList ctx={ctx} items={day.attention} /> : <p safe>{t('start.attentionEmpty')}</p>}
        </section>
      ) : (
        ''
      )}
      {day ? (
        <section aria-labelledby="unread-heading">
          <h2 id="unread-heading" safe>
            {t('start.unread', { count: day.unread.length })}
          </h2>
          {day.unread.length ? (
            <ul class="unread">
              {day.unread.map((n) => (
                <li>
                  <NotificationText ctx={ctx} notification={n} />
                </li>
              ))}
            </ul>
          ) : (
            <p safe>{t('start.unreadEmpty')}</p>
          )}
          <p>
            <a href="/notifications" safe>
              {t('start.allNotifications')}
            </a>
          </p>
        </section>
      ) : (
        ''
      )}
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
