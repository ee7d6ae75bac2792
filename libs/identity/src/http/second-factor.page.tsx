import { ErrorSummary, Layout, type FieldErrors, type PageContext } from '@woonbrug/web';

export interface EnrolmentView {
  readonly secret: string;
  readonly otpauthUri: string;
  /** The QR code drawn by the server from the URI (no user input in it). */
  readonly safeQrSvg: string;
}

/** Step 2 of the login: the code of the authenticator app, after enrolling it when the user has none. */
export function SecondFactorPage({ ctx, next, enrolment, errors, message }: { ctx: PageContext; next: string; enrolment: EnrolmentView | null; errors: FieldErrors; message?: string }): JSX.Element {
  const { t } = ctx;
  const error = errors.code;
  // Drawn by the server from the otpauth URI: markup, not text (the scan accepts `safe…` names).
  const safeQrSvg = enrolment?.safeQrSvg ?? '';
  return (
    <Layout ctx={ctx} title={t(enrolment ? 'login.enrolTitle' : 'login.secondFactorTitle')}>
      <ErrorSummary ctx={ctx} errors={errors} message={message} labelOf={() => t('login.code')} />
      {enrolment ? (
        <section class="enrolment">
          <p safe>{t('login.enrolIntro')}</p>
          <figure class="qr-code">
            {safeQrSvg}
            <figcaption safe>{t('login.enrolQrCaption')}</figcaption>
          </figure>
          <p safe>{t('login.enrolSecret')}</p>
          <p>
            <code id="second-factor-secret" safe>
              {enrolment.secret.replace(/(.{4})(?=.)/g, '$1 ')}
            </code>
          </p>
          <details>
            <summary safe>{t('login.enrolUri')}</summary>
            <code id="second-factor-uri" safe>
              {enrolment.otpauthUri}
            </code>
          </details>
        </section>
      ) : (
        <p safe>{t('login.secondFactorIntro')}</p>
      )}
      <form method="post" action="/login/second-factor" class="second-factor-form">
        <input type="hidden" name="next" value={next} />
        <div class={`field${error ? ' has-error' : ''}`}>
          <label for="code" safe>
            {`${t('login.code')} *`}
          </label>
          <p class="hint" id="code-hint" safe>
            {t('login.codeHint')}
          </p>
          {error ? (
            <p class="field-error" id="code-error" safe>
              {error}
            </p>
          ) : (
            ''
          )}
          <input
            id="code"
            name="code"
            type="text"
            inputmode="numeric"
            autocomplete="one-time-code"
            maxlength="20"
            required
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'code-hint code-error' : 'code-hint'}
          />
        </div>
        <button type="submit" safe>
          {t(enrolment ? 'login.enrolSubmit' : 'login.verify')}
        </button>
      </form>
    </Layout>
  );
}
