import { formatDay, formatMoment } from './belgian-time';
import type { OverviewAccess, OverviewFact, TenantOverview } from './tenant-overview';

/** Translates a key of the i18n catalogue (namespace `overview`), with `{name}` arguments. */
export type OverviewTranslate = (key: string, args?: Record<string, unknown>) => string;

/** One piece of a section: label/value pairs, a table, a paragraph or a subheading. */
export type OverviewBlock =
  | { readonly kind: 'pairs'; readonly rows: ReadonlyArray<readonly [string, string]> }
  | { readonly kind: 'table'; readonly columns: readonly string[]; readonly rows: ReadonlyArray<readonly string[]> }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'subheading'; readonly text: string };

export interface OverviewSection {
  /** Stable id, used as the HTML anchor. */
  readonly id: string;
  readonly heading: string;
  readonly intro: string | null;
  readonly blocks: readonly OverviewBlock[];
}

/**
 * The overview as a printable document in plain words, in the page's language: the HTML page and
 * the PDF both render exactly this, so that they can never say different things.
 */
export interface OverviewDocument {
  readonly lang: string;
  readonly title: string;
  readonly subtitle: string;
  readonly madeBy: string;
  readonly lead: string;
  readonly sections: readonly OverviewSection[];
  readonly closing: string;
}

const CATEGORIES = ['status', 'housing', 'agreements', 'financial', 'health'] as const;
const DEFAULT_STEPS = ['referral', 'introductory_visit', 'change_goals_agreed', 'guidance', 'evaluation'];
const SUBJECTS = ['referral', 'financial_referral', 'fact'];
/** Lists a partner can see a case in (today only its referrals). */
const LISTS = ['referral'];
const ROLES = ['landlord_agent', 'ocmw_agent'];

/**
 * What a field of a partner's response was about, by its first name (`facts[].body` → `facts`).
 * Technical names (ids, versions) say nothing to the tenant and are left out.
 */
const FIELD_GROUPS = [
  'tenantName',
  'address',
  'municipality',
  'landlord',
  'reason',
  'noticeDate',
  'claimFiledOn',
  'hearingDate',
  'evictionDate',
  'referrerContactName',
  'referrerContactPhone',
  'referrerContactEmail',
  'context',
  'tenantInformed',
  'submittedAt',
  'handling',
  'facts',
  'budgetGuidance',
  'procedure',
  'kind',
  'motivation',
  'status',
  'declineReason',
  'guidance',
  'referredAt',
  'answeredAt',
  'ocmw',
  'tenant',
  'worker',
  'costAdvances',
];
const TECHNICAL_FIELDS = new Set(['id', 'version', 'caseId']);

/**
 * The plain words for the fields of one access, without repeats, in a reading order (name and
 * address first); a field this list does not know keeps its own name, after the known ones.
 */
