import { addWorkingDays, isWorkingDay } from './working-days';

describe('working days', () => {
  it('knows Monday to Friday from the weekend', () => {
    // 2026-12-07 is a Monday.
    expect(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'].map(isWorkingDay)).toEqual([true, true, true, true, true]);
    expect(isWorkingDay('2026-12-12')).toBe(false);
    expect(isWorkingDay('2026-12-13')).toBe(false);
  });

  it('counts five working days from a Monday to the next Monday', () => {
    expect(addWorkingDays('2026-12-07', 5)).toBe('2026-12-14');
  });

  it('skips the weekend: Thursday plus five working days is the next Thursday', () => {
    expect(addWorkingDays('2026-12-03', 1)).toBe('2026-12-04');
    expect(addWorkingDays('2026-12-03', 2)).toBe('2026-12-07');
    expect(addWorkingDays('2026-12-03', 4)).toBe('2026-12-09');
    expect(addWorkingDays('2026-12-03', 5)).toBe('2026-12-10');
  });

  it('starts counting on Monday for a Friday, Saturday or Sunday', () => {
    expect(addWorkingDays('2026-12-04', 5)).toBe('2026-12-11');
    expect(addWorkingDays('2026-12-05', 5)).toBe('2026-12-11');
    expect(addWorkingDays('2026-12-06', 5)).toBe('2026-12-11');
    expect(addWorkingDays('2026-12-06', 1)).toBe('2026-12-07');
  });

  it('crosses months and years', () => {
    expect(addWorkingDays('2028-02-25', 3)).toBe('2028-03-01');
    expect(addWorkingDays('2027-12-28', 3)).toBe('2027-12-31');
  });

  it('skips Belgian public holidays, fixed and movable, and only those', () => {
    // Fixed: Christmas, New Year, 21 July, 15 August, 1 and 11 November, 1 May.
    for (const day of ['2026-12-25', '2027-01-01', '2026-07-21', '2025-08-15', '2027-11-01', '2026-11-11', '2026-05-01']) {
      expect({ day, working: isWorkingDay(day) }).toEqual({ day, working: false });
    }
    // Movable: Easter Monday, Ascension and Whit Monday of 2026 and 2027.
    for (const day of ['2026-04-06', '2026-05-14', '2026-05-25', '2027-03-29', '2027-05-06', '2027-05-17']) {
      expect({ day, working: isWorkingDay(day) }).toEqual({ day, working: false });
    }
    // Not public holidays: the Flemish day (11 July), Saint Nicholas, the King's Day, All Souls; and the day after Easter Monday.
    for (const day of ['2025-07-11', '2028-12-06', '2027-11-15', '2027-11-02', '2026-04-07']) {
      expect({ day, working: isWorkingDay(day) }).toEqual({ day, working: true });
    }
    // New Year's Day 2027 (a Friday) and Christmas 2026 (a Friday) push the deadline a day on.
    expect(addWorkingDays('2026-12-29', 5)).toBe('2027-01-06');
    expect(addWorkingDays('2026-12-21', 5)).toBe('2026-12-29');
    // Ascension Thursday 2026: a referral on Monday 11 May is due on Tuesday 19 May.
    expect(addWorkingDays('2026-05-11', 5)).toBe('2026-05-19');
  });

  it('returns the day itself for zero working days, even on a weekend', () => {
    expect(addWorkingDays('2026-12-05', 0)).toBe('2026-12-05');
  });

  it('always lands on a working day and never moves backwards', () => {
    for (let offset = 0; offset < 60; offset += 1) {
      const start = new Date(Date.UTC(2026, 0, 1 + offset, 12)).toISOString().slice(0, 10);
      for (const count of [1, 3, 5, 10]) {
        const due = addWorkingDays(start, count);
        expect(isWorkingDay(due)).toBe(true);
        expect(due > start).toBe(true);
        // Exactly `count` working days lie in (start, due].
        let working = 0;
        for (let d = new Date(`${start}T12:00:00Z`); d.toISOString().slice(0, 10) < due; ) {
          d.setUTCDate(d.getUTCDate() + 1);
          if (isWorkingDay(d.toISOString().slice(0, 10))) working += 1;
        }
        expect(working).toBe(count);
      }
    }
  });

  it('refuses what is not a date or not a whole number of days', () => {
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('30/11/2026', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-30', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-30', 1.5)).toThrow(RangeError);
  });
});
