import { ErrorSummary, Layout, SelectField, TextArea, TextField, type FieldErrors, type PageContext, textValue } from '@woonbrug/web';
import { REFERRAL_REASONS } from '../../domain/referral-reason';

export interface ReferralFormProps {
  readonly ctx: PageContext;
  readonly values: Readonly<Record<string, unknown>>;
  readonly errors: FieldErrors;
  readonly municipalities: readonly string[];
  /** Landlords to choose from; absent when the referrer is a landlord itself. */
  readonly landlords?: ReadonlyArray<{ id: string; name: string }>;
}


export function ReferralFormPage({ ctx, values, errors, municipalities, landlords }: ReferralFormProps): JSX.Element {
  const { t } = ctx;
  const f = (name: string) => ({ ctx, name, errors, label: t(`referral.field.${name}`) });
  const informed = values.tenantInformed;
  return (
    <Layout ctx={ctx} title={t('referral.form.title')}>
      <ErrorSummary ctx={ctx} errors={errors} labelOf={(field) => t(`referral.field.${field}`)} />
      <p safe>{t('referral.form.intro')}</p>
      <p class="hint" safe>
        {t('form.required')}
      </p>
      <form method="post" action="/referrals" novalidate>
        <fieldset>
          <legend safe>{t('referral.form.tenant')}</legend>
          <TextField {...f('tenantName')} value={textValue(values.tenantName)} required maxlength={200} autocomplete="off" />
          <TextField {...f('address')} value={textValue(values.address)} required maxlength={300} autocomplete="off" />
          <SelectField {...f('municipality')} value={textValue(values.municipality)} required options={municipalities.map((m) => ({ value: m, label: m }))} />
          {landlords ? (
            <SelectField
              {...f('landlordOrganisationId')}
              label={t('referral.field.landlord')}
              value={textValue(values.landlordOrganisationId)}
              required
              options={landlords.map((l) => ({ value: l.id, label: l.name }))}
            />
          ) : (
            ''
          )}
        </fieldset>
        <fieldset>
          <legend safe>{t('referral.form.procedure')}</legend>
          <SelectField
            {...f('reason')}
            value={textValue(values.reason)}
            required
            hint={t('referral.form.reasonHint')}
            options={REFERRAL_REASONS.map((r) => ({ value: r, label: t(`referral.reason.${r}`) }))}
          />
          <TextField {...f('noticeDate')} type="date" value={textValue(values.noticeDate)} required />
          <TextField {...f('claimFiledOn')} type="date" value={textValue(values.claimFiledOn)} />
          <TextField {...f('hearingDate')} type="date" value={textValue(values.hearingDate)} />
          <TextField {...f('evictionDate')} type="date" value={textValue(values.evictionDate)} />
        </fieldset>
        <fieldset>
          <legend safe>{t('referral.form.contact')}</legend>
          <TextField {...f('referrerContactName')} value={textValue(values.referrerContactName)} required maxlength={200} autocomplete="name" />
          <TextField {...f('referrerContactPhone')} type="tel" value={textValue(values.referrerContactPhone)} maxlength={30} autocomplete="tel" />
          <TextField {...f('referrerContactEmail')} type="email" value={textValue(values.referrerContactEmail)} maxlength={254} autocomplete="email" />
          <TextArea {...f('context')} value={textValue(values.context)} maxlength={4000} hint={t('referral.form.contextHint')} />
        </fieldset>
        <fieldset class={errors.tenantInformed ? 'has-error' : ''} aria-describedby={errors.tenantInformed ? 'tenantInformed-error' : undefined}>
          <legend safe>{`${t('referral.field.tenantInformed')} *`}</legend>
          {errors.tenantInformed ? (
            <p class="field-error" id="tenantInformed-error" safe>
              {errors.tenantInformed}
            </p>
          ) : (
            ''
          )}
          <div>
            <input type="radio" id="tenantInformed" name="tenantInformed" value="true" checked={informed === true} />{' '}
            <label for="tenantInformed" safe>
              {t('form.yes')}
            </label>
          </div>
          <div>
            <input type="radio" id="tenantInformed-no" name="tenantInformed" value="false" checked={informed === false} />{' '}
            <label for="tenantInformed-no" safe>
              {t('form.no')}
            </label>
          </div>
        </fieldset>
        <button type="submit" safe>
          {t('referral.form.submit')}
        </button>
      </form>
    </Layout>
  );
}
