import { createHash, randomUUID } from 'node:crypto';
import { ExpiredIdempotencyKeys } from '@woonbrug/web';
import { Client } from 'pg';
import type { Response } from 'supertest';
import { startPortals, type Portals } from '../support/portals';
import { validReferral } from '../support/referral-fixtures';

/**
 * `Idempotency-Key` (IETF draft) over HTTP on real PostgreSQL: a retry with the same key and
 * request — one after the other or at the same time — writes once and answers the first response
 * again; the same key with another request is refused (422); keys are per user; without the header
 * nothing changes; malformed keys answer 400. Row counts prove that nothing was written twice, and
 * the key row shows that its `committed` mark was made by the write itself.
 */
jest.setTimeout(120_000);

let portals: Portals;
let db: Client;
let caseId: string;
let gmh: string;
let bvt: string;
let worker: string;

const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await db.query(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0].n);
const referralsNamed = (tenantName: unknown) => count('referral WHERE tenant_name = $1', [tenantName]);
const keyRows = (key: string) => db.query('SELECT state, committed_at, response_status, portal FROM idempotency_key WHERE key = $1', [key]).then((r) => r.rows);
const userId = async (email: string): Promise<string> => (await db.query('SELECT id FROM user_account WHERE email = $1', [email])).rows[0].id;

const submit = (cookie: string, body: Record<string, unknown>, key?: string, portal: 'landlord' | 'ocmw' = 'landlord') => {
  const req = portals.http(portal).post('/api/referrals').set('Cookie', cookie);
  return (key === undefined ? req : req.set('Idempotency-Key', key)).send(body);
};

/** The digest the portal keeps of a request (method, path, body as JSON). */
const fingerprintOf = (method: string, url: string, body: unknown) => createHash('sha256').update(`${method} ${url}\n`).update(JSON.stringify(body)).digest();

function expectProblem(res: Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code });
}

beforeAll(async () => {
  portals = await startPortals({}, { ownDatabase: 'idempotency' });
  db = new Client({ connectionString: portals.databaseUrl });
  await db.connect();
  gmh = await portals.login('gmh');
  bvt = await portals.login('bvt');
  worker = await portals.login('worker');
  // An active case of persona `worker` (referred by GMH, accepted by the coordinator), for facts.
  const referral = await submit(gmh, validReferral()).expect(201);
  caseId = (await db.query('SELECT case_id FROM referral WHERE id = $1', [referral.body.id])).rows[0].case_id;
  const workerId = await userId('worker@woonbrug.example');
  await portals.http('worker').post(`/api/cases/${caseId}/accept`).set('Cookie', await portals.login('coordinator')).send({ workerId }).expect(200);
});

afterAll(async () => {
  await db?.end();
  await portals?.close();
});

