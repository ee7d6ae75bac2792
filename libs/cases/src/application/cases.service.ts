import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IdentityService, type AuthenticatedUser } from '@woonbrug/identity';
import { Clock, NotFoundError } from '@woonbrug/kernel';
import { accessibleWhere, subject, type AppAbility } from '@woonbrug/policies';
import { DataSource, type EntityManager } from 'typeorm';
import { CaseNotOpenError, CaseNotPendingError, NotAWorkerError } from '../domain/case.errors';
import { handlingStatusOf, OPEN_CASE_STATES, type CaseOutcome, type CaseState } from '../domain/case-state';
import { householdKey } from '../domain/household-key';
import { caseSearchCondition, caseSearchTerms } from './case-search';
import type { CaseHandling, CaseSummary } from './case-views';

/** Policy fields of the `Case` subject and the columns they live in. */
const CASE_POLICY_COLUMNS = {
  outreachOrganisationId: 'c.outreach_organisation_id',
  assignedWorkerId: 'c.assigned_worker_id',
} as const;

interface CaseRow {
  id: string;
  reference: string;
  state: CaseState;
  tenant_name: string;
  address: string;
  municipality: string;
  assigned_worker_id: string | null;
  outreach_organisation_id: string;
  started_on: string | null;
  closed_on: string | null;
  outcome: CaseOutcome | null;
  decline_reason: string | null;
  legal_basis: string | null;
  next_review_on: string | null;
  version: number;
  current_step: string | null;
  aftercare_ends_on: string | null;
  last_contact_on: string | null;
  handover: string | null;
  reopened_from: string | null;
  created_at: Date;
}

const CASE_COLUMNS = `c.id, c.reference, c.state, c.tenant_name, c.address, c.municipality, c.assigned_worker_id,
  c.outreach_organisation_id, to_char(c.started_on, 'YYYY-MM-DD') AS started_on, to_char(c.closed_on, 'YYYY-MM-DD') AS closed_on,
  c.outcome, c.decline_reason, c.legal_basis, to_char(c.next_review_on, 'YYYY-MM-DD') AS next_review_on, c.version, c.current_step,
  to_char(c.aftercare_ends_on, 'YYYY-MM-DD') AS aftercare_ends_on, to_char(c.last_contact_on, 'YYYY-MM-DD') AS last_contact_on, c.handover,
  c.reopened_from, c.created_at`;

function toSummary(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    reference: row.reference,
    state: row.state,
    tenantName: row.tenant_name,
    address: row.address,
    municipality: row.municipality,
    assignedWorkerId: row.assigned_worker_id,
    startedOn: row.started_on,
    closedOn: row.closed_on,
    outcome: row.outcome,
    legalBasis: row.legal_basis,
    nextReviewOn: row.next_review_on,
    version: row.version,
    currentStep: row.current_step,
    aftercareEndsOn: row.aftercare_ends_on,
    lastContactOn: row.last_contact_on,
    handover: row.handover,
    reopenedFrom: row.reopened_from,
    createdAt: row.created_at.toISOString(),
  };
}

