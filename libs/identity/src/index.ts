/** Who is acting: organisations, users, roles, portals, login and the session guard. */
export { IdentityModule } from './identity.module';
export { IdentityService } from './application/identity.service';
export type { OrganisationView, UserSummary } from './application/identity.service';
export type { AuthenticatedUser } from './domain/authenticated-user';
export { ORGANISATION_KINDS, PORTALS, ROLES, ROLE_ORGANISATION_KIND, portalAccepts, portalOf } from './domain/role';
export type { OrganisationKind, Portal, Role } from './domain/role';
export { InvalidCredentialsError, NotAuthenticatedError, WrongPortalError } from './domain/identity.errors';
export { CurrentUser } from './infrastructure/current-user.decorator';
export { SessionAuthGuard } from './infrastructure/session-auth.guard';
export type { AuthenticatedRequest } from './infrastructure/session-auth.guard';
export { PORTAL } from './infrastructure/portal.token';
export { hashPassword } from './infrastructure/password-hasher';
export { PUBLIC_ROUTE as Public } from '@woonbrug/web';
