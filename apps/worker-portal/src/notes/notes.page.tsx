import type { CaseSummary } from '@woonbrug/cases';
import type { UserSummary } from '@woonbrug/identity';
import { MAX_NOTE_LENGTH, type NoteHistoryView, type PrivateNoteView } from '@woonbrug/notes';
import { ErrorSummary, Layout, TextArea, type FieldErrors, type PageContext } from '@woonbrug/web';

/** What the notes page shows besides the notes: errors of a failed post, the text to keep, a notice. */
export interface NotesPageState {
  readonly errors?: FieldErrors;
  /** The text of a new note that failed validation, shown again in the form. */
  readonly draft?: string;
  /** The note whose edit failed validation, with the submitted text. */
  readonly editing?: { readonly noteId: string; readonly draft: string };
  readonly notice?: string;
}

/** Id of a note's edit field; error summaries link to it. */
export function editFieldId(noteId: string): string {
  return `note-${noteId}-text`;
}

function formatMoment(ctx: PageContext, iso: string | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(ctx.lang === 'en' ? 'en-GB' : 'nl-BE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(new Date(iso));
}

function nameOf(ctx: PageContext, people: readonly UserSummary[], id: string | null): string {
  return people.find((p) => p.id === id)?.displayName ?? ctx.t('notes.unknownPerson');
}

/** The note's text with its line breaks; every line escaped. */
function NoteText({ text }: { text: string }): JSX.Element {
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

function EditForm({ ctx, note, errors, draft }: { ctx: PageContext; note: PrivateNoteView; errors: FieldErrors; draft?: string }): JSX.Element {
  const { t } = ctx;
  const id = editFieldId(note.id);
  const error = errors[id];
  return (
    <details open={draft !== undefined}>
      <summary safe>{t('notes.edit')}</summary>
      <form method="post" action={`/notes/${note.id}`}>
        <div class={`field${error ? ' has-error' : ''}`}>
          <label for={id} safe>
            {`${t('notes.editText')} *`}
          </label>
          {error ? (
            <p class="field-error" id={`${id}-error`} safe>
              {error}
            </p>
          ) : (
            ''
          )}
          <textarea
            id={id}
            name="text"
            rows="8"
            required
            maxlength={MAX_NOTE_LENGTH}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            safe
          >
            {draft ?? note.text}
          </textarea>
        </div>
        <button type="submit" safe>
          {t('notes.save')}
        </button>
      </form>
    </details>
  );
}

/** The private notes of one case: a form to add one, and each note with its edit form. */
export function NotesPage({
  ctx,
  found,
  notes,
  people,
  errors = {},
  draft,
  editing,
  notice,
}: NotesPageState & { ctx: PageContext; found: CaseSummary; notes: readonly PrivateNoteView[]; people: readonly UserSummary[] }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('notes.title', { reference: found.reference, name: found.tenantName })}>
      <p>
        <a href={`/cases/${found.id}`} safe>
          {t('notes.backToCase')}
        </a>
      </p>
      <p class="notice" safe>
        {t('notes.privacy')}
      </p>
      {notice ? (
        <div class="notice success" role="status" safe>
          {notice}
        </div>
      ) : (
        ''
      )}
      <ErrorSummary ctx={ctx} errors={errors} labelOf={(field) => t(field === 'text' ? 'notes.text' : 'notes.editText')} />
      <form method="post" action={`/cases/${found.id}/notes`} class="card">
        <h2 safe>{t('notes.addTitle')}</h2>
        <TextArea ctx={ctx} name="text" label={t('notes.text')} hint={t('notes.textHint', { max: MAX_NOTE_LENGTH })} errors={errors} value={draft} required maxlength={MAX_NOTE_LENGTH} />
        <button type="submit" safe>
          {t('notes.add')}
        </button>
      </form>
      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading" safe>
          {t('notes.listTitle')}
        </h2>
        {notes.length === 0 ? (
          <p safe>{t('notes.empty')}</p>
        ) : (
          <ol class="notes">
            {notes.map((note) => (
              <li>
                <article id={`note-${note.id}`} class="card">
                  <p class="hint" safe>
                    {t('notes.written', { author: nameOf(ctx, people, note.authorId), date: formatMoment(ctx, note.createdAt) })}
                  </p>
                  {note.version > 1 ? (
                    <p class="hint" safe>
                      {t('notes.edited', { editor: nameOf(ctx, people, note.editedBy), date: formatMoment(ctx, note.updatedAt), version: note.version })}
                    </p>
                  ) : (
                    ''
                  )}
                  <NoteText text={note.text} />
                  <EditForm ctx={ctx} note={note} errors={errors} draft={editing?.noteId === note.id ? editing.draft : undefined} />
                  {note.version > 1 ? (
                    <p>
                      <a href={`/notes/${note.id}/history`} safe>
                        {t('notes.historyLink', { count: note.version - 1 })}
                      </a>
                    </p>
                  ) : (
                    ''
                  )}
                </article>
              </li>
            ))}
          </ol>
        )}
      </section>
    </Layout>
  );
}

/** Every version of one note, newest first. */
export function NoteHistoryPage({ ctx, found, history, people }: { ctx: PageContext; found: CaseSummary; history: NoteHistoryView; people: readonly UserSummary[] }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('notes.historyTitle', { reference: found.reference, name: found.tenantName })}>
      <p>
        <a href={`/cases/${found.id}/notes#note-${history.noteId}`} safe>
          {t('notes.backToNotes')}
        </a>
      </p>
      <ol class="notes">
        {history.versions.map((v) => (
          <li>
            <article class="card">
              <h2 safe>{v.version === history.currentVersion ? t('notes.currentVersion', { version: v.version }) : t('notes.version', { version: v.version })}</h2>
              <p class="hint" safe>
                {t('notes.writtenVersion', { author: nameOf(ctx, people, v.writtenBy), date: formatMoment(ctx, v.writtenAt) })}
              </p>
              <NoteText text={v.text} />
            </article>
          </li>
        ))}
      </ol>
    </Layout>
  );
}

/** Shown instead of notes that failed their integrity check: what happened and what to do. */
export function NotesAlteredPage({ ctx }: { ctx: PageContext }): JSX.Element {
  return (
    <Layout ctx={ctx} title={ctx.t('errors.pageTitle')}>
      <div class="notice error" role="alert">
        <p safe>{ctx.t('notes.integrity')}</p>
      </div>
      <p>
        <a href="/cases" safe>
          {ctx.t('nav.cases')}
        </a>
      </p>
    </Layout>
  );
}
