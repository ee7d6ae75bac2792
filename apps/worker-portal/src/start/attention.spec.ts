import type { CaseSummary } from '@woonbrug/cases';
import type { DeadlineItem, NotificationView } from '@woonbrug/notifications';
import { composeWorkersDay } from './attention';

const TODAY = '2027-03-10';

function caseOf(id: string, over: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id,
    reference: `2027-${id}`,
    state: 'active',
    tenantName: `Huurder ${id}`,
    address: 'Straat 1',
    municipality: 'Beveren',
    assignedWorkerId: 'w',
    startedOn: '2027-01-01',
    closedOn: null,
    outcome: null,
    legalBasis: null,
    nextReviewOn: null,
    version: 1,
    currentStep: 'guidance',
    aftercareEndsOn: null,
    lastContactOn: TODAY,
    handover: null,
    reopenedFrom: null,
    createdAt: '2027-01-01T09:00:00.000Z',
    ...over,
  };
}

function deadline(caseId: string, kind: DeadlineItem['kind'], daysLeft: number, dueDate: string): DeadlineItem {
  return { kind, caseId, reference: `2027-${caseId}`, tenantName: `Huurder ${caseId}`, dueDate, daysLeft };
}

function notification(caseId: string | null, readAt: string | null): NotificationView {
  return { id: `n-${caseId}-${readAt}`, kind: 'hearing', caseId, reference: caseId ? `2027-${caseId}` : null, dueDate: TODAY, organisation: null, createdAt: '2027-03-09T08:00:00.000Z', readAt };
}

describe('composeWorkersDay', () => {
  it('lists deadlines due today or overdue, not later ones, as due now', () => {
    const day = composeWorkersDay({
      today: TODAY,
      deadlines: [deadline('a', 'no_contact', -2, '2027-03-08'), deadline('b', 'hearing', 0, TODAY), deadline('c', 'hearing', 5, '2027-03-15')],
      caseload: [],
      notifications: [],
    });
    expect(day.dueNow.map((d) => d.caseId)).toEqual(['a', 'b']);
    expect(day.attention.map((a) => a.caseId)).toEqual(['a', 'b', 'c']);
  });

  it('puts a case whose review date came on the list, not one whose review lies ahead or that is closed', () => {
    const day = composeWorkersDay({
      today: TODAY,
      deadlines: [],
      caseload: [caseOf('due', { nextReviewOn: '2027-03-01' }), caseOf('later', { nextReviewOn: '2027-04-01' }), caseOf('closed', { state: 'closed', nextReviewOn: '2027-03-01' })],
      notifications: [],
    });
    expect(day.attention).toEqual([
      { caseId: 'due', reference: '2027-due', tenantName: 'Huurder due', reasons: [{ kind: 'review_due', dueDate: '2027-03-01', daysLeft: -9 }], mostUrgentDaysLeft: -9 },
    ]);
  });

  it('counts unread notifications per case, ignores read ones, and sorts undated cases last', () => {
    const day = composeWorkersDay({
      today: TODAY,
      deadlines: [deadline('x', 'eviction', 3, '2027-03-13')],
      caseload: [caseOf('u'), caseOf('x')],
      notifications: [notification('u', null), notification('u', null), notification('x', '2027-03-09T10:00:00.000Z'), notification(null, null)],
    });
    expect(day.unread).toHaveLength(3);
    expect(day.attention.map((a) => [a.caseId, a.reasons.map((r) => r.kind), a.mostUrgentDaysLeft])).toEqual([
      ['x', ['deadline'], 3],
      ['u', ['unread'], null],
    ]);
    expect(day.attention[1]!.reasons[0]).toEqual({ kind: 'unread', count: 2 });
  });

  it('gathers several reasons of one case in one entry', () => {
    const day = composeWorkersDay({
      today: TODAY,
      deadlines: [deadline('a', 'hearing', 4, '2027-03-14'), deadline('a', 'no_contact', -1, '2027-03-09')],
      caseload: [caseOf('a', { nextReviewOn: TODAY })],
      notifications: [notification('a', null)],
    });
    expect(day.attention).toHaveLength(1);
    expect(day.attention[0]!.reasons.map((r) => r.kind)).toEqual(['deadline', 'deadline', 'review_due', 'unread']);
    expect(day.attention[0]!.mostUrgentDaysLeft).toBe(-1);
  });
});
