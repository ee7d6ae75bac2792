import type { ForcedSubject, MongoAbility } from '@casl/ability';

/**
 * What can be done. `triage` is the coordinator's decision on a referral: accept with a worker,
 * decline with a reason, or attach to an open case.
 */
export type Action = 'create' | 'read' | 'triage';

/** Case subjects as the policy sees them: only the fields that rules look at. */
export interface CaseSubject {
  readonly outreachOrganisationId: string;
  readonly assignedWorkerId: string | null;
}

export interface ReferralSubject {
  readonly referrerOrganisationId: string;
}

export type SubjectName = 'Case' | 'Referral';

type CaseRecord = CaseSubject & ForcedSubject<'Case'>;
type ReferralRecord = ReferralSubject & ForcedSubject<'Referral'>;

export type AppAbility = MongoAbility<[Action, SubjectName | CaseRecord | ReferralRecord]>;
