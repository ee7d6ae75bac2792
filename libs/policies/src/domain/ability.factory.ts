import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import type {
  Action,
  AppAbility,
  BottleneckSubject,
  CaseSubject,
  CaseWorkSubject,
  FactSubject,
  FinancialReferralSubject,
  IntervisionSubject,
  NotificationSubject,
  ProcedureEventSubject,
  ReferralSubject,
  ReportSubject,
  SubjectName,
} from './app-ability';
import { NO_PARTNER_CONTEXT, type PartnerContext } from './partner-grant';

/** The actor a policy is built for: a signed-in user and their organisation. */
export interface PolicyActor {
  readonly id: string;
  readonly role: string;
  readonly organisationId: string | null;
}

type Conditions<T> = { [K in keyof T]?: T[K] | { $in: ReadonlyArray<T[K]> } };

/** The fields of a fact a partner receives: never who wrote it or when it was edited. */
export const PARTNER_FACT_FIELDS = ['id', 'caseId', 'category', 'body', 'occurredOn'] as const;

/**
 * The one place that decides who may do what with case data (DESIGN.md §3). Everything else —
 * route guards, use cases, list queries, response fields — asks the ability built here.
 *
 * Deny by default: a role not named below, `admin` included, gets no rule at all; the privacy
 * officer reads the disclosure log only. Neither gets a rule on any case subject. Private notes
 * have a rule for the assigned worker and for nobody else.
 */
export function buildAbility(actor: PolicyActor, partner: PartnerContext = NO_PARTNER_CONTEXT): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  const allow = <T>(action: Action | Action[], subject: SubjectName, conditions: Conditions<T>, fields?: readonly string[]) =>
    fields ? can(action, subject, [...fields], conditions as never) : can(action, subject, conditions as never);

  // Everyone reads and marks their own notifications, nobody else's.
  allow<NotificationSubject>(['read', 'update'], 'Notification', { userId: actor.id });

  /**
   * What outreach workers and coordinators share as peers: bottlenecks within their own
   * organisation, pseudonymised intervision summaries across outreach organisations (reading a
   * shared summary includes answering in its thread).
   */
  const peerWork = (organisationId: string) => {
    allow<BottleneckSubject>(['create', 'read'], 'Bottleneck', { organisationId });
    allow<IntervisionSubject>(['create', 'read', 'update'], 'Intervision', { authorId: actor.id });
    allow<IntervisionSubject>('read', 'Intervision', { shared: true });
  };

  switch (actor.role) {
    case 'worker':
      if (actor.organisationId) {
        allow<CaseSubject>(['read', 'update'], 'Case', { outreachOrganisationId: actor.organisationId, assignedWorkerId: actor.id });
        allow<FactSubject>(['create', 'read', 'update'], 'Fact', { caseWorkerId: actor.id });
        // The tenant's overview (GDPR art. 15) is printed by the worker who holds the case.
        for (const subject of ['Consent', 'Disclosure', 'PrivateNote', 'TenantOverview'] as const) {
          allow<CaseWorkSubject>(['create', 'read', 'update'], subject, { caseWorkerId: actor.id });
        }
        allow<FinancialReferralSubject>(['create', 'read'], 'FinancialReferral', { caseWorkerId: actor.id });
        allow<ProcedureEventSubject>('read', 'ProcedureEvent', { caseWorkerId: actor.id });
        peerWork(actor.organisationId);
      }
      break;
    case 'privacy_officer':
      // The disclosure log — who saw what, when, under which consent — never case content.
      can('read', 'AuditEvent');
      break;
    case 'coordinator':
      if (actor.organisationId) {
        // Case metadata and caseloads of the own organisation, to assign and follow up work;
        // never facts, consents or notes.
        allow<CaseSubject>('read', 'Case', { outreachOrganisationId: actor.organisationId });
        allow<CaseSubject>('triage', 'Case', { outreachOrganisationId: actor.organisationId });
        allow<ReportSubject>('read', 'Report', { scope: 'outreach', organisationId: actor.organisationId });
        peerWork(actor.organisationId);
      }
      break;
    case 'landlord_agent':
    case 'ocmw_agent':
      if (actor.organisationId) {
        can('create', 'Referral');
        allow<ReferralSubject>('read', 'Referral', { referrerOrganisationId: actor.organisationId });
        // Counts over its own referrals only; small cells are suppressed by the report.
        allow<ReportSubject>('read', 'Report', { scope: 'referrer', organisationId: actor.organisationId });
        if (partner.referredCaseIds.length > 0) {
          allow<FactSubject>('read', 'Fact', { caseId: { $in: partner.referredCaseIds }, category: 'status' }, PARTNER_FACT_FIELDS);
        }
        if (actor.role === 'landlord_agent') {
          // Present even with no case: a landlord may reach the route, and the case decides.
          allow<ProcedureEventSubject>(['create', 'read'], 'ProcedureEvent', { caseId: { $in: partner.landlordCaseIds } });
        }
        if (actor.role === 'ocmw_agent') {
          // The OCMW answers the budget-counselling referrals addressed to it, and only those.
          allow<FinancialReferralSubject>(['read', 'update'], 'FinancialReferral', { ocmwOrganisationId: actor.organisationId });
        }
        for (const grant of partner.grants) {
          if (grant.categories.length > 0) {
            allow<FactSubject>('read', 'Fact', { caseId: grant.caseId, category: { $in: grant.categories } }, PARTNER_FACT_FIELDS);
          }
          if (grant.factIds.length > 0) {
            allow<FactSubject>('read', 'Fact', { caseId: grant.caseId, id: { $in: grant.factIds } }, PARTNER_FACT_FIELDS);
          }
        }
      }
      break;
    default:
      break;
  }
  return build();
}
