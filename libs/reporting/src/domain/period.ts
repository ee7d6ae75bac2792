import type { ReportPeriod } from './report';

/** Years the report accepts in a filter. */
export const MIN_REPORT_YEAR = 2000;
export const MAX_REPORT_YEAR = 2100;

export interface FieldProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/** The period of whole years `fromYear`–`toYear` (either may be absent: open-ended). */
export function yearPeriod(fromYear?: number, toYear?: number): ReportPeriod {
  return {
    ...(fromYear !== undefined ? { from: `${fromYear}-01-01` } : {}),
    ...(toYear !== undefined ? { to: `${toYear}-12-31` } : {}),
  };
}

/** `PERIOD_ORDER` on the field that ends the period when it lies before its start. */
export function periodProblems(from: string | number | undefined, to: string | number | undefined, toField: string): FieldProblem[] {
  if (from === undefined || to === undefined) return [];
  return String(from) > String(to) ? [{ field: toField, code: 'PERIOD_ORDER', message: 'the period ends before it starts' }] : [];
}
