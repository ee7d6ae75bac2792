import { auditEventsCsv, type AuditEventView } from './audit-search';

const event = (overrides: Partial<AuditEventView>): AuditEventView => ({
  id: '1',
  occurredAt: '2026-11-29T10:00:00.000Z',
  eventType: 'case.read',
  outcome: 'allowed',
  action: 'read',
  user: 'gmh@woonbrug.example',
  role: 'landlord_agent',
  organisation: 'GMH',
  caseReference: '2026-0001',
  subject: 'referral',
  category: null,
  fields: ['tenantName', 'facts[].body'],
  consentId: null,
  portal: 'landlord',
  clientAddress: '127.0.0.1',
  ...overrides,
});

describe('auditEventsCsv', () => {
  it('neutralises cells that a spreadsheet would run as formulas', () => {
    for (const start of ['=', '+', '-', '@']) {
      const csv = auditEventsCsv([event({ organisation: `${start}HYPERLINK("http://x")` })]);
      expect(csv).toContain(`"'${start}HYPERLINK(""http://x"")"`);
      expect(csv.split('\r\n')[1]).not.toMatch(new RegExp(`,\\${start}HYPERLINK`));
    }
  });

  it('quotes commas and quotes, and joins field names', () => {
    const csv = auditEventsCsv([event({ organisation: 'GMH, "Beveren"' })]);
    expect(csv).toContain('"GMH, ""Beveren"""');
    expect(csv).toContain('tenantName facts[].body');
    expect(csv.startsWith('id,occurredAt,eventType')).toBe(true);
  });
});
