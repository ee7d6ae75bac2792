/** The lifecycle of DESIGN.md §2. */
export const CASE_STATES = ['referred', 'declined', 'active', 'aftercare', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** States of a case that is still open: a new referral for the same household belongs here. */
export const OPEN_CASE_STATES: readonly CaseState[] = ['referred', 'active', 'aftercare'];

export const CASE_OUTCOMES = ['favourable', 'evicted', 'left_voluntarily', 'refused_help', 'other'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/**
 * The traffic light a referrer sees (DESIGN.md §3): not yet accepted, being handled, declined,
 * or closed with its outcome. `attention` (being handled, attention needed) comes with deadlines.
 */
export type HandlingStatus = 'pending' | 'handled' | 'attention' | 'declined' | 'closed';

export function handlingStatusOf(state: CaseState): HandlingStatus {
  switch (state) {
    case 'referred':
      return 'pending';
    case 'active':
    case 'aftercare':
      return 'handled';
    case 'declined':
      return 'declined';
    case 'closed':
      return 'closed';
  }
}
