import { ErrorSummary, Layout, TextField, type FieldErrors, type PageContext } from '@woonbrug/web';

/** `/account/password`: the signed-in user's own password change (current + new). */
export function ChangePasswordPage({ ctx, errors, notice }: { ctx: PageContext; errors: FieldErrors; notice?: string }): JSX.Element {
  const { t } = ctx;
  const labelOf = (field: string) => t(`account.${field}`);
  return (
    <Layout ctx={ctx} title={t('account.passwordTitle')}>
      {notice ? (
        <div class="notice success" role="status" safe>
          {notice}
        </div>
      ) : (
        ''
      )}
      <ErrorSummary ctx={ctx} errors={errors} labelOf={labelOf} />
      <p safe>{t('account.passwordIntro')}</p>
      <form method="post" action="/account/password" class="password-form">
        <TextField ctx={ctx} name="currentPassword" type="password" label={t('account.currentPassword')} errors={errors} required autocomplete="current-password" maxlength={1024} />
        <TextField
          ctx={ctx}
          name="newPassword"
          type="password"
          label={t('account.newPassword')}
          hint={t('account.newPasswordHint')}
          errors={errors}
          required
          autocomplete="new-password"
          maxlength={1024}
        />
        <button type="submit" safe>
          {t('account.passwordSubmit')}
        </button>
      </form>
    </Layout>
  );
}
