import { Client } from 'pg';
import { startPortals, type Portals } from '../support/portals';
import { validReferral } from '../support/referral-fixtures';

jest.setTimeout(90_000);

/**
 * The referrer's list comes in pages (issue 7): every referral of the organisation exactly once,
 * newest first, another organisation's never; each page logs one read per case it shows.
 */
let portals: Portals;
let db: Client;
let gmh: string;
let bvt: string;

async function allPages(cookie: string, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let before: string | null = null;
  do {
    const query: string = `?limit=${limit}${before ? `&before=${encodeURIComponent(before)}` : ''}`;
    const res = await portals.http('landlord').get(`/api/referrals${query}`).set('Cookie', cookie);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    pages.push(res.body.items.map((r: { id: string }) => r.id));
    before = res.body.next;
  } while (before && pages.length < 100);
  return pages;
}

beforeAll(async () => {
  portals = await startPortals({}, { ownDatabase: 'referral_paging' });
  db = new Client({ connectionString: portals.databaseUrl });
  await db.connect();
  gmh = await portals.login('gmh');
  bvt = await portals.login('bvt');
  // Seven referrals in one statement's time would share created_at: ties are broken by id.
  for (let i = 0; i < 7; i++) {
    const res = await portals.http('landlord').post('/api/referrals').set('Cookie', gmh).send(validReferral({ tenantName: `Paging Huurder ${i}` }));
    expect(res.status).toBe(201);
  }
  await db.query(`UPDATE referral SET created_at = date_trunc('second', created_at) WHERE tenant_name LIKE 'Paging Huurder %'`);
});

afterAll(async () => {
  await db?.end();
  await portals?.close();
});

describe('the referrer list in pages', () => {
  it('walks every referral of the organisation exactly once, newest first, in pages of the asked size', async () => {
    const own = await db.query<{ id: string }>(
      `SELECT r.id FROM referral r JOIN user_account u ON u.organisation_id = r.referrer_organisation_id WHERE u.email = 'gmh@woonbrug.example' ORDER BY r.created_at DESC, r.id DESC`,
    );
    expect(own.rows.length).toBeGreaterThan(6);
    const pages = await allPages(gmh, 3);
    expect(pages.length).toBe(Math.ceil(own.rows.length / 3));
    expect(pages.flat()).toEqual(own.rows.map((r) => r.id));
  });

  it("never shows another organisation's referral on any page", async () => {
    const gmhIds = new Set((await allPages(gmh, 2)).flat());
    const bvtIds = (await allPages(bvt, 2)).flat();
    expect(bvtIds.length).toBeGreaterThan(0);
    expect(bvtIds.filter((id) => gmhIds.has(id))).toEqual([]);
  });

  it('answers a page of 50 by default and logs one list event per case shown', async () => {
    const before = Number((await db.query(`SELECT count(*) AS n FROM audit_event WHERE event_type = 'case.list'`)).rows[0].n);
    const res = await portals.http('landlord').get('/api/referrals?limit=2').set('Cookie', gmh);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    expect(typeof res.body.next).toBe('string');
    const after = Number((await db.query(`SELECT count(*) AS n FROM audit_event WHERE event_type = 'case.list'`)).rows[0].n);
    expect(after - before).toBe(2);
    const all = await portals.http('landlord').get('/api/referrals').set('Cookie', gmh);
    expect(all.body.items.length).toBe(Math.min(50, (await allPages(gmh, 100)).flat().length));
  });

  it.each([['0'], ['101'], ['ten'], ['2.5']])('refuses limit=%s with 400 problem details', async (limit) => {
    const res = await portals.http('landlord').get(`/api/referrals?limit=${limit}`).set('Cookie', gmh);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['limit']);
  });

  it.each([['yesterday'], ["2026-01-01T00:00:00.000000Z~1' OR '1'='1"], ['2026-01-01T00:00:00Z~00000000-0000-4000-8000-000000000000']])(
    'refuses a cursor that is not a next value (%s) with 400',
    async (before) => {
      const res = await portals.http('landlord').get(`/api/referrals?before=${encodeURIComponent(before)}`).set('Cookie', gmh);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['before']);
    },
  );

  it('links the list page to older referrals and back', async () => {
    // More than one page of 50: copies of one referral (a case may have several).
    await db.query(`CREATE TEMP TABLE extra AS SELECT r.* FROM referral r, generate_series(1, 50) WHERE r.tenant_name = 'Paging Huurder 0'`);
    await db.query(`UPDATE extra SET id = gen_random_uuid(), tenant_name = 'Paging Extra', created_at = created_at - interval '1 day'`);
    await db.query(`INSERT INTO referral SELECT * FROM extra`);
    const first = await portals.http('landlord').get('/referrals').set('Cookie', gmh);
    expect(first.status).toBe(200);
    expect(first.text).not.toContain('Naar de nieuwste aanmeldingen');
    const older = /href="(\/referrals\?before=[^"]+)"/.exec(first.text);
    expect(older).not.toBeNull();
    const second = await portals.http('landlord').get(older![1]!.replace(/&amp;/g, '&')).set('Cookie', gmh);
    expect(second.status).toBe(200);
    expect(second.text).toContain('Paging Extra');
    expect(second.text).toContain('<a href="/referrals">Naar de nieuwste aanmeldingen</a>');
    const garbled = await portals.http('landlord').get('/referrals?before=nonsense').set('Cookie', gmh);
    expect(garbled.status).toBe(200);
    expect(garbled.text).not.toContain('Naar de nieuwste aanmeldingen');
  });
});
