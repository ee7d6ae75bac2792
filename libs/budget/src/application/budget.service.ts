import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditTrail, fieldNamesOf, type AuditActor } from '@woonbrug/audit';
import { CasesService, type CaseState, FactsService, type FactView } from '@woonbrug/cases';
import { PartnerGrants } from '@woonbrug/consent';
import { IdentityService, type AuthenticatedUser } from '@woonbrug/identity';
import { belgianDate, Clock, NotFoundError } from '@woonbrug/kernel';
import { tellWorkerOfPartnerAnswer, type PartnerAnswerKind } from '@woonbrug/notifications';
import { accessibleWhere, subject, type AppAbility, type PolicyActor } from '@woonbrug/policies';
import { DataSource, type EntityManager } from 'typeorm';
import { checkRecordedDate, checkText, type BudgetCounsellingKind, type FieldProblem, type FinancialReferralStatus } from '../domain/budget-counselling';
import {
  CaseNotInGuidanceError,
  FinancialReferralExistsError,
  FinancialReferralNotAcceptedError,
  FinancialReferralNotPendingError,
  InvalidBudgetInputError,
  NoFinancialConsentError,
  NoOcmwForMunicipalityError,
  StaleVersionError,
} from '../domain/budget.errors';
import { costAdvanceAmountProblem, formatEuro } from '../domain/euro-amount';
import type { CostAdvanceInput, CostAdvanceView, FinancialReferralView, LandlordBudgetGuidance, ReferInput, ReferralOptions } from './budget-views';

/** Policy fields of the `FinancialReferral` subject and the columns they live in. */
const POLICY_COLUMNS = { ocmwOrganisationId: 'fr.ocmw_organisation_id', caseWorkerId: 'c.assigned_worker_id' } as const;

/** Case states in which the worker works the case, and so may refer. */
const IN_GUIDANCE: readonly CaseState[] = ['active', 'aftercare'];

interface ReferralRow {
  id: string;
  case_id: string;
  case_state: CaseState;
  ocmw_organisation_id: string;
  ocmw_name: string;
  kind: BudgetCounsellingKind;
  motivation: string;
  status: FinancialReferralStatus;
  decline_reason: string | null;
  guidance_started_on: string | null;
  guidance_kind: BudgetCounsellingKind | null;
  referred_at: Date;
  answered_at: Date | null;
  version: number;
  tenant_name: string;
  address: string;
  municipality: string;
  assigned_worker_id: string | null;
}

const REFERRAL_SELECT = `SELECT fr.id, fr.case_id, c.state AS case_state, fr.ocmw_organisation_id, o.name AS ocmw_name, fr.kind, fr.motivation,
    fr.status, fr.decline_reason, to_char(fr.guidance_started_on, 'YYYY-MM-DD') AS guidance_started_on, fr.guidance_kind,
    fr.referred_at, fr.answered_at, fr.version, c.tenant_name, c.address, c.municipality, c.assigned_worker_id
  FROM financial_referral fr
  JOIN case_file c ON c.id = fr.case_id
  JOIN organisation o ON o.id = fr.ocmw_organisation_id`;

/** The same test as the partner grants: not withdrawn, and today between given_on and expires_on. */
const ACTIVE_FINANCIAL_CONSENT = `EXISTS (
    SELECT 1 FROM consent k LEFT JOIN consent_withdrawal w ON w.consent_id = k.id
     WHERE k.case_id = $1 AND k.organisation_id = $2 AND w.consent_id IS NULL
       AND k.given_on <= $3 AND k.expires_on >= $3 AND 'financial' = ANY (k.categories))`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function referralSubject(row: Pick<ReferralRow, 'assigned_worker_id' | 'ocmw_organisation_id'>) {
  return subject('FinancialReferral', { caseWorkerId: row.assigned_worker_id, ocmwOrganisationId: row.ocmw_organisation_id });
}

