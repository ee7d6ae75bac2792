import type { ForcedSubject, MongoAbility } from '@casl/ability';

/**
 * What can be done. `triage` is the coordinator's decision on a referral: accept with a worker,
 * decline with a reason, or attach to an open case.
 */
export type Action = 'create' | 'read' | 'update' | 'triage';

/** The five categories of DESIGN.md §3; every fact has exactly one. */
export const FACT_CATEGORIES = ['status', 'housing', 'agreements', 'financial', 'health'] as const;
export type FactCategory = (typeof FACT_CATEGORIES)[number];

/** Case subjects as the policy sees them: only the fields that rules look at. */
export interface CaseSubject {
  readonly outreachOrganisationId: string;
  readonly assignedWorkerId: string | null;
}

export interface ReferralSubject {
  readonly referrerOrganisationId: string;
}

/** A fact, with the worker of its case (who manages it). */
export interface FactSubject {
  readonly id: string;
  readonly caseId: string;
  readonly category: FactCategory;
  readonly caseWorkerId: string | null;
}

/** Consent, disclosure and private notes of a case are the assigned worker's alone. */
export interface CaseWorkSubject {
  readonly caseWorkerId: string | null;
}

/** A referral for budget counselling to an OCMW, with its answers and cost advances. */
export interface FinancialReferralSubject {
  readonly caseWorkerId: string | null;
  readonly ocmwOrganisationId: string;
}

/** A step of the eviction procedure, recorded by the landlord. */
export interface ProcedureEventSubject {
  readonly caseId: string;
  readonly caseWorkerId: string | null;
}

/**
 * Figures: the yearly report and the evaluation. The outreach organisation's coordinator reads
 * the report over its own cases; a partner reads the counts over the referrals it made.
 * `scope` tells the report which of the two it is answering for.
 */
export interface ReportSubject {
  readonly scope: 'outreach' | 'referrer';
  readonly organisationId: string;
}

/** A bottleneck (knelpunt) a worker observed: not about a tenant, shared within the organisation. */
export interface BottleneckSubject {
  readonly organisationId: string;
}

/**
 * A pseudonymised summary of a case for peer consultation (intervisie). Its author edits it;
 * once shared, every outreach worker (of any outreach organisation) reads it and answers.
 */
export interface IntervisionSubject {
  readonly authorId: string;
  readonly shared: boolean;
}

/** An in-app notification. */
export interface NotificationSubject {
  readonly userId: string;
}

export type SubjectName =
  | 'Case'
  | 'Referral'
  | 'Fact'
  | 'Consent'
  | 'Disclosure'
  | 'PrivateNote'
  | 'FinancialReferral'
  | 'ProcedureEvent'
  | 'Notification'
  | 'AuditEvent'
  | 'TenantOverview'
  | 'Report'
  | 'Bottleneck'
  | 'Intervision';

type Forced<T, N extends SubjectName> = T & ForcedSubject<N>;

export type AppAbility = MongoAbility<
  [
    Action,
    | SubjectName
    | Forced<CaseSubject, 'Case'>
    | Forced<ReferralSubject, 'Referral'>
    | Forced<FactSubject, 'Fact'>
    | Forced<CaseWorkSubject, 'Consent' | 'Disclosure' | 'PrivateNote' | 'TenantOverview'>
    | Forced<FinancialReferralSubject, 'FinancialReferral'>
    | Forced<ProcedureEventSubject, 'ProcedureEvent'>
    | Forced<NotificationSubject, 'Notification'>
    | Forced<ReportSubject, 'Report'>
    | Forced<BottleneckSubject, 'Bottleneck'>
    | Forced<IntervisionSubject, 'Intervision'>,
  ]
>;
