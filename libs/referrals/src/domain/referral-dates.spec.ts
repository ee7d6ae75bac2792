import { checkReferralDates } from './referral-dates';

describe('checkReferralDates', () => {
  const today = '2026-11-29';

  it('accepts a procedure in order, with gaps', () => {
    expect(checkReferralDates({ noticeDate: '2026-10-01', hearingDate: '2026-12-10', evictionDate: '2027-01-15' }, today)).toEqual([]);
  });

  it('refuses a hearing before the notice and an eviction before the hearing', () => {
    const problems = checkReferralDates({ noticeDate: '2026-10-01', hearingDate: '2026-09-01', evictionDate: '2026-08-01' }, today);
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['hearingDate', 'DATE_ORDER'],
      ['evictionDate', 'DATE_ORDER'],
    ]);
  });

  it('refuses a notice date in the future', () => {
    expect(checkReferralDates({ noticeDate: '2026-11-30' }, today)).toEqual([
      expect.objectContaining({ field: 'noticeDate', code: 'DATE_IN_FUTURE' }),
    ]);
  });
});
