/** The organisation kinds of DESIGN.md §1. */
export const ORGANISATION_KINDS = ['outreach', 'landlord', 'ocmw'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = ['worker', 'coordinator', 'privacy_officer', 'landlord_agent', 'ocmw_agent', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The three portals; each serves one audience and refuses every other account. */
export const PORTALS = ['worker', 'landlord', 'ocmw'] as const;
export type Portal = (typeof PORTALS)[number];

const PORTAL_ROLES: Record<Portal, readonly Role[]> = {
  worker: ['worker', 'coordinator', 'privacy_officer', 'admin'],
  landlord: ['landlord_agent'],
  ocmw: ['ocmw_agent'],
};

/** The organisation kind a role belongs to; `admin` belongs to none. */
export const ROLE_ORGANISATION_KIND: Record<Role, OrganisationKind | null> = {
  worker: 'outreach',
  coordinator: 'outreach',
  privacy_officer: 'outreach',
  landlord_agent: 'landlord',
  ocmw_agent: 'ocmw',
  admin: null,
};

export function portalAccepts(portal: Portal, role: Role): boolean {
  return PORTAL_ROLES[portal].includes(role);
}

/** The portal where an account of this role logs in (used to point a refused user the right way). */
export function portalOf(role: Role): Portal {
  return (PORTALS.find((p) => PORTAL_ROLES[p].includes(role)) ?? 'worker') as Portal;
}
