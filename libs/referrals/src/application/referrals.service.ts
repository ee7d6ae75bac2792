import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditTrail, fieldNamesOf, type AuditActor } from '@woonbrug/audit';
import { BudgetService } from '@woonbrug/budget';
import { CasesService, FactsService, ProcedureService, type CaseHandling, type ProcedureEventKind } from '@woonbrug/cases';
import { PartnerGrants } from '@woonbrug/consent';
import { IdentityService, type AuthenticatedUser, type UserSummary } from '@woonbrug/identity';
import { Clock, DomainError, NotFoundError } from '@woonbrug/kernel';
import { tellWorkerOfPartnerAnswer } from '@woonbrug/notifications';
import { accessibleWhere, subject, type AppAbility, type PolicyActor } from '@woonbrug/policies';
import { DataSource } from 'typeorm';
import { checkReferralDates } from '../domain/referral-dates';
import { InvalidReferralError } from '../domain/referral.errors';
import { isProbablyIneligible, type ReferralReason } from '../domain/referral-reason';
import type { SubmitReferralDto } from '../http/referral.dto';
import type { IncomingReferral, ReferralPage, ReferralView } from './referral-views';

const REFERRAL_POLICY_COLUMNS = { referrerOrganisationId: 'r.referrer_organisation_id' } as const;

interface ReferralRow {
  id: string;
  case_id: string;
  referrer_organisation_id: string;
  referrer_organisation_name: string;
  referrer_organisation_kind: string;
  landlord_organisation_id: string;
  landlord_name: string;
  tenant_name: string;
  address: string;
  municipality: string;
  reason: ReferralReason;
  notice_date: string;
  claim_filed_on: string | null;
  hearing_date: string | null;
  eviction_date: string | null;
  referrer_contact_name: string;
  referrer_contact_phone: string | null;
  referrer_contact_email: string | null;
  context: string | null;
  tenant_informed: boolean;
  created_at: Date;
}

const REFERRAL_SELECT = `SELECT r.id, r.case_id, r.referrer_organisation_id, ro.name AS referrer_organisation_name, ro.kind AS referrer_organisation_kind,
    r.landlord_organisation_id, lo.name AS landlord_name, r.tenant_name, r.address, r.municipality, r.reason,
    to_char(r.notice_date, 'YYYY-MM-DD') AS notice_date, to_char(r.claim_filed_on, 'YYYY-MM-DD') AS claim_filed_on,
    to_char(r.hearing_date, 'YYYY-MM-DD') AS hearing_date, to_char(r.eviction_date, 'YYYY-MM-DD') AS eviction_date,
    r.referrer_contact_name, r.referrer_contact_phone, r.referrer_contact_email, r.context, r.tenant_informed, r.created_at
  FROM referral r
  JOIN organisation ro ON ro.id = r.referrer_organisation_id
  JOIN organisation lo ON lo.id = r.landlord_organisation_id`;

/** A referrer's list comes in pages of this size unless it asks for another (at most the maximum). */
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toReferral(row: ReferralRow): Omit<ReferralView, 'handling'> {
  return {
    id: row.id,
    tenantName: row.tenant_name,
    address: row.address,
    municipality: row.municipality,
    landlord: { id: row.landlord_organisation_id, name: row.landlord_name },
    reason: row.reason,
    noticeDate: row.notice_date,
    claimFiledOn: row.claim_filed_on,
    hearingDate: row.hearing_date,
    evictionDate: row.eviction_date,
    referrerContactName: row.referrer_contact_name,
    referrerContactPhone: row.referrer_contact_phone,
    referrerContactEmail: row.referrer_contact_email,
    context: row.context,
    tenantInformed: row.tenant_informed,
    submittedAt: row.created_at.toISOString(),
  };
}

/** Days between two ISO dates (b - a). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * The traffic light: a handled case needs attention when its review date has passed or a hearing
 * or eviction is due within 14 days.
 */
function trafficLight(row: ReferralRow, handling: CaseHandling | undefined, today: string): ReferralView['handling']['status'] {
  const status = handling?.status ?? 'pending';
  if (status !== 'handled') return status;
  const overdue = handling?.nextReviewOn ? handling.nextReviewOn < today : false;
  const soon = [row.hearing_date, row.eviction_date].some((d) => d !== null && d >= today && daysBetween(today, d) <= 14);
  return overdue || soon ? 'attention' : 'handled';
}

