import { checkRecordedDate, checkText } from './budget-counselling';

describe('budget counselling rules', () => {
  it('refuses a recorded date in the future, or before the referral when that matters', () => {
    expect(checkRecordedDate('startedOn', '2026-12-01', '2026-12-01', '2026-11-20')).toEqual([]);
    expect(checkRecordedDate('startedOn', '2026-12-02', '2026-12-01').map((p) => p.code)).toEqual(['DATE_IN_FUTURE']);
    expect(checkRecordedDate('startedOn', '2026-11-19', '2026-12-01', '2026-11-20')).toEqual([
      expect.objectContaining({ field: 'startedOn', code: 'BEFORE_REFERRAL' }),
    ]);
    expect(checkRecordedDate('advancedOn', '2020-01-01', '2026-12-01')).toEqual([]);
  });

  it('counts blank text as missing', () => {
    expect(checkText('reason', '   ')).toEqual([expect.objectContaining({ field: 'reason', code: 'REQUIRED' })]);
    expect(checkText('reason', 'Geen budgetbegeleiding mogelijk')).toEqual([]);
  });
});