function invalidIf(problems: readonly FieldProblem[]): void {
  if (problems.length > 0) throw new InvalidBudgetInputError(problems);
}

/**
 * The OCMW's budget-counselling loop (DESIGN.md §1, §3 `financial`): the worker refers a tenant
 * to the OCMW of the tenant's municipality under the tenant's consent; the OCMW accepts or
 * declines, reports that guidance started, and records the costs it advances; the worker sees
 * every answer; the landlord learns only that guidance is in place, and only with consent.
 *
 * An OCMW sees a referral addressed to it while the case is not closed (partner access ends at
 * closing, DESIGN.md §3); the worker keeps seeing it on the case.
 */
@Injectable()
export class BudgetService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly cases: CasesService,
    private readonly facts: FactsService,
    private readonly identity: IdentityService,
    private readonly audit: AuditTrail,
    private readonly grants: PartnerGrants,
  ) {}

  /** Whether the worker can refer the case now, and to which OCMW. */
  async referralOptions(ability: AppAbility, caseId: string): Promise<ReferralOptions> {
    const found = await this.cases.get(ability, caseId);
    const ocmw = await this.ocmwOf(found.municipality);
    if (!ability.can('read', subject('FinancialReferral', { caseWorkerId: found.assignedWorkerId, ocmwOrganisationId: ocmw?.id ?? '' }))) {
      throw new NotFoundError('Case');
    }
    const caseInGuidance = IN_GUIDANCE.includes(found.state);
    if (!ocmw) return { ocmw: null, financialConsent: false, openReferral: false, caseInGuidance };
    return {
      ocmw,
      financialConsent: await this.hasActiveFinancialConsent(this.db.manager, caseId, ocmw.id, this.clock.today()),
      openReferral: await this.hasOpenReferral(this.db.manager, caseId, ocmw.id),
      caseInGuidance,
    };
  }

  /**
   * The case's worker refers the tenant to the OCMW of the tenant's municipality. Refused without
   * an active consent covering `financial` for that OCMW, on a case that is not being worked, and
   * while a referral to that OCMW is pending or accepted.
   */
  async refer(ability: AppAbility, actor: AuthenticatedUser, caseId: string, input: ReferInput): Promise<FinancialReferralView> {
    const found = await this.cases.get(ability, caseId);
    const ocmw = await this.ocmwOf(found.municipality);
    if (!ability.can('create', subject('FinancialReferral', { caseWorkerId: found.assignedWorkerId, ocmwOrganisationId: ocmw?.id ?? '' }))) {
      throw new NotFoundError('Case');
    }
    if (!IN_GUIDANCE.includes(found.state)) throw new CaseNotInGuidanceError();
    if (!ocmw) throw new NoOcmwForMunicipalityError(found.municipality);
    invalidIf(checkText('motivation', input.motivation));

    const id = await this.db.transaction(async (m) => {
      // One referral per case at a time: two simultaneous requests must not both pass the check.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('financial_referral:' || $1))`, [caseId]);
      if (!(await this.hasActiveFinancialConsent(m, caseId, ocmw.id, this.clock.today()))) throw new NoFinancialConsentError(ocmw.name);
      if (await this.hasOpenReferral(m, caseId, ocmw.id)) throw new FinancialReferralExistsError();
      const [row] = (await m.query(
        `INSERT INTO financial_referral (case_id, ocmw_organisation_id, kind, motivation, referred_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [caseId, ocmw.id, input.kind, input.motivation.trim(), actor.id],
      )) as Array<{ id: string }>;
      return row!.id;
    });
    return (await this.listForCase(ability, caseId)).find((r) => r.id === id)!;
  }

  /** The case's financial referrals with their answers and cost advances, newest first (the worker's view). */
  async listForCase(ability: AppAbility, caseId: string): Promise<FinancialReferralView[]> {
    const found = await this.cases.get(ability, caseId);
    const policy = accessibleWhere(ability, 'read', 'FinancialReferral', POLICY_COLUMNS, 1);
    if (policy.sql === 'FALSE') throw new NotFoundError('Case');
    const rows = (await this.db.query(`${REFERRAL_SELECT} WHERE fr.case_id = $1 AND ${policy.sql} ORDER BY fr.referred_at DESC`, [
      found.id,
      ...policy.params,
    ])) as ReferralRow[];
    return this.toViews(rows);
  }

  /**
   * The OCMW's inbox: referrals addressed to the caller's organisation, those waiting for an
   * answer first (longest waiting on top), then the answered ones (latest answer on top).
   */
  async inbox(ability: AppAbility): Promise<FinancialReferralView[]> {
    const policy = accessibleWhere(ability, 'read', 'FinancialReferral', POLICY_COLUMNS);
    const rows = (await this.db.query(
      `${REFERRAL_SELECT} WHERE ${policy.sql} AND c.state <> 'closed'
        ORDER BY (fr.status = 'pending') DESC,
                 CASE WHEN fr.status = 'pending' THEN fr.referred_at END ASC,
                 fr.answered_at DESC NULLS LAST, fr.referred_at DESC
        LIMIT 500`,
      policy.params,
    )) as ReferralRow[];
    return this.toViews(rows);
  }

  /** One referral the caller may read; any other answers exactly like a missing one. */
  /** One referral; an OCMW's read (`who`) is logged before it is returned. */
  async get(ability: AppAbility, id: string, who?: AuditActor): Promise<FinancialReferralView> {
    const row = await this.load(this.db.manager, ability, 'read', id);
    const [view] = await this.toViews([row]);
    if (who) {
      await this.audit.record(who, [{ eventType: 'case.read', outcome: 'allowed', action: 'read', caseId: row.case_id, subject: 'financial_referral', fields: fieldNamesOf(view) }]);
    }
    return view!;
  }

  /**
   * The facts the worker disclosed to the caller's organisation on the referral's case, under the
   * tenant's consent — the same policy decides as everywhere (DESIGN.md §3).
   */
  async sharedFacts(ability: AppAbility, actor: PolicyActor, id: string, who?: AuditActor): Promise<FactView[]> {
    const row = await this.load(this.db.manager, ability, 'read', id);
    const facts = await this.facts.list(await this.grants.abilityFor(actor, row.case_id), row.case_id);
    if (who && facts.length > 0) {
      const categories = [...new Set(facts.map((f) => f.category))].sort().join(',');
      await this.audit.record(who, [{ eventType: 'case.read', outcome: 'allowed', action: 'read', caseId: row.case_id, subject: 'fact', category: categories, fields: fieldNamesOf({ facts }) }]);
    }
    return facts;
  }

  async accept(ability: AppAbility, actor: AuthenticatedUser, id: string, version: number): Promise<FinancialReferralView> {
    return this.change(ability, id, version, 'financial_referral_accepted', async (m, row) => {
      if (row.status !== 'pending') throw new FinancialReferralNotPendingError();
      await m.query(`UPDATE financial_referral SET status = 'accepted', answered_by = $2, answered_at = now() WHERE id = $1`, [id, actor.id]);
    });
  }

  async decline(ability: AppAbility, actor: AuthenticatedUser, id: string, version: number, reason: string): Promise<FinancialReferralView> {
    return this.change(ability, id, version, 'financial_referral_declined', async (m, row) => {
      if (row.status !== 'pending') throw new FinancialReferralNotPendingError();
      invalidIf(checkText('reason', reason));
      await m.query(`UPDATE financial_referral SET status = 'declined', decline_reason = $3, answered_by = $2, answered_at = now() WHERE id = $1`, [
        id,
        actor.id,
        reason.trim(),
      ]);
    });
  }

  /** The OCMW reports that guidance started (or corrects the date or kind it reported). */
  async recordGuidanceStarted(ability: AppAbility, id: string, version: number, startedOn: string, kind: BudgetCounsellingKind): Promise<FinancialReferralView> {
    return this.change(ability, id, version, 'budget_guidance_started', async (m, row) => {
      if (row.status !== 'accepted') throw new FinancialReferralNotAcceptedError();
      invalidIf(checkRecordedDate('startedOn', startedOn, this.clock.today(), belgianDate(row.referred_at)));
      await m.query(`UPDATE financial_referral SET guidance_started_on = $2, guidance_kind = $3 WHERE id = $1`, [id, startedOn, kind]);
    });
  }

  /** A cost the OCMW advanced, in whole cents; the referral's version moves on with it. */
  async recordCostAdvance(ability: AppAbility, actor: AuthenticatedUser, id: string, input: CostAdvanceInput): Promise<FinancialReferralView> {
    return this.change(ability, id, null, 'cost_advance_recorded', async (m, row) => {
      if (row.status !== 'accepted') throw new FinancialReferralNotAcceptedError();
      const amountProblem = costAdvanceAmountProblem(input.amountCents);
      invalidIf([
        ...(amountProblem ? [{ field: 'amount', code: amountProblem, message: 'amount must be more than 0 and at most 1000000.00 euro' }] : []),
        ...checkText('purpose', input.purpose),
        ...checkText('repaymentTerms', input.repaymentTerms),
        ...checkRecordedDate('advancedOn', input.advancedOn, this.clock.today()),
      ]);
      await m.query(
        `INSERT INTO cost_advance (financial_referral_id, amount_cents, purpose, advanced_on, repayment_terms, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, input.amountCents, input.purpose.trim(), input.advancedOn, input.repaymentTerms.trim(), actor.id],
      );
    });
  }

  /**
   * For the landlord's view of a case: that budget guidance is in place and since when, only when
   * the OCMW reported it started AND an active consent of the tenant covers `financial` for this
   * landlord on this case, and only while the case is being worked. Never amounts. The caller
   * has already established that the landlord may see the case at all.
   */
  async guidanceForLandlord(caseId: string, landlordOrganisationId: string, today: string): Promise<LandlordBudgetGuidance | null> {
    if (!UUID.test(caseId) || !UUID.test(landlordOrganisationId)) return null;
    const [row] = (await this.db.query(
      `SELECT to_char(min(fr.guidance_started_on), 'YYYY-MM-DD') AS since
         FROM financial_referral fr JOIN case_file c ON c.id = fr.case_id
        WHERE fr.case_id = $1 AND fr.status = 'accepted' AND fr.guidance_started_on IS NOT NULL
          AND c.state IN ('active', 'aftercare') AND ${ACTIVE_FINANCIAL_CONSENT}`,
      [caseId, landlordOrganisationId, today],
    )) as Array<{ since: string | null }>;
    return row?.since ? { inPlace: true, since: row.since } : null;
  }

  /**
   * A change by the OCMW, in one transaction: the row is locked, checked against the caller's
   * ability and (when given) the version the caller saw, changed, its version moved on, and the
   * case's worker told of the answer.
   */
  private async change(
    ability: AppAbility,
    id: string,
    version: number | null,
    answer: PartnerAnswerKind,
    apply: (manager: EntityManager, row: ReferralRow) => Promise<void>,
  ): Promise<FinancialReferralView> {
    await this.db.transaction(async (m) => {
      const row = await this.load(m, ability, 'update', id, true);
      if (version !== null && row.version !== version) throw new StaleVersionError();
      await apply(m, row);
      await m.query(`UPDATE financial_referral SET version = version + 1 WHERE id = $1`, [id]);
      await tellWorkerOfPartnerAnswer(m, { kind: answer, caseId: row.case_id, organisationId: row.ocmw_organisation_id, answerId: `${id}:${row.version + 1}` });
    });
    return this.get(ability, id);
  }

  private async load(manager: EntityManager, ability: AppAbility, action: 'read' | 'update', id: string, forUpdate = false): Promise<ReferralRow> {
    if (!UUID.test(id)) throw new NotFoundError('Financial referral');
    const [row] = (await manager.query(`${REFERRAL_SELECT} WHERE fr.id = $1${forUpdate ? ' FOR UPDATE OF fr' : ''}`, [id])) as ReferralRow[];
    if (!row || row.case_state === 'closed' || !ability.can(action, referralSubject(row))) throw new NotFoundError('Financial referral');
    return row;
  }

  private async ocmwOf(municipality: string): Promise<{ id: string; name: string } | null> {
    const ocmw = (await this.identity.listOrganisations('ocmw')).find((o) => o.municipality.toLowerCase() === municipality.toLowerCase());
    return ocmw ? { id: ocmw.id, name: ocmw.name } : null;
  }

  private async hasActiveFinancialConsent(m: EntityManager, caseId: string, organisationId: string, today: string): Promise<boolean> {
    const [row] = (await m.query(`SELECT ${ACTIVE_FINANCIAL_CONSENT} AS ok`, [caseId, organisationId, today])) as Array<{ ok: boolean }>;
    return row?.ok === true;
  }

  private async hasOpenReferral(m: EntityManager, caseId: string, ocmwOrganisationId: string): Promise<boolean> {
    const rows = (await m.query(
      `SELECT 1 FROM financial_referral WHERE case_id = $1 AND ocmw_organisation_id = $2 AND status IN ('pending', 'accepted') LIMIT 1`,
      [caseId, ocmwOrganisationId],
    )) as unknown[];
    return rows.length > 0;
  }

  private async toViews(rows: readonly ReferralRow[]): Promise<FinancialReferralView[]> {
    if (rows.length === 0) return [];
    const advances = (await this.db.query(
      `SELECT id, financial_referral_id, amount_cents::text AS amount_cents, purpose, to_char(advanced_on, 'YYYY-MM-DD') AS advanced_on,
              repayment_terms, recorded_at
         FROM cost_advance WHERE financial_referral_id = ANY ($1::uuid[]) ORDER BY advanced_on, recorded_at`,
      [rows.map((r) => r.id)],
    )) as Array<{ id: string; financial_referral_id: string; amount_cents: string; purpose: string; advanced_on: string; repayment_terms: string; recorded_at: Date }>;
    const advancesOf = new Map<string, CostAdvanceView[]>();
    for (const a of advances) {
      const cents = Number(a.amount_cents);
      const list = advancesOf.get(a.financial_referral_id) ?? [];
      list.push({
        id: a.id,
        amountCents: cents,
        amountFormatted: formatEuro(cents),
        purpose: a.purpose,
        advancedOn: a.advanced_on,
        repaymentTerms: a.repayment_terms,
        recordedAt: a.recorded_at.toISOString(),
      });
      advancesOf.set(a.financial_referral_id, list);
    }
    const workerIds = [...new Set(rows.map((r) => r.assigned_worker_id).filter((w): w is string => w !== null))];
    const workers = new Map((await this.identity.findUsers(workerIds)).map((u) => [u.id, u]));
    return rows.map((r) => {
      const worker = r.assigned_worker_id ? workers.get(r.assigned_worker_id) : undefined;
      return {
        id: r.id,
        kind: r.kind,
        motivation: r.motivation,
        status: r.status,
        declineReason: r.decline_reason,
        guidance: r.guidance_started_on && r.guidance_kind ? { startedOn: r.guidance_started_on, kind: r.guidance_kind } : null,
        referredAt: r.referred_at.toISOString(),
        answeredAt: r.answered_at ? r.answered_at.toISOString() : null,
        version: r.version,
        ocmw: { id: r.ocmw_organisation_id, name: r.ocmw_name },
        tenant: { name: r.tenant_name, address: r.address, municipality: r.municipality },
        worker: worker ? { name: worker.displayName, phone: worker.phone, email: worker.email } : null,
        costAdvances: advancesOf.get(r.id) ?? [],
      };
    });
  }
}
