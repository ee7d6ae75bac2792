import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildOverviewDocument, fieldLabels, type OverviewBlock, type OverviewDocument, type OverviewTranslate } from './overview-document';
import type { OverviewAccess, TenantOverview } from './tenant-overview';

const I18N = resolve(__dirname, '..', '..', '..', 'web', 'src', 'i18n');

/**
 * The real catalogues (namespaces `overview` and `steps`), with nestjs-i18n's `{name}` arguments;
 * a key that is missing throws, so that every word the document uses is checked to exist.
 */
function translator(lang: 'nl' | 'en'): OverviewTranslate {
  const catalogue = Object.fromEntries(['overview', 'steps'].map((ns) => [ns, JSON.parse(readFileSync(resolve(I18N, lang, `${ns}.json`), 'utf8'))]));
  return (key, args) => {
    const value = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalogue);
    if (typeof value !== 'string') throw new Error(`missing translation ${lang}:${key}`);
    return value.replace(/\{(\w+)\}/g, (_, name: string) => String(args?.[name] ?? `{${name}}`));
  };
}

const read: OverviewAccess = {
  occurredAt: '2026-11-20T13:05:00.000Z',
  organisation: 'GMH — Gewestelijke Maatschappij voor Huisvesting',
  role: 'landlord_agent',
  action: 'read',
  subject: 'referral',
  categories: ['housing'],
  fields: ['id', 'tenantName', 'handling.status', 'facts[].body', 'address', 'facts[].category', 'handling.workerContact.name', 'newThing'],
};

function overview(overrides: Partial<TenantOverview> = {}): TenantOverview {
  return {
    generatedAt: '2026-11-21T09:00:00.000Z',
    madeBy: { name: 'Sofie', organisation: 'Bemoeizorg Waasland vzw' },
    case: {
      reference: '2026-0042',
      tenantName: 'Jan Peeters',
      address: 'Kerkstraat 1',
      municipality: 'Beveren',
      state: 'active',
      outcome: null,
      legalBasis: 'court_imposed',
      referredAt: '2026-10-01T08:00:00.000Z',
      startedOn: '2026-10-03',
      currentStep: 'guidance',
      nextReviewOn: '2026-12-01',
      lastContactOn: '2026-11-19',
      aftercareEndsOn: null,
      closedOn: null,
      handover: null,
      worker: { name: 'Sofie', phone: null, email: 'sofie@example.org' },
    },
    steps: [
      { step: 'referral', enteredOn: '2026-10-03' },
      { step: 'introductory_visit', enteredOn: '2026-10-10' },
    ],
    referrals: [
      {
        organisation: 'GMH',
        submittedAt: '2026-10-01T08:00:00.000Z',
        reason: 'lease_termination_neglect',
        context: 'Woning vervuild',
        landlord: 'GMH',
        noticeDate: '2026-09-15',
        claimFiledOn: null,
        hearingDate: '2026-12-20',
        evictionDate: null,
        tenantInformed: true,
      },
    ],
    facts: [
      { category: 'housing', occurredOn: '2026-11-01', text: 'Woning opgeruimd' },
      { category: 'health', occurredOn: '2026-11-02', text: 'Gezondheid besproken' },
    ],
    procedure: [{ kind: 'procedure_paused', eventDate: '2026-11-05', organisation: 'GMH', note: null }],
    budgetReferrals: [
      {
        ocmw: 'OCMW Beveren',
        kind: 'budget_management',
        status: 'accepted',
        motivation: 'Schulden',
        referredAt: '2026-11-03T10:00:00.000Z',
        answeredAt: '2026-11-04T10:00:00.000Z',
        declineReason: null,
        guidanceStartedOn: '2026-11-10',
        costAdvances: [{ amount: '€ 125,50', purpose: 'Energie', advancedOn: '2026-11-11', repaymentTerms: '10 euro per maand' }],
      },
    ],
    consents: [
      {
        organisation: 'GMH',
        categories: ['housing', 'status'],
        purpose: 'Opvolging',
        givenHow: 'written',
        givenOn: '2026-10-05',
        expiresOn: '2027-10-05',
        recordedAt: '2026-10-05T09:00:00.000Z',
        withdrawnAt: null,
        state: 'active',
        signedFormKept: true,
      },
    ],
    withdrawals: [{ organisation: 'OCMW Beveren', categories: ['financial'], purpose: 'Budget', withdrawnAt: '2026-11-15T15:00:00.000Z' }],
    disclosures: [
      { organisation: 'GMH', category: 'housing', fact: null, disclosedAt: '2026-10-06T09:00:00.000Z', revokedAt: null },
      { organisation: 'GMH', category: null, fact: { category: 'agreements', occurredOn: '2026-10-07', text: 'Wekelijks bezoek' }, disclosedAt: '2026-10-07T09:00:00.000Z', revokedAt: '2026-10-20T09:00:00.000Z' },
    ],
    partnerAccess: [{ ...read, occurredAt: '2026-11-19T08:00:00.000Z', action: 'list', categories: [], fields: ['items[].tenantName', 'items[].handling.status'] }, read],
    deniedAttempts: [{ ...read, organisation: 'BvT', action: 'read', categories: [], fields: [] }],
    ...overrides,
  };
}

