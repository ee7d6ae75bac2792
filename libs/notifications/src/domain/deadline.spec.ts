import { compareDeadlines, daysBetween, deadlineDedupeKey, isReferralDecisionOverdue, referralDecisionDue, type DeadlineItem } from './deadline';

describe('deadlines', () => {
  it('counts days between dates, negative when overdue, across a DST change', () => {
    expect(daysBetween('2026-11-29', '2026-12-13')).toBe(14);
    expect(daysBetween('2026-12-13', '2026-11-29')).toBe(-14);
    expect(daysBetween('2027-03-20', '2027-04-03')).toBe(14);
  });

  it('gives a referral five working days: a Thursday referral is overdue from the next Friday', () => {
    expect(referralDecisionDue('2026-12-03')).toBe('2026-12-10');
    expect(isReferralDecisionOverdue('2026-12-03', '2026-12-09')).toBe(false); // 4 working days, across the weekend
    expect(isReferralDecisionOverdue('2026-12-03', '2026-12-10')).toBe(false); // the due day itself
    expect(isReferralDecisionOverdue('2026-12-03', '2026-12-11')).toBe(true);
  });

  it('keys a reminder by kind, case and due date', () => {
    expect(deadlineDedupeKey('hearing', 'c1', '2026-12-20')).toBe('hearing:c1:2026-12-20');
  });

  it('sorts by due date, then kind, then reference', () => {
    const item = (kind: DeadlineItem['kind'], dueDate: string, reference: string): DeadlineItem => ({ kind, dueDate, reference, caseId: reference, tenantName: '', daysLeft: 0 });
    const sorted = [item('no_contact', '2026-12-02', 'B'), item('hearing', '2026-12-02', 'C'), item('eviction', '2026-12-01', 'A'), item('hearing', '2026-12-02', 'A')].sort(compareDeadlines);
    expect(sorted.map((d) => `${d.dueDate} ${d.kind} ${d.reference}`)).toEqual(['2026-12-01 eviction A', '2026-12-02 hearing A', '2026-12-02 hearing C', '2026-12-02 no_contact B']);
  });
});
