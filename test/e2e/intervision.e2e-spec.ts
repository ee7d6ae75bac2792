import { randomBytes, randomUUID } from 'node:crypto';
import { Clock } from '@woonbrug/kernel';
import { Client } from 'pg';
import type { Response } from 'supertest';
import { startPortals, type PortalName, type Portals } from '../support/portals';
import { validReferral } from '../support/referral-fixtures';

/**
 * Peer consultation over HTTP: the assigned worker prepares a pseudonymised summary from their
 * case (the referral's identifiers are gone, private notes never used), edits it (identifiers
 * typed in are stripped again) and shares it; a peer cannot read a draft, reads the shared summary
 * and answers, and finds nothing in it — HTML or JSON — that leads to the case. Other workers
 * cannot prepare from a case that is not theirs; partners have no such routes; the privacy officer
 * and the admin are refused.
 */
jest.setTimeout(120_000);

let portals: Portals;
let db: Client;
let workerId: string;
const casesOfThisFile: string[] = [];

type Persona = 'worker' | 'worker2' | 'coordinator' | 'privacyOfficer' | 'admin' | 'gmh' | 'ocmwBeveren';

async function call(persona: Persona, portal: PortalName, method: 'get' | 'post' | 'patch', path: string, body?: Record<string, unknown>, form = false): Promise<Response> {
  let req = portals.http(portal)[method](path).set('Cookie', await portals.login(persona));
  if (form) req = req.type('form');
  return body ? req.send(body as Record<string, string>) : req;
}
const worker = (persona: Persona, method: 'get' | 'post' | 'patch', path: string, body?: Record<string, unknown>) => call(persona, 'worker', method, path, body);
const form = (persona: Persona, path: string, body: Record<string, unknown>) => call(persona, 'worker', 'post', path, body, true);

