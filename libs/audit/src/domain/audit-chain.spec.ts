import fc from 'fast-check';
import { auditChainHash, canonicalAuditRecord } from './audit-chain';
import { InvalidAuditEventError, purposeDigest, toAuditRecord, type AuditEvent, type AuditRecord } from './audit-event';

const AT = new Date('2027-03-01T09:15:30.123Z');
const EVENT: AuditEvent = {
  eventType: 'case.read',
  outcome: 'allowed',
  action: 'read',
  userId: '11111111-1111-4111-8111-111111111111',
  role: 'partner_agent',
  organisationId: '22222222-2222-4222-8222-222222222222',
  onBehalfOf: '33333333-3333-4333-8333-333333333333',
  caseId: '44444444-4444-4444-8444-444444444444',
  casePseudonym: 'P-0001',
  subject: 'case',
  category: 'housing',
  fields: ['rent', 'arrears'],
  consentId: '55555555-5555-4555-8555-555555555555',
  purpose: 'prevent eviction',
  portal: 'landlord',
  clientAddress: '203.0.113.7',
  correlationId: 'req-1',
};
const PREV = Buffer.alloc(32, 7);

describe('canonical form and chain hash of an audit event', () => {
  it('does not depend on the order in which the event was built', () => {
    const reversed = Object.fromEntries(Object.entries(EVENT).reverse()) as unknown as AuditEvent;
    expect(Object.keys(reversed)).not.toEqual(Object.keys(EVENT));
    expect(canonicalAuditRecord(toAuditRecord(reversed, AT))).toBe(canonicalAuditRecord(toAuditRecord(EVENT, AT)));
    expect(auditChainHash(PREV, toAuditRecord(reversed, AT))).toEqual(auditChainHash(PREV, toAuditRecord(EVENT, AT)));
  });

  it('does not depend on key order, for any permutation', () => {
    const entries = Object.entries(EVENT);
    const expected = auditChainHash(PREV, toAuditRecord(EVENT, AT));
    fc.assert(
      fc.property(fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }), (shuffled) => {
        const event = Object.fromEntries(shuffled) as unknown as AuditEvent;
        expect(auditChainHash(PREV, toAuditRecord(event, AT))).toEqual(expected);
      }),
    );
  });

  it('is stable: fixed member order, ISO time in UTC, sorted field names, null for what does not apply', () => {
    const canonical = canonicalAuditRecord(toAuditRecord({ eventType: 'login.failed', outcome: 'denied', action: 'login' }, AT));
    expect(canonical).toBe(
      '{"action":"login","caseId":null,"casePseudonym":null,"category":null,"clientAddress":null,"consentId":null,"correlationId":null,' +
        '"eventType":"login.failed","fields":[],"occurredAt":"2027-03-01T09:15:30.123Z","onBehalfOf":null,"organisationId":null,' +
        '"outcome":"denied","portal":null,"purposeDigest":null,"role":null,"subject":null,"userId":null,"v":2}',
    );
    expect(canonicalAuditRecord(toAuditRecord(EVENT, AT))).toContain('"fields":["arrears","rent"]');
  });

  it('hashes the purpose by its digest (version 2), so that erasing the text keeps the hash; version 1 hashed the text', () => {
    const withPurpose = toAuditRecord({ ...EVENT, purpose: 'Opvolging huurachterstal mevrouw Peeters' }, AT);
    expect(withPurpose.purposeDigest).toBe(purposeDigest('Opvolging huurachterstal mevrouw Peeters'));
    expect(canonicalAuditRecord(withPurpose)).not.toContain('Peeters');
    const erased = { ...withPurpose, purpose: null };
    expect(auditChainHash(PREV, erased)).toEqual(auditChainHash(PREV, withPurpose));
    const otherPurpose = toAuditRecord({ ...EVENT, purpose: 'Opvolging huurachterstal' }, AT);
    expect(auditChainHash(PREV, otherPurpose)).not.toEqual(auditChainHash(PREV, withPurpose));
    const v1 = { ...withPurpose, canonicalVersion: 1 as const };
    expect(canonicalAuditRecord(v1)).toContain('"purpose":"Opvolging huurachterstal mevrouw Peeters"');
    expect(auditChainHash(PREV, { ...v1, purpose: null })).not.toEqual(auditChainHash(PREV, v1));
  });

  it('treats absent and null alike, field order and duplicates as irrelevant, uuids case-insensitively', () => {
    const base = toAuditRecord({ eventType: 'case.list', outcome: 'allowed', action: 'list', fields: ['b', 'a'] }, AT);
    const same = toAuditRecord({ eventType: 'case.list', outcome: 'allowed', action: 'list', fields: ['a', 'b', 'a'], caseId: null, role: undefined }, AT);
    expect(auditChainHash(null, same)).toEqual(auditChainHash(null, base));
    const upper = toAuditRecord({ ...EVENT, userId: EVENT.userId!.toUpperCase() }, AT);
    expect(upper.userId).toBe(EVENT.userId);
    expect(auditChainHash(PREV, upper)).toEqual(auditChainHash(PREV, toAuditRecord(EVENT, AT)));
  });

  it('changes when any member of the event changes', () => {
    const base = toAuditRecord(EVENT, AT);
    const baseHash = auditChainHash(PREV, base);
    const changes: Array<Partial<Record<keyof AuditRecord, unknown>>> = [
      { occurredAt: new Date(AT.getTime() + 1) },
      { eventType: 'case.list' },
      { outcome: 'denied' },
      { action: 'export' },
      { userId: '11111111-1111-4111-8111-111111111112' },
      { role: 'worker' },
      { organisationId: null },
      { onBehalfOf: null },
      { caseId: '44444444-4444-4444-8444-444444444445' },
      { casePseudonym: 'P-0002' },
      { subject: 'fact' },
      { category: 'income' },
      { fields: ['arrears'] },
      { fields: ['arrears', 'rent', 'name'] },
      { consentId: null },
      { purposeDigest: 'ab'.repeat(32) },
      { canonicalVersion: 1 },
      { portal: 'ocmw' },
      { clientAddress: '203.0.113.8' },
      { correlationId: 'req-2' },
    ];
    // The purpose text is covered through its digest (see the test on erasing it).
    const covered = new Set(changes.flatMap((c) => Object.keys(c)));
    expect([...covered].sort()).toEqual(Object.keys(base).filter((k) => k !== 'purpose').sort());
    const hashes = new Set([baseHash.toString('hex')]);
    for (const change of changes) {
      const hash = auditChainHash(PREV, { ...base, ...change } as AuditRecord).toString('hex');
      expect(hash).not.toBe(baseHash.toString('hex'));
      hashes.add(hash);
    }
    expect(hashes.size).toBe(changes.length + 1);
  });

  it('changes with the previous hash, and the first event differs from one with a previous hash', () => {
    const record = toAuditRecord(EVENT, AT);
    const other = Buffer.from(PREV);
    other[31] ^= 1;
    expect(auditChainHash(PREV, record)).not.toEqual(auditChainHash(other, record));
    expect(auditChainHash(null, record)).not.toEqual(auditChainHash(PREV, record));
    expect(auditChainHash(PREV, record)).toHaveLength(32);
  });

  it('does not let a value pass as a field name, nor a non-uuid as an id', () => {
    expect(() => toAuditRecord({ ...EVENT, fields: ['rent', 'Jan Peeters'] }, AT)).toThrow(InvalidAuditEventError);
    expect(() => toAuditRecord({ ...EVENT, fields: ['note=heeft schulden'] }, AT)).toThrow(InvalidAuditEventError);
    expect(() => toAuditRecord({ ...EVENT, fields: ['x'.repeat(101)] }, AT)).toThrow(InvalidAuditEventError);
    expect(() => toAuditRecord({ ...EVENT, caseId: 'case 12' }, AT)).toThrow(InvalidAuditEventError);
    expect(() => toAuditRecord(EVENT, new Date('nope'))).toThrow(InvalidAuditEventError);
    expect(toAuditRecord({ ...EVENT, fields: ['address.street', 'facts[].kind'] }, AT).fields).toEqual(['address.street', 'facts[].kind']);
  });
});
