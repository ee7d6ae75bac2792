import { registeredRoutes } from '@woonbrug/web';
import { Client } from 'pg';
import { startPortals, type PortalName, type Portals } from '../support/portals';

/**
 * Cross-origin request protection on every form and every write (issue 8): each state-changing
 * route of each portal, sent by a signed-in user's browser from another site, is refused with 403
 * before it runs — nothing is stored. The same request from the portal's own pages is not refused
 * by this protection (it may still fail for other reasons, such as a missing record).
 */
jest.setTimeout(180_000);

let portals: Portals;
let db: Client;

const PERSONA: Record<PortalName, 'worker' | 'gmh' | 'ocmwBeveren'> = { worker: 'worker', landlord: 'gmh', ocmw: 'ocmwBeveren' };
const DUMMY_ID = '00000000-0000-4000-8000-000000000000';
/** Tables a forged write could touch. */
const TABLES = ['referral', 'case_file', 'fact', 'consent', 'disclosure', 'private_note', 'financial_referral', 'procedure_event', 'bottleneck', 'intervision_case'];

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const exists = (await db.query(`SELECT to_regclass($1) AS t`, [table])).rows[0].t;
    if (exists) counts[table] = Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  }
  return counts;
}

function writes(portal: PortalName): Array<{ method: string; path: string }> {
  return registeredRoutes(portals.apps[portal])
    .filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method))
    .map((r) => ({ method: r.method, path: r.path.replace(/:[^/]+/g, DUMMY_ID) }));
}

/** The cross-origin refusal: 403 with its own code (problem details, or the error page's text). */
function refusedAsCrossOrigin(res: { status: number; text: string }): boolean {
  return res.status === 403 && (res.text.includes('"code":"CROSS_ORIGIN_REQUEST"') || res.text.includes('andere website'));
}

function send(portal: PortalName, method: string, path: string) {
  const agent = portals.http(portal);
  return method === 'POST' ? agent.post(path) : method === 'PUT' ? agent.put(path) : method === 'PATCH' ? agent.patch(path) : agent.delete(path);
}

beforeAll(async () => {
  portals = await startPortals({}, { ownDatabase: 'cross_origin' });
  db = new Client({ connectionString: portals.databaseUrl });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await portals?.close();
});

describe.each(['worker', 'landlord', 'ocmw'] as const)('the %s portal', (portal) => {
  it('refuses every write sent from another site (Sec-Fetch-Site or Origin) with 403, and stores nothing', async () => {
    const cookie = await portals.login(PERSONA[portal]);
    const routes = writes(portal);
    expect(routes.length).toBeGreaterThan(portal === 'worker' ? 20 : 5);
    const before = await rowCounts();
    const allowed: string[] = [];
    for (const { method, path } of routes) {
      const bySite = await send(portal, method, path).set('Cookie', cookie).set('Sec-Fetch-Site', 'cross-site').type('form').send('x=1');
      const byOrigin = await send(portal, method, path).set('Cookie', cookie).set('Origin', 'https://evil.example').type('form').send('x=1');
      for (const res of [bySite, byOrigin]) if (!refusedAsCrossOrigin(res)) allowed.push(`${method} ${path}: ${res.status}`);
    }
    expect(allowed).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });

  it('lets the same writes through from its own pages (same-origin): the protection is not what answers', async () => {
    const cookie = await portals.login(PERSONA[portal]);
    const refused: string[] = [];
    for (const { method, path } of writes(portal)) {
      if (path === '/logout' || path === '/api/session') continue;
      const res = await send(portal, method, path).set('Cookie', cookie).set('Sec-Fetch-Site', 'same-origin').type('form').send('x=1');
      if (refusedAsCrossOrigin(res)) refused.push(`${method} ${path}`);
    }
    expect(refused).toEqual([]);
  });
});
