/** Translates a catalogue key in the caller's language (the page context's `t`). */
export type Translate = (key: string, args?: Record<string, unknown>) => string;

/**
 * What the starting text of a summary is made of: the case's metadata and facts as the worker may
 * read them. Private notes are not part of it, by construction: this lib does not import them.
 */
export interface CaseOutline {
  readonly state: string;
  readonly currentStep: string | null;
  readonly legalBasis: string | null;
  readonly startedOn: string | null;
  readonly aftercareEndsOn: string | null;
  readonly referrals: ReadonlyArray<{
    readonly byLandlord: boolean;
    readonly reason: string;
    readonly noticeDate: string;
    readonly claimFiledOn: string | null;
    readonly hearingDate: string | null;
    readonly evictionDate: string | null;
    readonly context: string | null;
  }>;
  readonly procedure: ReadonlyArray<{ readonly kind: string; readonly eventDate: string; readonly note: string | null }>;
  readonly facts: ReadonlyArray<{ readonly category: string; readonly body: string; readonly occurredOn: string }>;
}

/**
 * The text a summary starts from, before stripping: a plain outline the worker edits. Dates stay
 * as ISO days here; stripping turns them into relative times.
 */
export function buildStartingText(outline: CaseOutline, t: Translate): string {
  const lines: string[] = [];
  const item = (label: string, value: string) => lines.push(`- ${label}: ${value}`);

  lines.push(t('intervision.start.situation'));
  item(t('intervision.start.state'), t(`case.state.${outline.state}`));
  if (outline.currentStep) item(t('intervision.start.step'), t(`steps.${outline.currentStep}`));
  item(t('intervision.start.legalBasis'), outline.legalBasis ? t(`sharing.legalBasis.${outline.legalBasis}`) : t('sharing.legalBasisUnknown'));
  if (outline.startedOn) item(t('intervision.start.startedOn'), outline.startedOn);
  if (outline.aftercareEndsOn) item(t('intervision.start.aftercareEndsOn'), outline.aftercareEndsOn);

  for (const referral of outline.referrals) {
    lines.push('', t('intervision.start.referral'));
    item(t('intervision.start.referredBy'), t(referral.byLandlord ? 'intervision.start.byLandlord' : 'intervision.start.byOcmw'));
    item(t('intervision.start.reason'), t(`referral.reason.${referral.reason}`));
    item(t('intervision.start.noticeDate'), referral.noticeDate);
    if (referral.claimFiledOn) item(t('intervision.start.claimFiledOn'), referral.claimFiledOn);
    if (referral.hearingDate) item(t('intervision.start.hearingDate'), referral.hearingDate);
    if (referral.evictionDate) item(t('intervision.start.evictionDate'), referral.evictionDate);
    if (referral.context) item(t('intervision.start.context'), oneLine(referral.context));
  }

  if (outline.procedure.length > 0) {
    lines.push('', t('intervision.start.procedure'));
    for (const step of outline.procedure) lines.push(`- ${step.eventDate}: ${t(`procedure.kind.${step.kind}`)}${step.note ? ` — ${oneLine(step.note)}` : ''}`);
  }

  lines.push('', t('intervision.start.facts'));
  if (outline.facts.length === 0) lines.push(`- ${t('intervision.start.noFacts')}`);
  for (const fact of outline.facts) lines.push(`- ${fact.occurredOn} (${t(`sharing.category.${fact.category}`)}): ${oneLine(fact.body)}`);
  return lines.join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}
