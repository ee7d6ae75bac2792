import { Clock } from '@woonbrug/kernel';
import { DeadlineScan } from '@woonbrug/notifications';
import { registeredRoutes } from '@woonbrug/web';
import { Client } from 'pg';
import { startPortals, type Portals } from '../support/portals';

/**
 * The worker's day (issue 9) over HTTP, on a database of this file's own: the start page shows
 * the demo worker what falls due today, the cases needing attention and the unread notifications;
 * the search finds the worker's own cases by tenant name, address or case number (case and
 * accents aside) and never another worker's case, a fact or a private note; hostile search
 * texts are refused or find nothing, never a 500; and every page of a case is two clicks from
 * the start page.
 */
jest.setTimeout(120_000);

type Persona = 'worker' | 'worker2' | 'coordinator' | 'privacyOfficer';

let portals: Portals;
let db: Client;
let clock: Clock;
/** Demo cases by reference: DEMO-01 is `worker`'s, DEMO-02 `worker2`'s, DEMO-04 (same household as DEMO-01) waits for triage. */
const demo: Record<string, string> = {};

beforeAll(async () => {
  portals = await startPortals({}, { ownDatabase: 'workers_day' });
  db = new Client({ connectionString: portals.databaseUrl });
  await db.connect();
  clock = portals.apps.worker.get(Clock);
  for (const row of (await db.query(`SELECT id, reference FROM case_file WHERE reference LIKE 'DEMO-%'`)).rows as Array<{ id: string; reference: string }>) {
    demo[row.reference] = row.id;
  }
  expect(Object.keys(demo).sort()).toEqual(['DEMO-01', 'DEMO-02', 'DEMO-03', 'DEMO-04', 'DEMO-05']);
});

afterAll(async () => {
  await db?.end();
  await portals?.close();
});

async function get(persona: Persona, path: string) {
  return portals.http('worker').get(path).set('Cookie', await portals.login(persona));
}

/**
 * The ids `GET /api/cases?q=` finds for the persona. For a worker, every search also checks the
 * deny side: each case found is assigned to that worker, whatever the text.
 */
async function search(persona: Persona, q: string): Promise<string[]> {
  const res = await get(persona, `/api/cases?state=all&q=${encodeURIComponent(q)}`);
  expect({ q, status: res.status }).toEqual({ q, status: 200 });
  const ids = (res.body.items as Array<{ id: string }>).map((i) => i.id);
  if ((persona === 'worker' || persona === 'worker2') && ids.length > 0) {
    const email = persona === 'worker' ? 'worker@woonbrug.example' : 'worker2@woonbrug.example';
    const { rows } = await db.query(
      `SELECT c.id FROM case_file c JOIN user_account u ON u.id = c.assigned_worker_id WHERE c.id = ANY($1::uuid[]) AND u.email = $2`,
      [ids, email],
    );
    expect({ q, notOwn: ids.filter((id) => !rows.some((r: { id: string }) => r.id === id)) }).toEqual({ q, notOwn: [] });
  }
  return ids;
}

/** The `<section>` of a page whose heading has this id. */
function section(page: string, headingId: string): string {
  const start = page.indexOf(`id="${headingId}"`);
  expect(start).toBeGreaterThan(-1);
  const end = page.indexOf('</section>', start);
  return page.slice(start, end);
}

