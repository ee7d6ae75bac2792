import { ErrorSummary, Layout, TextField, type PageContext } from '@woonbrug/web';

export function LoginPage({ ctx, email, error, notice, next }: { ctx: PageContext; email?: string; error?: string; notice?: string; next?: string }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('login.title')}>
      {notice ? (
        <div class="notice success" role="status" safe>
          {notice}
        </div>
      ) : (
        ''
      )}
      <ErrorSummary ctx={ctx} errors={{}} message={error} />
      <p safe>{t('login.intro')}</p>
      <form method="post" action="/login" class="login-form">
        <input type="hidden" name="next" value={next ?? '/'} />
        <TextField ctx={ctx} name="email" type="email" label={t('login.email')} value={email} errors={{}} required autocomplete="username" maxlength={254} />
        <TextField ctx={ctx} name="password" type="password" label={t('login.password')} errors={{}} required autocomplete="current-password" maxlength={1024} />
        <button type="submit" safe>
          {t('login.submit')}
        </button>
      </form>
    </Layout>
  );
}
