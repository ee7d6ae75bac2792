import type { AppConfig } from '@woonbrug/config';
import { TooManyAttemptsError } from '../domain/identity.errors';
import { LoginAttemptLimiter } from './login-attempt-limiter';

const limiterOf = (limit: number) => new LoginAttemptLimiter({ LOGIN_RATE_LIMIT: limit } as AppConfig);

describe('LoginAttemptLimiter', () => {
  afterEach(() => jest.useRealTimers());

  it('refuses an address after `limit` failures for one account, even before the password is checked', () => {
    const limiter = limiterOf(3);
    for (let i = 0; i < 3; i += 1) {
      expect(() => limiter.admit('a@x', '10.0.0.1')).not.toThrow();
      limiter.recordFailure('a@x', '10.0.0.1');
    }
    expect(() => limiter.admit('a@x', '10.0.0.1')).toThrow(TooManyAttemptsError);
    // Another account from the same address is not affected by this counter.
    expect(() => limiter.admit('b@x', '10.0.0.1')).not.toThrow();
  });

  it('under attack from many addresses, refuses the failing addresses and still admits a clean one', () => {
    const limiter = limiterOf(3);
    for (let i = 1; i <= 5; i += 1) {
      limiter.admit('a@x', `10.0.0.${i}`);
      limiter.recordFailure('a@x', `10.0.0.${i}`);
    }
    for (let i = 1; i <= 5; i += 1) expect(() => limiter.admit('a@x', `10.0.0.${i}`)).toThrow(TooManyAttemptsError);
    expect(() => limiter.admit('a@x', '192.0.2.7')).not.toThrow();
  });

  it('forgets failures after a minute, and a success clears its own address', () => {
    jest.useFakeTimers({ now: new Date('2026-11-29T10:00:00Z') });
    const limiter = limiterOf(2);
    limiter.recordFailure('a@x', '10.0.0.1');
    limiter.recordFailure('a@x', '10.0.0.1');
    expect(() => limiter.admit('a@x', '10.0.0.1')).toThrow(TooManyAttemptsError);
    jest.setSystemTime(new Date('2026-11-29T10:01:00.001Z'));
    expect(() => limiter.admit('a@x', '10.0.0.1')).not.toThrow();

    // 10.0.0.2 failed once and then logged in; the account then reaches its limit from elsewhere.
    limiter.recordFailure('a@x', '10.0.0.2');
    limiter.recordSuccess('a@x', '10.0.0.2');
    limiter.recordFailure('a@x', '10.0.0.3');
    expect(() => limiter.admit('a@x', '10.0.0.3')).toThrow(TooManyAttemptsError);
    expect(() => limiter.admit('a@x', '10.0.0.2')).not.toThrow();
  });
});
