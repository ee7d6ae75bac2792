import Holidays from 'date-holidays';

/**
 * Working days are Monday to Friday except Belgium's ten public holidays (New Year, Easter
 * Monday, Labour Day, Ascension, Whit Monday, 21 July, 15 August, 1 and 11 November, Christmas),
 * from the `date-holidays` calendar. Regional and community days (11 July, 27 September) count as
 * working days: not every partner is closed on them, so a deadline never moves for them.
 */
const belgium = new Holidays('BE');
const publicHolidaysByYear = new Map<number, ReadonlySet<string>>();

function publicHolidays(year: number): ReadonlySet<string> {
  let days = publicHolidaysByYear.get(year);
  if (!days) {
    // `date` is the local day and time, "YYYY-MM-DD hh:mm:ss".
    days = new Set(belgium.getHolidays(year).flatMap((h) => (h.type === 'public' ? [h.date.slice(0, 10)] : [])));
    publicHolidaysByYear.set(year, days);
  }
  return days;
}

function utcNoon(isoDate: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`Not an ISO date: ${isoDate}`);
  const date = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== isoDate) throw new RangeError(`Not a calendar date: ${isoDate}`);
  return date;
}

function working(date: Date): boolean {
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !publicHolidays(date.getUTCFullYear()).has(date.toISOString().slice(0, 10));
}

/** Whether the day (`YYYY-MM-DD`) is a working day (Monday to Friday, not a Belgian public holiday). */
export function isWorkingDay(isoDate: string): boolean {
  return working(utcNoon(isoDate));
}

/**
 * The date `count` working days after `isoDate`: the start day itself never counts, so a
 * referral made on Thursday and given five working days is due the next Thursday (a week without
 * holidays), and one made on Saturday is due the next Friday.
 */
export function addWorkingDays(isoDate: string, count: number): string {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Working days must be a whole number ≥ 0, got ${count}`);
  const date = utcNoon(isoDate);
  let left = count;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (working(date)) left -= 1;
  }
  return date.toISOString().slice(0, 10);
}
