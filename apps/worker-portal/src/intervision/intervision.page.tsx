import { INTERVISION_TEXT_LIMITS, type IntervisionListItem, type IntervisionSummaryView } from '@woonbrug/intervision';
import { ErrorSummary, Layout, TextArea, TextField, textValue, type FieldErrors, type PageContext } from '@woonbrug/web';

function formatDay(ctx: PageContext, iso: string | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(ctx.lang === 'en' ? 'en-GB' : 'nl-BE', { dateStyle: 'medium', timeZone: 'Europe/Brussels' }).format(new Date(iso));
}

function formatMoment(ctx: PageContext, iso: string): string {
  return new Intl.DateTimeFormat(ctx.lang === 'en' ? 'en-GB' : 'nl-BE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(new Date(iso));
}

/** A text with its line breaks; every line escaped. */
function Lines({ text }: { text: string }): JSX.Element {
  return (
    <div class="note-text">
      {text.split(/\r?\n/).map((line, index) => (
        <>
          {index > 0 ? <br /> : ''}
          <span safe>{line}</span>
        </>
      ))}
    </div>
  );
}

function Notice({ text }: { text?: string }): JSX.Element {
  return text ? (
    <div class="notice success" role="status" safe>
      {text}
    </div>
  ) : (
    ''
  );
}

/** The list: shared summaries of every peer, and the caller's own drafts. */
export function IntervisionListPage({ ctx, items }: { ctx: PageContext; items: readonly IntervisionListItem[] }): JSX.Element {
  const { t } = ctx;
  const shared = items.filter((i) => i.state === 'shared');
  const drafts = items.filter((i) => i.state === 'draft' && i.mine);
  return (
    <Layout ctx={ctx} title={t('intervision.title')}>
      <p safe>{t('intervision.intro')}</p>
      <section id="shared" aria-labelledby="shared-heading">
        <h2 id="shared-heading" safe>
          {t('intervision.shared')}
        </h2>
        {shared.length === 0 ? (
          <p safe>{t('intervision.noShared')}</p>
        ) : (
          <ul class="intervision-list">
            {shared.map((item) => (
              <li>
                <a href={`/intervision/${item.id}`} safe>
                  {item.title}
                </a>{' '}
                <span class="hint" safe>
                  {`${t('intervision.byAuthor', { name: item.author.name, organisation: item.author.organisationName })} · ${t('intervision.sharedOn', { date: formatDay(ctx, item.sharedAt) })} · ${t('intervision.replyCount', { count: item.replyCount })}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section id="drafts" aria-labelledby="drafts-heading">
        <h2 id="drafts-heading" safe>
          {t('intervision.ownDrafts')}
        </h2>
        {drafts.length === 0 ? (
          <p safe>{t('intervision.noDrafts')}</p>
        ) : (
          <ul class="intervision-list">
            {drafts.map((item) => (
              <li>
                <a href={`/intervision/${item.id}`} safe>
                  {item.title}
                </a>{' '}
                <span class="hint" safe>
                  {`${t('intervision.draftBadge')} · ${formatDay(ctx, item.updatedAt)}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}

export interface PreparePageProps {
  readonly ctx: PageContext;
  readonly caseId: string;
  readonly errors?: { readonly fields: FieldErrors; readonly message?: string; readonly values: Readonly<Record<string, unknown>> };
}

/** The author's first step, from their case: what will happen, and the question to ask. */
export function IntervisionPreparePage({ ctx, caseId, errors }: PreparePageProps): JSX.Element {
  const { t } = ctx;
  const fields = errors?.fields ?? {};
  return (
    <Layout ctx={ctx} title={t('intervision.prepare.title')}>
      <p>
        <a href={`/cases/${caseId}`} safe>
          {t('intervision.prepare.backToCase')}
        </a>
      </p>
      <p safe>{t('intervision.prepare.intro')}</p>
      {errors ? <ErrorSummary ctx={ctx} errors={fields} message={errors.message} labelOf={(f) => t(`intervision.field.${f}`)} /> : ''}
      <form method="post" action={`/cases/${caseId}/intervision`} class="card">
        <TextArea
          ctx={ctx}
          name="question"
          label={t('intervision.prepare.question')}
          hint={t('intervision.prepare.questionHint')}
          errors={fields}
          value={textValue(errors?.values.question)}
          required
          maxlength={INTERVISION_TEXT_LIMITS.question}
        />
        <button type="submit" safe>
          {t('intervision.prepare.submit')}
        </button>
      </form>
    </Layout>
  );
}

export interface DetailPageProps {
  readonly ctx: PageContext;
  readonly summary: IntervisionSummaryView;
  readonly notice?: string;
  /** A failed edit: what was typed, and why it failed. */
  readonly editing?: { readonly fields: FieldErrors; readonly message?: string; readonly values: Readonly<Record<string, unknown>> };
  /** A failed answer. */
  readonly replying?: { readonly fields: FieldErrors; readonly message?: string; readonly values: Readonly<Record<string, unknown>> };
  /** Sharing failed. */
  readonly sharing?: { readonly message: string };
}

/**
 * One summary. Everyone who may read it sees its texts and thread; its author also gets the edit
 * and share forms and — only them — where it came from.
 */
export function IntervisionDetailPage({ ctx, summary, notice, editing, replying, sharing }: DetailPageProps): JSX.Element {
  const { t } = ctx;
  const editFields = editing?.fields ?? {};
  const editValue = (field: 'title' | 'question' | 'body') => textValue(editing?.values[field]) ?? summary[field];
  const replyFields = replying?.fields ?? {};
  return (
    <Layout ctx={ctx} title={summary.title}>
      <Notice text={notice} />
      <p>
        <a href="/intervision" safe>
          {t('intervision.title')}
        </a>
      </p>
      {summary.mine && summary.sourceCase ? (
        <p class="hint">
          <a href={`/cases/${summary.sourceCase.id}`} safe>
            {t('intervision.detail.sourceCase', { reference: summary.sourceCase.reference })}
          </a>
        </p>
      ) : (
        ''
      )}
      {summary.state === 'draft' ? (
        <p class="notice" safe>
          {t('intervision.detail.draftNotice')}
        </p>
      ) : (
        ''
      )}
      <p class="hint" safe>
        {`${t('intervision.byAuthor', { name: summary.author.name, organisation: summary.author.organisationName })}${summary.sharedAt ? ` · ${t('intervision.sharedOn', { date: formatDay(ctx, summary.sharedAt) })}` : ''}`}
      </p>

      <section id="question" aria-labelledby="question-heading">
        <h2 id="question-heading" safe>
          {t('intervision.field.question')}
        </h2>
        <Lines text={summary.question} />
      </section>
      <section id="situation" aria-labelledby="situation-heading">
        <h2 id="situation-heading" safe>
          {t('intervision.field.body')}
        </h2>
        <p class="hint" safe>
          {t('intervision.detail.relativeTimes')}
        </p>
        <Lines text={summary.body} />
      </section>

      {summary.mine ? (
        <section id="edit" aria-labelledby="edit-heading">
          <h2 id="edit-heading" safe>
            {t('intervision.detail.edit')}
          </h2>
          <p class="hint" safe>
            {t('intervision.detail.editHint')}
          </p>
          {editing ? <ErrorSummary ctx={ctx} errors={editFields} message={editing.message} labelOf={(f) => t(`intervision.field.${f}`)} /> : ''}
          <form method="post" action={`/intervision/${summary.id}`} class="card">
            <input type="hidden" name="version" value={String(summary.version)} />
            <TextField ctx={ctx} name="title" label={t('intervision.field.title')} errors={editFields} value={editValue('title')} required maxlength={INTERVISION_TEXT_LIMITS.title} />
            <TextArea ctx={ctx} name="question" label={t('intervision.field.question')} errors={editFields} value={editValue('question')} required maxlength={INTERVISION_TEXT_LIMITS.question} />
            <div class={`field${editFields.body ? ' has-error' : ''}`}>
              <label for="body" safe>
                {`${t('intervision.field.body')} *`}
              </label>
              {editFields.body ? (
                <p class="field-error" id="body-error" safe>
                  {editFields.body}
                </p>
              ) : (
                ''
              )}
              <textarea
                id="body"
                name="body"
                rows="18"
                required
                maxlength={INTERVISION_TEXT_LIMITS.body}
                aria-invalid={editFields.body ? 'true' : undefined}
                aria-describedby={editFields.body ? 'body-error' : undefined}
                safe
              >
                {editValue('body')}
              </textarea>
            </div>
            <button type="submit" safe>
              {t('intervision.detail.save')}
            </button>
          </form>
          {summary.state === 'draft' ? (
            <form method="post" action={`/intervision/${summary.id}/share`} class="card" id="share">
              {sharing ? (
                <div class="notice error" role="alert" safe>
                  {sharing.message}
                </div>
              ) : (
                ''
              )}
              <p safe>{t('intervision.detail.shareHint')}</p>
              <input type="hidden" name="version" value={String(summary.version)} />
              <button type="submit" safe>
                {t('intervision.detail.share')}
              </button>
            </form>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}

      {summary.state === 'shared' ? (
        <section id="replies" aria-labelledby="replies-heading">
          <h2 id="replies-heading" safe>
            {t('intervision.detail.replies')}
          </h2>
          {summary.replies.length === 0 ? <p safe>{t('intervision.detail.noReplies')}</p> : ''}
          {summary.replies.map((r) => (
            <article class="card" id={`reply-${r.id}`}>
              <p class="hint" safe>
                {`${r.mine ? `${r.author.name} (${t('intervision.detail.mine')})` : r.author.name} · ${r.author.organisationName} · ${formatMoment(ctx, r.createdAt)}`}
              </p>
              <Lines text={r.body} />
            </article>
          ))}
          {replying ? <ErrorSummary ctx={ctx} errors={replyFields} message={replying.message} labelOf={() => t('intervision.field.reply')} anchorOf={() => 'reply'} /> : ''}
          <form method="post" action={`/intervision/${summary.id}/replies`} class="card">
            <TextArea
              ctx={ctx}
              name="body"
              id="reply"
              label={t('intervision.field.reply')}
              hint={t('intervision.detail.replyHint')}
              errors={replyFields}
              value={textValue(replying?.values.body)}
              required
              maxlength={INTERVISION_TEXT_LIMITS.reply}
            />
            <button type="submit" safe>
              {t('intervision.detail.send')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