function caseSubject(row: CaseRow) {
  return subject('Case', { outreachOrganisationId: row.outreach_organisation_id, assignedWorkerId: row.assigned_worker_id });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface OpenCaseInput {
  readonly outreachOrganisationId: string;
  readonly tenantName: string;
  readonly address: string;
  readonly municipality: string;
}

/** The trajectory: opening on referral, the coordinator's decision, caseloads. */
@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly identity: IdentityService,
    private readonly clock: Clock,
  ) {}

  /** Opens a case in state `referred`, inside the caller's transaction (the referral's). */
  async openReferred(manager: EntityManager, input: OpenCaseInput): Promise<{ id: string; reference: string }> {
    const [row] = (await manager.query(
      `INSERT INTO case_file (reference, outreach_organisation_id, state, tenant_name, tenant_name_key, address, address_key, municipality)
       VALUES (to_char(now(), 'YYYY') || '-' || lpad(nextval('case_reference_seq')::text, 4, '0'), $1, 'referred', $2, $3, $4, $5, $6)
       RETURNING id, reference`,
      [
        input.outreachOrganisationId,
        input.tenantName,
        householdKey(input.tenantName),
        input.address,
        householdKey(input.address),
        input.municipality,
      ],
    )) as Array<{ id: string; reference: string }>;
    return row!;
  }

  /** The outreach organisation that takes new referrals. */
  async intakeOrganisationId(): Promise<string> {
    const [row] = (await this.db.query(`SELECT id FROM organisation WHERE kind = 'outreach' ORDER BY created_at, name LIMIT 1`)) as Array<{ id: string }>;
    if (!row) throw new Error('No outreach organisation is configured');
    return row.id;
  }

  /**
   * Cases the caller may read, newest first, optionally only in some states. Anonymised cases
   * (retention) are figures now, not work: they are not listed. `search` keeps the cases whose
   * tenant name, address, municipality or case number hold every word of it (see case-search.ts).
   */
  async list(ability: AppAbility, options: { states?: readonly CaseState[]; assignedWorkerId?: string; search?: string } = {}): Promise<CaseSummary[]> {
    const policy = accessibleWhere(ability, 'read', 'Case', CASE_POLICY_COLUMNS);
    const params = [...policy.params];
    let where = `(${policy.sql}) AND c.anonymised_on IS NULL`;
    if (options.states?.length) {
      params.push(options.states);
      where += ` AND c.state = ANY($${params.length}::case_state[])`;
    }
    if (options.assignedWorkerId) {
      params.push(options.assignedWorkerId);
      where += ` AND c.assigned_worker_id = $${params.length}`;
    }
    if (options.search !== undefined) {
      // Within the cases the policy admits, never beyond: name, address, municipality, number.
      const search = caseSearchCondition(caseSearchTerms(options.search), params.length);
      params.push(...search.params);
      where += ` AND ${search.sql}`;
    }
    const rows = (await this.db.query(
      `SELECT ${CASE_COLUMNS} FROM case_file c WHERE ${where} ORDER BY c.created_at DESC, c.reference DESC LIMIT 500`,
      params,
    )) as CaseRow[];
    return rows.map(toSummary);
  }

  /** One case the caller may read; a case it may not read answers exactly like a missing one. */
  async get(ability: AppAbility, id: string): Promise<CaseSummary> {
    return toSummary(await this.load(this.db.manager, ability, 'read', id));
  }

  /** Throws NotFound unless the caller may do `action` on the case (used by other case services). */
  async assertCan(ability: AppAbility, action: 'read' | 'update' | 'triage', id: string): Promise<void> {
    await this.load(this.db.manager, ability, action, id);
  }

  /** Open cases of the same household (same name, or same address in the same municipality). */
  async findOpenMatches(ability: AppAbility, of: { id: string; tenantName: string; address: string; municipality: string }): Promise<CaseSummary[]> {
    const policy = accessibleWhere(ability, 'triage', 'Case', CASE_POLICY_COLUMNS, 5);
    const rows = (await this.db.query(
      `SELECT ${CASE_COLUMNS} FROM case_file c
        WHERE c.id <> $1 AND c.state = ANY($2::case_state[])
          AND (c.tenant_name_key = $3 OR (c.address_key = $4 AND c.municipality = $5))
          AND ${policy.sql}
        ORDER BY c.created_at`,
      [of.id, OPEN_CASE_STATES, householdKey(of.tenantName), householdKey(of.address), of.municipality, ...policy.params],
    )) as CaseRow[];
    return rows.map(toSummary);
  }

  /** Accepts a referred case and assigns an outreach worker of the coordinator's organisation. */
  async accept(ability: AppAbility, actor: AuthenticatedUser, id: string, workerId: string): Promise<CaseSummary> {
    return this.db.transaction(async (manager) => {
      const row = await this.load(manager, ability, 'triage', id, true);
      if (row.state !== 'referred') throw new CaseNotPendingError();
      const workers = await this.identity.listColleagues(row.outreach_organisation_id, ['worker']);
      if (!workers.some((w) => w.id === workerId)) throw new NotAWorkerError();
      await manager.query(
        `UPDATE case_file SET state = 'active', assigned_worker_id = $2, started_on = $4, current_step = 'referral', decided_by = $3, decided_at = now(),
           version = version + 1, updated_at = now() WHERE id = $1`,
        [id, workerId, actor.id, this.clock.today()],
      );
      return toSummary(await this.load(manager, ability, 'triage', id));
    });
  }

  /** The date of the next review, which the referrer sees (an overdue review turns its light orange). */
  async setNextReview(ability: AppAbility, id: string, nextReviewOn: string | null): Promise<CaseSummary> {
    const row = await this.load(this.db.manager, ability, 'update', id);
    if (!OPEN_CASE_STATES.includes(row.state) || row.state === 'referred') throw new CaseNotOpenError();
    await this.db.query(`UPDATE case_file SET next_review_on = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, nextReviewOn]);
    return this.get(ability, id);
  }

  /** Declines a referred case with a reason the referrer will see. */
  async decline(ability: AppAbility, actor: AuthenticatedUser, id: string, reason: string): Promise<CaseSummary> {
    return this.db.transaction(async (manager) => {
      const row = await this.load(manager, ability, 'triage', id, true);
      if (row.state !== 'referred') throw new CaseNotPendingError();
      await manager.query(
        `UPDATE case_file SET state = 'declined', decline_reason = $2, decided_by = $3, decided_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
        [id, reason, actor.id],
      );
      return toSummary(await this.load(manager, ability, 'triage', id));
    });
  }

  /**
   * Folds a referred case into an open case of the same organisation: after the checks, the
   * caller moves the referrals (same transaction), then the referred case is removed.
   */
  async absorb(
    ability: AppAbility,
    referredCaseId: string,
    openCaseId: string,
    moveReferrals: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    await this.db.transaction(async (manager) => {
      const shell = await this.load(manager, ability, 'triage', referredCaseId, true);
      if (shell.state !== 'referred') throw new CaseNotPendingError();
      const target = await this.load(manager, ability, 'triage', openCaseId, true);
      if (target.id === shell.id || !OPEN_CASE_STATES.includes(target.state)) throw new CaseNotOpenError();
      await moveReferrals(manager);
      await manager.query(`DELETE FROM case_file WHERE id = $1`, [shell.id]);
    });
  }

  /** The handling status of cases behind referrals the caller was already allowed to see. */
  async handlingOf(caseIds: readonly string[]): Promise<Map<string, CaseHandling>> {
    if (caseIds.length === 0) return new Map();
    const rows = (await this.db.query(`SELECT ${CASE_COLUMNS} FROM case_file c WHERE c.id = ANY($1::uuid[])`, [caseIds])) as CaseRow[];
    return new Map(
      rows.map((r) => [
        r.id,
        {
          caseId: r.id,
          state: r.state,
          status: handlingStatusOf(r.state),
          startedOn: r.started_on,
          closedOn: r.closed_on,
          outcome: r.outcome,
          declineReason: r.decline_reason,
          assignedWorkerId: r.assigned_worker_id,
          nextReviewOn: r.next_review_on,
        },
      ]),
    );
  }

  private async load(manager: EntityManager, ability: AppAbility, action: 'read' | 'triage' | 'update', id: string, forUpdate = false): Promise<CaseRow> {
    if (!UUID.test(id)) throw new NotFoundError('Case');
    const [row] = (await manager.query(`SELECT ${CASE_COLUMNS} FROM case_file c WHERE c.id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id])) as CaseRow[];
    if (!row || !ability.can(action, caseSubject(row))) throw new NotFoundError('Case');
    return row;
  }
}
