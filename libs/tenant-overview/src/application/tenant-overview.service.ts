import { Injectable } from '@nestjs/common';
import { AuditSearchService, AuditTrail, fieldNamesOf, type AuditActor, type AuditEventView } from '@woonbrug/audit';
import { BudgetService } from '@woonbrug/budget';
import { CaseLifecycleService, CasesService, FactsService, ProcedureService, type CaseSummary } from '@woonbrug/cases';
import { ConsentService, DisclosureService } from '@woonbrug/consent';
import { IdentityService, type AuthenticatedUser } from '@woonbrug/identity';
import { Clock, NotFoundError } from '@woonbrug/kernel';
import { subject, type AppAbility } from '@woonbrug/policies';
import { ReferralsService } from '@woonbrug/referrals';
import type { OverviewAccess, OverviewFact, TenantOverview } from '../domain/tenant-overview';

/** The forms the overview leaves in; each one is an export of the tenant's data, and logged as one. */
export type OverviewFormat = 'html' | 'pdf' | 'json';

/** Partner roles: their reads are what the tenant has the right to see listed (DESIGN.md §4). */
const PARTNER_ROLES = new Set(['landlord_agent', 'ocmw_agent']);
const ACCESS_EVENTS = new Set(['case.read', 'case.list']);

function toAccess(e: AuditEventView): OverviewAccess {
  return {
    occurredAt: e.occurredAt,
    organisation: e.organisation,
    role: e.role,
    action: e.action,
    subject: e.subject,
    categories: (e.category ?? '').split(',').filter(Boolean),
    fields: e.fields,
  };
}

/**
 * Assembles the tenant's overview (GDPR art. 15) of one case through the other contexts' services,
 * each called with the worker's own ability, so that the overview holds exactly what the assigned
 * worker may read. Private notes are not asked for: this lib does not know them.
 */
@Injectable()
export class TenantOverviewService {
  constructor(
    private readonly clock: Clock,
    private readonly cases: CasesService,
    private readonly lifecycle: CaseLifecycleService,
    private readonly facts: FactsService,
    private readonly procedure: ProcedureService,
    private readonly referrals: ReferralsService,
    private readonly budget: BudgetService,
    private readonly consents: ConsentService,
    private readonly disclosures: DisclosureService,
    private readonly identity: IdentityService,
    private readonly auditSearch: AuditSearchService,
    private readonly trail: AuditTrail,
  ) {}

