/** Authorization: the one CASL ability factory, the route guard and the SQL translation of rules. */
export { buildAbility } from './domain/ability.factory';
export type { PolicyActor } from './domain/ability.factory';
export type { Action, AppAbility, CaseSubject, ReferralSubject, SubjectName } from './domain/app-ability';
export { accessibleWhere } from './infrastructure/rules-to-sql';
export type { SqlCondition } from './infrastructure/rules-to-sql';
export { PoliciesModule } from './policies.module';
export { PoliciesGuard } from './infrastructure/policies.guard';
export { REQUIRED_ABILITY_KEY, RequireAbility, SIGNED_IN_KEY, SignedIn, UserAbility } from './infrastructure/require-ability.decorator';
export type { RequiredAbility } from './infrastructure/require-ability.decorator';
export { subject } from '@casl/ability';
