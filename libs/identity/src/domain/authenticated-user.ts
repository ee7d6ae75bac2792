import type { OrganisationKind, Role } from './role';

/** The signed-in user as every other context sees it: no password hash, no entity. */
export interface AuthenticatedUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organisationId: string | null;
  readonly organisationKind: OrganisationKind | null;
  readonly organisationName: string | null;
}
