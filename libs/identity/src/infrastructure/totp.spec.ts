import { normaliseCode, requiresSecondFactor } from '../domain/second-factor';
import { matchingTimeStep, newTotpSecret, otpauthUri, qrCodeSvg } from './totp';

/** RFC 6238 appendix B: the SHA-1 secret "12345678901234567890", in base32. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP (RFC 6238)', () => {
  it('finds the time step of the test vectors (6-digit codes of appendix B)', () => {
    expect(matchingTimeStep(RFC_SECRET, '287082', 59_000)).toBe(1);
    expect(matchingTimeStep(RFC_SECRET, '081804', 1_111_111_109_000)).toBe(Math.floor(1_111_111_109 / 30));
    expect(matchingTimeStep(RFC_SECRET, '050471', 1_111_111_111_000)).toBe(Math.floor(1_111_111_111 / 30));
  });

  it('accepts the step before and after, not two steps away', () => {
    expect(matchingTimeStep(RFC_SECRET, '287082', 89_000)).toBe(1);
    expect(matchingTimeStep(RFC_SECRET, '287082', 15_000)).toBe(1);
    expect(matchingTimeStep(RFC_SECRET, '287082', 119_000)).toBeNull();
    expect(matchingTimeStep(RFC_SECRET, '287083', 59_000)).toBeNull();
  });

  it('makes 160-bit base32 secrets and an otpauth URI for authenticator apps', async () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = otpauthUri(secret, 'worker@woonbrug.example');
    expect(uri).toBe(`otpauth://totp/Woonbrug:worker%40woonbrug.example?issuer=Woonbrug&secret=${secret}&algorithm=SHA1&digits=6&period=30`);
    expect(await qrCodeSvg(uri)).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('reads six digits, with spaces between them, and nothing else', () => {
    expect(normaliseCode('123456')).toBe('123456');
    expect(normaliseCode(' 123 456 ')).toBe('123456');
    expect(normaliseCode('12345')).toBeNull();
    expect(normaliseCode('12345a')).toBeNull();
    expect(normaliseCode(123456)).toBeNull();
    expect(normaliseCode('1'.repeat(21))).toBeNull();
  });

  it('is required for workers, coordinators and privacy officers, not for partners', () => {
    expect(['worker', 'coordinator', 'privacy_officer'].every((r) => requiresSecondFactor(r as never))).toBe(true);
    expect(['landlord_agent', 'ocmw_agent'].some((r) => requiresSecondFactor(r as never))).toBe(false);
  });
});