function section(doc: OverviewDocument, id: string) {
  const found = doc.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

function table(blocks: readonly OverviewBlock[]) {
  const found = blocks.find((b) => b.kind === 'table');
  if (!found || found.kind !== 'table') throw new Error('no table');
  return found;
}

describe('the printable overview document', () => {
  const nl = translator('nl');

  it('has the sections in reading order, the private-notes sentence last', () => {
    const doc = buildOverviewDocument(overview(), nl, 'nl');
    expect(doc.sections.map((s) => s.id)).toEqual([
      'case',
      'steps',
      'referrals',
      'facts',
      'procedure',
      'budget',
      'consents',
      'withdrawals',
      'disclosures',
      'partnerAccess',
      'deniedAttempts',
      'privateNotes',
    ]);
    expect(doc.title).toBe('Overzicht van uw gegevens');
    expect(doc.subtitle).toBe('Dossier 2026-0042 — Jan Peeters');
    expect(doc.madeBy).toBe('Opgemaakt op 21 november 2026 om 10:00 door Sofie (Bemoeizorg Waasland vzw).');
  });

  it('lists each partner read with its Belgian time, organisation, role, what and which data in plain words', () => {
    const doc = buildOverviewDocument(overview(), nl, 'nl');
    expect(table(section(doc, 'partnerAccess').blocks).rows).toEqual([
      ['19 november 2026 om 09:00', read.organisation, 'Medewerker van de huisvestingsmaatschappij', 'Zag uw dossier in de lijst van aanmeldingen.', 'uw naam, hoe ver uw begeleiding staat'],
      [
        '20 november 2026 om 14:05',
        read.organisation,
        'Medewerker van de huisvestingsmaatschappij',
        'Opende de aanmelding. Onderwerpen: Uw woning.',
        // Reading order, technical names (id) left out, an unknown field under its own name.
        'uw naam, uw adres, hoe ver uw begeleiding staat, de gedeelde punten, newThing',
      ],
    ]);
    expect(table(section(doc, 'deniedAttempts').blocks).rows).toEqual([
      ['20 november 2026 om 14:05', 'BvT', 'Medewerker van de huisvestingsmaatschappij', 'Opende de aanmelding.', '—'],
    ]);
  });

  it('shows consents, withdrawals and disclosures (a single fact and a revocation too)', () => {
    const doc = buildOverviewDocument(overview(), nl, 'nl');
    const consent = section(doc, 'consents').blocks;
    expect(consent[0]).toEqual({ kind: 'subheading', text: 'Toestemming voor GMH' });
    expect(consent[1]).toEqual({
      kind: 'pairs',
      rows: [
        ['Over welke onderwerpen', 'Uw woning, Hoe ver uw begeleiding staat'],
        ['Waarvoor', 'Opvolging'],
        ['Hoe u ze gaf', 'Schriftelijk, op 5 oktober 2026'],
        ['Geldig tot', '5 oktober 2027'],
        ['Genoteerd op', '5 oktober 2026 om 11:00'],
        ['Geldt ze nu?', 'Ja.'],
        ['Uw ondertekend formulier wordt bewaard', 'ja'],
      ],
    });
    expect(table(section(doc, 'withdrawals').blocks).rows).toEqual([['15 november 2026 om 16:00', 'OCMW Beveren', 'Geld en budget', 'Budget']]);
    expect(table(section(doc, 'disclosures').blocks).rows).toEqual([
      ['GMH', 'Alles over: Uw woning', '6 oktober 2026 om 11:00', 'Wordt nog gedeeld'],
      ['GMH', 'Eén punt (Afspraken, 7 oktober 2026): Wekelijks bezoek', '7 oktober 2026 om 11:00', '20 oktober 2026 om 11:00'],
    ]);
  });

  it('says so in plain words when a section is empty', () => {
    const doc = buildOverviewDocument(overview({ partnerAccess: [], deniedAttempts: [], consents: [], disclosures: [] }), nl, 'nl');
    expect(section(doc, 'partnerAccess').blocks).toEqual([{ kind: 'text', text: 'Niemand van een andere organisatie bekeek uw gegevens.' }]);
    expect(section(doc, 'consents').blocks).toEqual([{ kind: 'text', text: 'U gaf geen toestemming om iets te delen.' }]);
  });

  it('has one fixed private-notes sentence, whatever the case holds: no text, no count, not even whether there are notes', () => {
    const a = section(buildOverviewDocument(overview(), nl, 'nl'), 'privateNotes');
    const b = section(buildOverviewDocument(overview({ facts: [], partnerAccess: [], case: { ...overview().case, tenantName: 'Iemand Anders' } }), nl, 'nl'), 'privateNotes');
    expect(a).toEqual(b);
    expect(a.blocks).toEqual([{ kind: 'text', text: expect.stringContaining('vallen onder het beroepsgeheim en zijn geen deel van dit overzicht') }]);
    expect(JSON.stringify(a)).not.toMatch(/\d/);
  });

  it('finds every word it uses in both catalogues, for every state, outcome and kind', () => {
    const states = ['referred', 'declined', 'active', 'aftercare', 'closed'];
    const outcomes = ['favourable', 'evicted', 'left_voluntarily', 'refused_help', 'other'];
    for (const lang of ['nl', 'en'] as const) {
      const t = translator(lang);
      for (const [i, state] of states.entries()) {
        const o = overview({
          case: { ...overview().case, state, outcome: outcomes[i]!, legalBasis: [null, 'voluntary', 'court_imposed', 'agreed_with_landlord', null][i]!, currentStep: ['referral', 'introductory_visit', 'change_goals_agreed', 'guidance', 'evaluation'][i]! },
          facts: ['status', 'housing', 'agreements', 'financial', 'health'].map((category) => ({ category, occurredOn: '2026-11-01', text: 'x' })),
          procedure: ['claim_filed', 'hearing_scheduled', 'judgment', 'eviction_scheduled', 'procedure_paused', 'procedure_continued'].map((kind) => ({ kind, eventDate: '2026-11-01', organisation: 'GMH', note: null })),
          referrals: ['lease_termination_neglect', 'rent_arrears', 'nuisance', 'other'].map((reason) => ({ ...overview().referrals[0]!, reason, tenantInformed: reason === 'other' })),
          budgetReferrals: (['pending', 'accepted', 'declined'] as const).flatMap((status) =>
            ['budget_guidance', 'budget_management'].map((kind) => ({ ...overview().budgetReferrals[0]!, status, kind })),
          ),
          consents: ['active', 'withdrawn', 'expired', 'not_yet_valid'].flatMap((state) => ['written', 'oral'].map((givenHow) => ({ ...overview().consents[0]!, state, givenHow }))),
          partnerAccess: ['referral', 'financial_referral', 'fact', 'something_new'].flatMap((subject) => [
            { ...read, subject, role: 'ocmw_agent' },
            { ...read, subject, action: 'list', role: 'someone_else' },
          ]),
        });
        expect(() => buildOverviewDocument(o, t, lang)).not.toThrow();
      }
    }
  });

  it('puts words from the catalogue only around the data it is given', () => {
    expect(fieldLabels(['items[].tenantName', 'items[].address', 'items[].id', 'version'], translator('en'))).toEqual(['your name', 'your address']);
  });
});