describe('the start page', () => {
  it('lists a hearing falling due today and its unread notification to the case’s worker, not to another worker', async () => {
    // The landlord records that the hearing of DEMO-01 moved to today; the deadline scan turns it into a notification.
    const today = clock.today();
    const gmh = (await db.query(`SELECT u.id, u.organisation_id FROM user_account u WHERE u.email = 'gmh@woonbrug.example'`)).rows[0];
    await db.query(`INSERT INTO procedure_event (case_id, kind, event_date, organisation_id, recorded_by) VALUES ($1, 'hearing_scheduled', $2, $3, $4)`, [
      demo['DEMO-01'],
      today,
      gmh.organisation_id,
      gmh.id,
    ]);
    const scan = await portals.apps.worker.get(DeadlineScan).runOnce();
    expect(scan.ran).toBe(true);
    const [notification] = (await db.query(`SELECT n.id FROM notification n JOIN user_account u ON u.id = n.user_id
      WHERE u.email = 'worker@woonbrug.example' AND n.case_id = $1 AND n.kind = 'hearing' AND n.read_at IS NULL`, [demo['DEMO-01']])).rows;
    expect(notification).toBeDefined();

    const page = await get('worker', '/');
    expect(page.status).toBe(200);
    const due = section(page.text, 'due-heading');
    expect(due).toContain(`href="/cases/${demo['DEMO-01']}"`);
    expect(due).toContain('Zitting bij de vrederechter (vandaag)');
    const attention = section(page.text, 'attention-heading');
    expect(attention).toContain(`href="/cases/${demo['DEMO-01']}"`);
    // DEMO-01's last contact was 16 days ago in the demo data: that shows too.
    expect(attention).toContain('Geen contact sinds 14 dagen');
    const unread = section(page.text, 'unread-heading');
    expect(unread).toContain('Ongelezen meldingen en antwoorden van partners (');
    expect(unread).toContain('Dossier DEMO-01: zitting bij de vrederechter op');
    expect(unread).toContain(`href="/cases/${demo['DEMO-01']}"`);
    // English too.
    const english = await get('worker', '/?lang=en');
    expect(section(english.text, 'due-heading')).toContain('Today and overdue');

    // worker2 has neither DEMO-01's deadline nor the notification; DEMO-02 is theirs.
    const other = await get('worker2', '/');
    expect(other.status).toBe(200);
    expect(other.text).not.toContain(demo['DEMO-01']);
    expect(other.text).not.toContain('DEMO-01');
    expect(other.text).toContain(`href="/cases/${demo['DEMO-02']}"`);

    // Once read, the notification leaves the unread list.
    const marked = await portals.http('worker').post(`/api/notifications/${notification.id}/read`).set('Cookie', await portals.login('worker'));
    expect(marked.status).toBe(200);
    expect(section((await get('worker', '/')).text, 'unread-heading')).not.toContain('Dossier DEMO-01: zitting');
  });

  it('lists a case whose review date has come, and offers the search form', async () => {
    await db.query(`UPDATE case_file SET next_review_on = $2::date - 1 WHERE id = $1`, [demo['DEMO-01'], clock.today()]);
    const page = await get('worker', '/');
    expect(section(page.text, 'attention-heading')).toContain('Evaluatie gepland op');
    expect(page.text).toContain('action="/search"');
    expect(page.text).toContain('id="start-search-q"');
    expect(page.text).toContain('id="header-search-q"');
  });

  it('offers no header search to a role that has no own cases', async () => {
    const page = await get('privacyOfficer', '/');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('id="header-search-q"');
  });
});

