import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CasesService, FactsService, ProcedureService } from '@woonbrug/cases';
import type { AuthenticatedUser } from '@woonbrug/identity';
import { Clock, NotFoundError } from '@woonbrug/kernel';
import { accessibleWhere, subject, type AppAbility } from '@woonbrug/policies';
import { ReferralsService } from '@woonbrug/referrals';
import { DataSource, type EntityManager } from 'typeorm';
import { checkTexts, cutAtLine, INTERVISION_TEXT_LIMITS, type IntervisionState } from '../domain/intervision';
import {
  IntervisionAlreadySharedError,
  IntervisionNotSharedError,
  IntervisionStaleVersionError,
  InvalidIntervisionInputError,
} from '../domain/intervision.errors';
import { pseudonymiseDetailed, type IdentifierKind, type KnownIdentifiers } from '../domain/pseudonymise';
import type {
  CreateIntervisionInput,
  IntervisionAuthorView,
  IntervisionListItem,
  IntervisionReplyView,
  IntervisionSummaryView,
  SavedIntervision,
  UpdateIntervisionInput,
} from './intervision-views';
import { buildStartingText, type Translate } from './starting-text';

/** Policy fields of the `Intervision` subject and the columns they live in. */
const POLICY_COLUMNS = { authorId: 's.author_id', shared: `(s.state = 'shared')` } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface SummaryRow {
  id: string;
  author_id: string;
  author_name: string;
  author_organisation_name: string;
  source_case_id: string | null;
  case_reference: string | null;
  case_organisation_id: string | null;
  case_worker_id: string | null;
  title: string;
  question: string;
  body: string;
  state: IntervisionState;
  reference_date: string;
  shared_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const SUMMARY_SELECT = `SELECT s.id, s.author_id, u.display_name AS author_name, o.name AS author_organisation_name,
    s.source_case_id, c.reference AS case_reference, c.outreach_organisation_id AS case_organisation_id, c.assigned_worker_id AS case_worker_id,
    s.title, s.question, s.body, s.state, to_char(s.reference_date, 'YYYY-MM-DD') AS reference_date, s.shared_at, s.version, s.created_at, s.updated_at
  FROM intervision_summary s
  JOIN user_account u ON u.id = s.author_id
  JOIN organisation o ON o.id = s.author_organisation_id
  LEFT JOIN case_file c ON c.id = s.source_case_id`;

function summarySubject(row: Pick<SummaryRow, 'author_id' | 'state'>) {
  return subject('Intervision', { authorId: row.author_id, shared: row.state === 'shared' });
}

function authorOf(row: { author_name: string; author_organisation_name: string }): IntervisionAuthorView {
  return { name: row.author_name, organisationName: row.author_organisation_name };
}

/**
 * Peer consultation (intervisie): a worker makes a pseudonymised summary of one of their cases,
 * edits it, and shares it with the workers and coordinators of every outreach organisation, who
 * answer in a thread.
 *
 * Every text that enters — the starting text, each edit, each answer — is stripped of the case's
 * identifiers and of whatever looks like one (`pseudonymise`), so that what a peer reads never
 * leads to the tenant. A peer's view holds nothing of the case: not its id, not its reference.
 * The case's identifiers are read here only to strip them; they are never returned.
 */
@Injectable()
export class IntervisionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly cases: CasesService,
    private readonly facts: FactsService,
    private readonly procedure: ProcedureService,
    private readonly referrals: ReferralsService,
  ) {}

  /**
   * Whether the caller may prepare a summary from the case: only the worker who may change it
   * (the assigned worker). Any other case answers like a missing one.
   */
  async assertCanPrepare(ability: AppAbility, actor: AuthenticatedUser, caseId: string): Promise<{ reference: string }> {
    await this.cases.assertCan(ability, 'update', caseId);
    if (!actor.organisationId || !ability.can('create', subject('Intervision', { authorId: actor.id, shared: false }))) throw new NotFoundError('Case');
    return { reference: (await this.cases.get(ability, caseId)).reference };
  }

  /**
   * A draft made from one of the caller's cases: a stripped starting text built from the case's
   * metadata, referrals, eviction procedure and facts — never from private notes — with the
   * caller's question.
   */
  async createFromCase(ability: AppAbility, actor: AuthenticatedUser, caseId: string, input: CreateIntervisionInput, t: Translate): Promise<SavedIntervision> {
    await this.assertCanPrepare(ability, actor, caseId);
    const found = await this.cases.get(ability, caseId);
    const [facts, procedure, referrals] = await Promise.all([
      this.facts.listOfCase(ability, caseId),
      this.procedure.list(ability, caseId),
      this.referrals.ofCase(ability, caseId),
    ]);
    const raw = buildStartingText(
      {
        state: found.state,
        currentStep: found.currentStep,
        legalBasis: found.legalBasis,
        startedOn: found.startedOn,
        aftercareEndsOn: found.aftercareEndsOn,
        referrals: referrals.map((r) => ({
          byLandlord: r.referrerOrganisationName === r.landlord.name,
          reason: r.reason,
          noticeDate: r.noticeDate,
          claimFiledOn: r.claimFiledOn,
          hearingDate: r.hearingDate,
          evictionDate: r.evictionDate,
          context: r.context,
        })),
        procedure: procedure.map((p) => ({ kind: p.kind, eventDate: p.eventDate, note: p.note })),
        facts: facts.map((f) => ({ category: f.category, body: f.body, occurredOn: f.occurredOn })),
      },
      t,
    );
    const referenceDate = this.clock.today();
    const known = await this.knownIdentifiersOf(caseId);
    const strip = (text: string) => pseudonymiseDetailed(text, known, referenceDate);
    const body = strip(raw);
    const title = strip(input.title?.trim() || t('intervision.start.defaultTitle'));
    const question = strip(input.question.trim());
    invalidIf(checkTexts({ title: title.text, question: question.text }));
    const [row] = (await this.db.query(
      `INSERT INTO intervision_summary (author_id, author_organisation_id, source_case_id, title, question, body, reference_date, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
      [actor.id, actor.organisationId, caseId, title.text, question.text, cutAtLine(body.text, INTERVISION_TEXT_LIMITS.body), referenceDate, this.clock.now()],
    )) as Array<{ id: string }>;
    return { summary: await this.get(ability, actor, row!.id), replaced: sum(title.replaced, question.replaced) };
  }

  /** Throws NotFound unless the caller may `action` the summary (checked before a form is validated). */
  async assertCan(ability: AppAbility, action: 'read' | 'update', id: string): Promise<void> {
    await this.load(this.db.manager, ability, action, id);
  }

  /** Shared summaries of every peer and the caller's own drafts, the latest first. */
  async list(ability: AppAbility, actor: AuthenticatedUser): Promise<IntervisionListItem[]> {
    const policy = accessibleWhere(ability, 'read', 'Intervision', POLICY_COLUMNS);
    const rows = (await this.db.query(
      `SELECT s.id, s.title, s.state, s.shared_at, s.updated_at, s.author_id, u.display_name AS author_name, o.name AS author_organisation_name,
              (SELECT count(*)::int FROM intervision_reply r WHERE r.summary_id = s.id) AS reply_count
         FROM intervision_summary s
         JOIN user_account u ON u.id = s.author_id
         JOIN organisation o ON o.id = s.author_organisation_id
        WHERE ${policy.sql}
        ORDER BY COALESCE(s.shared_at, s.updated_at) DESC, s.id
        LIMIT 500`,
      policy.params,
    )) as Array<{
      id: string;
      title: string;
      state: IntervisionState;
      shared_at: Date | null;
      updated_at: Date;
      author_id: string;
      author_name: string;
      author_organisation_name: string;
      reply_count: number;
    }>;
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      state: r.state,
      sharedAt: r.shared_at?.toISOString() ?? null,
      updatedAt: r.updated_at.toISOString(),
      author: authorOf(r),
      mine: r.author_id === actor.id,
      replyCount: r.reply_count,
    }));
  }

  /** One summary with its thread; a draft of someone else answers like a missing one. */
  async get(ability: AppAbility, actor: AuthenticatedUser, id: string): Promise<IntervisionSummaryView> {
    const row = await this.load(this.db.manager, ability, 'read', id);
    const replies = (await this.db.query(
      `SELECT r.id, r.body, r.created_at, r.author_id, u.display_name AS author_name, o.name AS author_organisation_name
         FROM intervision_reply r
         JOIN user_account u ON u.id = r.author_id
         LEFT JOIN organisation o ON o.id = u.organisation_id
        WHERE r.summary_id = $1 ORDER BY r.created_at, r.id`,
      [id],
    )) as Array<{ id: string; body: string; created_at: Date; author_id: string; author_name: string; author_organisation_name: string | null }>;
    return this.toView(ability, actor, row, replies.map((r) => ({
      id: r.id,
      body: r.body,
      createdAt: r.created_at.toISOString(),
      author: { name: r.author_name, organisationName: r.author_organisation_name ?? '' },
      mine: r.author_id === actor.id,
    })));
  }

  /**
   * The author's edit of title, question and text, on the version they saw. Everything is
   * stripped again, so identifiers typed in are replaced as well.
   */
  async update(ability: AppAbility, actor: AuthenticatedUser, id: string, input: UpdateIntervisionInput): Promise<SavedIntervision> {
    const replaced = await this.db.transaction(async (m) => {
      const row = await this.load(m, ability, 'update', id, true);
      if (row.version !== input.version) throw new IntervisionStaleVersionError();
      const known = await this.knownIdentifiersOf(row.source_case_id, m);
      const [title, question, body] = [input.title, input.question, input.body].map((text) => pseudonymiseDetailed(text.trim(), known, row.reference_date));
      invalidIf(checkTexts({ title: title!.text, question: question!.text, body: body!.text }));
      await m.query(`UPDATE intervision_summary SET title = $2, question = $3, body = $4, version = version + 1, updated_at = $5 WHERE id = $1`, [
        id,
        title!.text,
        question!.text,
        body!.text,
        this.clock.now(),
      ]);
      return sum(title!.replaced, question!.replaced, body!.replaced);
    });
    return { summary: await this.get(ability, actor, id), replaced };
  }

  /** The author shares the summary with the peers of every outreach organisation. */
  async share(ability: AppAbility, actor: AuthenticatedUser, id: string, version: number): Promise<IntervisionSummaryView> {
    await this.db.transaction(async (m) => {
      const row = await this.load(m, ability, 'update', id, true);
      if (row.version !== version) throw new IntervisionStaleVersionError();
      if (row.state === 'shared') throw new IntervisionAlreadySharedError();
      const now = this.clock.now();
      await m.query(`UPDATE intervision_summary SET state = 'shared', shared_at = $2, version = version + 1, updated_at = $2 WHERE id = $1`, [id, now]);
    });
    return this.get(ability, actor, id);
  }

  /** An answer in the thread of a shared summary, stripped like the summary itself. */
  async reply(ability: AppAbility, actor: AuthenticatedUser, id: string, text: string): Promise<IntervisionReplyView> {
    const row = await this.load(this.db.manager, ability, 'read', id);
    if (row.state !== 'shared') throw new IntervisionNotSharedError();
    const body = pseudonymiseDetailed(text.trim(), await this.knownIdentifiersOf(row.source_case_id), row.reference_date).text;
    invalidIf(checkTexts({ reply: body }).map((p) => ({ ...p, field: 'body' })));
    const [inserted] = (await this.db.query(`INSERT INTO intervision_reply (summary_id, author_id, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id, created_at`, [
      id,
      actor.id,
      body,
      this.clock.now(),
    ])) as Array<{ id: string; created_at: Date }>;
    return {
      id: inserted!.id,
      body,
      createdAt: inserted!.created_at.toISOString(),
      author: { name: actor.displayName, organisationName: actor.organisationName ?? '' },
      mine: true,
    };
  }

  private async load(manager: EntityManager, ability: AppAbility, action: 'read' | 'update', id: string, forUpdate = false): Promise<SummaryRow> {
    if (!UUID.test(id)) throw new NotFoundError('Intervision summary');
    const [row] = (await manager.query(`${SUMMARY_SELECT} WHERE s.id = $1${forUpdate ? ' FOR UPDATE OF s' : ''}`, [id])) as SummaryRow[];
    if (!row || !ability.can(action, summarySubject(row))) throw new NotFoundError('Intervision summary');
    return row;
  }

  private toView(ability: AppAbility, actor: AuthenticatedUser, row: SummaryRow, replies: IntervisionReplyView[]): IntervisionSummaryView {
    const mine = row.author_id === actor.id;
    const view: IntervisionSummaryView = {
      id: row.id,
      title: row.title,
      question: row.question,
      body: row.body,
      state: row.state,
      referenceDate: row.reference_date,
      sharedAt: row.shared_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      version: row.version,
      author: authorOf(row),
      mine,
      replies,
    };
    if (!mine) return view;
    // The author sees where the summary came from, while they may still read that case.
    const readable =
      row.source_case_id !== null &&
      row.case_organisation_id !== null &&
      ability.can('read', subject('Case', { outreachOrganisationId: row.case_organisation_id, assignedWorkerId: row.case_worker_id }));
    return { ...view, sourceCase: readable ? { id: row.source_case_id!, reference: row.case_reference! } : null };
  }

  /**
   * What identifies the case's tenant and the people around it, read only to strip it: the
   * tenant's name and address, municipality and postal code, the case reference, and every
   * referral's tenant details and referrer contact.
   */
  private async knownIdentifiersOf(caseId: string | null, manager: EntityManager = this.db.manager): Promise<KnownIdentifiers> {
    if (!caseId) return {};
    const [found] = (await manager.query(
      `SELECT c.tenant_name, c.address, c.municipality, c.reference, m.postal_code
         FROM case_file c LEFT JOIN municipality m ON m.name = c.municipality WHERE c.id = $1`,
      [caseId],
    )) as Array<{ tenant_name: string; address: string; municipality: string; reference: string; postal_code: string | null }>;
    if (!found) return {};
    const referrals = (await manager.query(
      `SELECT r.tenant_name, r.address, r.municipality, r.referrer_contact_name, r.referrer_contact_phone, r.referrer_contact_email, m.postal_code
         FROM referral r LEFT JOIN municipality m ON m.name = r.municipality WHERE r.case_id = $1`,
      [caseId],
    )) as Array<{
      tenant_name: string;
      address: string;
      municipality: string;
      referrer_contact_name: string;
      referrer_contact_phone: string | null;
      referrer_contact_email: string | null;
      postal_code: string | null;
    }>;
    const present = (values: Array<string | null | undefined>) => [...new Set(values.filter((v): v is string => typeof v === 'string' && v.trim() !== ''))];
    return {
      names: present([found.tenant_name, ...referrals.flatMap((r) => [r.tenant_name, r.referrer_contact_name])]),
      addresses: present([found.address, ...referrals.map((r) => r.address)]),
      places: present([found.municipality, ...referrals.map((r) => r.municipality)]),
      postalCodes: present([found.postal_code, ...referrals.map((r) => r.postal_code)]),
      phones: present(referrals.map((r) => r.referrer_contact_phone)),
      emails: present(referrals.map((r) => r.referrer_contact_email)),
      references: present([found.reference]),
    };
  }
}

function invalidIf(problems: ReadonlyArray<{ field: string; code: string; message: string }>): void {
  if (problems.length > 0) throw new InvalidIntervisionInputError(problems);
}

function sum(...counts: ReadonlyArray<Readonly<Partial<Record<IdentifierKind | 'date', number>>>>): Partial<Record<IdentifierKind | 'date', number>> {
  const total: Partial<Record<IdentifierKind | 'date', number>> = {};
  for (const c of counts) for (const [k, n] of Object.entries(c) as Array<[IdentifierKind | 'date', number]>) total[k] = (total[k] ?? 0) + n;
  return total;
}
