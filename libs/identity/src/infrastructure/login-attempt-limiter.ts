import { Injectable } from '@nestjs/common';
import { AppConfig } from '@woonbrug/config';
import { TooManyAttemptsError } from '../domain/identity.errors';

const WINDOW_MS = 60_000;
/** Past this many keys, expired ones are dropped on the next failure: a flood of e-mails cannot grow memory without bound. */
const PRUNE_ABOVE = 10_000;

/**
 * Per-account guessing limit that an attacker cannot turn into a lockout of the real user.
 *
 * Design (issue 8, "without letting an attacker lock a real user out"):
 * - Only *failed* attempts count against an account (wrong password, wrong current password on a
 *   password change, wrong second-factor code), within a sliding minute.
 * - One address may fail `LOGIN_RATE_LIMIT` times a minute for one account; then that address is
 *   refused (429) for that account, even with the right password.
 * - When the account as a whole has failed `LOGIN_RATE_LIMIT` times in the minute (an attack from
 *   many addresses), every address that has itself failed for it is refused; an address that has
 *   not failed may still try, so the real user from their own address still gets in, and each new
 *   attacking address gets a single guess before it is refused too.
 * - Independently, the throttler on the login routes caps all attempts per address
 *   (`LOGIN_RATE_LIMIT` a minute), so that one address cannot spray many accounts either.
 * A success from an address clears that address's failures for the account.
 *
 * Counters live in this process (like the throttler's): a deployment with several instances of a
 * portal multiplies the limits by their number, which still bounds guessing.
 */
@Injectable()
export class LoginAttemptLimiter {
  private readonly byAccount = new Map<string, number[]>();
  private readonly byAccountAndAddress = new Map<string, number[]>();
  private readonly limit: number;

  constructor(config: AppConfig) {
    this.limit = config.LOGIN_RATE_LIMIT;
  }

  /** Throws {@link TooManyAttemptsError} when `address` may not try `account` now. */
  admit(account: string, address: string): void {
    const now = Date.now();
    const fromHere = recent(this.byAccountAndAddress.get(pairKey(account, address)), now);
    if (fromHere >= this.limit) throw new TooManyAttemptsError();
    if (fromHere > 0 && recent(this.byAccount.get(account), now) >= this.limit) throw new TooManyAttemptsError();
  }

  recordFailure(account: string, address: string): void {
    const now = Date.now();
    this.push(this.byAccount, account, now);
    this.push(this.byAccountAndAddress, pairKey(account, address), now);
  }

  recordSuccess(account: string, address: string): void {
    this.byAccountAndAddress.delete(pairKey(account, address));
  }

  private push(map: Map<string, number[]>, key: string, now: number): void {
    if (map.size > PRUNE_ABOVE) {
      for (const [k, times] of map) if (recent(times, now) === 0) map.delete(k);
    }
    // Keep only what can still count: the last `limit` failures of the window.
    const times = (map.get(key) ?? []).filter((t) => now - t < WINDOW_MS).slice(-this.limit);
    times.push(now);
    map.set(key, times);
  }
}

function pairKey(account: string, address: string): string {
  return `${account}\n${address}`;
}

function recent(times: readonly number[] | undefined, now: number): number {
  return times ? times.filter((t) => now - t < WINDOW_MS).length : 0;
}
