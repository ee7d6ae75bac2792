import { SIGNED_OUT, type RouteRow } from './authorization-rows';

/**
 * Authorization rows of the worker's day (issue 9). The start page itself has its row in the core
 * file; the search page answers whoever reads cases, each within the cases the policy lets them
 * read (a worker the own, the coordinator the organisation's — the e2e test workers-day checks
 * that a worker never finds another worker's case). The API search is a `q` filter on
 * `GET /api/cases`, whose row is in the core file.
 */
export const WORKERS_DAY_ROWS: readonly RouteRow[] = [
  { portal: 'worker', method: 'GET', path: '/search', allowStatus: 200, allowMeans: 'the search form (no q) or the results',
    expect: { worker: 'allow', worker2: 'allow', coordinator: 'allow', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
];
