import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AFTERCARE_REMINDER_DAYS } from '@woonbrug/cases';
import { Clock } from '@woonbrug/kernel';
import { accessibleWhere, type AppAbility, type SqlCondition } from '@woonbrug/policies';
import { DataSource, type EntityManager } from 'typeorm';
import {
  compareDeadlines,
  daysBetween,
  DEADLINE_HORIZON_DAYS,
  NO_CONTACT_DAYS,
  REFERRAL_DECISION_WORKING_DAYS,
  referralDecisionDue,
  type DeadlineItem,
  type DeadlineKind,
} from '../domain/deadline';

/** Policy fields of the `Case` subject and the columns they live in (as in the cases lib). */
const CASE_POLICY_COLUMNS = {
  outreachOrganisationId: 'c.outreach_organisation_id',
  assignedWorkerId: 'c.assigned_worker_id',
} as const;

/** The parameters before the policy's own: $1 today, $2 horizon, $3 aftercare reminder, $4 no contact, $5 referral pre-filter. */
const FIXED_PARAMS = 5;

/** A scheduled step of the eviction procedure: the latest recorded event wins over the referral's date. */
function scheduled(kind: 'hearing' | 'eviction'): string {
  const eventKind = kind === 'hearing' ? 'hearing_scheduled' : 'eviction_scheduled';
  const referralColumn = kind === 'hearing' ? 'hearing_date' : 'eviction_date';
  return `
    SELECT o.id AS case_id, '${kind}'::text AS kind, COALESCE(pe.event_date, rf.${referralColumn}) AS due_on
      FROM open_case o
      LEFT JOIN LATERAL (
        SELECT p.event_date FROM procedure_event p
         WHERE p.case_id = o.id AND p.kind = '${eventKind}' ORDER BY p.recorded_at DESC, p.id DESC LIMIT 1) pe ON TRUE
      LEFT JOIN LATERAL (
        SELECT r.${referralColumn} FROM referral r
         WHERE r.case_id = o.id AND r.${referralColumn} IS NOT NULL ORDER BY r.created_at DESC, r.id DESC LIMIT 1) rf ON TRUE
     WHERE o.state IN ('active', 'aftercare')`;
}

/**
 * Every deadline of the cases the policy admits, at `$1` (today). Hearing, eviction and the end
 * of aftercare show up from 14 days ahead until the day itself; a quiet case from the 15th day
 * without a contact. For a waiting referral the row carries the day it was referred (Belgian
 * calendar day): working days are counted in code, the SQL only drops referrals younger than
 * five calendar days, which can never be overdue.
 */
function deadlineQuery(policy: SqlCondition): string {
  return `
    WITH open_case AS (
      SELECT c.id, c.reference, c.tenant_name, c.state, c.assigned_worker_id, c.outreach_organisation_id, c.aftercare_ends_on,
             COALESCE(c.last_contact_on, c.started_on) AS last_contact_on,
             (c.created_at AT TIME ZONE 'Europe/Brussels')::date AS referred_on
        FROM case_file c
       WHERE c.state IN ('referred', 'active', 'aftercare') AND ${policy.sql}
    ),
    due AS (
      ${scheduled('hearing')}
      UNION ALL
      ${scheduled('eviction')}
      UNION ALL
      SELECT o.id, 'aftercare_end'::text, o.aftercare_ends_on FROM open_case o
       WHERE o.state = 'aftercare' AND o.aftercare_ends_on BETWEEN $1::date AND $1::date + $3::int
      UNION ALL
      SELECT o.id, 'no_contact'::text, o.last_contact_on + $4::int FROM open_case o
       WHERE o.state IN ('active', 'aftercare') AND o.last_contact_on < $1::date - $4::int
      UNION ALL
      SELECT o.id, 'referral_not_accepted'::text, o.referred_on FROM open_case o
       WHERE o.state = 'referred' AND o.referred_on <= $1::date - $5::int
    )
    SELECT d.kind, d.case_id, o.reference, o.tenant_name, o.assigned_worker_id, o.outreach_organisation_id,
           to_char(d.due_on, 'YYYY-MM-DD') AS due_on
      FROM due d JOIN open_case o ON o.id = d.case_id
     WHERE d.due_on IS NOT NULL
       AND (d.kind NOT IN ('hearing', 'eviction') OR d.due_on BETWEEN $1::date AND $1::date + $2::int)`;
}

interface DeadlineRow {
  kind: DeadlineKind;
  case_id: string;
  reference: string;
  tenant_name: string;
  assigned_worker_id: string | null;
  outreach_organisation_id: string;
  due_on: string;
}

/** A deadline with whom it concerns, for the scan that turns deadlines into notifications. */
export interface DueDeadline extends DeadlineItem {
  readonly assignedWorkerId: string | null;
  readonly outreachOrganisationId: string;
}

/**
 * The deadline list (DESIGN.md §2, issue 4): hearing or eviction within 14 days, aftercare
 * ending within 14 days, no contact recorded for 14 days, referral not decided within five
 * working days. Computed at the clock's today, over the cases the caller may read: a worker
 * gets the own cases, the coordinator those of the organisation.
 */
@Injectable()
export class DeadlinesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The caller's deadlines, soonest (most overdue) first. */
  async list(ability: AppAbility): Promise<DeadlineItem[]> {
    const policy = accessibleWhere(ability, 'read', 'Case', CASE_POLICY_COLUMNS, FIXED_PARAMS);
    return (await this.query(this.db.manager, this.clock.today(), policy)).map(({ assignedWorkerId: _w, outreachOrganisationId: _o, ...item }) => item);
  }

  /** Every deadline of every organisation at `today`, with whom it concerns (for the scan). */
  allDue(manager: EntityManager, today: string): Promise<DueDeadline[]> {
    return this.query(manager, today, { sql: 'TRUE', params: [] });
  }

  private async query(manager: EntityManager, today: string, policy: SqlCondition): Promise<DueDeadline[]> {
    const rows = (await manager.query(deadlineQuery(policy), [
      today,
      DEADLINE_HORIZON_DAYS,
      AFTERCARE_REMINDER_DAYS,
      NO_CONTACT_DAYS,
      REFERRAL_DECISION_WORKING_DAYS,
      ...policy.params,
    ])) as DeadlineRow[];
    const items: DueDeadline[] = [];
    for (const row of rows) {
      const dueDate = row.kind === 'referral_not_accepted' ? referralDecisionDue(row.due_on) : row.due_on;
      if (row.kind === 'referral_not_accepted' && dueDate >= today) continue;
      items.push({
        kind: row.kind,
        caseId: row.case_id,
        reference: row.reference,
        tenantName: row.tenant_name,
        dueDate,
        daysLeft: daysBetween(today, dueDate),
        assignedWorkerId: row.assigned_worker_id,
        outreachOrganisationId: row.outreach_organisation_id,
      });
    }
    return items.sort(compareDeadlines);
  }
}
