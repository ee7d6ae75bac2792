import { confirmationNeeded, consentState, defaultExpiry } from './sharing-rules';

describe('consent state', () => {
  const base = { givenOn: '2026-01-10', expiresOn: '2026-12-31', withdrawnAt: null };
  it('is active between its dates', () => expect(consentState(base, '2026-06-01')).toBe('active'));
  it('is active on its last day and expired the day after', () => {
    expect(consentState(base, '2026-12-31')).toBe('active');
    expect(consentState(base, '2027-01-01')).toBe('expired');
  });
  it('is not valid before it was given', () => expect(consentState(base, '2026-01-09')).toBe('not_yet_valid'));
  it('is withdrawn whatever the dates', () => expect(consentState({ ...base, withdrawnAt: '2026-02-01T10:00:00Z' }, '2026-06-01')).toBe('withdrawn'));
});

describe('confirmation before disclosure', () => {
  it('needs none for status', () => {
    expect(confirmationNeeded('status', false)).toBe('none');
    expect(confirmationNeeded('status', true)).toBe('none');
  });
  it('warns for a recipient not bound by professional secrecy', () => expect(confirmationNeeded('housing', false)).toBe('warning'));
  it('asks the shared-secrecy conditions for a bound recipient', () => expect(confirmationNeeded('financial', true)).toBe('shared_secrecy'));
});

it('lets consent expire a year after it was given by default', () => {
  expect(defaultExpiry('2026-02-28')).toBe('2027-02-28');
});