function withHandling(row: ReferralRow, handling: CaseHandling | undefined, today: string, worker?: UserSummary): ReferralView {
  const open = handling?.status === 'handled';
  return {
    ...toReferral(row),
    handling: {
      status: trafficLight(row, handling, today),
      startedOn: handling?.startedOn ?? null,
      closedOn: handling?.closedOn ?? null,
      outcome: handling?.outcome ?? null,
      declineReason: handling?.declineReason ?? null,
      nextReviewOn: open ? (handling?.nextReviewOn ?? null) : null,
      workerContact: open && worker ? { name: worker.displayName, phone: worker.phone, email: worker.email } : null,
    },
  };
}

/** A case the worker still handles: the landlord records its procedure only there. */
function isOpen(view: ReferralView): boolean {
  return view.handling.status === 'handled' || view.handling.status === 'attention';
}

/** Referral intake by landlords and OCMWs, their own view of it, and the coordinator's triage list. */
@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly cases: CasesService,
    private readonly facts: FactsService,
    private readonly procedure: ProcedureService,
    private readonly budget: BudgetService,
    private readonly audit: AuditTrail,
    private readonly identity: IdentityService,
    private readonly grants: PartnerGrants,
  ) {}

  /** Municipalities of the service area, for the referral form. */
  async municipalities(): Promise<string[]> {
    const rows = (await this.db.query(`SELECT name FROM municipality ORDER BY name`)) as Array<{ name: string }>;
    return rows.map((r) => r.name);
  }

  /**
   * Records a referral and opens its case in state `referred`, in one transaction: either both
   * exist afterwards or neither does.
   */
  async submit(actor: AuthenticatedUser, input: SubmitReferralDto): Promise<ReferralView> {
    if (!actor.organisationId || (actor.organisationKind !== 'landlord' && actor.organisationKind !== 'ocmw')) {
      throw new DomainError('FORBIDDEN', 'forbidden', 'Only landlords and OCMWs refer');
    }
    const problems: Array<{ field: string; code: string; message: string }> = [...checkReferralDates(input, this.clock.today())];
    const [municipality] = (await this.db.query(`SELECT name FROM municipality WHERE lower(name) = lower($1)`, [input.municipality.trim()])) as Array<{
      name: string;
    }>;
    if (!municipality) problems.push({ field: 'municipality', code: 'UNKNOWN_MUNICIPALITY', message: 'municipality is not in the service area' });
    const landlordId = await this.landlordFor(actor, input.landlordOrganisationId, problems);
    if (problems.length > 0) throw new InvalidReferralError(problems);

    const referralId = await this.db.transaction(async (manager) => {
      const opened = await this.cases.openReferred(manager, {
        outreachOrganisationId: await this.cases.intakeOrganisationId(),
        tenantName: input.tenantName.trim(),
        address: input.address.trim(),
        municipality: municipality!.name,
      });
      const [row] = (await manager.query(
        `INSERT INTO referral (case_id, referrer_organisation_id, referrer_user_id, landlord_organisation_id, tenant_name, address,
           municipality, reason, notice_date, claim_filed_on, hearing_date, eviction_date, referrer_contact_name,
           referrer_contact_phone, referrer_contact_email, context, tenant_informed)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
        [
          opened.id,
          actor.organisationId,
          actor.id,
          landlordId,
          input.tenantName.trim(),
          input.address.trim(),
          municipality!.name,
          input.reason,
          input.noticeDate,
          input.claimFiledOn ?? null,
          input.hearingDate ?? null,
          input.evictionDate ?? null,
          input.referrerContactName.trim(),
          input.referrerContactPhone?.trim() || null,
          input.referrerContactEmail?.trim() || null,
          input.context?.trim() || null,
          input.tenantInformed,
        ],
      )) as Array<{ id: string }>;
      return row!.id;
    });
    const [row] = (await this.db.query(`${REFERRAL_SELECT} WHERE r.id = $1`, [referralId])) as ReferralRow[];
    const [view] = await this.withHandlings([row!]);
    return view!;
  }

  /**
   * A page of the caller's own organisation's referrals, newest first (`limit`, at most 100; the
   * page after `before`, a previous page's `next`). A partner's list is logged (one event per case
   * it shows) before it is returned.
   */
  async listOwn(ability: AppAbility, page: { limit?: number; before?: string } = {}, who?: AuditActor): Promise<ReferralPage> {
    const limit = Math.min(Math.max(page.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
    const policy = accessibleWhere(ability, 'read', 'Referral', REFERRAL_POLICY_COLUMNS);
    const params: unknown[] = [...policy.params];
    let after = '';
    if (page.before) {
      const [at, id] = page.before.split('~');
      params.push(at, id);
      after = ` AND (r.created_at, r.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    params.push(limit + 1);
    const rows = (await this.db.query(
      `SELECT q.*, to_char(q.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '~' || q.id AS cursor
         FROM (${REFERRAL_SELECT} WHERE ${policy.sql}${after} ORDER BY r.created_at DESC, r.id DESC LIMIT $${params.length}) q`,
      params,
    )) as Array<ReferralRow & { cursor: string }>;
    const shown = rows.slice(0, limit);
    const items = await this.withHandlings(shown);
    if (who) {
      const fields = fieldNamesOf(items[0] ?? {});
      await this.audit.record(
        who,
        shown.map((r) => ({ eventType: 'case.list' as const, outcome: 'allowed' as const, action: 'list', caseId: r.case_id, subject: 'referral', fields })),
      );
    }
    return { items, next: rows.length > limit ? shown[shown.length - 1]!.cursor : null };
  }

  /**
   * One referral of the caller's organisation, with what the worker disclosed to it; any other
   * referral answers exactly like a missing one. A partner's read — and a refused one — is logged
   * before anything is returned.
   */
  async getOwn(ability: AppAbility, actor: PolicyActor, id: string, who?: AuditActor): Promise<ReferralView> {
    if (!UUID.test(id)) throw new NotFoundError('Referral');
    const policy = accessibleWhere(ability, 'read', 'Referral', REFERRAL_POLICY_COLUMNS, 1);
    const [row] = (await this.db.query(`${REFERRAL_SELECT} WHERE r.id = $1 AND ${policy.sql}`, [id, ...policy.params])) as ReferralRow[];
    if (!row) {
      if (who) {
        const [other] = (await this.db.query(`SELECT case_id FROM referral WHERE id = $1`, [id])) as Array<{ case_id: string }>;
        if (other) await this.audit.record(who, [{ eventType: 'case.read', outcome: 'denied', action: 'read', caseId: other.case_id, subject: 'referral' }]);
      }
      throw new NotFoundError('Referral');
    }
    const [view] = await this.withHandlings([row]);
    // What this case grants the caller's organisation now (the request's ability holds no grants).
    const onCase = await this.grants.abilityFor(actor, row.case_id);
    const budgetGuidance =
      row.referrer_organisation_kind === 'landlord' ? await this.budget.guidanceForLandlord(row.case_id, row.referrer_organisation_id, this.clock.today()) : undefined;
    const full: ReferralView = {
      ...view!,
      facts: await this.facts.list(onCase, row.case_id),
      procedure: await this.procedure.list(onCase, row.case_id),
      ...(budgetGuidance === undefined ? {} : { budgetGuidance }),
      mayRecordProcedure: isOpen(view!) && onCase.can('create', subject('ProcedureEvent', { caseId: row.case_id, caseWorkerId: null })),
    };
    if (who) {
      const categories = [...new Set((full.facts ?? []).map((f) => f.category))].sort();
      await this.audit.record(who, [
        { eventType: 'case.read', outcome: 'allowed', action: 'read', caseId: row.case_id, subject: 'referral', category: categories.join(',') || null, fields: fieldNamesOf(full) },
      ]);
    }
    return full;
  }

  /** The landlord records a step of its eviction procedure on the case behind its referral; its worker is told. */
  async recordProcedureEvent(ability: AppAbility, actor: AuthenticatedUser, referralId: string, input: { kind: ProcedureEventKind; eventDate: string; note?: string }) {
    if (!UUID.test(referralId)) throw new NotFoundError('Referral');
    const policy = accessibleWhere(ability, 'read', 'Referral', REFERRAL_POLICY_COLUMNS, 1);
    const [row] = (await this.db.query(`SELECT r.case_id, r.referrer_organisation_id FROM referral r WHERE r.id = $1 AND ${policy.sql}`, [
      referralId,
      ...policy.params,
    ])) as Array<{ case_id: string; referrer_organisation_id: string }>;
    if (!row) throw new NotFoundError('Referral');
    const onCase = await this.grants.abilityFor(actor, row.case_id);
    return this.db.transaction(async (m) => {
      const event = await this.procedure.record(m, onCase, actor, row.case_id, input);
      await tellWorkerOfPartnerAnswer(m, { kind: 'procedure_step_recorded', caseId: row.case_id, organisationId: row.referrer_organisation_id, answerId: event.id });
      return event;
    });
  }

  private async withHandlings(rows: ReferralRow[]): Promise<ReferralView[]> {
    const handling = await this.cases.handlingOf([...new Set(rows.map((r) => r.case_id))]);
    const workerIds = [...new Set([...handling.values()].flatMap((h) => (h.assignedWorkerId ? [h.assignedWorkerId] : [])))];
    const workers = new Map((await this.identity.findUsers(workerIds)).map((u) => [u.id, u]));
    return rows.map((r) => {
      const h = handling.get(r.case_id);
      return withHandling(r, h, this.clock.today(), h?.assignedWorkerId ? workers.get(h.assignedWorkerId) : undefined);
    });
  }

  /** Referred cases waiting for the coordinator, oldest first, each with possible duplicates. */
  async incoming(ability: AppAbility): Promise<IncomingReferral[]> {
    const waiting = (await this.cases.list(ability, { states: ['referred'] })).reverse();
    if (waiting.length === 0) return [];
    const rows = (await this.db.query(`${REFERRAL_SELECT} WHERE r.case_id = ANY($1::uuid[]) ORDER BY r.created_at`, [
      waiting.map((c) => c.id),
    ])) as ReferralRow[];
    const result: IncomingReferral[] = [];
    for (const c of waiting) {
      const row = rows.find((r) => r.case_id === c.id);
      if (!row) continue;
      result.push({
        caseId: c.id,
        caseReference: c.reference,
        referral: { ...toReferral(row), referrerOrganisationName: row.referrer_organisation_name },
        probablyIneligible: isProbablyIneligible(row.reason),
        openCasesOfHousehold: await this.cases.findOpenMatches(ability, c),
      });
    }
    return result;
  }

  /** One referred case waiting for the coordinator. */
  async incomingOne(ability: AppAbility, caseId: string): Promise<IncomingReferral> {
    const found = (await this.incoming(ability)).find((i) => i.caseId === caseId);
    if (!found) throw new NotFoundError('Referral');
    return found;
  }

  /** Referrals behind a case the caller may read (the worker and coordinator see who referred). */
  async ofCase(ability: AppAbility, caseId: string): Promise<Array<IncomingReferral['referral']>> {
    await this.cases.get(ability, caseId);
    const rows = (await this.db.query(`${REFERRAL_SELECT} WHERE r.case_id = $1 ORDER BY r.created_at`, [caseId])) as ReferralRow[];
    return rows.map((r) => ({ ...toReferral(r), referrerOrganisationName: r.referrer_organisation_name }));
  }

  /**
   * Attaches the referral of a referred case to an open case of the same household instead of
   * opening a second one; the second referrer then follows that case's status.
   */
  async attach(ability: AppAbility, referredCaseId: string, openCaseId: string): Promise<void> {
    await this.cases.absorb(ability, referredCaseId, openCaseId, (manager) =>
      manager.query(`UPDATE referral SET case_id = $2 WHERE case_id = $1`, [referredCaseId, openCaseId]),
    );
  }

  private async landlordFor(
    actor: AuthenticatedUser,
    requested: string | undefined,
    problems: Array<{ field: string; code: string; message: string }>,
  ): Promise<string> {
    if (actor.organisationKind === 'landlord') {
      if (requested && requested !== actor.organisationId) {
        problems.push({ field: 'landlordOrganisationId', code: 'NOT_A_LANDLORD', message: 'a landlord refers its own tenants' });
      }
      return actor.organisationId!;
    }
    const landlord = requested ? await this.identity.findOrganisation(requested) : null;
    if (!landlord || landlord.kind !== 'landlord') {
      problems.push({
        field: 'landlordOrganisationId',
        code: requested ? 'NOT_A_LANDLORD' : 'REQUIRED',
        message: 'landlordOrganisationId must be a social landlord',
      });
      return '';
    }
    return landlord.id;
  }
}
