/** The eviction procedure's dates as referred; ISO `YYYY-MM-DD`, optional ones absent. */
export interface ReferralDates {
  readonly noticeDate: string;
  readonly claimFiledOn?: string;
  readonly hearingDate?: string;
  readonly evictionDate?: string;
}

export interface DateProblem {
  readonly field: keyof ReferralDates;
  readonly code: 'DATE_ORDER' | 'DATE_IN_FUTURE';
  readonly message: string;
}

/**
 * The procedure runs notice → claim with the justice of the peace → hearing → eviction; a later
 * step cannot come before an earlier one. The notice itself has already been given.
 */
export function checkReferralDates(dates: ReferralDates, today: string): DateProblem[] {
  const problems: DateProblem[] = [];
  if (dates.noticeDate > today) {
    problems.push({ field: 'noticeDate', code: 'DATE_IN_FUTURE', message: 'noticeDate must not be in the future' });
  }
  const order: Array<keyof ReferralDates> = ['noticeDate', 'claimFiledOn', 'hearingDate', 'evictionDate'];
  let previous: { field: keyof ReferralDates; value: string } | undefined;
  for (const field of order) {
    const value = dates[field];
    if (!value) continue;
    if (previous && value < previous.value) {
      problems.push({ field, code: 'DATE_ORDER', message: `${field} must not be before ${previous.field}` });
    }
    previous = { field, value };
  }
  return problems;
}
