import { DEMO_ACCOUNTS } from '@woonbrug/database';
import { Secret, TOTP } from 'otpauth';
import { Client } from 'pg';

/**
 * Test side of the TOTP second factor (workers, coordinators, privacy officers): codes are
 * computed from the seeded secrets with the same library as the portals (otpauth, RFC 6238).
 *
 * Codes are single-use: an account remembers the last time step it accepted, and refuses a code of
 * that step or an earlier one. Two logins of one persona within the same 30 seconds — in one test
 * file, or in the file before it on this Jest worker's database — would therefore fail. Instead of
 * weakening the product, {@link acceptableCode} reads the account's last step and, when the current
 * step is used up, waits for the next one. Logins of one persona in this process go one at a time.
 */
const PERIOD_MS = 30_000;

/** The published secret of a demo account (`undefined` for partners and the admin). */
export function demoSecondFactorSecret(email: string): string | undefined {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email.toLowerCase());
  return account && 'secondFactorSecret' in account ? account.secondFactorSecret : undefined;
}

/** The code of `secret` at `timestamp` (ms). */
export function totpCode(secret: string, timestamp = Date.now()): string {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: PERIOD_MS / 1000, secret: Secret.fromBase32(secret) }).generate({ timestamp });
}

/** The current time step (what the portals store as the last step used). */
export function currentTimeStep(now = Date.now()): number {
  return Math.floor(now / PERIOD_MS);
}

/** Resolves at the start of the next time step (plus a little margin). */
export async function nextTimeStep(): Promise<void> {
  const now = Date.now();
  await new Promise((resolve) => setTimeout(resolve, (currentTimeStep(now) + 1) * PERIOD_MS - now + 50));
}

async function lastAcceptedStep(databaseUrl: string, email: string): Promise<number | null> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ step: string | null }>('SELECT second_factor_last_step AS step FROM user_account WHERE email = $1', [email.toLowerCase()]);
    return rows[0]?.step == null ? null : Number(rows[0].step);
  } finally {
    await db.end();
  }
}

/** Per e-mail, the chain of logins in this process, so that two never race for one time step. */
const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `submit` with a code that the account will accept: of a time step later than the last one
 * it accepted (waiting for the next step when needed). `secret` defaults to the demo secret.
 */
export function withAcceptableCode<T>(email: string, submit: (code: string) => Promise<T>, options: { secret?: string; databaseUrl?: string } = {}): Promise<T> {
  const key = email.toLowerCase();
  const run = async () => {
    const secret = options.secret ?? demoSecondFactorSecret(key);
    if (!secret) throw new Error(`no second-factor secret known for ${email}`);
    const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error('DATABASE_URL is not set: start the portals first');
    const last = await lastAcceptedStep(databaseUrl, key);
    while (last !== null && currentTimeStep() <= last) await nextTimeStep();
    return submit(totpCode(secret));
  };
  const result = (queues.get(key) ?? Promise.resolve()).then(run, run);
  queues.set(
    key,
    result.catch(() => undefined),
  );
  return result;
}

/** The part of a login response the second step needs (supertest's response fits). */
export interface LoginAnswer {
  readonly status: number;
  readonly body: { secondFactor?: { enrolment: { secret: string } | null } } & Record<string, unknown>;
}

/** Whether a login answered "password accepted, now the code" (and with which secret, when enrolling). */
export function pendingSecondFactor(res: LoginAnswer): { enrolmentSecret?: string } | null {
  if (res.status !== 200 || !res.body?.secondFactor) return null;
  return { enrolmentSecret: res.body.secondFactor.enrolment?.secret };
}
