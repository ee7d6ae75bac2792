import type { RouteRow } from './authorization-rows';

/** Authorization rows of the tenant-overview routes (see authorization-rows.ts for the outcome classes). */
export const TENANT_OVERVIEW_ROWS: readonly RouteRow[] = [];
