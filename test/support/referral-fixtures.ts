import { randomUUID } from 'node:crypto';

/** A valid referral body; each call names a new, clearly fictitious household. */
export function validReferral(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const unique = randomUUID().slice(0, 8);
  return {
    tenantName: `Testhuurder ${unique}`,
    address: `Teststraat ${unique}`,
    municipality: 'Beveren',
    reason: 'lease_termination_neglect',
    noticeDate: '2026-09-15',
    hearingDate: '2026-12-20',
    referrerContactName: 'Test Contact',
    referrerContactPhone: '03 123 45 67',
    context: 'Woning sterk vervuild; huurder reageert niet op brieven.',
    tenantInformed: true,
    ...overrides,
  };
}
