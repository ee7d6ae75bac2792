const BELGIAN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' });

/** The calendar day (`YYYY-MM-DD`) in Belgium at an instant: deadlines and validity count in it. */
export function belgianDate(instant: Date): string {
  return BELGIAN_DATE.format(instant);
}

/** Adds days to an ISO date (`YYYY-MM-DD`). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds calendar months to an ISO date, clamped to the last day of the target month. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1, 12));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0, 12)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * The time the domain runs on. Every time-dependent rule (consent validity, deadlines, aftercare)
 * asks it instead of `new Date()`, so that tests can move time instead of waiting. Nothing in
 * production moves it.
 */
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Today's date in Belgium. */
  today(): string {
    return belgianDate(this.now());
  }

  /** Test support: from now on, this clock reads `instant` (and runs on from there). */
  travelTo(instant: Date | string): void {
    const target = typeof instant === 'string' ? new Date(instant.length === 10 ? `${instant}T10:00:00+01:00` : instant) : instant;
    this.offsetMs = target.getTime() - Date.now();
  }

  /** Test support: back to real time. */
  reset(): void {
    this.offsetMs = 0;
  }
}
