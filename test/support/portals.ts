import { createHash } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoPersona } from '@woonbrug/database';
import { createPortalApp } from '@woonbrug/web';
import request from 'supertest';
import { LandlordPortalModule } from '../../apps/landlord-portal/src/landlord-portal.module';
import { LANDLORD_PORTAL } from '../../apps/landlord-portal/src/main';
import { OcmwPortalModule } from '../../apps/ocmw-portal/src/ocmw-portal.module';
import { OCMW_PORTAL } from '../../apps/ocmw-portal/src/main';
import { WorkerPortalModule } from '../../apps/worker-portal/src/worker-portal.module';
import { WORKER_PORTAL } from '../../apps/worker-portal/src/main';
import { pendingSecondFactor, withAcceptableCode } from './second-factor';
import { prepareTestDatabase } from './test-database';

export type PortalName = 'worker' | 'landlord' | 'ocmw';

/**
 * The notes master key (version 1) of every test app: one key for the whole suite, derived from a
 * label, so that all test files sharing a database (and a rerun on a kept one) can unwrap each
 * other's case keys.
 */
export const TEST_NOTES_MASTER_KEY = createHash('sha256').update('woonbrug e2e private notes: master key 1').digest();

export interface Portals {
  readonly apps: Record<PortalName, NestFastifyApplication>;
  readonly databaseUrl: string;
  /**
   * Logs a demo persona in on its own portal (password, then the TOTP code for workers,
   * coordinators and privacy officers) and returns the session cookie. One session per persona
   * per test file: later calls return the same cookie, so that a file needs one code per persona.
   */
  login(persona: DemoPersona): Promise<string>;
  /** A new session of the persona, not cached (waits for the next TOTP time step when needed). */
  freshLogin(persona: DemoPersona): Promise<string>;
  /** supertest against one portal. */
  http(portal: PortalName): ReturnType<typeof request>;
  close(): Promise<void>;
}

/** Portal of a persona, from the demo accounts. */
export function portalOf(persona: DemoPersona): PortalName {
  return DEMO_ACCOUNTS.find((a) => a.persona === persona)!.portal;
}

/** The last session cookie of a response (regenerating a session sets it twice). */
export function sessionCookie(setCookie: string | string[] | undefined): string {
  const all = (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []).filter((c) => c.startsWith('woonbrug_'));
  const last = all[all.length - 1];
  if (!last) throw new Error('no session cookie in response');
  return last.split(';')[0]!;
}

/**
 * Logs in over the API with e-mail and password and, when the portal asks for the second factor,
 * with a TOTP code of the account's demo secret (or of the secret offered for enrolment). Returns
 * the cookie of the signed-in session; throws when either step is refused.
 */
export async function logInWithSecondFactor(agent: ReturnType<typeof request>, email: string, password: string, databaseUrl?: string): Promise<string> {
  const res = await agent.post('/api/session').send({ email, password });
  if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const pending = pendingSecondFactor(res);
  if (!pending) return sessionCookie(res.headers['set-cookie']);
  const halfway = sessionCookie(res.headers['set-cookie']);
  const done = await withAcceptableCode(email, (code) => agent.post('/api/session/second-factor').set('Cookie', halfway).send({ code }), {
    secret: pending.enrolmentSecret,
    databaseUrl,
  });
  if (done.status !== 200) throw new Error(`second factor of ${email} failed: ${done.status} ${JSON.stringify(done.body)}`);
  return sessionCookie(done.headers['set-cookie']);
}

/**
 * The three real portals, built exactly as `main.ts` builds them, on this worker's PostgreSQL
 * database with the demo data (or on a fresh database of the test file's own, `ownDatabase`).
 */
export async function startPortals(env: Record<string, string> = {}, options: { ownDatabase?: string } = {}): Promise<Portals> {
  const databaseUrl = await prepareTestDatabase(options.ownDatabase);
  Object.assign(
    process.env,
    {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      LOGIN_RATE_LIMIT: '10000',
      LOG_LEVEL: 'silent',
      // The worker portal's notes key; the partner portals never read it.
      NOTES_MASTER_KEYS: `1:${TEST_NOTES_MASTER_KEY.toString('base64')}`,
    },
    env,
  );
  const apps = {
    worker: await createPortalApp(WorkerPortalModule, WORKER_PORTAL),
    landlord: await createPortalApp(LandlordPortalModule, LANDLORD_PORTAL),
    ocmw: await createPortalApp(OcmwPortalModule, OCMW_PORTAL),
  };
  const http = (portal: PortalName) => request(apps[portal].getHttpServer());
  const cookies = new Map<DemoPersona, string>();
  const freshLogin = async (persona: DemoPersona): Promise<string> => {
    const account = DEMO_ACCOUNTS.find((a) => a.persona === persona)!;
    return logInWithSecondFactor(http(account.portal), account.email, DEMO_PASSWORD, databaseUrl);
  };
  return {
    apps,
    databaseUrl,
    http,
    async login(persona) {
      const cached = cookies.get(persona);
      if (cached) return cached;
      const cookie = await freshLogin(persona);
      cookies.set(persona, cookie);
      return cookie;
    },
    freshLogin,
    async close() {
      await Promise.all(Object.values(apps).map((a) => a.close()));
    },
  };
}
