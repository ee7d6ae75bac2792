/** Authorization: the one CASL ability factory, the route guard and the SQL translation of rules. */
export { buildAbility, PARTNER_FACT_FIELDS } from './domain/ability.factory';
export type { PolicyActor } from './domain/ability.factory';
export { FACT_CATEGORIES } from './domain/app-ability';
export type {
  Action,
  AppAbility,
  BottleneckSubject,
  CaseSubject,
  CaseWorkSubject,
  FactCategory,
  FactSubject,
  FinancialReferralSubject,
  IntervisionSubject,
  NotificationSubject,
  ProcedureEventSubject,
  ReferralSubject,
  ReportSubject,
  SubjectName,
} from './domain/app-ability';
export { NO_PARTNER_CONTEXT } from './domain/partner-grant';
export type { PartnerContext, PartnerGrant } from './domain/partner-grant';
export { accessibleWhere } from './infrastructure/rules-to-sql';
export type { SqlCondition } from './infrastructure/rules-to-sql';
export { PoliciesModule } from './policies.module';
export { PoliciesGuard } from './infrastructure/policies.guard';
export { REQUIRED_ABILITY_KEY, RequireAbility, SIGNED_IN_KEY, SignedIn, UserAbility } from './infrastructure/require-ability.decorator';
export type { RequiredAbility } from './infrastructure/require-ability.decorator';
export { subject } from '@casl/ability';
export { permittedFieldsOf } from '@casl/ability/extra';
