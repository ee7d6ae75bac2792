/**
 * Working days are Monday to Friday. Belgian public holidays are not taken into account: a
 * referral that arrives before a holiday is flagged a day early, which errs on the safe side.
 */

function utcNoon(isoDate: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`Not an ISO date: ${isoDate}`);
  const date = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== isoDate) throw new RangeError(`Not a calendar date: ${isoDate}`);
  return date;
}

/** Whether the day (`YYYY-MM-DD`) is a working day (Monday to Friday). */
export function isWorkingDay(isoDate: string): boolean {
  const weekday = utcNoon(isoDate).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The date `count` working days after `isoDate`: the start day itself never counts, so a
 * referral made on Thursday and given five working days is due the next Thursday, and one made
 * on Saturday is due the next Friday.
 */
export function addWorkingDays(isoDate: string, count: number): string {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Working days must be a whole number ≥ 0, got ${count}`);
  const date = utcNoon(isoDate);
  let left = count;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return date.toISOString().slice(0, 10);
}
