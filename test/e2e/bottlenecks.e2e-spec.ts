import { randomUUID } from 'node:crypto';
import { addDays, Clock } from '@woonbrug/kernel';
import { Client } from 'pg';
import { startPortals, type Portals } from '../support/portals';

/**
 * Bottlenecks (knelpunten) over HTTP: workers and the coordinator record observations with a
 * category and a text, not linked to a tenant, and read those of their own outreach organisation;
 * the coordinator's evaluation of a period lists them by category beside the figures. The
 * privacy officer, the administrator and partners have no access.
 */
jest.setTimeout(120_000);

let portals: Portals;
let db: Client;
const VIEW_KEYS = ['body', 'category', 'id', 'observedOn', 'recordedAt'];

function today(): string {
  return portals.apps.worker.get(Clock).today();
}

async function as(persona: 'worker' | 'worker2' | 'coordinator' | 'privacyOfficer' | 'admin') {
  const cookie = await portals.login(persona);
  return {
    get: (path: string) => portals.http('worker').get(path).set('Cookie', cookie),
    post: (path: string, body: Record<string, unknown>) => portals.http('worker').post(path).set('Cookie', cookie).send(body),
    form: (path: string, body: Record<string, string>) => portals.http('worker').post(path).set('Cookie', cookie).type('form').send(body),
  };
}

beforeAll(async () => {
  portals = await startPortals();
  db = new Client({ connectionString: portals.databaseUrl });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await portals?.close();
});

