import type { CaseSummary } from '@woonbrug/cases';
import { daysBetween, type DeadlineItem, type NotificationView } from '@woonbrug/notifications';

/** Why a case is on the worker's attention list; each comes from data the case already has. */
export type AttentionReason =
  /** A deadline of the deadline list (DeadlinesService): overdue, or hearing, eviction or end of aftercare within 14 days, or no contact for 14 days. */
  | { readonly kind: 'deadline'; readonly deadline: DeadlineItem }
  /** The next review date the worker set has come (the referrer sees it turn orange). */
  | { readonly kind: 'review_due'; readonly dueDate: string; readonly daysLeft: number }
  /** Notifications about the case the worker has not read yet. */
  | { readonly kind: 'unread'; readonly count: number };

export interface AttentionCase {
  readonly caseId: string;
  readonly reference: string;
  readonly tenantName: string | null;
  readonly reasons: readonly AttentionReason[];
  /** The smallest days-left of its dated reasons (negative: overdue); null when only unread notifications. */
  readonly mostUrgentDaysLeft: number | null;
}

/** The worker's day: what falls due today or is overdue, and the cases that need attention. */
export interface WorkersDay {
  /** Deadlines due today or overdue, most overdue first. */
  readonly dueNow: readonly DeadlineItem[];
  readonly attention: readonly AttentionCase[];
  readonly unread: readonly NotificationView[];
}

/** States in which a review date still means work to do. */
const REVIEWED_STATES = new Set(['active', 'aftercare']);

/**
 * Composes the start page from what the services computed for the caller (the deadline list,
 * the caseload and the unread notifications, each already limited by the caller's ability):
 * nothing here widens what the caller sees. A case needs attention when it has a deadline on the
 * deadline list, a review date that has come, or an unread notification; the most urgent first,
 * cases with only unread notifications last.
 */
export function composeWorkersDay(input: {
  readonly today: string;
  readonly deadlines: readonly DeadlineItem[];
  readonly caseload: readonly CaseSummary[];
  readonly notifications: readonly NotificationView[];
}): WorkersDay {
  const { today } = input;
  const byCase = new Map<string, { reference: string; tenantName: string | null; reasons: AttentionReason[] }>();
  const entry = (caseId: string, reference: string, tenantName: string | null) => {
    let found = byCase.get(caseId);
    if (!found) {
      found = { reference, tenantName, reasons: [] };
      byCase.set(caseId, found);
    }
    return found;
  };

  for (const deadline of input.deadlines) entry(deadline.caseId, deadline.reference, deadline.tenantName).reasons.push({ kind: 'deadline', deadline });
  for (const c of input.caseload) {
    if (c.nextReviewOn && c.nextReviewOn <= today && REVIEWED_STATES.has(c.state)) {
      entry(c.id, c.reference, c.tenantName).reasons.push({ kind: 'review_due', dueDate: c.nextReviewOn, daysLeft: daysBetween(today, c.nextReviewOn) });
    }
  }
  const unread = input.notifications.filter((n) => n.readAt === null);
  const unreadPerCase = new Map<string, number>();
  for (const n of unread) if (n.caseId) unreadPerCase.set(n.caseId, (unreadPerCase.get(n.caseId) ?? 0) + 1);
  const known = new Map(input.caseload.map((c) => [c.id, c]));
  for (const [caseId, count] of unreadPerCase) {
    const c = known.get(caseId);
    const reference = c?.reference ?? unread.find((n) => n.caseId === caseId)?.reference ?? '—';
    entry(caseId, reference, c?.tenantName ?? null).reasons.push({ kind: 'unread', count });
  }

  const attention: AttentionCase[] = [...byCase].map(([caseId, e]) => {
    const dated = e.reasons.flatMap((r) => (r.kind === 'deadline' ? [r.deadline.daysLeft] : r.kind === 'review_due' ? [r.daysLeft] : []));
    return { caseId, reference: e.reference, tenantName: e.tenantName, reasons: e.reasons, mostUrgentDaysLeft: dated.length ? Math.min(...dated) : null };
  });
  attention.sort(
    (a, b) =>
      (a.mostUrgentDaysLeft ?? Number.POSITIVE_INFINITY) - (b.mostUrgentDaysLeft ?? Number.POSITIVE_INFINITY) || a.reference.localeCompare(b.reference),
  );
  return { dueNow: input.deadlines.filter((d) => d.daysLeft <= 0), attention, unread };
}
