import { SIGNED_OUT, type RouteRow } from './authorization-rows';

/** The coordinator only: workers, the privacy officer and the administrator read no figures. */
const COORDINATOR_ONLY = { worker: 'deny', worker2: 'deny', coordinator: 'allow', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } as const;
/** Workers and the coordinator of the outreach organisation: bottlenecks are shared within it. */
const OUTREACH_TEAM = { worker: 'allow', worker2: 'allow', coordinator: 'allow', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } as const;
const bottleneck = () => ({ category: 'working_alone', body: 'Matrix: huisbezoeken alleen, zonder collega.' });

/** Authorization rows of the reporting routes (see authorization-rows.ts for the outcome classes). */
export const REPORTING_ROWS: readonly RouteRow[] = [
  // The yearly report and the evaluation: the coordinator over the own organisation.
  { portal: 'worker', method: 'GET', path: '/api/reports/yearly', allowStatus: 200, expect: COORDINATOR_ONLY },
  { portal: 'worker', method: 'GET', path: '/api/reports/evaluation', allowStatus: 200, expect: COORDINATOR_ONLY },
  { portal: 'worker', method: 'GET', path: '/reports/yearly', allowStatus: 200, expect: COORDINATOR_ONLY },
  { portal: 'worker', method: 'GET', path: '/reports/yearly.csv', allowStatus: 200, allowMeans: 'the CSV, and the export is logged', expect: COORDINATOR_ONLY },
  { portal: 'worker', method: 'GET', path: '/reports/evaluation', allowStatus: 200, expect: COORDINATOR_ONLY },

  // Bottlenecks: record and read within the own outreach organisation.
  { portal: 'worker', method: 'GET', path: '/api/bottlenecks', allowStatus: 200, expect: OUTREACH_TEAM },
  { portal: 'worker', method: 'POST', path: '/api/bottlenecks', allowStatus: 201, allowMeans: 'the bottleneck is stored', body: bottleneck, expect: OUTREACH_TEAM },
  { portal: 'worker', method: 'GET', path: '/bottlenecks', allowStatus: 200, expect: OUTREACH_TEAM },
  { portal: 'worker', method: 'POST', path: '/bottlenecks', allowStatus: 303, allowMeans: 'stored, redirect to the list', form: true, body: bottleneck, expect: OUTREACH_TEAM },

  // Partners' figures: every landlord and OCMW agent, over its own referrals (counts only).
  { portal: 'landlord', method: 'GET', path: '/api/figures', allowStatus: 200, expect: { gmh: 'allow', bvt: 'allow', ...SIGNED_OUT } },
  { portal: 'landlord', method: 'GET', path: '/figures', allowStatus: 200, expect: { gmh: 'allow', bvt: 'allow', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'GET', path: '/api/figures', allowStatus: 200, expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'allow', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'GET', path: '/figures', allowStatus: 200, expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'allow', ...SIGNED_OUT } },
];
