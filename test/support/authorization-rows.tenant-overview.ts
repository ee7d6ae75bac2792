import { ownCase, SIGNED_OUT, type RouteRow } from './authorization-rows';

/**
 * Authorization rows of the tenant-overview routes (see authorization-rows.ts for the outcome
 * classes). The tenant's overview (GDPR art. 15) is produced by the case's assigned worker only:
 * another worker gets what a missing case gives; the coordinator (metadata only), the privacy
 * officer (the log, never content) and the admin have no ability on it at all.
 */
export const TENANT_OVERVIEW_ROWS: readonly RouteRow[] = (
  [
    ['/api/cases/:caseId/overview', 'the overview as JSON; the export is logged'],
    ['/cases/:caseId/overview', 'the printable page; the export is logged'],
    ['/cases/:caseId/overview.pdf', 'the PDF as an attachment; the export is logged'],
  ] as const
).map(
  ([path, means]): RouteRow => ({
    portal: 'worker', method: 'GET', path, allowStatus: 200, allowMeans: means, params: ownCase,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT },
  }),
);