export function fieldLabels(fields: readonly string[], t: OverviewTranslate): string[] {
  const groups = new Set<string>();
  for (const field of fields) {
    const group = field.replace(/^items\[\]\./, '').split(/[.[]/)[0] ?? field;
    if (!TECHNICAL_FIELDS.has(group)) groups.add(group);
  }
  const rank = (group: string) => (FIELD_GROUPS.includes(group) ? FIELD_GROUPS.indexOf(group) : FIELD_GROUPS.length);
  const labels: string[] = [];
  for (const group of [...groups].sort((a, b) => rank(a) - rank(b))) {
    const label = FIELD_GROUPS.includes(group) ? t(`overview.data.${group}`) : group;
    if (!labels.includes(label)) labels.push(label);
  }
  return labels;
}

/** Builds the printable document of an overview in plain words (see {@link OverviewDocument}). */
export function buildOverviewDocument(overview: TenantOverview, t: OverviewTranslate, lang: string): OverviewDocument {
  const day = (value: string | null): string | null => (value ? formatDay(value, lang) : null);
  const moment = (value: string | null): string | null => (value ? formatMoment(value, lang) : null);
  const category = (c: string) => ((CATEGORIES as readonly string[]).includes(c) ? t(`overview.category.${c}`) : c);
  const categories = (list: readonly string[]) => list.map(category).join(', ');
  const yesNo = (value: boolean) => t(value ? 'overview.yes' : 'overview.no');
  const pairs = (rows: ReadonlyArray<readonly [string, string | null]>): OverviewBlock => ({
    kind: 'pairs',
    rows: rows.filter((r): r is readonly [string, string] => r[1] !== null && r[1] !== ''),
  });
  const table = (columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | null>>): OverviewBlock => ({
    kind: 'table',
    columns,
    rows: rows.map((r) => r.map((cell) => cell ?? t('overview.none'))),
  });
  const section = (id: string, blocks: OverviewBlock[], empty = false): OverviewSection => ({
    id,
    heading: t(`overview.section.${id}.heading`),
    intro: t(`overview.section.${id}.intro`),
    blocks: empty ? [{ kind: 'text', text: t(`overview.section.${id}.empty`) }] : blocks,
  });
  const c = overview.case;
  const factText = (f: OverviewFact) => t('overview.disclosures.fact', { category: category(f.category), date: day(f.occurredOn), text: f.text });
  const step = (key: string) => (DEFAULT_STEPS.includes(key) ? t(`overview.step.${key}`) : t(`steps.${key}`));

  const caseSection = section('case', [
    pairs([
      [t('overview.case.tenantName'), c.tenantName],
      [t('overview.case.address'), c.address],
      [t('overview.case.municipality'), c.municipality],
      [t('overview.case.reference'), c.reference],
      [t('overview.case.state'), t(`overview.state.${c.state}`)],
      [t('overview.case.outcome'), c.outcome ? t(`overview.outcome.${c.outcome}`) : null],
      [t('overview.case.legalBasis'), c.legalBasis ? t(`overview.legalBasis.${c.legalBasis}`) : t('overview.legalBasis.unknown')],
      [t('overview.case.referredAt'), moment(c.referredAt)],
      [t('overview.case.startedOn'), day(c.startedOn)],
      [t('overview.case.currentStep'), c.currentStep ? step(c.currentStep) : null],
      [t('overview.case.lastContactOn'), day(c.lastContactOn)],
      [t('overview.case.nextReviewOn'), day(c.nextReviewOn)],
      [t('overview.case.aftercareEndsOn'), day(c.aftercareEndsOn)],
      [t('overview.case.closedOn'), day(c.closedOn)],
      [t('overview.case.handover'), c.handover],
      [t('overview.case.worker'), c.worker ? [c.worker.name, c.worker.phone, c.worker.email].filter(Boolean).join(' · ') : null],
    ]),
  ]);

  const stepsSection = section(
    'steps',
    [table([t('overview.column.date'), t('overview.column.step')], overview.steps.map((s) => [day(s.enteredOn), step(s.step)]))],
    overview.steps.length === 0,
  );

  const referralsSection = section(
    'referrals',
    overview.referrals.flatMap((r): OverviewBlock[] => [
      { kind: 'subheading', text: t('overview.referrals.by', { organisation: r.organisation, date: moment(r.submittedAt) }) },
      pairs([
        [t('overview.referrals.reason'), t(`overview.reason.${r.reason}`)],
        [t('overview.referrals.context'), r.context],
        [t('overview.referrals.landlord'), r.landlord],
        [t('overview.referrals.noticeDate'), day(r.noticeDate)],
        [t('overview.referrals.claimFiledOn'), day(r.claimFiledOn)],
        [t('overview.referrals.hearingDate'), day(r.hearingDate)],
        [t('overview.referrals.evictionDate'), day(r.evictionDate)],
        [t('overview.referrals.tenantInformed'), yesNo(r.tenantInformed)],
      ]),
    ]),
    overview.referrals.length === 0,
  );

  const factBlocks = CATEGORIES.flatMap((cat): OverviewBlock[] => {
    const facts = overview.facts.filter((f) => f.category === cat);
    if (facts.length === 0) return [];
    return [
      { kind: 'subheading', text: category(cat) },
      table([t('overview.column.date'), t('overview.column.text')], facts.map((f) => [day(f.occurredOn), f.text])),
    ];
  });
  const factsSection = section('facts', factBlocks, overview.facts.length === 0);

  const procedureSection = section(
    'procedure',
    [
      table(
        [t('overview.column.date'), t('overview.column.procedureStep'), t('overview.column.recordedBy'), t('overview.column.note')],
        overview.procedure.map((e) => [day(e.eventDate), t(`overview.procedure.${e.kind}`), e.organisation, e.note]),
      ),
    ],
    overview.procedure.length === 0,
  );

  const budgetSection = section(
    'budget',
    overview.budgetReferrals.flatMap((b): OverviewBlock[] => [
      { kind: 'subheading', text: t('overview.budget.to', { ocmw: b.ocmw, date: moment(b.referredAt) }) },
      pairs([
        [t('overview.budget.kind'), t(`overview.budgetKind.${b.kind}`)],
        [t('overview.budget.status'), t(`overview.budgetStatus.${b.status}`)],
        [t('overview.budget.motivation'), b.motivation],
        [t('overview.budget.answeredAt'), moment(b.answeredAt)],
        [t('overview.budget.declineReason'), b.declineReason],
        [t('overview.budget.guidanceStartedOn'), day(b.guidanceStartedOn)],
      ]),
      ...(b.costAdvances.length
        ? [
            table(
              [t('overview.column.date'), t('overview.column.amount'), t('overview.column.purpose'), t('overview.column.repayment')],
              b.costAdvances.map((a) => [day(a.advancedOn), a.amount, a.purpose, a.repaymentTerms]),
            ),
          ]
        : []),
    ]),
    overview.budgetReferrals.length === 0,
  );

  const consentsSection = section(
    'consents',
    overview.consents.flatMap((k): OverviewBlock[] => [
      { kind: 'subheading', text: t('overview.consents.for', { organisation: k.organisation }) },
      pairs([
        [t('overview.consents.categories'), categories(k.categories)],
        [t('overview.consents.purpose'), k.purpose],
        [t('overview.consents.given'), t(`overview.givenHow.${k.givenHow}`, { date: day(k.givenOn) })],
        [t('overview.consents.expiresOn'), day(k.expiresOn)],
        [t('overview.consents.recordedAt'), moment(k.recordedAt)],
        [t('overview.consents.state'), t(`overview.consentState.${k.state}`)],
        [t('overview.consents.withdrawnAt'), moment(k.withdrawnAt)],
        [t('overview.consents.signedForm'), yesNo(k.signedFormKept)],
      ]),
    ]),
    overview.consents.length === 0,
  );

  const withdrawalsSection = section(
    'withdrawals',
    [
      table(
        [t('overview.column.when'), t('overview.column.organisation'), t('overview.column.categories'), t('overview.column.purpose')],
        overview.withdrawals.map((w) => [moment(w.withdrawnAt), w.organisation, categories(w.categories), w.purpose]),
      ),
    ],
    overview.withdrawals.length === 0,
  );

  const disclosuresSection = section(
    'disclosures',
    [
      table(
        [t('overview.column.organisation'), t('overview.column.what'), t('overview.column.disclosedAt'), t('overview.column.revokedAt')],
        overview.disclosures.map((d) => [
          d.organisation,
          d.fact ? factText(d.fact) : d.category ? t('overview.disclosures.category', { category: category(d.category) }) : null,
          moment(d.disclosedAt),
          d.revokedAt ? moment(d.revokedAt) : t('overview.disclosures.stillShared'),
        ]),
      ),
    ],
    overview.disclosures.length === 0,
  );

  const accessRows = (events: readonly OverviewAccess[]) =>
    events.map((e) => [
      moment(e.occurredAt),
      e.organisation,
      e.role ? (ROLES.includes(e.role) ? t(`overview.role.${e.role}`) : e.role) : null,
      [
        e.action === 'list'
          ? t(`overview.listed.${e.subject && LISTS.includes(e.subject) ? e.subject : 'unknown'}`)
          : t('overview.opened', { subject: e.subject && SUBJECTS.includes(e.subject) ? t(`overview.subject.${e.subject}`) : t('overview.subject.unknown') }),
        e.categories.length ? t('overview.access.categories', { categories: categories(e.categories) }) : '',
      ]
        .filter(Boolean)
        .join(' '),
      fieldLabels(e.fields, t).join(', ') || null,
    ]);
  const accessColumns = [t('overview.column.when'), t('overview.column.organisation'), t('overview.column.role'), t('overview.column.what'), t('overview.column.fields')];
  const accessSection = section('partnerAccess', [table(accessColumns, accessRows(overview.partnerAccess))], overview.partnerAccess.length === 0);
  const deniedSection = section('deniedAttempts', [table(accessColumns, accessRows(overview.deniedAttempts))], overview.deniedAttempts.length === 0);

  // A fixed sentence, the same for every case: it reveals nothing about whether notes exist.
  const notesSection: OverviewSection = {
    id: 'privateNotes',
    heading: t('overview.section.privateNotes.heading'),
    intro: null,
    blocks: [{ kind: 'text', text: t('overview.section.privateNotes.text') }],
  };

  const generated = formatMoment(overview.generatedAt, lang);
  return {
    lang,
    title: t('overview.title'),
    subtitle: t('overview.subtitle', { reference: c.reference, name: c.tenantName }),
    madeBy: overview.madeBy.organisation
      ? t('overview.madeBy', { date: generated, name: overview.madeBy.name, organisation: overview.madeBy.organisation })
      : t('overview.madeByNoOrganisation', { date: generated, name: overview.madeBy.name }),
    lead: t('overview.lead'),
    sections: [
      caseSection,
      stepsSection,
      referralsSection,
      factsSection,
      procedureSection,
      budgetSection,
      consentsSection,
      withdrawalsSection,
      disclosuresSection,
      accessSection,
      deniedSection,
      notesSection,
    ],
    closing: t('overview.closing'),
  };
}
