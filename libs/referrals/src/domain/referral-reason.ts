/** Why the tenant is referred. Rent arrears alone are the OCMW's work, not bemoeizorg. */
export const REFERRAL_REASONS = ['lease_termination_neglect', 'rent_arrears', 'nuisance', 'other'] as const;
export type ReferralReason = (typeof REFERRAL_REASONS)[number];

/** A referral for rent arrears only has no housing problem: flagged to the coordinator (DESIGN.md §1). */
export function isProbablyIneligible(reason: ReferralReason): boolean {
  return reason === 'rent_arrears';
}