describe('searching the own cases', () => {
  it('finds the worker’s case by tenant name, address or case number, whatever the case and accents', async () => {
    for (const q of ['voorbeeld', 'Jan Voorbeeld', 'JAN vóórbeeld', 'demostraat 1', 'Démostraat', 'DEMO-01', 'demo 01', 'beveren jan']) {
      const found = await search('worker', q);
      expect({ q, found: found.includes(demo['DEMO-01']!) }).toEqual({ q, found: true });
    }
  });

  it('never finds another worker’s case, nor a case waiting for triage of the same household', async () => {
    // DEMO-04 has DEMO-01's tenant and address but no worker yet; DEMO-02 is worker2's.
    expect(await search('worker', 'Jan Voorbeeld')).not.toContain(demo['DEMO-04']);
    for (const q of ['Maria Fictief', 'proefplein', 'DEMO-02', 'Ahmed', 'Testlaan', 'DEMO-04']) {
      expect({ q, found: await search('worker', q) }).toEqual({ q, found: [] });
    }
    expect(await search('worker2', 'maria')).toEqual([demo['DEMO-02']]);
    expect(await search('worker2', 'jan voorbeeld')).toEqual([]);
    expect(await search('worker2', 'demostraat')).toEqual([]);
    // The coordinator searches the organisation's cases (metadata), as its case list shows them.
    expect(await search('coordinator', 'voorbeeld')).toEqual(expect.arrayContaining([demo['DEMO-01'], demo['DEMO-04']]));
  });

  it('does not search facts or private notes', async () => {
    // A fact of DEMO-01 in the demo data: "Keuken en badkamer opgeruimd; afvalzakken afgevoerd."
    expect(await search('worker', 'badkamer')).toEqual([]);
    const note = await portals.http('worker').post(`/api/cases/${demo['DEMO-01']}/notes`).set('Cookie', await portals.login('worker')).send({ text: 'Vertrouwelijk zoekwoord zwavelzuur' });
    expect(note.status).toBe(201);
    expect(await search('worker', 'zwavelzuur')).toEqual([]);
  });

  it('shows the results page with links to the own cases only', async () => {
    const mine = await get('worker', '/search?q=voorbeeld');
    expect(mine.status).toBe(200);
    expect(mine.text).toContain(`href="/cases/${demo['DEMO-01']}"`);
    expect(mine.text).not.toContain(demo['DEMO-04']);
    expect(mine.text).toContain('value="voorbeeld"');
    const theirs = await get('worker2', '/search?q=jan%20voorbeeld');
    expect(theirs.status).toBe(200);
    expect(theirs.text).not.toContain(demo['DEMO-01']);
    expect(theirs.text).toContain('Geen van je dossiers past bij deze zoekopdracht.');
    const empty = await get('worker', '/search');
    expect(empty.status).toBe(200);
    expect(empty.text).not.toContain('id="results-heading"');
    // A role without cases is refused, signed out is sent to log in.
    expect((await get('privacyOfficer', '/search?q=voorbeeld')).status).toBe(403);
    expect((await portals.http('worker').get('/search?q=voorbeeld')).status).toBe(303);
    expect((await portals.http('worker').get('/api/cases?q=voorbeeld')).status).toBe(401);
  });

  it('refuses or finds nothing for hostile search texts, never a server error', async () => {
    // Only letters and digits are searched for: punctuation alone finds nothing, and words in
    // an injection attempt are just words (found only in the worker's own cases, see search()).
    const punctuation = ['%', '_', '%%%', '\\', '\u0000', '\u202e', '$$', '.*', "'--", '%_%'];
    for (const q of punctuation) expect(await search('worker', q)).toEqual([]);
    for (const q of [...punctuation, "' OR '1'='1", "'; DROP TABLE case_file; --", '<script>alert(1)</script>', '"><script>alert(1)</script>', '🙂', `${'x'.repeat(40)} ${'y'.repeat(40)}`, 'a b c d e f g h']) {
      await search('worker', q);
      const page = await get('worker', `/search?q=${encodeURIComponent(q)}`);
      expect({ q, status: page.status }).toEqual({ q, status: 200 });
      // Echoed inside a quoted attribute only (where `<` is inert); never as markup.
      expect(page.text.replace(/ value="[^"]*"/g, '')).not.toContain('<script');
    }
    const tooLong = await get('worker', `/api/cases?q=${'a'.repeat(101)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'q', code: 'TOO_LONG' }] });
    const twice = await get('worker', '/api/cases?q=jan&q=voorbeeld');
    expect(twice.status).toBe(400);
    expect(twice.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'q', code: 'INVALID_TEXT' }] });
    expect((await get('worker', `/search?q=${'a'.repeat(101)}`)).status).toBe(400);
    expect((await get('worker', '/search?q=a&q=b')).status).toBe(400);
    // A repeated state filter next to the search is joined by the pipe (String type): no 500.
    expect((await get('worker', '/api/cases?q=jan&state=active&state=closed')).status).toBe(200);
    // Blank means no search: the ordinary list.
    expect((await get('worker', '/api/cases?q=%20%20')).status).toBe(200);
  });
});

describe('two clicks', () => {
  it('reaches every page of a case from the start page: the case in one click, each of its pages from there', async () => {
    const start = await get('worker', '/');
    const caseLinks = new Set([...start.text.matchAll(/href="\/cases\/([0-9a-f-]{36})"/g)].map((m) => m[1]!));
    // Every own case that is not anonymised is linked from the start page.
    const own = (await db.query(`SELECT c.id FROM case_file c JOIN user_account u ON u.id = c.assigned_worker_id WHERE u.email = 'worker@woonbrug.example' AND c.anonymised_on IS NULL`)).rows.map(
      (r: { id: string }) => r.id,
    );
    expect(own.length).toBeGreaterThan(1);
    for (const id of own) expect(caseLinks).toContain(id);

    const casePages = registeredRoutes(portals.apps.worker)
      .filter((r) => r.method === 'GET' && /^\/cases\/:[A-Za-z]+\/[a-z-]+$/.test(r.path))
      .map((r) => r.path.replace(/^\/cases\/:[A-Za-z]+\//, ''));
    expect(casePages.length).toBeGreaterThan(2);
    const casePage = await get('worker', `/cases/${demo['DEMO-01']}`);
    expect(casePage.status).toBe(200);
    for (const sub of casePages) {
      expect({ sub, linked: casePage.text.includes(`href="/cases/${demo['DEMO-01']}/${sub}"`) }).toEqual({ sub, linked: true });
      expect({ sub, status: (await get('worker', `/cases/${demo['DEMO-01']}/${sub}`)).status }).toEqual({ sub, status: 200 });
    }
  });
});