describe('Idempotency-Key on POST /api/referrals', () => {
  it('deletes keys older than 24 hours with their answers, and only those', async () => {
    const gmhId = await userId('gmh@woonbrug.example');
    for (const [key, expiresIn] of [['long-expired', '-1 hour'], ['still-valid', '1 hour']]) {
      await db.query(
        `INSERT INTO idempotency_key (user_id, portal, key, fingerprint, owner, state, response_status, response_body, expires_at)
         VALUES ($1, 'landlord', $2, $3, gen_random_uuid(), 'done', 201, '{}', now() + $4::interval)`,
        [gmhId, key, Buffer.alloc(32), expiresIn],
      );
    }
    // Every portal process runs this every ten minutes.
    expect(await portals.apps.landlord.get(ExpiredIdempotencyKeys).prune()).toBeGreaterThanOrEqual(1);
    expect(await keyRows('long-expired')).toEqual([]);
    expect(await keyRows('still-valid')).toHaveLength(1);
  });

  it('answers a sequential retry with the first response and writes one referral', async () => {
    const key = randomUUID();
    const body = validReferral();
    const first = await submit(gmh, body, key);
    const second = await submit(gmh, body, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.text).toBe(first.text);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await referralsNamed(body.tenantName)).toBe(1);
    const rows = await keyRows(key);
    expect(rows).toHaveLength(1);
    // `committed_at` is set only by the mark inside the referral's own transaction.
    expect(rows[0]).toMatchObject({ state: 'done', response_status: 201, portal: 'landlord' });
    expect(rows[0].committed_at).toBeInstanceOf(Date);
  });

  it('writes once when the same request arrives many times at once; each answer is the first one or 409', async () => {
    const key = randomUUID();
    const body = validReferral();
    const answers = await Promise.all(Array.from({ length: 8 }, () => submit(gmh, body, key)));
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const a of answers.filter((x) => x.status !== 201)) expectProblem(a, 409, 'IDEMPOTENCY_KEY_IN_USE');
    expect(new Set(created.map((a) => a.text)).size).toBe(1);
    expect(await referralsNamed(body.tenantName)).toBe(1);
    // Once the first finished, a retry gets exactly its answer.
    const retry = await submit(gmh, body, key).expect(201);
    expect(retry.text).toBe(created[0]!.text);
    expect(await referralsNamed(body.tenantName)).toBe(1);
    expect(await keyRows(key)).toHaveLength(1);
  });

  it('refuses the same key with a different body or path (422) and writes nothing', async () => {
    const key = randomUUID();
    const body = validReferral();
    await submit(gmh, body, key).expect(201);
    const other = validReferral();
    expectProblem(await submit(gmh, other, key), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await referralsNamed(other.tenantName)).toBe(0);
    const [referralId] = (await db.query('SELECT id FROM referral WHERE tenant_name = $1', [body.tenantName])).rows.map((r) => r.id as string);
    const event = await portals
      .http('landlord')
      .post(`/api/referrals/${referralId}/procedure-events`)
      .set('Cookie', gmh)
      .set('Idempotency-Key', key)
      .send({ kind: 'claim_filed', eventDate: '2026-11-02' });
    expectProblem(event, 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await count('procedure_event WHERE case_id = (SELECT case_id FROM referral WHERE id = $1)', [referralId])).toBe(0);
    expect(await referralsNamed(body.tenantName)).toBe(1);
  });

  it('keeps keys per user: another user with the same key writes its own referral', async () => {
    const key = randomUUID();
    const first = validReferral();
    const second = validReferral();
    await submit(gmh, first, key).expect(201);
    const other = await submit(bvt, second, key).expect(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    const landlordId = (await db.query(`SELECT id FROM organisation WHERE kind = 'landlord' ORDER BY name LIMIT 1`)).rows[0].id;
    const ocmw = await submit(await portals.login('ocmwBeveren'), validReferral({ landlordOrganisationId: landlordId }), key, 'ocmw');
    expect(ocmw.status).toBe(201);
    expect(await referralsNamed(first.tenantName)).toBe(1);
    expect(await referralsNamed(second.tenantName)).toBe(1);
    expect(await keyRows(key)).toHaveLength(3);
  });

  it('behaves as before without the header: each request writes', async () => {
    const body = validReferral();
    const before = await count('idempotency_key');
    await submit(gmh, body).expect(201);
    await submit(gmh, body).expect(201);
    expect(await referralsNamed(body.tenantName)).toBe(2);
    expect(await count('idempotency_key')).toBe(before);
  });

  it('answers 400 for an empty key or one longer than 255 characters, and writes nothing', async () => {
    for (const key of ['', '   ', 'x'.repeat(256), 'sleutel-é']) {
      const body = validReferral();
      expectProblem(await submit(gmh, body, key), 400, 'INVALID_IDEMPOTENCY_KEY');
      expect(await referralsNamed(body.tenantName)).toBe(0);
    }
    const longest = 'k'.repeat(255);
    await submit(gmh, validReferral(), longest).expect(201);
    // The draft's structured-field form (a quoted string) names the same key.
    const quoted = randomUUID();
    const body = validReferral();
    const bare = await submit(gmh, body, quoted).expect(201);
    const again = await submit(gmh, body, `"${quoted}"`).expect(201);
    expect(again.text).toBe(bare.text);
    expect(await referralsNamed(body.tenantName)).toBe(1);
  });

  it('gives the key back when the request fails before writing (400), so it can be used again', async () => {
    const key = randomUUID();
    const invalid = validReferral({ hearingDate: 'not a date' });
    expect((await submit(gmh, invalid, key)).status).toBe(400);
    expect(await keyRows(key)).toEqual([]);
    const valid = validReferral();
    await submit(gmh, valid, key).expect(201);
    expect(await referralsNamed(valid.tenantName)).toBe(1);
  });

  it('takes over a key whose holder went silent without committing, and never repeats one that committed', async () => {
    const gmhId = await userId('gmh@woonbrug.example');
    const stale = randomUUID();
    const body = validReferral();
    await db.query(
      `INSERT INTO idempotency_key (user_id, portal, key, fingerprint, owner, locked_at, expires_at)
       VALUES ($1, 'landlord', $2, $3, gen_random_uuid(), now() - interval '1 hour', now() + interval '23 hours')`,
      [gmhId, stale, fingerprintOf('POST', '/api/referrals', body)],
    );
    await submit(gmh, body, stale).expect(201);
    expect(await referralsNamed(body.tenantName)).toBe(1);
    expect(await keyRows(stale)).toMatchObject([{ state: 'done' }]);

    // A key marked `committed` without an answer: its request wrote and then died. Never again.
    const spent = randomUUID();
    const spentBody = validReferral();
    await db.query(
      `INSERT INTO idempotency_key (user_id, portal, key, fingerprint, owner, state, committed_at, locked_at, expires_at)
       VALUES ($1, 'landlord', $2, $3, gen_random_uuid(), 'committed', now(), now() - interval '1 hour', now() + interval '23 hours')`,
      [gmhId, spent, fingerprintOf('POST', '/api/referrals', spentBody)],
    );
    expectProblem(await submit(gmh, spentBody, spent), 409, 'IDEMPOTENT_OUTCOME_UNKNOWN');
    expect(await referralsNamed(spentBody.tenantName)).toBe(0);

    // A fresh `running` key of another request in flight: 409, nothing written.
    const busy = randomUUID();
    const busyBody = validReferral();
    await db.query(
      `INSERT INTO idempotency_key (user_id, portal, key, fingerprint, owner, expires_at) VALUES ($1, 'landlord', $2, $3, gen_random_uuid(), now() + interval '1 day')`,
      [gmhId, busy, fingerprintOf('POST', '/api/referrals', busyBody)],
    );
    expectProblem(await submit(gmh, busyBody, busy), 409, 'IDEMPOTENCY_KEY_IN_USE');
    expect(await referralsNamed(busyBody.tenantName)).toBe(0);
  });

  it('fences off a slow holder whose key was taken over: of the two, only the retry commits', async () => {
    const key = randomUUID();
    const body = validReferral();
    const ownerOf = async () => (await db.query('SELECT owner FROM idempotency_key WHERE key = $1', [key])).rows[0]?.owner as string | undefined;
    const until = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
    };
    // SHARE mode: reads of `referral` go on, its INSERT waits — the holder stops inside its transaction.
    const locker = new Client({ connectionString: portals.databaseUrl });
    await locker.connect();
    let slow: Promise<Response>;
    let retry: Promise<Response>;
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE referral IN SHARE MODE');
      slow = submit(gmh, body, key).then((r) => r);
      await until(async () => (await ownerOf()) !== undefined);
      const first = await ownerOf();
      await new Promise((r) => setTimeout(r, 300));
      // Its lease runs out (as if it had died), and the client's retry takes the key over.
      await db.query(`UPDATE idempotency_key SET locked_at = now() - interval '1 hour' WHERE key = $1`, [key]);
      retry = submit(gmh, body, key).then((r) => r);
      await until(async () => (await ownerOf()) !== first);
      expect(await ownerOf()).not.toBe(first);
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    const [slowAnswer, retryAnswer] = await Promise.all([slow!, retry!]);
    expectProblem(slowAnswer, 409, 'IDEMPOTENCY_KEY_IN_USE');
    expect(retryAnswer.status).toBe(201);
    expect(await referralsNamed(body.tenantName)).toBe(1);
    expect(await count('case_file WHERE tenant_name = $1', [body.tenantName])).toBe(1);
    const again = await submit(gmh, body, key).expect(201);
    expect(again.text).toBe(retryAnswer.text);
  });

  it('treats an expired key as new', async () => {
    const key = randomUUID();
    await db.query(
      `INSERT INTO idempotency_key (user_id, portal, key, fingerprint, owner, state, response_status, response_body, expires_at)
       VALUES ($1, 'landlord', $2, $3, gen_random_uuid(), 'done', 201, '{}', now() - interval '1 second')`,
      [await userId('gmh@woonbrug.example'), key, Buffer.alloc(32)],
    );
    const body = validReferral();
    const res = await submit(gmh, body, key).expect(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(await referralsNamed(body.tenantName)).toBe(1);
  });
});

