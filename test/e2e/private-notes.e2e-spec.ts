import { createHash, randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { withDataSource } from '@woonbrug/database';
import { rewrapDataKeys } from '@woonbrug/notes';
import { createPortalApp } from '@woonbrug/web';
import { Client } from 'pg';
import request from 'supertest';
import { WORKER_PORTAL } from '../../apps/worker-portal/src/main';
import { WorkerPortalModule } from '../../apps/worker-portal/src/worker-portal.module';
import { startPortals, TEST_NOTES_MASTER_KEY, type PortalName, type Portals } from '../support/portals';
import { validReferral } from '../support/referral-fixtures';

jest.setTimeout(120_000);

/**
 * Test-only master keys, derived from a label rather than random, so that a rerun on a kept test
 * database (DATABASE_URL set) can still unwrap whatever an aborted run left behind.
 */
const testKey = (label: string) => createHash('sha256').update(`woonbrug e2e private notes: ${label}`).digest();
const OLD_KEY = TEST_NOTES_MASTER_KEY;
const NEW_KEY = testKey('master key 2');
const b64 = (key: Buffer) => key.toString('base64');

let portals: Portals;
let rotated: Portals | undefined;
let newKeyOnly: NestFastifyApplication | undefined;
let db: Client;
let workerId: string;
const casesOfThisFile: string[] = [];

beforeAll(async () => {
  portals = await startPortals({ NOTES_MASTER_KEYS: `1:${b64(OLD_KEY)}` });
  db = new Client({ connectionString: portals.databaseUrl });
  await db.connect();
  workerId = (await db.query(`SELECT id FROM user_account WHERE email = 'worker@woonbrug.example'`)).rows[0].id;
});

afterAll(async () => {
  // Leave no notes under this file's keys in the shared test database.
  if (db && casesOfThisFile.length) {
    await db.query('DELETE FROM private_note WHERE case_id = ANY($1::uuid[])', [casesOfThisFile]);
    await db.query('DELETE FROM case_data_key WHERE case_id = ANY($1::uuid[])', [casesOfThisFile]);
  }
  await db?.end();
  await newKeyOnly?.close();
  await rotated?.close();
  await portals?.close();
});

/** A fresh referral, accepted by the coordinator with persona `worker` as the assigned worker. */
async function assignedCase(via: Portals = portals): Promise<string> {
  const res = await via.http('landlord').post('/api/referrals').set('Cookie', await via.login('gmh')).send(validReferral());
  expect(res.status).toBe(201);
  const caseId = (await db.query('SELECT case_id FROM referral WHERE id = $1', [res.body.id])).rows[0].case_id as string;
  casesOfThisFile.push(caseId);
  await via.http('worker').post(`/api/cases/${caseId}/accept`).set('Cookie', await via.login('coordinator')).send({ workerId }).expect(200);
  return caseId;
}

/** A note text that appears nowhere else, to search for. */
const secret = (label: string) => `Vertrouwelijk ${label} ${randomUUID()}: huurder vertelt over schulden en gezondheid.`;

async function writeNote(caseId: string, text: string, via: Portals = portals): Promise<string> {
  const res = await via.http('worker').post(`/api/cases/${caseId}/notes`).set('Cookie', await via.login('worker')).send({ text });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('private notes of the assigned worker', () => {
  it('writes, lists, edits and keeps the previous version in the history', async () => {
    const caseId = await assignedCase();
    const cookie = await portals.login('worker');
    const first = secret('eerste versie');
    const second = secret('tweede versie');

    const created = await portals.http('worker').post(`/api/cases/${caseId}/notes`).set('Cookie', cookie).send({ text: first });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      caseId,
      version: 1,
      text: first,
      authorId: workerId,
      createdAt: expect.any(String),
      editedBy: null,
      updatedAt: expect.any(String),
    });
    const noteId = created.body.id as string;

    const listed = await portals.http('worker').get(`/api/cases/${caseId}/notes`).set('Cookie', cookie);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([created.body]);

    const edited = await portals.http('worker').patch(`/api/notes/${noteId}`).set('Cookie', cookie).send({ text: second });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: noteId, version: 2, text: second, editedBy: workerId });

    const after = await portals.http('worker').get(`/api/cases/${caseId}/notes`).set('Cookie', cookie);
    expect(after.body.items.map((n: { text: string }) => n.text)).toEqual([second]);
    expect(after.text).not.toContain(first);

    const history = await portals.http('worker').get(`/api/notes/${noteId}/history`).set('Cookie', cookie);
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({ noteId, caseId, currentVersion: 2 });
    expect(history.body.versions).toEqual([
      { version: 2, text: second, writtenBy: workerId, writtenAt: expect.any(String) },
      { version: 1, text: first, writtenBy: workerId, writtenAt: created.body.createdAt },
    ]);

    // The same text again is no new version.
    const unchanged = await portals.http('worker').patch(`/api/notes/${noteId}`).set('Cookie', cookie).send({ text: second });
    expect(unchanged.body.version).toBe(2);
    expect((await db.query('SELECT count(*)::int AS n FROM private_note_revision WHERE note_id = $1', [noteId])).rows[0].n).toBe(1);

    // Newest first: a later note comes before it.
    await writeNote(caseId, secret('nieuwere'));
    const ordered = await portals.http('worker').get(`/api/cases/${caseId}/notes`).set('Cookie', cookie);
    expect(ordered.body.items.at(-1).id).toBe(noteId);
  });

  it('validates the text: 1 to 10 000 characters, nothing else in the body', async () => {
    const caseId = await assignedCase();
    const cookie = await portals.login('worker');
    const post = (body: unknown) => portals.http('worker').post(`/api/cases/${caseId}/notes`).set('Cookie', cookie).send(body as object);

    expect((await post({ text: '🏠'.repeat(10_000) })).status).toBe(201);
    for (const body of [{}, { text: '' }, { text: 'x'.repeat(10_001) }, { text: 42 }, { text: 'ok', caseId }]) {
      const res = await post(body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
    }
    const noteId = await writeNote(caseId, secret('valid'));
    expect((await portals.http('worker').patch(`/api/notes/${noteId}`).set('Cookie', cookie).send({ text: '   ' })).status).toBe(400);
    expect((await portals.http('worker').patch(`/api/notes/${randomUUID()}`).set('Cookie', cookie).send({ text: 'x' })).status).toBe(404);
    expect((await portals.http('worker').patch('/api/notes/not-a-uuid').set('Cookie', cookie).send({ text: 'x' })).status).toBe(404);
    expect((await portals.http('worker').get(`/api/cases/${randomUUID()}/notes`).set('Cookie', cookie)).status).toBe(404);
  });

  it('works through the pages with post/redirect/get, errors on the form and escaped text', async () => {
    const caseId = await assignedCase();
    const cookie = await portals.login('worker');
    const text = `<script>alert("x")</script> ${secret('pagina')}\nTweede regel & meer`;

    const empty = await portals.http('worker').get(`/cases/${caseId}/notes`).set('Cookie', cookie);
    expect(empty.status).toBe(200);
    expect(empty.text).toContain('Privénotities');
    expect(empty.text).toContain('Er zijn nog geen notities voor dit dossier.');

    const invalid = await portals.http('worker').post(`/cases/${caseId}/notes`).set('Cookie', cookie).type('form').send({ text: '  ' });
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain('role="alert"');
    expect(invalid.text).toContain('Dit veld is verplicht.');

    const created = await portals.http('worker').post(`/cases/${caseId}/notes`).set('Cookie', cookie).type('form').send({ text });
    expect(created.status).toBe(303);
    expect(created.headers.location).toMatch(new RegExp(`^/cases/${caseId}/notes\\?saved=created#note-[0-9a-f-]{36}$`));
    const noteId = /#note-(.+)$/.exec(created.headers.location)![1]!;

    const page = await portals.http('worker').get(created.headers.location.split('#')[0]!).set('Cookie', cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('De notitie is bewaard.');
    expect(page.text).toContain('&lt;script>alert(&#34;x&#34;)&lt;/script>');
    expect(page.text).not.toContain('<script>');
    expect(page.text).toContain('Tweede regel &amp; meer');
    expect(page.text).toContain(`action="/notes/${noteId}"`);

    const tooLong = 'x'.repeat(10_001);
    const badEdit = await portals.http('worker').post(`/notes/${noteId}`).set('Cookie', cookie).type('form').send({ text: tooLong });
    expect(badEdit.status).toBe(400);
    expect(badEdit.text).toContain('Deze tekst is te lang.');
    expect(badEdit.text).toContain(`href="#note-${noteId}-text"`);
    expect(badEdit.text).toContain(tooLong); // the submitted text is kept in the form

    const newText = secret('aangepast op de pagina');
    const edited = await portals.http('worker').post(`/notes/${noteId}`).set('Cookie', cookie).type('form').send({ text: newText });
    expect(edited.status).toBe(303);
    expect(edited.headers.location).toBe(`/cases/${caseId}/notes?saved=updated#note-${noteId}`);
    const afterEdit = await portals.http('worker').get(`/cases/${caseId}/notes`).set('Cookie', cookie);
    expect(afterEdit.text).toContain(newText);
    expect(afterEdit.text).toContain(`/notes/${noteId}/history`);

    const historyPage = await portals.http('worker').get(`/notes/${noteId}/history`).set('Cookie', cookie);
    expect(historyPage.status).toBe(200);
    expect(historyPage.text).toContain(newText);
    expect(historyPage.text).toContain('Tweede regel &amp; meer');

    const english = await portals.http('worker').get(`/cases/${caseId}/notes?lang=en`).set('Cookie', cookie);
    expect(english.text).toContain('Private notes');
  });

  it('answers every other user as if the notes did not exist, and never with their text', async () => {
    const caseId = await assignedCase();
    const text = secret('alleen voor de bemoeizorger');
    const noteId = await writeNote(caseId, text);
    const gmhCookie = await portals.login('gmh');

    // worker2 may use notes on own cases, so the route lets them in and the case answers 404;
    // the other roles have no rule on private notes at all, so the route refuses them (403).
    const expected = [
      ['worker2', 404],
      ['coordinator', 403],
      ['privacyOfficer', 403],
      ['admin', 403],
    ] as const;
    for (const [persona, status] of expected) {
      const cookie = await portals.login(persona);
      const calls = [
        portals.http('worker').get(`/api/cases/${caseId}/notes`).set('Cookie', cookie),
        portals.http('worker').post(`/api/cases/${caseId}/notes`).set('Cookie', cookie).send({ text: 'ingevoegd door iemand anders' }),
        portals.http('worker').patch(`/api/notes/${noteId}`).set('Cookie', cookie).send({ text: 'overschreven door iemand anders' }),
        portals.http('worker').get(`/api/notes/${noteId}/history`).set('Cookie', cookie),
        portals.http('worker').get(`/cases/${caseId}/notes`).set('Cookie', cookie),
        portals.http('worker').post(`/cases/${caseId}/notes`).set('Cookie', cookie).type('form').send({ text: 'ingevoegd via de pagina' }),
        portals.http('worker').post(`/notes/${noteId}`).set('Cookie', cookie).type('form').send({ text: 'overschreven via de pagina' }),
        portals.http('worker').get(`/notes/${noteId}/history`).set('Cookie', cookie),
      ];
      for (const [index, call] of calls.entries()) {
        const res = await call;
        expect({ persona, index, status: res.status }).toEqual({ persona, index, status });
        expect(res.text).not.toContain(text);
      }
    }

    // Nothing was added or changed by them.
    const rows = await db.query('SELECT id, version FROM private_note WHERE case_id = $1', [caseId]);
    expect(rows.rows).toEqual([{ id: noteId, version: 1 }]);

    // The partner portals have no notes routes at all, not even for the case's referrer.
    for (const portal of ['landlord', 'ocmw'] as const satisfies readonly PortalName[]) {
      const cookie = portal === 'landlord' ? gmhCookie : await portals.login('ocmwBeveren');
      for (const path of [`/api/cases/${caseId}/notes`, `/api/notes/${noteId}/history`, `/cases/${caseId}/notes`]) {
        const res = await portals.http(portal).get(path).set('Cookie', cookie);
        expect({ portal, path, status: res.status }).toEqual({ portal, path, status: 404 });
        expect(res.text).not.toContain(text);
      }
    }
  });

  it('stores no plaintext: notes, revisions and keys hold ciphertext only', async () => {
    const caseId = await assignedCase();
    const before = secret('oude tekst');
    const now = secret('nieuwe tekst');
    const noteId = await writeNote(caseId, before);
    await portals.http('worker').patch(`/api/notes/${noteId}`).set('Cookie', await portals.login('worker')).send({ text: now }).expect(200);

    const note = (await db.query('SELECT ciphertext, version FROM private_note WHERE id = $1', [noteId])).rows[0];
    expect(note.version).toBe(2);
    expect(note.ciphertext.length).toBe(12 + 16 + Buffer.byteLength(now, 'utf8'));
    const key = (await db.query('SELECT master_key_version, wrapped_key FROM case_data_key WHERE case_id = $1', [caseId])).rows[0];
    expect(key.master_key_version).toBe(1);
    expect(key.wrapped_key.length).toBe(12 + 16 + 32);

    for (const text of [before, now, 'schulden en gezondheid']) {
      const bytes = Buffer.from(text, 'utf8');
      const hits = await db.query(
        `SELECT (SELECT count(*) FROM private_note WHERE position($1::bytea IN ciphertext) > 0)::int AS notes,
                (SELECT count(*) FROM private_note_revision WHERE position($1::bytea IN ciphertext) > 0)::int AS revisions,
                (SELECT count(*) FROM case_data_key WHERE position($1::bytea IN wrapped_key) > 0)::int AS keys`,
        [bytes],
      );
      expect(hits.rows[0]).toEqual({ notes: 0, revisions: 0, keys: 0 });
    }

    // Nor anywhere else in the database: every row of every table, as text and as bytea hex.
    const tables = (await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).rows.map((r) => r.tablename as string);
    expect(tables).toEqual(expect.arrayContaining(['private_note', 'private_note_revision', 'case_data_key']));
    for (const text of [before, now]) {
      const hex = Buffer.from(text, 'utf8').toString('hex');
      for (const table of tables) {
        const found = await db.query(`SELECT count(*)::int AS n FROM "${table}" t WHERE strpos(t::text, $1) > 0 OR strpos(t::text, $2) > 0`, [text, hex]);
        expect({ table, rows: found.rows[0].n }).toEqual({ table, rows: 0 });
      }
    }
  });

  it('refuses a ciphertext moved to another note, version or case, without showing any text', async () => {
    const caseId = await assignedCase();
    const otherCaseId = await assignedCase();
    const cookie = await portals.login('worker');
    const textA = secret('notitie A');
    const textB = secret('notitie B');
    const textC = secret('notitie C van een ander dossier');
    const a = await writeNote(caseId, textA);
    const b = await writeNote(caseId, textB);
    const c = await writeNote(otherCaseId, textC);
    const original = (await db.query('SELECT ciphertext FROM private_note WHERE id = $1', [b])).rows[0].ciphertext as Buffer;

    const expectAltered = async () => {
      const responses = [
        await portals.http('worker').get(`/api/cases/${caseId}/notes`).set('Cookie', cookie),
        await portals.http('worker').get(`/api/notes/${b}/history`).set('Cookie', cookie),
        await portals.http('worker').patch(`/api/notes/${b}`).set('Cookie', cookie).send({ text: 'bouwt niet verder op een gewijzigde notitie' }),
      ];
      for (const res of responses) {
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('NOTE_INTEGRITY');
        for (const text of [textA, textB, textC]) expect(res.text).not.toContain(text);
      }
      const page = await portals.http('worker').get(`/cases/${caseId}/notes`).set('Cookie', cookie);
      expect(page.status).toBe(409);
      expect(page.text).toContain('buiten Woonbrug gewijzigd of verplaatst');
      for (const text of [textA, textB, textC]) expect(page.text).not.toContain(text);
    };

    // A's ciphertext copied into B's row (same case, same data key): B's id is in the associated data.
    await db.query('UPDATE private_note SET ciphertext = (SELECT ciphertext FROM private_note WHERE id = $1) WHERE id = $2', [a, b]);
    await expectAltered();

    // A ciphertext of another case (another data key).
    await db.query('UPDATE private_note SET ciphertext = (SELECT ciphertext FROM private_note WHERE id = $1) WHERE id = $2', [c, b]);
    await expectAltered();

    // B's own ciphertext, but claimed to be another version.
    await db.query('UPDATE private_note SET ciphertext = $1, version = 2 WHERE id = $2', [original, b]);
    await expectAltered();

    // Put back as it was, it opens again; nothing was filed into B's history meanwhile.
    await db.query('UPDATE private_note SET ciphertext = $1, version = 1 WHERE id = $2', [original, b]);
    const listed = await portals.http('worker').get(`/api/cases/${caseId}/notes`).set('Cookie', cookie);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((n: { text: string }) => n.text).sort()).toEqual([textA, textB].sort());
    expect((await db.query('SELECT count(*)::int AS n FROM private_note_revision WHERE note_id = $1', [b])).rows[0].n).toBe(0);
  });

  it('rewraps every case key with a new master key version; all notes stay readable', async () => {
    const caseId = await assignedCase();
    const noteId = await writeNote(caseId, secret('voor de rotatie'));
    await portals.http('worker').patch(`/api/notes/${noteId}`).set('Cookie', await portals.login('worker')).send({ text: secret('na bewerking') }).expect(200);

    // What the worker reads now, for every case of this file.
    const read = async (via: Portals | NestFastifyApplication, id: string) => {
      const http = 'login' in via ? via.http('worker') : request(via.getHttpServer());
      return http.get(`/api/cases/${id}/notes`).set('Cookie', await portals.login('worker'));
    };
    const before = new Map<string, unknown>();
    for (const id of casesOfThisFile) {
      const res = await read(portals, id);
      expect({ id, status: res.status }).toEqual({ id, status: 200 });
      before.set(id, res.body);
    }
    const historyBefore = (await portals.http('worker').get(`/api/notes/${noteId}/history`).set('Cookie', await portals.login('worker'))).body;
    const keysBefore = (await db.query('SELECT case_id, wrapped_key FROM case_data_key WHERE case_id = ANY($1::uuid[])', [casesOfThisFile])).rows;
    expect(keysBefore.length).toBeGreaterThan(0);

    const result = await withDataSource(portals.databaseUrl, (ds) => rewrapDataKeys(ds, { 1: OLD_KEY, 2: NEW_KEY }));
    expect(result.masterKeyVersion).toBe(2);
    expect(result.rewrapped).toBeGreaterThanOrEqual(keysBefore.length);
    const keysAfter = await db.query('SELECT case_id, master_key_version, wrapped_key, rewrapped_at FROM case_data_key WHERE case_id = ANY($1::uuid[])', [casesOfThisFile]);
    for (const row of keysAfter.rows) {
      expect(row.master_key_version).toBe(2);
      expect(row.rewrapped_at).toBeInstanceOf(Date);
      expect(row.wrapped_key.equals(keysBefore.find((k) => k.case_id === row.case_id)!.wrapped_key)).toBe(false);
    }
    expect((await db.query('SELECT count(*)::int AS n FROM case_data_key WHERE master_key_version <> 2')).rows[0].n).toBe(0);

    // Running it again changes nothing.
    const again = await withDataSource(portals.databaseUrl, (ds) => rewrapDataKeys(ds, { 1: OLD_KEY, 2: NEW_KEY }));
    expect(again.rewrapped).toBe(0);

    // A worker portal configured with both keys reads every note as before, history included.
    rotated = await startPortals({ NOTES_MASTER_KEYS: `1:${b64(OLD_KEY)},2:${b64(NEW_KEY)}` });
    for (const id of casesOfThisFile) {
      const res = await read(rotated, id);
      expect({ id, status: res.status, body: res.body }).toEqual({ id, status: 200, body: before.get(id) });
    }
    const historyAfter = await rotated.http('worker').get(`/api/notes/${noteId}/history`).set('Cookie', await portals.login('worker'));
    expect(historyAfter.body).toEqual(historyBefore);

    // New keys are wrapped with version 2.
    const freshCase = await assignedCase(rotated);
    await writeNote(freshCase, secret('na de rotatie'), rotated);
    expect((await db.query('SELECT master_key_version FROM case_data_key WHERE case_id = $1', [freshCase])).rows[0].master_key_version).toBe(2);

    // The old key can now be dropped: a portal with only version 2 reads everything too.
    Object.assign(process.env, { NOTES_MASTER_KEYS: `2:${b64(NEW_KEY)}` });
    newKeyOnly = await createPortalApp(WorkerPortalModule, WORKER_PORTAL);
    for (const id of casesOfThisFile.filter((id) => before.has(id))) {
      const res = await read(newKeyOnly, id);
      expect({ id, status: res.status, body: res.body }).toEqual({ id, status: 200, body: before.get(id) });
    }

    // The process that has only the retired key cannot open them any more (a configuration error, 500).
    const stale = await read(portals, caseId);
    expect(stale.status).toBe(500);
    expect(stale.body.code).toBe('INTERNAL_ERROR');
  });

  it('is absent from the OpenAPI documents of the landlord and OCMW portals', async () => {
    const worker = await portals.http('worker').get('/api/docs-json');
    expect(worker.status).toBe(200);
    expect(Object.keys(worker.body.paths)).toEqual(expect.arrayContaining(['/api/cases/{caseId}/notes', '/api/notes/{id}', '/api/notes/{id}/history']));
    expect(worker.body.paths['/api/cases/{caseId}/notes'].post.tags).toEqual(['notes']);

    for (const portal of ['landlord', 'ocmw'] as const) {
      const doc = await portals.http(portal).get('/api/docs-json');
      expect(doc.status).toBe(200);
      const paths = Object.keys(doc.body.paths);
      expect(paths.length).toBeGreaterThan(0);
      expect({ portal, notes: paths.filter((p) => /notes/i.test(p)) }).toEqual({ portal, notes: [] });
      expect(JSON.stringify(doc.body)).not.toMatch(/PrivateNote|NoteHistory|NoteText/);
    }
  });
});
