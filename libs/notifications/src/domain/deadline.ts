import { addWorkingDays } from './working-days';

/**
 * What drives the outreach worker's agenda (DESIGN.md §2): the eviction procedure's hearing and
 * eviction, the end of aftercare, a case gone quiet, a referral left waiting.
 */
export const DEADLINE_KINDS = ['hearing', 'eviction', 'aftercare_end', 'no_contact', 'referral_not_accepted'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** A hearing, an eviction or the end of aftercare shows up this many days ahead. */
export const DEADLINE_HORIZON_DAYS = 14;
/** A case without a recorded contact for longer than this needs attention. */
export const NO_CONTACT_DAYS = 14;
/** The coordinator decides on a referral within this many working days. */
export const REFERRAL_DECISION_WORKING_DAYS = 5;

/** One entry of the deadline list. */
export interface DeadlineItem {
  readonly kind: DeadlineKind;
  readonly caseId: string;
  readonly reference: string;
  readonly tenantName: string;
  /** The day it falls due (`YYYY-MM-DD`); in the past for overdue items. */
  readonly dueDate: string;
  /** Days from today to the due date; negative when overdue. */
  readonly daysLeft: number;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** The day by which a referral made on `referredOn` should have been decided. */
export function referralDecisionDue(referredOn: string): string {
  return addWorkingDays(referredOn, REFERRAL_DECISION_WORKING_DAYS);
}

/** A referral is overdue once its decision day has passed without a decision. */
export function isReferralDecisionOverdue(referredOn: string, today: string): boolean {
  return referralDecisionDue(referredOn) < today;
}

/**
 * Identifies one reminder: the same deadline gives the same key, however often the scan runs;
 * a moved hearing or a new quiet spell gets a new due date and so a new reminder.
 */
export function deadlineDedupeKey(kind: DeadlineKind, caseId: string, dueDate: string): string {
  return `${kind}:${caseId}:${dueDate}`;
}

/** List order: soonest (most overdue) first, then by kind and case reference. */
export function compareDeadlines(a: DeadlineItem, b: DeadlineItem): number {
  return a.dueDate.localeCompare(b.dueDate) || DEADLINE_KINDS.indexOf(a.kind) - DEADLINE_KINDS.indexOf(b.kind) || a.reference.localeCompare(b.reference);
}