/** Lower case, diacritics removed: a leak written differently is still a leak. */
function plain(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

function leaksIn(text: string, identifiers: readonly string[]): string[] {
  return identifiers.filter((id) => plain(text).includes(plain(id)));
}

interface OwnCase {
  readonly caseId: string;
  readonly reference: string;
  /** Everything of the referral and the case that identifies the tenant or the referrer. */
  readonly identifiers: readonly string[];
  readonly factText: string;
  readonly noteSecret: string;
}

/**
 * A case referred by GMH with a realistic household and referrer contact, accepted for `worker`,
 * with a fact (which a summary may use) and a private note (which it never may).
 */
async function ownCase(): Promise<OwnCase> {
  const unique = randomBytes(3).toString('hex');
  const household = validReferral({
    tenantName: 'Marie-Louise Van den Broeck',
    address: `Zandstraat ${100 + (parseInt(unique, 16) % 800)} bus 2`,
    municipality: 'Beveren',
    referrerContactName: 'Griet Wuyts',
    referrerContactPhone: '03 750 12 34',
    referrerContactEmail: `griet.wuyts.${unique}@gmh.example`,
    context: 'Mevrouw Van den Broeck reageert niet op brieven; haar gsm is 0470 98 76 54. De buurman klaagt over geurhinder.',
  });
  const referral = await call('gmh', 'landlord', 'post', '/api/referrals', household);
  expect(referral.status).toBe(201);
  const caseId = (await db.query('SELECT case_id FROM referral WHERE id = $1', [referral.body.id])).rows[0].case_id as string;
  casesOfThisFile.push(caseId);
  expect((await worker('coordinator', 'post', `/api/cases/${caseId}/accept`, { workerId })).status).toBe(200);
  const reference = (await db.query('SELECT reference FROM case_file WHERE id = $1', [caseId])).rows[0].reference as string;

  const factText = `Woning sterk vervuild, keuken onbruikbaar ${unique}; Marie-Louise wil zelf beginnen met de living.`;
  const today = portals.apps.worker.get(Clock).today();
  expect((await worker('worker', 'post', `/api/cases/${caseId}/facts`, { category: 'housing', body: factText, occurredOn: today })).status).toBe(201);
  const noteSecret = `NOTITIE-${randomUUID()}`;
  expect((await worker('worker', 'post', `/api/cases/${caseId}/notes`, { text: `Vertrouwelijk ${noteSecret}: vermoeden van verslaving, niet delen.` })).status).toBe(201);

  const address = household.address as string;
  return {
    caseId,
    reference,
    identifiers: ['Marie', 'Louise', 'Broeck', address, 'Zandstraat', '750 12 34', '0470 98 76 54', '98 76 54', 'Griet', 'Wuyts', `griet.wuyts.${unique}`, reference, caseId, household.noticeDate as string],
    factText,
    noteSecret,
  };
}

/** A draft made through the page, as a worker does it: its id (from the redirect). */
async function prepareThroughPage(caseId: string, question: string): Promise<string> {
  const page = await worker('worker', 'get', `/cases/${caseId}/intervision`);
  expect(page.status).toBe(200);
  const created = await form('worker', `/cases/${caseId}/intervision`, { question });
  expect(created.status).toBe(303);
  const match = /^\/intervision\/([0-9a-f-]{36})\?saved=created$/.exec(String(created.headers.location));
  expect(match).not.toBeNull();
  return match![1]!;
}

async function share(id: string): Promise<void> {
  const current = await worker('worker', 'get', `/api/intervision/${id}`);
  const res = await worker('worker', 'post', `/api/intervision/${id}/share`, { version: current.body.version });
  expect(res.status).toBe(200);
  expect(res.body.state).toBe('shared');
}

beforeAll(async () => {
  portals = await startPortals();
  db = new Client({ connectionString: portals.databaseUrl });
  await db.connect();
  workerId = (await db.query(`SELECT id FROM user_account WHERE email = 'worker@woonbrug.example'`)).rows[0].id;
});

afterAll(async () => {
  // Leave no notes of this file in the shared test database (see private-notes.e2e-spec.ts).
  if (db && casesOfThisFile.length) {
    await db.query('DELETE FROM private_note WHERE case_id = ANY($1::uuid[])', [casesOfThisFile]);
    await db.query('DELETE FROM case_data_key WHERE case_id = ANY($1::uuid[])', [casesOfThisFile]);
  }
  await db?.end();
  await portals?.close();
});

describe('the worker prepares a summary from their own case', () => {
  it('offers it on the case page, and starts from the case’s facts with every identifier of the referral gone', async () => {
    const own = await ownCase();
    const casePage = await worker('worker', 'get', `/cases/${own.caseId}`);
    expect(casePage.text).toContain(`href="/cases/${own.caseId}/intervision"`);

    const id = await prepareThroughPage(own.caseId, 'Hoe krijg ik mevrouw Van den Broeck mee? Ze belt soms vanop 0470 98 76 54.');
    const res = await worker('worker', 'get', `/api/intervision/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, state: 'draft', mine: true, version: 1, sourceCase: { id: own.caseId, reference: own.reference } });
    const texts = `${res.body.title}\n${res.body.question}\n${res.body.body}`;
    // The case's content is there, stripped: the fact (without the tenant's first names), the referral's context.
    expect(res.body.body).toContain('Woning sterk vervuild, keuken onbruikbaar');
    expect(res.body.body).toContain('[naam] wil zelf beginnen met de living');
    expect(res.body.body).toContain('Mevrouw [naam] reageert niet op brieven; haar gsm is [telefoon].');
    expect(res.body.question).toBe('Hoe krijg ik mevrouw [naam] mee? Ze belt soms vanop [telefoon].');
    // Dates are relative times: the fact is of the reference day.
    expect(res.body.body).toMatch(/dezelfde dag \(Wonen\)/);
    expect(leaksIn(texts, own.identifiers)).toEqual([]);
    expect(texts).not.toContain(own.noteSecret);
  });

  it('strips again on every save: the tenant’s name, address and phone typed in are replaced', async () => {
    const own = await ownCase();
    const id = await prepareThroughPage(own.caseId, 'Wat kan ik nog proberen?');
    const before = (await worker('worker', 'get', `/api/intervision/${id}`)).body;
    const typed = `${before.body}\nGisteren belde marie-louise van den BROECK vanop 0470/98.76.54 vanuit ${own.identifiers[3]}.`;

    const saved = await worker('worker', 'patch', `/api/intervision/${id}`, { title: 'Poetsplan', question: 'Wat kan ik nog proberen?', body: typed, version: before.version });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(before.version + 1);
    expect(saved.body.body).toContain('Gisteren belde [naam] vanop [telefoon] vanuit [adres].');
    expect(saved.body.replaced).toMatchObject({ name: 1, phone: 1, address: 1 });
    expect(leaksIn(JSON.stringify(saved.body), own.identifiers.filter((i) => i !== own.reference && i !== own.caseId))).toEqual([]);
    const stored = (await db.query('SELECT title, question, body FROM intervision_summary WHERE id = $1', [id])).rows[0];
    expect(leaksIn(`${stored.title}\n${stored.question}\n${stored.body}`, own.identifiers)).toEqual([]);

    // The same through the page form, in lower case; the page says how much it replaced.
    const page = await form('worker', `/intervision/${id}`, { title: 'Poetsplan', question: 'Vraag van griet wuyts?', body: 'De huurster, Marie Louise, twijfelt.', version: String(saved.body.version) });
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe(`/intervision/${id}?saved=updated&stripped=2`);
    const shown = await worker('worker', 'get', String(page.headers.location));
    expect(shown.text).toContain('Bij het bewaren werden 2 gegevens vervangen.');
    expect(shown.text).toContain('Vraag van [naam]?');
    expect(leaksIn(shown.text, ['Griet', 'Wuyts', 'Marie', 'Louise'])).toEqual([]);

    // An edit on a version that is no longer current changes nothing.
    const stale = await worker('worker', 'patch', `/api/intervision/${id}`, { title: 'Oud', question: 'Oud?', body: 'Oud.', version: before.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const stalePage = await form('worker', `/intervision/${id}`, { title: 'Oud', question: 'Oud?', body: 'Oud.', version: String(before.version) });
    expect(stalePage.status).toBe(409);
    expect(stalePage.text).toContain('Deze samenvatting werd intussen gewijzigd.');
    expect((await db.query('SELECT title FROM intervision_summary WHERE id = $1', [id])).rows[0].title).toBe('Poetsplan');
  });

  it('never takes a private note of the case into a summary', async () => {
    const own = await ownCase();
    const id = await prepareThroughPage(own.caseId, 'Hoe ga ik hiermee om?');
    const json = await worker('worker', 'get', `/api/intervision/${id}`);
    const html = await worker('worker', 'get', `/intervision/${id}`);
    // The note exists and the worker reads it on the case, so the check below can fail.
    expect((await worker('worker', 'get', `/api/cases/${own.caseId}/notes`)).text).toContain(own.noteSecret);
    expect(json.body.body).toContain('Woning sterk vervuild');
    for (const text of [json.text, html.text]) {
      expect(text).not.toContain(own.noteSecret);
      expect(text).not.toContain('verslaving');
    }
    const stored = await db.query(`SELECT count(*)::int AS n FROM intervision_summary WHERE body LIKE '%' || $1 || '%' OR body LIKE '%verslaving%'`, [own.noteSecret]);
    expect(stored.rows[0].n).toBe(0);
  });
});

describe('a peer', () => {
  it('cannot read a draft, reads it once shared, and answers in the thread', async () => {
    const own = await ownCase();
    const id = await prepareThroughPage(own.caseId, 'Wie heeft ervaring met stapelwoede?');
    const random = randomUUID();

    // A draft is the author's alone: exactly like a missing summary, in the list neither.
    for (const path of [`/api/intervision/${id}`, `/intervision/${id}`]) {
      const refused = await worker('worker2', 'get', path);
      const missing = await worker('worker2', 'get', path.replace(id, random));
      expect({ path, status: refused.status }).toEqual({ path, status: 404 });
      expect(refused.text.split(id).join(':id')).toBe(missing.text.split(random).join(':id'));
    }
    expect((await worker('worker2', 'get', '/api/intervision')).body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await worker('coordinator', 'get', `/api/intervision/${id}`)).status).toBe(404);
    expect((await worker('worker2', 'post', `/api/intervision/${id}/share`, { version: 1 })).status).toBe(404);
    expect((await worker('worker2', 'post', `/api/intervision/${id}/replies`, { body: 'Te vroeg?' })).status).toBe(404);
    // The author cannot open a thread on a draft either.
    expect((await worker('worker', 'post', `/api/intervision/${id}/replies`, { body: 'Te vroeg?' })).body.code).toBe('INTERVISION_NOT_SHARED');

    await share(id);
    const again = await worker('worker', 'post', `/api/intervision/${id}/share`, { version: 2 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INTERVISION_ALREADY_SHARED');

    const read = await worker('worker2', 'get', `/api/intervision/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, state: 'shared', mine: false, question: 'Wie heeft ervaring met stapelwoede?' });
    expect((await worker('worker2', 'get', '/api/intervision')).body.items).toContainEqual(expect.objectContaining({ id, state: 'shared', mine: false }));
    // A peer may read, not edit.
    expect((await worker('worker2', 'patch', `/api/intervision/${id}`, { title: 'X', question: 'X?', body: 'X.', version: read.body.version })).status).toBe(404);

    // Answers, stripped like the summary: a peer who guesses a name gets it replaced too.
    const answer = await worker('worker2', 'post', `/api/intervision/${id}/replies`, { body: 'Is dit mevrouw Van den Broeck? Probeer samen met één kamer te beginnen.' });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ body: 'Is dit mevrouw [naam]? Probeer samen met één kamer te beginnen.', mine: true, author: { name: 'Karim Bemoeizorger (demo)' } });
    const byPage = await form('coordinator', `/intervision/${id}/replies`, { body: 'Plan een evaluatie na twee weken.' });
    expect(byPage.status).toBe(303);
    expect(String(byPage.headers.location)).toMatch(new RegExp(`^/intervision/${id}\\?saved=replied#reply-`));

    const thread = await worker('worker', 'get', `/api/intervision/${id}`);
    expect(thread.body.replies.map((r: { body: string; mine: boolean }) => [r.body, r.mine])).toEqual([
      ['Is dit mevrouw [naam]? Probeer samen met één kamer te beginnen.', false],
      ['Plan een evaluatie na twee weken.', false],
    ]);
    const page = await worker('worker2', 'get', `/intervision/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Plan een evaluatie na twee weken.');
    expect(page.text).toContain('Antwoord versturen');
  });

  it('finds nothing in the summary, HTML or JSON, that leads to the case, and still cannot open the case', async () => {
    const own = await ownCase();
    const id = await prepareThroughPage(own.caseId, 'Wat als ze de deur niet opent?');
    await share(id);

    // The author's own view does link to the case, so the checks below can fail.
    const authorPage = await worker('worker', 'get', `/intervision/${id}`);
    expect(authorPage.text).toContain(`/cases/${own.caseId}`);
    expect(authorPage.text).toContain(own.reference);

    const json = await worker('worker2', 'get', `/api/intervision/${id}`);
    const html = await worker('worker2', 'get', `/intervision/${id}`);
    const list = await worker('worker2', 'get', '/intervision');
    const listJson = await worker('worker2', 'get', '/api/intervision');
    expect([json.status, html.status, list.status, listJson.status]).toEqual([200, 200, 200, 200]);
    expect(Object.keys(json.body).sort()).toEqual(['author', 'body', 'createdAt', 'id', 'mine', 'question', 'referenceDate', 'replies', 'sharedAt', 'state', 'title', 'updatedAt', 'version']);
    for (const res of [json, html, list, listJson]) {
      expect(res.text).not.toContain('/cases/');
      expect(leaksIn(res.text, own.identifiers)).toEqual([]);
    }
    expect(html.text).toContain('Woning sterk vervuild');

    for (const path of [`/cases/${own.caseId}`, `/api/cases/${own.caseId}`, `/cases/${own.caseId}/intervision`, `/api/cases/${own.caseId}/facts`]) {
      expect({ path, status: (await worker('worker2', 'get', path)).status }).toEqual({ path, status: 404 });
    }
  });

  it('cannot prepare a summary from a case that is not theirs (nor can the coordinator)', async () => {
    const own = await ownCase();
    const random = randomUUID();
    for (const persona of ['worker2', 'coordinator'] as const) {
      const api = await worker(persona, 'post', `/api/cases/${own.caseId}/intervision`, { question: 'Mag ik?' });
      const missing = await worker(persona, 'post', `/api/cases/${random}/intervision`, { question: 'Mag ik?' });
      expect({ persona, status: api.status }).toEqual({ persona, status: 404 });
      expect(api.text.split(own.caseId).join(':id')).toBe(missing.text.split(random).join(':id'));
      expect((await form(persona, `/cases/${own.caseId}/intervision`, { question: 'Mag ik?' })).status).toBe(404);
      expect((await worker(persona, 'get', `/cases/${own.caseId}/intervision`)).status).toBe(404);
    }
    expect((await db.query('SELECT count(*)::int AS n FROM intervision_summary WHERE source_case_id = $1', [own.caseId])).rows[0].n).toBe(0);
    // The assigned worker can, on the same case.
    expect((await worker('worker', 'post', `/api/cases/${own.caseId}/intervision`, { question: 'Mag ik?' })).status).toBe(201);
  });
});

describe('outside the outreach organisations', () => {
  it('partners have no peer-consultation routes on their portals', async () => {
    for (const [persona, portal] of [
      ['gmh', 'landlord'],
      ['ocmwBeveren', 'ocmw'],
    ] as const) {
      for (const path of ['/intervision', '/api/intervision', `/intervision/${randomUUID()}`, `/api/intervision/${randomUUID()}`]) {
        expect({ persona, path, status: (await call(persona, portal, 'get', path)).status }).toEqual({ persona, path, status: 404 });
      }
    }
  });

  it('the privacy officer and the admin are refused on the worker portal', async () => {
    const own = await ownCase();
    const id = await prepareThroughPage(own.caseId, 'Gedeelde vraag');
    await share(id);
    for (const persona of ['privacyOfficer', 'admin'] as const) {
      for (const path of ['/intervision', '/api/intervision', `/intervision/${id}`, `/api/intervision/${id}`]) {
        expect({ persona, path, status: (await worker(persona, 'get', path)).status }).toEqual({ persona, path, status: 403 });
      }
      expect((await worker(persona, 'post', `/api/intervision/${id}/replies`, { body: 'Hallo' })).status).toBe(403);
      expect((await worker(persona, 'post', `/api/cases/${own.caseId}/intervision`, { question: 'Mag ik?' })).status).toBe(403);
    }
  });
});
