import type { RouteRow } from './authorization-rows';

/** Authorization rows of the intervision routes (see authorization-rows.ts for the outcome classes). */
export const INTERVISION_ROWS: readonly RouteRow[] = [];
