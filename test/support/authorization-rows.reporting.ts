import type { RouteRow } from './authorization-rows';

/** Authorization rows of the reporting routes (see authorization-rows.ts for the outcome classes). */
export const REPORTING_ROWS: readonly RouteRow[] = [];
