import type { PortalName } from './portals';
import { LANDLORD_ROWS, OCMW_ROWS, WORKER_ROWS, type RouteRow } from './authorization-rows';
import { REPORTING_ROWS } from './authorization-rows.reporting';
import { INTERVISION_ROWS } from './authorization-rows.intervision';
import { TENANT_OVERVIEW_ROWS } from './authorization-rows.tenant-overview';
import { RETENTION_ROWS } from './authorization-rows.retention';
import { IDENTITY_ROWS } from './authorization-rows.identity';
import { WORKERS_DAY_ROWS } from './authorization-rows.workers-day';

/** Every row of the authorization matrix: the core rows and each feature's own file. */
const ALL_ROWS: readonly RouteRow[] = [...WORKER_ROWS, ...LANDLORD_ROWS, ...OCMW_ROWS, ...REPORTING_ROWS, ...INTERVISION_ROWS, ...TENANT_OVERVIEW_ROWS, ...RETENTION_ROWS, ...WORKERS_DAY_ROWS, ...IDENTITY_ROWS];

export const ROUTE_ROWS: Readonly<Record<PortalName, readonly RouteRow[]>> = {
  worker: ALL_ROWS.filter((r) => r.portal === 'worker'),
  landlord: ALL_ROWS.filter((r) => r.portal === 'landlord'),
  ocmw: ALL_ROWS.filter((r) => r.portal === 'ocmw'),
};