describe('Idempotency-Key on the worker’s writes', () => {
  it('a fact (a single INSERT outside a transaction) is written once and marked before it is written', async () => {
    const key = randomUUID();
    const text = `idempotent fact ${key}`;
    const send = () => portals.http('worker').post(`/api/cases/${caseId}/facts`).set('Cookie', worker).set('Idempotency-Key', key).send({ category: 'housing', body: text, occurredOn: '2026-11-20' });
    const [a, b, c] = await Promise.all([send(), send(), send()]);
    const created = [a!, b!, c!].filter((r) => r.status === 201);
    for (const r of [a!, b!, c!].filter((x) => x.status !== 201)) expectProblem(r, 409, 'IDEMPOTENCY_KEY_IN_USE');
    const retry = await send().expect(201);
    expect(retry.text).toBe(created[0]!.text);
    expect(await count('fact WHERE body = $1', [text])).toBe(1);
    expect((await keyRows(key))[0]).toMatchObject({ state: 'done', response_status: 201, portal: 'worker' });
    expect((await keyRows(key))[0].committed_at).toBeInstanceOf(Date);
  });

  it('a recorded consent is written once', async () => {
    const key = randomUUID();
    const ocmw = (await db.query(`SELECT id FROM organisation WHERE kind = 'ocmw' ORDER BY name LIMIT 1`)).rows[0].id;
    const body = { organisationId: ocmw, categories: ['housing'], purpose: `idempotency ${key}`, givenHow: 'oral', givenOn: '2026-11-20' };
    const send = () => portals.http('worker').post(`/api/cases/${caseId}/consents`).set('Cookie', worker).set('Idempotency-Key', key).send(body);
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.text).toBe(first.text);
    expect(await count('consent WHERE case_id = $1 AND id = $2', [caseId, first.body.id])).toBe(1);
    expect(await count('consent WHERE case_id = $1', [caseId])).toBe(1);
  });

  it('a financial referral and the OCMW’s answer are each carried out once; a retried answer gets the first answer', async () => {
    const beveren = (await db.query(`SELECT id FROM organisation WHERE kind = 'ocmw' AND name ILIKE '%beveren%'`)).rows[0].id;
    await portals
      .http('worker')
      .post(`/api/cases/${caseId}/consents`)
      .set('Cookie', worker)
      .send({ organisationId: beveren, categories: ['financial'], purpose: 'Budgetbegeleiding', givenHow: 'written', givenOn: '2026-11-20' })
      .expect(201);
    const referKey = randomUUID();
    const refer = () =>
      portals
        .http('worker')
        .post(`/api/cases/${caseId}/financial-referrals`)
        .set('Cookie', worker)
        .set('Idempotency-Key', referKey)
        .send({ kind: 'budget_guidance', motivation: 'Schulden bij energie en huur; de huurder vraagt hulp.' });
    const referred = await refer();
    expect(referred.status).toBe(201);
    const referredAgain = await refer();
    expect(referredAgain.status).toBe(201);
    expect(referredAgain.text).toBe(referred.text);
    expect(await count('financial_referral WHERE case_id = $1', [caseId])).toBe(1);

    const ocmw = await portals.login('ocmwBeveren');
    const answerKey = randomUUID();
    const accept = (key?: string) => {
      const req = portals.http('ocmw').post(`/api/financial-referrals/${referred.body.id}/accept`).set('Cookie', ocmw);
      return (key ? req.set('Idempotency-Key', key) : req).send({ version: referred.body.version });
    };
    const accepted = await accept(answerKey);
    expect(accepted.status).toBe(200);
    const retried = await accept(answerKey);
    expect(retried.status).toBe(200);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.text).toBe(accepted.text);
    // The same retry without a key is refused: the answer was given once.
    expect((await accept()).status).toBe(409);
    expect((await db.query('SELECT status, version FROM financial_referral WHERE id = $1', [referred.body.id])).rows[0]).toEqual({
      status: 'accepted',
      version: accepted.body.version,
    });
  });

  it('private notes take no key: their text never reaches the key table', async () => {
    const key = randomUUID();
    const secret = `geheime notitie ${key}`;
    await portals.http('worker').post(`/api/cases/${caseId}/notes`).set('Cookie', worker).set('Idempotency-Key', key).send({ text: secret }).expect(201);
    expect(await keyRows(key)).toEqual([]);
    expect(await count(`idempotency_key WHERE response_body LIKE '%' || $1 || '%'`, [key])).toBe(0);
  });
});

describe('OpenAPI', () => {
  it('documents the Idempotency-Key header on the keyed routes only', async () => {
    const headersOf = (doc: { paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }> }>> }, path: string, method: string) =>
      (doc.paths[path]?.[method]?.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);
    const landlord = (await portals.http('landlord').get('/api/docs-json').expect(200)).body;
    expect(headersOf(landlord, '/api/referrals', 'post')).toContain('Idempotency-Key');
    expect(headersOf(landlord, '/api/referrals/{id}/procedure-events', 'post')).toContain('Idempotency-Key');
    expect(headersOf(landlord, '/api/referrals', 'get')).not.toContain('Idempotency-Key');
    const workerDoc = (await portals.http('worker').get('/api/docs-json').expect(200)).body;
    expect(headersOf(workerDoc, '/api/cases/{caseId}/facts', 'post')).toContain('Idempotency-Key');
    expect(headersOf(workerDoc, '/api/cases/{caseId}/notes', 'post')).not.toContain('Idempotency-Key');
  });
});