  /**
   * The overview of a case, for its assigned worker only; anyone else gets exactly what a missing
   * case gives. Private: the overview only ever leaves through {@link export}, which logs it.
   */
  private async assemble(ability: AppAbility, actor: AuthenticatedUser, caseId: string): Promise<TenantOverview> {
    const found = await this.caseFor(ability, caseId);
    const [transitions, referrals, facts, procedure, budgetReferrals, consents, disclosures, events, workers] = await Promise.all([
      this.lifecycle.transitions(ability, caseId),
      this.referrals.ofCase(ability, caseId),
      this.facts.listOfCase(ability, caseId),
      this.procedure.listOfCase(ability, caseId),
      this.budget.listForCase(ability, caseId),
      this.consents.list(ability, caseId),
      this.disclosures.history(ability, caseId),
      // Every event of the case, not the privacy officer's first 500: the tenant's list must be whole.
      this.auditSearch.search({ caseReference: found.reference }, null),
      found.assignedWorkerId ? this.identity.findUsers([found.assignedWorkerId]) : Promise.resolve([]),
    ]);

    const organisationNames = new Map<string, string>();
    for (const id of new Set(disclosures.map((d) => d.organisationId))) {
      organisationNames.set(id, (await this.identity.findOrganisation(id))?.name ?? '—');
    }
    const factById = new Map(facts.map((f) => [f.id, { category: f.category, occurredOn: f.occurredOn, text: f.body } satisfies OverviewFact]));
    const partnerEvents = events.filter((e) => e.role !== null && PARTNER_ROLES.has(e.role) && ACCESS_EVENTS.has(e.eventType)).reverse();
    const worker = workers[0];

    return {
      generatedAt: this.clock.now().toISOString(),
      madeBy: { name: actor.displayName, organisation: actor.organisationName },
      case: {
        reference: found.reference,
        tenantName: found.tenantName,
        address: found.address,
        municipality: found.municipality,
        state: found.state,
        outcome: found.outcome,
        legalBasis: found.legalBasis,
        referredAt: found.createdAt,
        startedOn: found.startedOn,
        currentStep: found.currentStep,
        nextReviewOn: found.nextReviewOn,
        lastContactOn: found.lastContactOn,
        aftercareEndsOn: found.aftercareEndsOn,
        closedOn: found.closedOn,
        handover: found.handover,
        worker: worker ? { name: worker.displayName, phone: worker.phone, email: worker.email } : null,
      },
      steps: transitions.map((s) => ({ step: s.step, enteredOn: s.enteredOn })),
      referrals: referrals.map((r) => ({
        organisation: r.referrerOrganisationName,
        submittedAt: r.submittedAt,
        reason: r.reason,
        context: r.context,
        landlord: r.landlord.name,
        noticeDate: r.noticeDate,
        claimFiledOn: r.claimFiledOn,
        hearingDate: r.hearingDate,
        evictionDate: r.evictionDate,
        tenantInformed: r.tenantInformed,
      })),
      facts: facts.map((f) => factById.get(f.id)!),
      procedure: procedure.map((e) => ({ kind: e.kind, eventDate: e.eventDate, organisation: e.organisationName, note: e.note })),
      budgetReferrals: budgetReferrals.map((b) => ({
        ocmw: b.ocmw.name,
        kind: b.kind,
        status: b.status,
        motivation: b.motivation,
        referredAt: b.referredAt,
        answeredAt: b.answeredAt,
        declineReason: b.declineReason,
        guidanceStartedOn: b.guidance?.startedOn ?? null,
        costAdvances: b.costAdvances.map((a) => ({ amount: a.amountFormatted, purpose: a.purpose, advancedOn: a.advancedOn, repaymentTerms: a.repaymentTerms })),
      })),
      consents: consents.map((k) => ({
        organisation: k.organisation.name,
        categories: k.categories,
        purpose: k.purpose,
        givenHow: k.givenHow,
        givenOn: k.givenOn,
        expiresOn: k.expiresOn,
        recordedAt: k.recordedAt,
        withdrawnAt: k.withdrawnAt,
        state: k.state,
        signedFormKept: k.hasDocument,
      })),
      withdrawals: consents
        .flatMap((k) => (k.withdrawnAt ? [{ organisation: k.organisation.name, categories: k.categories, purpose: k.purpose, withdrawnAt: k.withdrawnAt }] : []))
        .sort((a, b) => a.withdrawnAt.localeCompare(b.withdrawnAt)),
      disclosures: disclosures.map((d) => ({
        organisation: organisationNames.get(d.organisationId) ?? '—',
        category: d.category,
        fact: d.factId ? (factById.get(d.factId) ?? null) : null,
        disclosedAt: d.disclosedAt,
        revokedAt: d.revokedAt,
      })),
      partnerAccess: partnerEvents.filter((e) => e.outcome === 'allowed').map(toAccess),
      deniedAttempts: partnerEvents.filter((e) => e.outcome === 'denied').map(toAccess),
    };
  }

  /**
   * Hands the overview out in one format: assembles it, lets `render` make the response, then
   * records the export in the disclosure log (field names only) before anything is returned. When
   * the log cannot be written, nothing is returned (503, `AUDIT_UNAVAILABLE`).
   */
  async export<T>(
    ability: AppAbility,
    actor: AuthenticatedUser,
    who: AuditActor,
    caseId: string,
    format: OverviewFormat,
    render: (overview: TenantOverview) => T | Promise<T>,
  ): Promise<T> {
    const overview = await this.assemble(ability, actor, caseId);
    const rendered = await render(overview);
    await this.trail.record(who, [
      { eventType: 'export', outcome: 'allowed', action: `export_${format}`, caseId, subject: 'tenant_overview', fields: fieldNamesOf(overview) },
    ]);
    return rendered;
  }

  /** The case, if the caller may produce its overview (the assigned worker); else NotFound. */
  private async caseFor(ability: AppAbility, caseId: string): Promise<CaseSummary> {
    const found = await this.cases.get(ability, caseId);
    if (!ability.can('read', subject('TenantOverview', { caseWorkerId: found.assignedWorkerId }))) throw new NotFoundError('Case');
    return found;
  }
}
