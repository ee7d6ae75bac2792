/**
 * The measured endpoints: the hot paths of a region in use. Each names the portal, the user whose
 * session it uses, and whether it is a read whose p99 must not grow with the database.
 */
import { BENCH_PASSWORD } from './generate-data.mjs';

/** The partner's list: one page of 50 (one audit event per case shown). */
export const PARTNER_LIST_PATH = '/api/referrals?limit=50';

export function endpointsFor(hot, today) {
  return [
    {
      key: 'partner-list',
      title: 'partner case list (page of 50)',
      portal: 'landlord',
      user: 'landlord',
      userId: hot.landlord.id,
      method: 'GET',
      path: PARTNER_LIST_PATH,
      expect: 200,
      read: true,
      versusBaseline: true,
    },
    {
      key: 'partner-detail',
      title: 'partner case detail (+ audit write)',
      portal: 'landlord',
      user: 'landlord',
      userId: hot.landlord.id,
      method: 'GET',
      path: `/api/referrals/${hot.referralId}`,
      expect: 200,
      read: true,
      versusBaseline: true,
    },
    { key: 'worker-caseload', title: 'worker caseload', portal: 'worker', user: 'worker', userId: hot.worker.id, method: 'GET', path: '/api/cases', expect: 200, read: true },
    {
      key: 'yearly-report',
      title: 'yearly report (coordinator)',
      portal: 'worker',
      user: 'coordinator',
      userId: hot.coordinator.id,
      method: 'GET',
      path: '/api/reports/yearly',
      expect: 200,
      optional: true,
      report: true,
    },
    {
      key: 'worker-add-fact',
      title: 'worker adds a fact (write)',
      portal: 'worker',
      user: 'worker',
      userId: hot.worker.id,
      method: 'POST',
      path: `/api/cases/${hot.factCaseId}/facts`,
      body: { category: 'agreements', body: 'Afspraak: wekelijks huisbezoek op dinsdag (bench).', occurredOn: today },
      expect: 201,
    },
    {
      key: 'login',
      title: 'login (argon2id)',
      portal: 'landlord',
      user: null,
      userId: hot.landlord.id,
      method: 'POST',
      path: '/api/session',
      body: { email: hot.landlord.email, password: BENCH_PASSWORD },
      expect: 200,
    },
  ];
}