describe('recording and reading bottlenecks', () => {
  it('lets a worker record one that the whole team of the organisation reads, without any link to a case', async () => {
    const text = `Alleen op huisbezoek bij agressie ${randomUUID().slice(0, 8)}`;
    const worker = await as('worker');
    const created = await worker.post('/api/bottlenecks', { category: 'working_alone', body: `  ${text}  ` });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body).sort()).toEqual(VIEW_KEYS);
    expect(created.body).toMatchObject({ category: 'working_alone', body: text, observedOn: today() });
    for (const persona of ['worker', 'worker2', 'coordinator'] as const) {
      const list = await (await as(persona)).get('/api/bottlenecks');
      expect(list.status).toBe(200);
      expect({ persona, found: list.body.items.some((b: { id: string }) => b.id === created.body.id) }).toEqual({ persona, found: true });
      for (const item of list.body.items) expect(Object.keys(item).sort()).toEqual(VIEW_KEYS);
    }
    const row = (await db.query('SELECT organisation_id, recorded_by FROM bottleneck WHERE id = $1', [created.body.id])).rows[0];
    const worker1 = (await db.query(`SELECT id, organisation_id FROM user_account WHERE email = 'worker@woonbrug.example'`)).rows[0];
    expect(row).toEqual({ organisation_id: worker1.organisation_id, recorded_by: worker1.id });
  });

  it('refuses a missing or unknown category, an empty or too long text and a date in the future', async () => {
    const coordinator = await as('coordinator');
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ body: 'Zonder soort' }, 'category', 'REQUIRED'],
      [{ category: 'weather', body: 'Onbekende soort' }, 'category', 'INVALID_CHOICE'],
      [{ category: 'financial', body: '' }, 'body', 'REQUIRED'],
      [{ category: 'financial', body: '   ' }, 'body', 'REQUIRED'],
      [{ category: 'financial', body: 'x'.repeat(4001) }, 'body', 'TOO_LONG'],
      [{ category: 'financial', body: 'Morgen', observedOn: addDays(today(), 1) }, 'observedOn', 'DATE_IN_FUTURE'],
      [{ category: 'financial', body: 'Geen datum', observedOn: '2026-02-30' }, 'observedOn', 'INVALID_DATE'],
      [{ category: 'financial', body: 'Met dossier', caseId: randomUUID() }, 'caseId', 'UNKNOWN_FIELD'],
    ];
    const before = (await db.query('SELECT count(*)::int AS n FROM bottleneck')).rows[0].n;
    for (const [body, field, code] of cases) {
      const res = await coordinator.post('/api/bottlenecks', body);
      expect({ body: JSON.stringify(body).slice(0, 60), status: res.status, errors: res.body.errors?.map((e: { field: string; code: string }) => [e.field, e.code]) }).toEqual({
        body: JSON.stringify(body).slice(0, 60),
        status: 400,
        errors: [[field, code]],
      });
    }
    expect((await db.query('SELECT count(*)::int AS n FROM bottleneck')).rows[0].n).toBe(before);
  });

  it('filters the list by period and category', async () => {
    const worker2 = await as('worker2');
    const old = await worker2.post('/api/bottlenecks', { category: 'financial', body: 'Kosten voorschieten duurt te lang', observedOn: '2012-03-14' });
    const recent = await worker2.post('/api/bottlenecks', { category: 'cooperation_partners', body: 'Verhuurder onbereikbaar', observedOn: today() });
    expect([old.status, recent.status]).toEqual([201, 201]);
    const ids = async (query: string) => ((await worker2.get(`/api/bottlenecks${query}`)).body.items as Array<{ id: string }>).map((b) => b.id);
    expect(await ids('?from=2012-01-01&to=2012-12-31')).toEqual([old.body.id]);
    expect(await ids('?category=cooperation_partners')).toContain(recent.body.id);
    expect(await ids('?category=cooperation_partners')).not.toContain(old.body.id);
    expect((await worker2.get('/api/bottlenecks?from=2013-01-01&to=2012-01-01')).status).toBe(400);
    expect((await worker2.get('/api/bottlenecks?category=weather')).status).toBe(400);
  });

  it('shows another outreach organisation’s bottlenecks to nobody here', async () => {
    const [other] = (await db.query(`INSERT INTO organisation (name, kind, municipality, bound_by_professional_secrecy) VALUES ($1, 'outreach', 'Temse', true) RETURNING id`, [`Andere bemoeizorg ${randomUUID().slice(0, 6)}`])).rows;
    const [author] = (await db.query(`INSERT INTO user_account (email, display_name, role, organisation_id, password_hash) VALUES ($1, 'Ander', 'worker', $2, 'x') RETURNING id`, [`ander-${randomUUID().slice(0, 6)}@woonbrug.example`, other.id])).rows;
    const text = `Ander team ${randomUUID()}`;
    await db.query(`INSERT INTO bottleneck (organisation_id, category, body, observed_on, recorded_by) VALUES ($1, 'other', $2, current_date, $3)`, [other.id, text, author.id]);
    for (const persona of ['worker', 'coordinator'] as const) {
      const client = await as(persona);
      expect((await client.get('/api/bottlenecks')).text).not.toContain(text);
      expect((await client.get('/bottlenecks')).text).not.toContain(text);
      expect((await client.get('/api/reports/evaluation')).text).not.toContain(text);
    }
  });

  it('is refused to the privacy officer, the administrator, partners and anonymous callers', async () => {
    for (const persona of ['privacyOfficer', 'admin'] as const) {
      const client = await as(persona);
      expect((await client.get('/api/bottlenecks')).status).toBe(403);
      expect((await client.get('/bottlenecks')).status).toBe(403);
      expect((await client.post('/api/bottlenecks', { category: 'other', body: 'Mag niet' })).status).toBe(403);
      expect((await client.form('/bottlenecks', { category: 'other', body: 'Mag niet' })).status).toBe(403);
    }
    expect((await portals.http('worker').get('/api/bottlenecks')).status).toBe(401);
    expect((await portals.http('worker').post('/api/bottlenecks').send({ category: 'other', body: 'Anoniem' })).status).toBe(401);
    // The partner portals do not serve bottlenecks at all.
    expect((await portals.http('landlord').get('/api/bottlenecks').set('Cookie', await portals.login('gmh'))).status).toBe(404);
    expect((await portals.http('ocmw').get('/bottlenecks').set('Cookie', await portals.login('ocmwBeveren'))).status).toBe(404);
  });
});

