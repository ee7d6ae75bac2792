import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthenticatedUser } from '@woonbrug/identity';
import { Clock, DomainError } from '@woonbrug/kernel';
import type { AppAbility } from '@woonbrug/policies';
import { DataSource, type EntityManager } from 'typeorm';
import { latestAftercareEnd } from '../domain/aftercare';
import type { CaseOutcome } from '../domain/case-state';
import { AftercareTooLongError, InvalidTransitionError, StaleVersionError } from '../domain/lifecycle.errors';
import type { CaseSummary } from './case-views';
import { CasesService } from './cases.service';

export interface CareStep {
  readonly key: string;
  readonly position: number;
  readonly nameNl: string;
  readonly nameEn: string;
}

export interface StepTransition {
  readonly step: string;
  readonly enteredOn: string;
  readonly note: string | null;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

/**
 * The trajectory after acceptance (DESIGN.md §2): care-continuum steps, contacts, aftercare of at
 * most three months, closing with an outcome and a handover, reopening as a new, linked
 * trajectory. Every change names the version it was made on; a stale version answers 409 and
 * changes nothing (two workers, or two tabs, cannot overwrite each other).
 */
@Injectable()
export class CaseLifecycleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly clock: Clock,
  ) {}

  /** The active steps of the care continuum, in order (configurable in `care_step`). */
  async steps(): Promise<CareStep[]> {
    const rows = (await this.db.query(`SELECT key, position, name_nl, name_en FROM care_step WHERE active ORDER BY position`)) as Array<{
      key: string;
      position: number;
      name_nl: string;
      name_en: string;
    }>;
    return rows.map((r) => ({ key: r.key, position: r.position, nameNl: r.name_nl, nameEn: r.name_en }));
  }

  async transitions(ability: AppAbility, caseId: string): Promise<StepTransition[]> {
    await this.cases.get(ability, caseId);
    const rows = (await this.db.query(
      `SELECT step, to_char(entered_on, 'YYYY-MM-DD') AS entered_on, note, recorded_by, recorded_at FROM case_step_transition WHERE case_id = $1 ORDER BY entered_on, recorded_at`,
      [caseId],
    )) as Array<{ step: string; entered_on: string; note: string | null; recorded_by: string; recorded_at: Date }>;
    return rows.map((r) => ({ step: r.step, enteredOn: r.entered_on, note: r.note, recordedBy: r.recorded_by, recordedAt: r.recorded_at.toISOString() }));
  }

  /** Moves an active case to a step of the care continuum; a step counts as a contact. */
  async moveToStep(ability: AppAbility, actor: AuthenticatedUser, caseId: string, input: { step: string; enteredOn?: string; note?: string; version: number }): Promise<CaseSummary> {
    const steps = await this.steps();
    if (!steps.some((s) => s.key === input.step)) {
      throw new DomainError('UNKNOWN_STEP', 'invalid', 'No such step in the care continuum', [{ field: 'step', code: 'INVALID_CHOICE', message: 'unknown step' }]);
    }
    const enteredOn = input.enteredOn ?? this.clock.today();
    this.notInFuture('enteredOn', enteredOn);
    return this.change(ability, caseId, input.version, ['active'], async (m) => {
      await m.query(`INSERT INTO case_step_transition (case_id, step, entered_on, note, recorded_by) VALUES ($1, $2, $3, $4, $5)`, [
        caseId,
        input.step,
        enteredOn,
        input.note ?? null,
        actor.id,
      ]);
      await m.query(`UPDATE case_file SET current_step = $2, last_contact_on = GREATEST(last_contact_on, $3::date) WHERE id = $1`, [caseId, input.step, enteredOn]);
    });
  }

  /** Records a contact with the tenant (home visit, call), which resets the no-contact deadline. */
  async recordContact(ability: AppAbility, caseId: string, input: { on?: string; version: number }): Promise<CaseSummary> {
    const on = input.on ?? this.clock.today();
    this.notInFuture('on', on);
    return this.change(ability, caseId, input.version, ['active', 'aftercare'], (m) =>
      m.query(`UPDATE case_file SET last_contact_on = GREATEST(last_contact_on, $2::date) WHERE id = $1`, [caseId, on]),
    );
  }

  /**
   * Ending the last step with a favourable result starts aftercare, which ends at most three months
   * later; a later end date is refused with the latest allowed one.
   */
  async startAftercare(ability: AppAbility, caseId: string, input: { endsOn: string; version: number }): Promise<CaseSummary> {
    const today = this.clock.today();
    const latest = latestAftercareEnd(today);
    if (input.endsOn > latest) throw new AftercareTooLongError(latest);
    if (input.endsOn < today) {
      throw new DomainError('VALIDATION_FAILED', 'invalid', 'Aftercare cannot end in the past', [{ field: 'endsOn', code: 'DATE_IN_PAST', message: 'in the past' }]);
    }
    const lastStep = (await this.steps()).at(-1)?.key;
    return this.change(ability, caseId, input.version, ['active'], async (m, row) => {
      if (row.current_step !== lastStep) throw new InvalidTransitionError('LAST_STEP_NOT_REACHED', 'Aftercare starts after the last step of the care continuum');
      await m.query(`UPDATE case_file SET state = 'aftercare', aftercare_started_on = $2, aftercare_ends_on = $3 WHERE id = $1`, [caseId, today, input.endsOn]);
    });
  }

  /**
   * Closes the trajectory with its outcome and the handover to regular help. All consents lapse;
   * partners keep only the final status of their referral.
   */
  async close(ability: AppAbility, caseId: string, input: { outcome: CaseOutcome; handover: string; version: number }): Promise<CaseSummary> {
    return this.change(ability, caseId, input.version, ['active', 'aftercare'], (m) => this.closeInside(m, caseId, input.outcome, input.handover));
  }

  /**
   * Closes every case whose aftercare has ended (a scheduled job; safe to run on several instances
   * at once: each case is closed by one transaction only). Returns the ids closed.
   */
  async closeEndedAftercare(): Promise<string[]> {
    const today = this.clock.today();
    return this.db.transaction(async (m) => {
      const due = (await m.query(
        `SELECT id FROM case_file WHERE state = 'aftercare' AND aftercare_ends_on < $1 ORDER BY aftercare_ends_on FOR UPDATE SKIP LOCKED`,
        [today],
      )) as Array<{ id: string }>;
      for (const { id } of due) {
        await this.closeInside(m, id, 'favourable', null);
        await m.query(`UPDATE case_file SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
      }
      return due.map((d) => d.id);
    });
  }

  /** Reopens a closed case as a new trajectory of the same household, linked to the old one. */
  async reopen(ability: AppAbility, actor: AuthenticatedUser, caseId: string, input: { reason: string; version: number }): Promise<CaseSummary> {
    const old = await this.cases.get(ability, caseId);
    if (old.state !== 'closed') throw new InvalidTransitionError('CASE_NOT_CLOSED', 'Only a closed case can be reopened');
    if (old.version !== input.version) throw new StaleVersionError();
    const today = this.clock.today();
    const id = await this.db.transaction(async (m) => {
      const [row] = (await m.query(
        `INSERT INTO case_file (reference, outreach_organisation_id, state, tenant_name, tenant_name_key, address, address_key, municipality,
           assigned_worker_id, started_on, legal_basis, reopened_from, reopen_reason, decided_by, decided_at, current_step, last_contact_on)
         SELECT to_char($3::date, 'YYYY') || '-' || lpad(nextval('case_reference_seq')::text, 4, '0'), outreach_organisation_id, 'active',
           tenant_name, tenant_name_key, address, address_key, municipality, assigned_worker_id, $3, legal_basis, id, $2, $4, now(), 'referral', $3
         FROM case_file WHERE id = $1 RETURNING id`,
        [caseId, input.reason, today, actor.id],
      )) as Array<{ id: string }>;
      // The referrers follow the new trajectory of the household as their own referral.
      await m.query(
        `INSERT INTO referral (case_id, referrer_organisation_id, referrer_user_id, landlord_organisation_id, tenant_name, address, municipality,
           reason, notice_date, claim_filed_on, hearing_date, eviction_date, referrer_contact_name, referrer_contact_phone, referrer_contact_email,
           context, tenant_informed)
         SELECT $2, referrer_organisation_id, referrer_user_id, landlord_organisation_id, tenant_name, address, municipality, reason, notice_date,
           claim_filed_on, hearing_date, eviction_date, referrer_contact_name, referrer_contact_phone, referrer_contact_email, context, tenant_informed
         FROM referral WHERE case_id = $1`,
        [caseId, row!.id],
      );
      await m.query(`UPDATE case_file SET version = version + 1 WHERE id = $1`, [caseId]);
      return row!.id;
    });
    return this.cases.get(ability, id);
  }

  private async closeInside(m: EntityManager, caseId: string, outcome: CaseOutcome, handover: string | null): Promise<void> {
    const today = this.clock.today();
    await m.query(`UPDATE case_file SET state = 'closed', outcome = $2, closed_on = $3, handover = COALESCE($4, handover) WHERE id = $1`, [
      caseId,
      outcome,
      today,
      handover,
    ]);
    await m.query(`UPDATE consent SET expires_on = GREATEST(given_on, LEAST(expires_on, $2::date)) WHERE case_id = $1`, [caseId, today]);
  }

  private notInFuture(field: string, date: string): void {
    if (date > this.clock.today()) {
      throw new DomainError('VALIDATION_FAILED', 'invalid', `${field} is in the future`, [{ field, code: 'DATE_IN_FUTURE', message: 'in the future' }]);
    }
  }

  /**
   * One change of a case by its worker: checks the ability, the state and the version, runs the
   * change and bumps the version, in one transaction.
   */
  private async change(
    ability: AppAbility,
    caseId: string,
    version: number,
    allowedStates: readonly string[],
    apply: (m: EntityManager, row: { state: string; current_step: string | null }) => Promise<unknown>,
  ): Promise<CaseSummary> {
    await this.cases.assertCan(ability, 'update', caseId);
    await this.db.transaction(async (m) => {
      const [row] = (await m.query(`SELECT state, current_step, version FROM case_file WHERE id = $1 FOR UPDATE`, [caseId])) as Array<{
        state: string;
        current_step: string | null;
        version: number;
      }>;
      if (row!.version !== version) throw new StaleVersionError();
      if (!allowedStates.includes(row!.state)) throw new InvalidTransitionError('CASE_NOT_OPEN', 'The case is not in a state that allows this');
      await apply(m, row!);
      await m.query(`UPDATE case_file SET version = version + 1, updated_at = now() WHERE id = $1`, [caseId]);
    });
    return this.cases.get(ability, caseId);
  }
}
