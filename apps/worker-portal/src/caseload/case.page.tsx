import { CASE_OUTCOMES } from '@woonbrug/cases';
import { LEGAL_BASES, SHARED_SECRECY_CONDITIONS } from '@woonbrug/consent';
import { FACT_CATEGORIES } from '@woonbrug/policies';
import { ErrorSummary, Layout, NO_FIELD_ERRORS, SelectField, TextArea, TextField, textValue, type PageContext, type SectionErrors } from '@woonbrug/web';
import type { CaseWorkspace } from '../sharing/case-workspace';

export type { SectionErrors };

function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
}

export function CasePage({ ctx, workspace, notice, errors }: { ctx: PageContext; workspace: CaseWorkspace; notice?: string; errors?: SectionErrors }): JSX.Element {
  const { t } = ctx;
  const { found, referrals, worker, work, steps, procedure } = workspace;
  const stepName = (key: string | null) => (key ? t(`steps.${key}`) : '—');
  const lastStep = steps.at(-1)?.key;
  const version = <input type="hidden" name="version" value={String(found.version)} />;
  const err = (section: string) => (errors?.section === section ? errors.fields : NO_FIELD_ERRORS);
  const val = (section: string) => (errors?.section === section ? errors.values : {});
  // The disclose forms repeat per partner: their fields carry the organisation in their ids.
  const failedPartner = errors?.section === 'sharing' ? textValue(errors.values.organisationId) : undefined;
  const anchorOf = (field: string) =>
    failedPartner && (field === 'confirmWarning' || field === 'confirmSharedSecrecy')
      ? `confirm-${failedPartner}`
      : failedPartner && field === 'category'
        ? `disclose-category-${failedPartner}`
        : field;
  const summary = (section: string) =>
    errors?.section === section ? (
      <ErrorSummary ctx={ctx} errors={errors.fields} message={errors.message} labelOf={(f) => t(section === 'lifecycle' || section === 'reopened' ? `lifecycle.field.${f}` : `sharing.field.${f}`)} anchorOf={anchorOf} />
    ) : (
      ''
    );
  return (
    <Layout ctx={ctx} title={`${found.reference} — ${found.tenantName}`}>
      {notice ? (
        <div class="notice success" role="status" safe>
          {notice}
        </div>
      ) : (
        ''
      )}
      <dl class="facts">
        <dt safe>{t('case.stateLabel')}</dt>
        <dd safe>{t(`case.state.${found.state}`)}</dd>
        <dt safe>{t('referral.field.address')}</dt>
        <dd safe>{`${found.address}, ${found.municipality}`}</dd>
        <dt safe>{t('case.worker')}</dt>
        <dd safe>{worker?.displayName ?? '—'}</dd>
        <dt safe>{t('referral.field.startedOn')}</dt>
        <dd safe>{found.startedOn ?? '—'}</dd>
        <dt safe>{t('sharing.field.nextReviewOn')}</dt>
        <dd safe>{found.nextReviewOn ?? '—'}</dd>
        <dt safe>{t('sharing.field.legalBasis')}</dt>
        <dd safe>{found.legalBasis ? t(`sharing.legalBasis.${found.legalBasis}`) : t('sharing.legalBasisUnknown')}</dd>
        {found.outcome ? (
          <>
            <dt safe>{t('referral.field.outcome')}</dt>
            <dd safe>{t(`case.outcome.${found.outcome}`)}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      <ul class="case-links">
        <li>
          <a href={`/cases/${found.id}/timeline`} safe>
            {t('timeline.link')}
          </a>
        </li>
        {work ? (
          <>
            <li>
              <a href={`/cases/${found.id}/notes`} safe>
                {t('sharing.privateNotesLink')}
              </a>
            </li>
            <li>
              <a href={`/cases/${found.id}/budget`} safe>
                {t('lifecycle.budgetLink')}
              </a>
            </li>
            <li>
              <a href={`/cases/${found.id}/intervision`} safe>
                {t('intervision.prepareLink')}
              </a>
            </li>
            <li>
              <a href={`/cases/${found.id}/overview`} safe>
                {t('overview.link')}
              </a>
            </li>
          </>
        ) : (
          ''
        )}
      </ul>

      <section id="lifecycle" aria-labelledby="lifecycle-heading">
        <h2 id="lifecycle-heading" safe>
          {t('lifecycle.title')}
        </h2>
        <dl class="facts">
          <dt safe>{t('lifecycle.currentStep')}</dt>
          <dd safe>{stepName(found.currentStep)}</dd>
          <dt safe>{t('lifecycle.lastContact')}</dt>
          <dd safe>{found.lastContactOn ?? '—'}</dd>
          {found.aftercareEndsOn ? (
            <>
              <dt safe>{t('lifecycle.aftercareEnds')}</dt>
              <dd safe>{found.aftercareEndsOn}</dd>
            </>
          ) : (
            ''
          )}
          {found.handover ? (
            <>
              <dt safe>{t('lifecycle.handover')}</dt>
              <dd safe>{found.handover}</dd>
            </>
          ) : (
            ''
          )}
        </dl>
        {procedure.length ? (
          <>
            <h3 safe>{t('procedure.title')}</h3>
            <ul>
              {procedure.map((e) => (
                <li safe>{`${e.eventDate} · ${t(`procedure.kind.${e.kind}`)} (${e.organisationName})${e.note ? ` — ${e.note}` : ''}`}</li>
              ))}
            </ul>
          </>
        ) : (
          ''
        )}
        {work ? summary('lifecycle') : ''}
        {work && found.state === 'active' ? (
          <div class="actions">
            <form method="post" action={`/cases/${found.id}/steps`} class="card">
              <h3 safe>{t('lifecycle.moveToStep')}</h3>
              {version}
              <SelectField ctx={ctx} name="step" label={t('lifecycle.field.step')} errors={err('lifecycle')} value={found.currentStep} required options={steps.map((st) => ({ value: st.key, label: t(`steps.${st.key}`) }))} />
              <TextField ctx={ctx} name="enteredOn" id="step-enteredOn" type="date" label={t('lifecycle.field.enteredOn')} errors={err('lifecycle')} value={today()} />
              <TextArea ctx={ctx} name="note" id="step-note" label={t('lifecycle.field.note')} errors={err('lifecycle')} value={textValue(val('lifecycle').note)} maxlength={2000} />
              <button type="submit" safe>
                {t('lifecycle.move')}
              </button>
            </form>
            <form method="post" action={`/cases/${found.id}/contacts`} class="card">
              <h3 safe>{t('lifecycle.recordContact')}</h3>
              {version}
              <TextField ctx={ctx} name="on" id="contact-on" type="date" label={t('lifecycle.contactOn')} errors={err('lifecycle')} value={today()} />
              <button type="submit" class="secondary" safe>
                {t('lifecycle.recordContact')}
              </button>
            </form>
            {found.currentStep === lastStep ? (
              <form method="post" action={`/cases/${found.id}/aftercare`} class="card">
                <h3 safe>{t('lifecycle.startAftercare')}</h3>
                <p class="hint" safe>
                  {t('lifecycle.aftercareHint')}
                </p>
                {version}
                <TextField ctx={ctx} name="endsOn" type="date" label={t('lifecycle.field.endsOn')} errors={err('lifecycle')} value={textValue(val('lifecycle').endsOn)} required />
                <button type="submit" safe>
                  {t('lifecycle.startAftercare')}
                </button>
              </form>
            ) : (
              ''
            )}
          </div>
        ) : (
          ''
        )}
        {work && (found.state === 'active' || found.state === 'aftercare') ? (
          <form method="post" action={`/cases/${found.id}/close`} class="card">
            <h3 safe>{t('lifecycle.close')}</h3>
            <p class="hint" safe>
              {t('lifecycle.closeHint')}
            </p>
            {version}
            <SelectField ctx={ctx} name="outcome" label={t('lifecycle.field.outcome')} errors={err('lifecycle')} required options={CASE_OUTCOMES.map((o) => ({ value: o, label: t(`case.outcome.${o}`) }))} />
            <TextArea ctx={ctx} name="handover" label={t('lifecycle.field.handover')} errors={err('lifecycle')} value={textValue(val('lifecycle').handover)} required maxlength={2000} />
            <button type="submit" class="secondary" safe>
              {t('lifecycle.close')}
            </button>
          </form>
        ) : (
          ''
        )}
        {work && found.state === 'closed' ? (
          <form method="post" action={`/cases/${found.id}/reopen`} class="card">
            <h3 safe>{t('lifecycle.reopen')}</h3>
            <p class="hint" safe>
              {t('lifecycle.reopenHint')}
            </p>
            {summary('reopened')}
            {version}
            <TextArea ctx={ctx} name="reason" label={t('lifecycle.field.reason')} errors={err('reopened')} value={textValue(val('reopened').reason)} required maxlength={2000} />
            <button type="submit" class="secondary" safe>
              {t('lifecycle.reopen')}
            </button>
          </form>
        ) : (
          ''
        )}
      </section>

      <h2 safe>{t('case.referrals')}</h2>
      <ul>
        {referrals.map((r) => (
          <li safe>{`${r.submittedAt.slice(0, 10)} — ${r.referrerOrganisationName} (${r.referrerContactName}): ${t(`referral.reason.${r.reason}`)}`}</li>
        ))}
      </ul>

      {work ? (
        <>
          <section id="basis" aria-labelledby="basis-heading">
            <h2 id="basis-heading" safe>
              {t('sharing.basisTitle')}
            </h2>
            <p class="hint" safe>
              {t('sharing.basisHint')}
            </p>
            {summary('basis')}
            <form method="post" action={`/cases/${found.id}/legal-basis`} class="actions">
              <SelectField
                ctx={ctx}
                name="legalBasis"
                label={t('sharing.field.legalBasis')}
                errors={err('basis')}
                value={found.legalBasis}
                required
                options={LEGAL_BASES.map((b) => ({ value: b, label: t(`sharing.legalBasis.${b}`) }))}
              />
              <div>
                <button type="submit" class="secondary" safe>
                  {t('sharing.save')}
                </button>
              </div>
            </form>
            <form method="post" action={`/cases/${found.id}/next-review`} class="actions">
              <TextField ctx={ctx} name="nextReviewOn" type="date" label={t('sharing.field.nextReviewOn')} hint={t('sharing.nextReviewHint')} errors={err('basis')} value={found.nextReviewOn} required />
              <div>
                <button type="submit" class="secondary" safe>
                  {t('sharing.save')}
                </button>
              </div>
            </form>
          </section>

          <section id="facts" aria-labelledby="facts-heading">
            <h2 id="facts-heading" safe>
              {t('sharing.factsTitle')}
            </h2>
            <p class="hint" safe>
              {t('sharing.factsHint')}
            </p>
            {work.facts.length ? (
              <div class="table-wrap" role="region" tabindex="0" aria-label={t('layout.tableRegion', { name: t('sharing.factsTitle') })}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col" safe>{t('sharing.field.occurredOn')}</th>
                      <th scope="col" safe>{t('sharing.field.category')}</th>
                      <th scope="col" safe>{t('sharing.field.body')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {work.facts.map((f) => (
                      <tr>
                        <td safe>{f.occurredOn}</td>
                        <td safe>{t(`sharing.category.${f.category}`)}</td>
                        <td safe>{f.body}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p safe>{t('sharing.noFacts')}</p>
            )}
            {summary('facts')}
            <form method="post" action={`/cases/${found.id}/facts`} class="card">
              <h3 safe>{t('sharing.addFact')}</h3>
              <SelectField ctx={ctx} name="category" id="fact-category" label={t('sharing.field.category')} errors={err('facts')} value={textValue(val('facts').category)} required options={FACT_CATEGORIES.map((c) => ({ value: c, label: t(`sharing.category.${c}`) }))} />
              <TextField ctx={ctx} name="occurredOn" type="date" label={t('sharing.field.occurredOn')} errors={err('facts')} value={textValue(val('facts').occurredOn) ?? today()} required />
              <TextArea ctx={ctx} name="body" label={t('sharing.field.body')} errors={err('facts')} value={textValue(val('facts').body)} required maxlength={4000} />
              <button type="submit" safe>
                {t('sharing.addFact')}
              </button>
            </form>
          </section>

          <section id="consents" aria-labelledby="consents-heading">
            <h2 id="consents-heading" safe>
              {t('sharing.consentsTitle')}
            </h2>
            <p class="hint" safe>
              {t('sharing.consentsHint')}
            </p>
            {work.consents.length ? (
              <div class="table-wrap" role="region" tabindex="0" aria-label={t('layout.tableRegion', { name: t('sharing.consentsTitle') })}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col" safe>{t('sharing.field.organisationId')}</th>
                      <th scope="col" safe>{t('sharing.field.categories')}</th>
                      <th scope="col" safe>{t('sharing.field.givenHow')}</th>
                      <th scope="col" safe>{t('sharing.validity')}</th>
                      <th scope="col" safe>{t('sharing.consentState')}</th>
                      <th scope="col">
                        <span class="visually-hidden" safe>
                          {t('sharing.withdraw')}
                        </span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {work.consents.map((c) => (
                      <tr>
                        <td safe>{c.organisation.name}</td>
                        <td safe>{c.categories.map((cat) => t(`sharing.category.${cat}`)).join(', ')}</td>
                        <td safe>{t(`sharing.givenHow.${c.givenHow}`)}</td>
                        <td safe>{`${c.givenOn} – ${c.expiresOn}`}</td>
                        <td safe>{t(`sharing.state.${c.state}`)}</td>
                        <td>
                          {c.state === 'active' ? (
                            <form method="post" action={`/cases/${found.id}/consents/${c.id}/withdraw`}>
                              <button type="submit" class="secondary" aria-label={t('sharing.withdrawFor', { name: c.organisation.name })} safe>
                                {t('sharing.withdraw')}
                              </button>
                            </form>
                          ) : (
                            ''
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p safe>{t('sharing.noConsents')}</p>
            )}
            {summary('consents')}
            <form method="post" action={`/cases/${found.id}/consents`} class="card">
              <h3 safe>{t('sharing.recordConsent')}</h3>
              <SelectField ctx={ctx} name="organisationId" label={t('sharing.field.organisationId')} errors={err('consents')} value={textValue(val('consents').organisationId)} required options={work.partners.map((o) => ({ value: o.id, label: o.name }))} />
              <fieldset id="categories" aria-describedby={err('consents').categories ? 'categories-error' : undefined}>
                <legend safe>{`${t('sharing.field.categories')} *`}</legend>
                {err('consents').categories ? (
                  <p class="field-error" id="categories-error" safe>
                    {err('consents').categories}
                  </p>
                ) : (
                  ''
                )}
                {FACT_CATEGORIES.map((c) => (
                  <div>
                    <input type="checkbox" id={`category-${c}`} name="categories" value={c} />{' '}
                    <label for={`category-${c}`} safe>
                      {t(`sharing.category.${c}`)}
                    </label>
                  </div>
                ))}
                <p class="hint" safe>
                  {t('sharing.healthHint')}
                </p>
              </fieldset>
              <TextField ctx={ctx} name="purpose" label={t('sharing.field.purpose')} errors={err('consents')} value={textValue(val('consents').purpose)} required maxlength={500} />
              <SelectField ctx={ctx} name="givenHow" label={t('sharing.field.givenHow')} errors={err('consents')} value={textValue(val('consents').givenHow)} required options={(['written', 'oral'] as const).map((h) => ({ value: h, label: t(`sharing.givenHow.${h}`) }))} />
              <TextField ctx={ctx} name="givenOn" type="date" label={t('sharing.field.givenOn')} errors={err('consents')} value={textValue(val('consents').givenOn) ?? today()} required />
              <TextField ctx={ctx} name="expiresOn" type="date" label={t('sharing.field.expiresOn')} hint={t('sharing.expiresHint')} errors={err('consents')} value={textValue(val('consents').expiresOn)} />
              <button type="submit" safe>
                {t('sharing.recordConsent')}
              </button>
            </form>
          </section>

          <section id="sharing" aria-labelledby="sharing-heading">
            <h2 id="sharing-heading" safe>
              {t('sharing.sharingTitle')}
            </h2>
            <p class="hint" safe>
              {t('sharing.sharingHint')}
            </p>
            {summary('sharing')}
            {work.sharing.length === 0 ? <p safe>{t('sharing.noPartners')}</p> : ''}
            {work.sharing.map((p) => (
              <div class="card partner" id={`partner-${p.organisation.id}`}>
                <h3 safe>{p.organisation.name}</h3>
                <p safe>
                  {p.organisation.boundByProfessionalSecrecy ? t('sharing.bound') : t('sharing.notBound')}
                </p>
                <p safe>
                  {`${t('sharing.consentAllows')}: ${p.consentedCategories.length ? p.consentedCategories.map((c) => t(`sharing.category.${c}`)).join(', ') : t('sharing.nothing')}`}
                </p>
                <h4 safe>{t('sharing.viewAs', { name: p.organisation.name })}</h4>
                {p.visibleFacts.length ? (
                  <ul class="view-as">
                    {p.visibleFacts.map((f) => (
                      <li safe>{`${f.occurredOn} · ${t(`sharing.category.${f.category}`)}: ${f.body}`}</li>
                    ))}
                  </ul>
                ) : (
                  <p safe>{t('sharing.seesNoFacts')}</p>
                )}
                {p.disclosures.length ? (
                  <ul>
                    {p.disclosures.map((d) => (
                      <li>
                        <form method="post" action={`/cases/${found.id}/disclosures/${d.id}/revoke`} class="inline">
                          <span safe>{d.category ? t(`sharing.category.${d.category}`) : t('sharing.singleFact', { text: work.facts.find((f) => f.id === d.factId)?.body ?? '' })}</span>{' '}
                          <button type="submit" class="link" safe>
                            {t('sharing.revoke')}
                          </button>
                        </form>
                      </li>
                    ))}
                  </ul>
                ) : (
                  ''
                )}
                {p.consentedCategories.length ? (
                  <form method="post" action={`/cases/${found.id}/disclosures`}>
                    <input type="hidden" name="organisationId" value={p.organisation.id} />
                    <SelectField
                      ctx={ctx}
                      name="category"
                      id={`disclose-category-${p.organisation.id}`}
                      label={t('sharing.discloseCategory')}
                      errors={failedPartner === p.organisation.id ? err('sharing') : NO_FIELD_ERRORS}
                      value={failedPartner === p.organisation.id ? textValue(val('sharing').category) : undefined}
                      required
                      options={p.consentedCategories.map((c) => ({ value: c, label: t(`sharing.category.${c}`) }))}
                    />
                    {p.organisation.boundByProfessionalSecrecy ? (
                      <div class="notice">
                        <p safe>{t('sharing.sharedSecrecyIntro')}</p>
                        <ul>
                          {SHARED_SECRECY_CONDITIONS.map((c) => (
                            <li safe>{t(`sharing.condition.${c}`)}</li>
                          ))}
                        </ul>
                        <input
                          type="checkbox"
                          id={`confirm-${p.organisation.id}`}
                          name="confirmSharedSecrecy"
                          value="true"
                          aria-invalid={failedPartner === p.organisation.id && err('sharing').confirmSharedSecrecy ? 'true' : undefined}
                        />{' '}
                        <label for={`confirm-${p.organisation.id}`} safe>
                          {t('sharing.confirmSharedSecrecy')}
                        </label>
                      </div>
                    ) : (
                      <div class="notice warning">
                        <p safe>{t('sharing.warning', { name: p.organisation.name })}</p>
                        <input
                          type="checkbox"
                          id={`confirm-${p.organisation.id}`}
                          name="confirmWarning"
                          value="true"
                          aria-invalid={failedPartner === p.organisation.id && err('sharing').confirmWarning ? 'true' : undefined}
                        />{' '}
                        <label for={`confirm-${p.organisation.id}`} safe>
                          {t('sharing.confirmWarning')}
                        </label>
                      </div>
                    )}
                    <button type="submit" safe>
                      {t('sharing.disclose')}
                    </button>
                  </form>
                ) : (
                  ''
                )}
              </div>
            ))}
          </section>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}