describe('the bottlenecks page', () => {
  it('records one through the form and shows it escaped in the list', async () => {
    const worker = await as('worker');
    const text = `<script>alert(1)</script> Geen tolk beschikbaar ${randomUUID().slice(0, 8)}`;
    const posted = await worker.form('/bottlenecks', { category: 'other', body: text, observedOn: '' });
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toMatch(/^\/bottlenecks\?saved=1#bottleneck-[0-9a-f-]{36}$/);
    const page = await worker.get(posted.headers.location!.split('#')[0]!);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Het knelpunt is bewaard.');
    expect(page.text).toContain(text.replace('<script>', '&lt;script>').replace('</script>', '&lt;/script>'));
    expect(page.text).not.toContain('<script>alert(1)</script>');
  });

  it('keeps what was typed and says what is wrong when the form is refused', async () => {
    const worker = await as('worker');
    const res = await worker.form('/bottlenecks', { category: '', body: 'Bewaard als concept' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('role="alert"');
    expect(res.text).toContain('href="#category"');
    expect(res.text).toContain('Bewaard als concept</textarea>');
  });
});

describe('the evaluation of a period', () => {
  it('lists the period’s bottlenecks by category beside its figures, for the coordinator only', async () => {
    const worker = await as('worker');
    const text = `Deontologisch dilemma ${randomUUID().slice(0, 8)}`;
    expect((await worker.post('/api/bottlenecks', { category: 'confidentiality_deontology', body: text, observedOn: '2012-06-01' })).status).toBe(201);
    expect((await worker.post('/api/bottlenecks', { category: 'housing_condition', body: 'Woning onbewoonbaar', observedOn: '2012-07-01' })).status).toBe(201);
    const coordinator = await as('coordinator');
    const res = await coordinator.get('/api/reports/evaluation?from=2012-01-01&to=2012-12-31');
    expect(res.status).toBe(200);
    expect(res.body.period).toEqual({ from: '2012-01-01', to: '2012-12-31' });
    // The figures are those of the trajectories that started in the period: 2012 of DESIGN.md §5.
    expect([res.body.report.total.trajectories, res.body.report.total.favourable, res.body.report.total.successRate]).toEqual([9, 8, 89]);
    const inPeriod = (await db.query(`SELECT count(*)::int AS n FROM bottleneck WHERE observed_on BETWEEN '2012-01-01' AND '2012-12-31' AND organisation_id = (SELECT organisation_id FROM user_account WHERE email = 'coordinator@woonbrug.example')`)).rows[0].n;
    expect(res.body.bottleneckCount).toBe(inPeriod);
    const categories = res.body.bottlenecks.map((g: { category: string }) => g.category);
    expect(categories).toEqual(expect.arrayContaining(['confidentiality_deontology', 'housing_condition']));
    // In the fixed order of the categories.
    const order = ['confidentiality_deontology', 'working_alone', 'financial', 'housing_condition', 'cooperation_partners', 'other'];
    expect([...categories].sort((a: string, b: string) => order.indexOf(a) - order.indexOf(b))).toEqual(categories);
    expect(res.body.bottlenecks.find((g: { category: string }) => g.category === 'confidentiality_deontology').items.map((b: { body: string }) => b.body)).toContain(text);

    const page = await coordinator.get('/reports/evaluation?from=2012-01-01&to=2012-12-31');
    expect(page.status).toBe(200);
    expect(page.text).toContain(text);
    expect(page.text).toContain('Beroepsgeheim en deontologie');
    expect(page.text).toContain('89\u00a0%');
    expect((await coordinator.get('/reports/evaluation?from=2013-01-01&to=2012-01-01')).status).toBe(400);
    expect((await coordinator.get('/api/reports/evaluation?from=2012-13-01')).status).toBe(400);
    // Without a period: this calendar year up to today.
    const current = await coordinator.get('/api/reports/evaluation');
    expect(current.body.period).toEqual({ from: `${today().slice(0, 4)}-01-01`, to: today() });
    expect((await worker.get('/api/reports/evaluation')).status).toBe(403);
    expect((await worker.get('/reports/evaluation')).status).toBe(403);
  });
});
