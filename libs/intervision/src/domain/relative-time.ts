/**
 * Dates turned into times relative to a reference day, in Dutch ("ongeveer 3 maanden eerder"),
 * so that a pseudonymised summary keeps the course of events without the calendar dates that
 * make a tenant findable. Pure: the reference day is always given, never read from a clock.
 */

/** A calendar day as numbers (month 1–12). */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DAY_MS = 86_400_000;

/** Parses `YYYY-MM-DD`; throws on anything else (the reference day is always a valid ISO day). */
export function parseIsoDay(iso: string): CalendarDay {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Not an ISO day: ${iso}`);
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!isValidDay(day)) throw new Error(`Not an existing day: ${iso}`);
  return day;
}

/** Whether the day exists in the calendar (31 February does not). */
export function isValidDay({ year, month, day }: CalendarDay): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function epochDay({ year, month, day }: CalendarDay): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** Days from `reference` to `day` (negative: `day` lies before the reference). */
export function daysFrom(reference: CalendarDay, day: CalendarDay): number {
  return epochDay(day) - epochDay(reference);
}

/**
 * A year written with two digits: in this century unless that would put it more than ten years
 * after the reference year (a birth year "56" is 1956, a notice date "24" is 2024).
 */
export function fullYear(twoDigits: number, reference: CalendarDay): number {
  const century = Math.floor(reference.year / 100) * 100;
  const candidate = century + twoDigits;
  return candidate > reference.year + 10 ? candidate - 100 : candidate;
}

/** A day written without its year ("12/3", "op 3 maart"): the occurrence nearest to the reference. */
export function nearestYear(month: number, day: number, reference: CalendarDay): number {
  let best = reference.year;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const year of [reference.year - 1, reference.year, reference.year + 1]) {
    if (!isValidDay({ year, month, day })) continue;
    const distance = Math.abs(daysFrom(reference, { year, month, day }));
    if (distance < bestDistance) {
      best = year;
      bestDistance = distance;
    }
  }
  return best;
}

function direction(amount: number): string {
  return amount < 0 ? 'eerder' : 'later';
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A day as a time relative to the reference: "2 dagen eerder", "ongeveer 5 weken later", … */
export function relativeDay(day: CalendarDay, reference: CalendarDay): string {
  const days = daysFrom(reference, day);
  const size = Math.abs(days);
  if (size === 0) return 'dezelfde dag';
  if (size < 14) return `${count(size, 'dag', 'dagen')} ${direction(days)}`;
  if (size < 60) return `ongeveer ${count(Math.round(size / 7), 'week', 'weken')} ${direction(days)}`;
  if (size < 548) return `ongeveer ${count(Math.round(size / 30.44), 'maand', 'maanden')} ${direction(days)}`;
  return `ongeveer ${count(Math.round(size / 365.25), 'jaar', 'jaar')} ${direction(days)}`;
}

/** A month ("maart 2024") as a time relative to the reference month. */
export function relativeMonth(year: number, month: number, reference: CalendarDay): string {
  const months = year * 12 + month - (reference.year * 12 + reference.month);
  const size = Math.abs(months);
  if (size === 0) return 'dezelfde maand';
  if (size < 24) return `ongeveer ${count(size, 'maand', 'maanden')} ${direction(months)}`;
  return `ongeveer ${count(Math.round(size / 12), 'jaar', 'jaar')} ${direction(months)}`;
}

/** A year ("sinds 2019") as a time relative to the reference year. */
export function relativeYear(year: number, reference: CalendarDay): string {
  const years = year - reference.year;
  if (years === 0) return 'hetzelfde jaar';
  return `ongeveer ${count(Math.abs(years), 'jaar', 'jaar')} ${direction(years)}`;
}
