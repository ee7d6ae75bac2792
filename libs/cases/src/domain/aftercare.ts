import { addMonths } from '@woonbrug/kernel';

/** Aftercare (nazorg) lasts at most three months after the last step (DESIGN.md §2). */
export const AFTERCARE_MAX_MONTHS = 3;

/** The latest end date of aftercare that starts on `startedOn`. */
export function latestAftercareEnd(startedOn: string): string {
  return addMonths(startedOn, AFTERCARE_MAX_MONTHS);
}

/** Days before the end of aftercare when the worker is reminded. */
export const AFTERCARE_REMINDER_DAYS = 14;
