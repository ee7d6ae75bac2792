import { toProblem } from '../errors/problem-details.filter';
import { idempotencyKeyOf, requestFingerprint } from './idempotency-key';
import { IdempotencyKeyInUseError, IdempotencyKeyReusedError, InvalidIdempotencyKeyError } from './idempotency.errors';

const translate = (_key: string, fallback: string) => fallback;

describe('idempotencyKeyOf', () => {
  it('reads a bare key and the draft’s quoted (structured-field string) form alike', () => {
    expect(idempotencyKeyOf(undefined)).toBeUndefined();
    expect(idempotencyKeyOf('8e03978e-40d5-43e8-bc93-6894a57f9324')).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
    expect(idempotencyKeyOf('"8e03978e-40d5-43e8-bc93-6894a57f9324"')).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
    expect(idempotencyKeyOf('k'.repeat(255))).toHaveLength(255);
  });

  it.each([[''], ['   '], ['""'], ['k'.repeat(256)], ['sleutel-é'], ['a\u0000b'], [['a', 'b']]])('refuses %j with 400', (header) => {
    expect(() => idempotencyKeyOf(header)).toThrow(InvalidIdempotencyKeyError);
  });
});

describe('requestFingerprint', () => {
  it('is the same for the same request and differs in method, path or body', () => {
    const base = requestFingerprint('POST', '/api/referrals', { a: 1 });
    expect(base).toHaveLength(32);
    expect(requestFingerprint('post', '/api/referrals', { a: 1 }).equals(base)).toBe(true);
    expect(requestFingerprint('PUT', '/api/referrals', { a: 1 }).equals(base)).toBe(false);
    expect(requestFingerprint('POST', '/api/referrals/x', { a: 1 }).equals(base)).toBe(false);
    expect(requestFingerprint('POST', '/api/referrals', { a: 2 }).equals(base)).toBe(false);
    expect(requestFingerprint('POST', '/api/referrals', undefined).equals(requestFingerprint('POST', '/api/referrals', null))).toBe(true);
  });
});

describe('problem details of the Idempotency-Key refusals', () => {
  it('answers 400, 422 and 409 with their codes', () => {
    expect(toProblem(new InvalidIdempotencyKeyError(), translate)).toMatchObject({ status: 400, code: 'INVALID_IDEMPOTENCY_KEY' });
    expect(toProblem(new IdempotencyKeyReusedError(), translate)).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(toProblem(new IdempotencyKeyInUseError(), translate)).toMatchObject({ status: 409, code: 'IDEMPOTENCY_KEY_IN_USE' });
  });
});
