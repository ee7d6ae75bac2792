import { Injectable } from '@nestjs/common';
import { CaseLifecycleService, CasesService, FactsService, ProcedureService, type CareStep, type CaseSummary, type FactView, type ProcedureEventView } from '@woonbrug/cases';
import { ConsentService, DisclosureService, type ConsentView, type PartnerSharing } from '@woonbrug/consent';
import { IdentityService, type OrganisationView, type UserSummary } from '@woonbrug/identity';
import { subject, type AppAbility } from '@woonbrug/policies';
import { ReferralsService, type IncomingReferral } from '@woonbrug/referrals';

/** Everything the case page shows, loaded with the caller's ability (a coordinator gets no facts). */
export interface CaseWorkspace {
  readonly found: CaseSummary;
  readonly referrals: ReadonlyArray<IncomingReferral['referral']>;
  readonly worker?: UserSummary;
  readonly steps: readonly CareStep[];
  readonly procedure: readonly ProcedureEventView[];
  /** Present for the assigned worker only. */
  readonly work?: {
    readonly facts: readonly FactView[];
    readonly consents: readonly ConsentView[];
    readonly sharing: readonly PartnerSharing[];
    readonly partners: readonly OrganisationView[];
  };
}

@Injectable()
export class CaseWorkspaceLoader {
  constructor(
    private readonly cases: CasesService,
    private readonly referrals: ReferralsService,
    private readonly identity: IdentityService,
    private readonly facts: FactsService,
    private readonly consents: ConsentService,
    private readonly disclosures: DisclosureService,
    private readonly lifecycle: CaseLifecycleService,
    private readonly procedureEvents: ProcedureService,
  ) {}

  async load(ability: AppAbility, caseId: string): Promise<CaseWorkspace> {
    const found = await this.cases.get(ability, caseId);
    const referrals = await this.referrals.ofCase(ability, caseId);
    const [worker] = found.assignedWorkerId ? await this.identity.findUsers([found.assignedWorkerId]) : [];
    const [steps, procedure] = await Promise.all([this.lifecycle.steps(), this.procedureEvents.list(ability, caseId)]);
    const base = { found, referrals, worker, steps, procedure };
    if (!ability.can('read', subject('Consent', { caseWorkerId: found.assignedWorkerId }))) return base;
    const [facts, consents, sharing, landlords, ocmws] = await Promise.all([
      this.facts.listOfCase(ability, caseId),
      this.consents.list(ability, caseId),
      this.disclosures.sharingOverview(ability, caseId),
      this.identity.listOrganisations('landlord'),
      this.identity.listOrganisations('ocmw'),
    ]);
    return { ...base, work: { facts, consents, sharing, partners: [...landlords, ...ocmws] } };
  }
}
