import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import type { Action, AppAbility, CaseSubject, ReferralSubject, SubjectName } from './app-ability';

/** The actor a policy is built for: a signed-in user and their organisation. */
export interface PolicyActor {
  readonly id: string;
  readonly role: string;
  readonly organisationId: string | null;
}

type Conditions<T> = Partial<{ [K in keyof T]: T[K] }>;

/**
 * The one place that decides who may do what with case data (DESIGN.md §3). Everything else —
 * route guards, use cases, list queries — asks the ability built here. Deny by default: a role
 * not named below, `admin` and `privacy_officer` included, gets no rule on any case subject.
 */
export function buildAbility(actor: PolicyActor): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  const allow = <T>(action: Action, subject: SubjectName, conditions: Conditions<T>) =>
    can(action, subject, conditions as Record<string, unknown>);

  switch (actor.role) {
    case 'worker':
      if (actor.organisationId) {
        allow<CaseSubject>('read', 'Case', { outreachOrganisationId: actor.organisationId, assignedWorkerId: actor.id });
      }
      break;
    case 'coordinator':
      if (actor.organisationId) {
        // Case metadata and caseloads of the own organisation, to assign and follow up work.
        allow<CaseSubject>('read', 'Case', { outreachOrganisationId: actor.organisationId });
        allow<CaseSubject>('triage', 'Case', { outreachOrganisationId: actor.organisationId });
      }
      break;
    case 'landlord_agent':
    case 'ocmw_agent':
      if (actor.organisationId) {
        can('create', 'Referral');
        allow<ReferralSubject>('read', 'Referral', { referrerOrganisationId: actor.organisationId });
      }
      break;
    default:
      break;
  }
  return build();
}
