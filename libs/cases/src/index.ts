/** Cases (trajectories): lifecycle states, the coordinator's decision, caseloads. */
export { CasesModule } from './cases.module';
export { CasesService } from './application/cases.service';
export type { OpenCaseInput } from './application/cases.service';
export { FactsService } from './application/facts.service';
export type { FactInput, FactRevisionView, FactView } from './application/facts.service';
export type { CaseHandling, CaseSummary } from './application/case-views';
export { CASE_SEARCH_MAX_LENGTH } from './application/case-search';
export { CASE_OUTCOMES, CASE_STATES, OPEN_CASE_STATES, handlingStatusOf } from './domain/case-state';
export type { CaseOutcome, CaseState, HandlingStatus } from './domain/case-state';
export { householdKey } from './domain/household-key';
export { CaseLifecycleService } from './application/case-lifecycle.service';
export type { CareStep, StepTransition } from './application/case-lifecycle.service';
export { PROCEDURE_EVENT_KINDS, ProcedureService } from './application/procedure.service';
export type { ProcedureEventKind, ProcedureEventView } from './application/procedure.service';
export { AFTERCARE_MAX_MONTHS, AFTERCARE_REMINDER_DAYS, latestAftercareEnd } from './domain/aftercare';
