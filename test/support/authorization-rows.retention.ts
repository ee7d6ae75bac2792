import type { RouteRow } from './authorization-rows';

/** Authorization rows of the retention routes (see authorization-rows.ts for the outcome classes). */
export const RETENTION_ROWS: readonly RouteRow[] = [];
