import { Injectable } from '@nestjs/common';
import { CaseLifecycleService, CasesService, FactsService, ProcedureService } from '@woonbrug/cases';
import { ConsentService } from '@woonbrug/consent';
import { Clock } from '@woonbrug/kernel';
import { subject, type AppAbility } from '@woonbrug/policies';
import { ReferralsService } from '@woonbrug/referrals';

/** One line of the case timeline. `upcoming` marks a deadline that lies ahead. */
export interface TimelineEntry {
  readonly date: string;
  readonly kind: 'referral' | 'step' | 'fact' | 'consent' | 'consent_withdrawn' | 'procedure' | 'deadline' | 'closed' | 'aftercare';
  /** i18n key of the line's label and its arguments. */
  readonly label: string;
  readonly args: Readonly<Record<string, string>>;
  readonly upcoming?: boolean;
}

/**
 * The case timeline (DESIGN.md §2): referrals, care-continuum steps, facts, consents, the eviction
 * procedure and the deadlines ahead, in date order — built from each context's own service, with
 * the caller's ability (a coordinator sees no facts or consents).
 */
@Injectable()
export class CaseTimelineBuilder {
  constructor(
    private readonly cases: CasesService,
    private readonly lifecycle: CaseLifecycleService,
    private readonly facts: FactsService,
    private readonly consents: ConsentService,
    private readonly referrals: ReferralsService,
    private readonly procedure: ProcedureService,
    private readonly clock: Clock,
  ) {}

  async build(ability: AppAbility, caseId: string): Promise<TimelineEntry[]> {
    const found = await this.cases.get(ability, caseId);
    const entries: TimelineEntry[] = [];
    for (const r of await this.referrals.ofCase(ability, caseId)) {
      entries.push({ date: r.submittedAt.slice(0, 10), kind: 'referral', label: 'timeline.referral', args: { by: r.referrerOrganisationName } });
      if (r.hearingDate) entries.push({ date: r.hearingDate, kind: 'deadline', label: 'timeline.hearing', args: {} });
      if (r.evictionDate) entries.push({ date: r.evictionDate, kind: 'deadline', label: 'timeline.eviction', args: {} });
    }
    for (const t of await this.lifecycle.transitions(ability, caseId)) {
      entries.push({ date: t.enteredOn, kind: 'step', label: `steps.${t.step}`, args: { note: t.note ?? '' } });
    }
    for (const e of await this.procedure.list(ability, caseId)) {
      entries.push({ date: e.eventDate, kind: 'procedure', label: `procedure.kind.${e.kind}`, args: { by: e.organisationName, note: e.note ?? '' } });
    }
    if (ability.can('read', subject('Consent', { caseWorkerId: found.assignedWorkerId }))) {
      for (const f of await this.facts.listOfCase(ability, caseId)) {
        entries.push({ date: f.occurredOn, kind: 'fact', label: `sharing.category.${f.category}`, args: { text: f.body } });
      }
      for (const c of await this.consents.list(ability, caseId)) {
        entries.push({ date: c.givenOn, kind: 'consent', label: 'timeline.consent', args: { to: c.organisation.name } });
        if (c.withdrawnAt) entries.push({ date: c.withdrawnAt.slice(0, 10), kind: 'consent_withdrawn', label: 'timeline.consentWithdrawn', args: { to: c.organisation.name } });
      }
    }
    if (found.aftercareEndsOn) entries.push({ date: found.aftercareEndsOn, kind: 'aftercare', label: 'timeline.aftercareEnds', args: {} });
    if (found.closedOn) entries.push({ date: found.closedOn, kind: 'closed', label: 'timeline.closed', args: { outcome: found.outcome ?? '' } });
    const today = this.clock.today();
    return entries
      .map((e) => (e.kind === 'deadline' || e.kind === 'aftercare' ? { ...e, upcoming: e.date >= today } : e))
      .sort((a, b) => a.date.localeCompare(b.date));
  }
}
