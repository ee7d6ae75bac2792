import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@woonbrug/database';
import { createPortalApp } from '@woonbrug/web';
import request from 'supertest';
import { LandlordPortalModule } from '../../apps/landlord-portal/src/landlord-portal.module';
import { LANDLORD_PORTAL } from '../../apps/landlord-portal/src/main';
import { sessionCookie, startPortals, type PortalName, type Portals } from '../support/portals';

jest.setTimeout(60_000);

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals();
});

afterAll(async () => {
  await portals?.close();
});

const gmh = DEMO_ACCOUNTS.find((a) => a.persona === 'gmh')!;

/** Every route of the served OpenAPI document, as [method, path with a dummy id]. */
async function apiRoutes(portal: PortalName): Promise<Array<[string, string]>> {
  const doc = await portals.http(portal).get('/api/docs-json');
  expect(doc.status).toBe(200);
  const routes: Array<[string, string]> = [];
  for (const [path, operations] of Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(operations)) {
      routes.push([method, path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000')]);
    }
  }
  return routes;
}

describe('authentication', () => {
  it('logs in with the session cookie (httpOnly, SameSite) and logs out', async () => {
    const res = await portals.http('landlord').post('/api/session').send({ email: gmh.email, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: gmh.email, role: 'landlord_agent' });
    expect(JSON.stringify(res.body)).not.toMatch(/password|hash/i);
    const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []).filter((c) => c.startsWith('woonbrug_landlord='));
    expect(raw.at(-1)).toMatch(/HttpOnly/i);
    expect(raw.at(-1)).toMatch(/SameSite=Lax/i);
    const cookie = sessionCookie(res.headers['set-cookie']);

    expect((await portals.http('landlord').get('/api/referrals').set('Cookie', cookie)).status).toBe(200);
    expect((await portals.http('landlord').delete('/api/session').set('Cookie', cookie)).status).toBe(204);
    expect((await portals.http('landlord').get('/api/referrals').set('Cookie', cookie)).status).toBe(401);
  });

  it('gives a new session id at login (no session fixation)', async () => {
    const first = sessionCookie((await portals.http('landlord').post('/api/session').send({ email: gmh.email, password: DEMO_PASSWORD })).headers['set-cookie']);
    const second = await portals.http('landlord').post('/api/session').set('Cookie', first).send({ email: gmh.email, password: DEMO_PASSWORD });
    expect(sessionCookie(second.headers['set-cookie'])).not.toBe(first);
  });

  it('refuses a wrong password and an unknown account alike, with 401', async () => {
    const wrong = await portals.http('landlord').post('/api/session').send({ email: gmh.email, password: 'not-the-password' });
    const unknown = await portals.http('landlord').post('/api/session').send({ email: 'nobody@woonbrug.example', password: 'whatever-it-is' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.headers['set-cookie'] ?? []).toHaveLength(0);
  });

  it('refuses missing credentials with 400', async () => {
    const res = await portals.http('landlord').post('/api/session').send({});
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MISSING_CREDENTIALS');
  });

  it('refuses a landlord account on the worker portal with a clear message, and a worker on the landlord portal', async () => {
    const landlordOnWorker = await portals.http('worker').post('/api/session').send({ email: gmh.email, password: DEMO_PASSWORD });
    expect(landlordOnWorker.status).toBe(403);
    expect(landlordOnWorker.body.code).toBe('WRONG_PORTAL');
    expect(landlordOnWorker.body.title).toMatch(/portaal/);
    expect(landlordOnWorker.headers['set-cookie'] ?? []).toHaveLength(0);

    const page = await portals.http('worker').post('/login').type('form').send({ email: gmh.email, password: DEMO_PASSWORD });
    expect(page.status).toBe(403);
    expect(page.text).toContain('Met deze account kan je niet aanmelden op dit portaal');

    const workerOnLandlord = await portals.http('landlord').post('/api/session').send({ email: 'worker@woonbrug.example', password: DEMO_PASSWORD });
    expect(workerOnLandlord.status).toBe(403);
  });

  it('answers in English when asked', async () => {
    const res = await portals.http('worker').post('/api/session').set('Accept-Language', 'en').send({ email: gmh.email, password: DEMO_PASSWORD });
    expect(res.body.title).toMatch(/cannot log in on this portal/);
  });

  it.each<PortalName>(['worker', 'landlord', 'ocmw'])('answers 401 on every API route of the %s portal without a session', async (portal) => {
    const routes = await apiRoutes(portal);
    expect(routes.length).toBeGreaterThan(3);
    const open = new Set(['post /api/session', 'post /api/session/second-factor', 'get /api/session', 'get /health', 'get /health/live', 'get /health/ready']);
    for (const [method, path] of routes) {
      if (open.has(`${method} ${path}`)) continue;
      const res = await (portals.http(portal) as unknown as Record<string, (p: string) => request.Test>)[method]!(path).send({});
      expect({ route: `${method} ${path}`, status: res.status }).toEqual({ route: `${method} ${path}`, status: 401 });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it.each<PortalName>(['worker', 'landlord', 'ocmw'])('serves health and the OpenAPI document of the %s portal without a session', async (portal) => {
    const health = await portals.http(portal).get('/health');
    expect(health.status).toBe(200);
    expect(health.body.info.database.status).toBe('up');
    expect((await portals.http(portal).get('/api/docs')).status).toBe(200);
  });

  it('sends a signed-out browser to the login page', async () => {
    const res = await portals.http('landlord').get('/referrals');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/login?next=%2Freferrals');
  });

  it('refuses a cross-site form post (CSRF) and sets security headers', async () => {
    const res = await portals.http('landlord').post('/login').set('Sec-Fetch-Site', 'cross-site').type('form').send({ email: gmh.email, password: DEMO_PASSWORD });
    expect(res.status).toBe(403);
    expect(res.headers['set-cookie'] ?? []).toHaveLength(0);
    const page = await portals.http('landlord').get('/login');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('login rate limiting', () => {
  it('answers 429 after the limit for one account, also from the page', async () => {
    process.env.LOGIN_RATE_LIMIT = '3';
    const app = await createPortalApp(LandlordPortalModule, LANDLORD_PORTAL);
    process.env.LOGIN_RATE_LIMIT = '10000';
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        statuses.push((await request(app.getHttpServer()).post('/api/session').send({ email: gmh.email, password: 'wrong-password-x' })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      const last = await request(app.getHttpServer()).post('/api/session').send({ email: gmh.email, password: DEMO_PASSWORD });
      expect(last.status).toBe(429);
      expect(last.body.code).toBe('TOO_MANY_REQUESTS');
    } finally {
      await app.close();
    }
  });

  it('lets an attacker hammering one account from many addresses get 429, but not lock out the real user', async () => {
    // Addresses come from X-Forwarded-For, as behind the reverse proxy of a deployment.
    process.env.LOGIN_RATE_LIMIT = '3';
    process.env.TRUST_PROXY = 'true';
    const app = await createPortalApp(LandlordPortalModule, LANDLORD_PORTAL);
    process.env.LOGIN_RATE_LIMIT = '10000';
    delete process.env.TRUST_PROXY;
    const from = (address: string, password: string) =>
      request(app.getHttpServer()).post('/api/session').set('X-Forwarded-For', address).send({ email: gmh.email, password });
    try {
      // One address: three wrong passwords, then refused, even with the right password.
      const one: number[] = [];
      for (let i = 0; i < 3; i += 1) one.push((await from('203.0.113.1', `wrong-password-${i}`)).status);
      expect(one).toEqual([401, 401, 401]);
      const refused = await from('203.0.113.1', DEMO_PASSWORD);
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('TOO_MANY_REQUESTS');

      // Many addresses, one wrong guess each: the account is under attack; each attacking address
      // that failed is now refused with 429, and a new one gets a single guess.
      for (let i = 2; i <= 9; i += 1) expect((await from(`203.0.113.${i}`, 'wrong-password-x')).status).toBe(401);
      for (let i = 2; i <= 9; i += 1) expect((await from(`203.0.113.${i}`, 'wrong-password-y')).status).toBe(429);
      expect((await from('203.0.113.10', 'wrong-password-z')).status).toBe(401);
      expect((await from('203.0.113.10', DEMO_PASSWORD)).status).toBe(429);

      // The real user, from an address that has not failed, still logs in.
      const real = await from('198.51.100.20', DEMO_PASSWORD);
      expect(real.status).toBe(200);
      expect(real.body.user.email).toBe(gmh.email);
      // And other accounts are not affected by the attack on this one.
      const other = await request(app.getHttpServer()).post('/api/session').set('X-Forwarded-For', '198.51.100.21').send({ email: 'bvt@woonbrug.example', password: DEMO_PASSWORD });
      expect(other.status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
