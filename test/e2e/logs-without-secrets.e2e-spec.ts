import { randomUUID } from 'node:crypto';
import { Global, Module, type Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoPersona } from '@woonbrug/database';
import { createPortalApp } from '@woonbrug/web';
import { Client } from 'pg';
import request from 'supertest';
import { LandlordPortalModule } from '../../apps/landlord-portal/src/landlord-portal.module';
import { LANDLORD_PORTAL } from '../../apps/landlord-portal/src/main';
import { OcmwPortalModule } from '../../apps/ocmw-portal/src/ocmw-portal.module';
import { OCMW_PORTAL } from '../../apps/ocmw-portal/src/main';
import { WorkerPortalModule } from '../../apps/worker-portal/src/worker-portal.module';
import { WORKER_PORTAL } from '../../apps/worker-portal/src/main';
import { LOG_DESTINATION } from '../../libs/web/src/web.module';
import { logInWithSecondFactor, TEST_NOTES_MASTER_KEY, type PortalName } from '../support/portals';
import { validReferral } from '../support/referral-fixtures';
import { prepareTestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

/**
 * The three portals, built as in production, with their logs (LOG_LEVEL=debug) written to memory
 * instead of standard output: a global module provides the destination the WebModule looks for.
 */
const logged: string[] = [];

@Global()
@Module({ providers: [{ provide: LOG_DESTINATION, useValue: { write: (chunk: string) => void logged.push(chunk) } }], exports: [LOG_DESTINATION] })
class CapturedLogs {}

function withCapturedLogs(root: Type<unknown>): Type<unknown> {
  @Module({ imports: [root, CapturedLogs] })
  class PortalWithCapturedLogs {}
  return PortalWithCapturedLogs;
}

let apps: Record<PortalName, NestFastifyApplication>;
let db: Client;
const http = (portal: PortalName) => request(apps[portal].getHttpServer());
const cookies = new Map<DemoPersona, string>();

async function login(persona: DemoPersona): Promise<string> {
  const cached = cookies.get(persona);
  if (cached) return cached;
  const account = DEMO_ACCOUNTS.find((a) => a.persona === persona)!;
  // With the TOTP code for workers, coordinators and privacy officers.
  const cookie = await logInWithSecondFactor(http(account.portal), account.email, DEMO_PASSWORD);
  cookies.set(persona, cookie);
  return cookie;
}

/** A log line, parsed. */
type LogLine = Record<string, unknown> & { req?: { id?: unknown }; msg?: unknown; err?: Record<string, unknown> };

function loggedLines(): string[] {
  return logged.join('').split('\n').filter((line) => line !== '');
}

beforeAll(async () => {
  const databaseUrl = await prepareTestDatabase('logs');
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    LOGIN_RATE_LIMIT: '10000',
    LOG_LEVEL: 'debug',
    NOTES_MASTER_KEYS: `1:${TEST_NOTES_MASTER_KEY.toString('base64')}`,
  });
  apps = {
    worker: await createPortalApp(withCapturedLogs(WorkerPortalModule), WORKER_PORTAL),
    landlord: await createPortalApp(withCapturedLogs(LandlordPortalModule), LANDLORD_PORTAL),
    ocmw: await createPortalApp(withCapturedLogs(OcmwPortalModule), OCMW_PORTAL),
  };
  db = new Client({ connectionString: databaseUrl });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  if (apps) await Promise.all(Object.values(apps).map((a) => a.close()));
});

describe('correlation ids', () => {
  it('gives every request a unique id, adopts a well-formed X-Request-Id and answers with it', async () => {
    const a = await http('worker').get('/login');
    const b = await http('worker').get('/login');
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
    const mine = randomUUID();
    expect((await http('landlord').get('/login').set('X-Request-Id', mine)).headers['x-request-id']).toBe(mine);
    const forged = (await http('landlord').get('/login').set('X-Request-Id', 'no spaces "allowed"')).headers['x-request-id'];
    expect(forged).not.toContain('allowed');
    expect(forged).toMatch(/^[0-9a-f-]{36}$/);
    // Error answers carry it too.
    expect((await http('worker').get('/api/cases')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('logs of a full flow', () => {
  it('hold no names, addresses, fact or note texts, passwords or session ids, and every line is JSON with a request id', async () => {
    const org = Object.fromEntries(
      (await db.query(`SELECT id, name FROM organisation`)).rows.map((r: { id: string; name: string }) => [r.name.startsWith('GMH') ? 'gmh' : r.name, r.id]),
    );
    const workerId = (await db.query(`SELECT id FROM user_account WHERE email = 'worker@woonbrug.example'`)).rows[0].id as string;
    logged.length = 0;

    // A failed login, with a password that must not be logged.
    const wrongPassword = `Fout-Wachtwoord-${randomUUID()}`;
    expect((await http('worker').post('/api/session').send({ email: 'worker@woonbrug.example', password: wrongPassword })).status).toBe(401);

    // A referral with a tenant's name, accepted, with facts, a private note, a consent and a disclosure.
    const referral = validReferral();
    const tenantName = referral.tenantName as string;
    const address = referral.address as string;
    const context = `Context van ${tenantName}: schuldbemiddeling lopende`;
    const gmh = await login('gmh');
    const referred = await http('landlord').post('/api/referrals').set('Cookie', gmh).send({ ...referral, context, referrerContactPhone: '0499 12 34 56' });
    expect(referred.status).toBe(201);
    const caseId = (await db.query('SELECT case_id FROM referral WHERE id = $1', [referred.body.id])).rows[0].case_id as string;
    await http('worker').post(`/api/cases/${caseId}/accept`).set('Cookie', await login('coordinator')).send({ workerId }).expect(200);
    const worker = await login('worker');
    const factText = `Huurachterstal van ${tenantName} bedraagt 2.340 euro`;
    const fact = await http('worker').post(`/api/cases/${caseId}/facts`).set('Cookie', worker).send({ category: 'housing', body: factText, occurredOn: '2026-11-20' });
    expect(fact.status).toBe(201);
    const noteText = `Privénotitie: ${tenantName} vertelde over zijn verslaving`;
    expect((await http('worker').post(`/api/cases/${caseId}/notes`).set('Cookie', worker).send({ text: noteText })).status).toBe(201);
    const purpose = `Opvolging huuropzeg ${tenantName}`;
    const consent = await http('worker')
      .post(`/api/cases/${caseId}/consents`)
      .set('Cookie', worker)
      .send({ organisationId: org.gmh, categories: ['housing'], purpose, givenHow: 'written', givenOn: '2026-11-01' });
    expect(consent.status).toBe(201);
    await http('worker').post(`/api/cases/${caseId}/disclosures`).set('Cookie', worker).send({ organisationId: org.gmh, factId: fact.body.id, confirmWarning: true }).expect(201);

    // Reads: the partner's view of its referral, the worker's case, notes and the demo cases.
    const partnerView = await http('landlord').get(`/api/referrals/${referred.body.id}`).set('Cookie', gmh);
    expect(partnerView.status).toBe(200);
    expect(partnerView.body.facts.map((f: { body: string }) => f.body)).toContain(factText);
    expect((await http('worker').get(`/api/cases/${caseId}/notes`).set('Cookie', worker)).text).toContain(noteText);
    const caseList = await http('worker').get('/api/cases').set('Cookie', worker);
    expect(caseList.status).toBe(200);
    const coordinator = await login('coordinator');
    const demoCases = (await db.query(`SELECT id, tenant_name, address FROM case_file WHERE id <> $1`, [caseId])).rows as Array<{ id: string; tenant_name: string; address: string }>;
    expect(demoCases.length).toBeGreaterThan(0);
    for (const demo of demoCases) {
      await http('worker').get(`/api/cases/${demo.id}`).set('Cookie', coordinator);
      await http('worker').get(`/cases/${demo.id}`).set('Cookie', coordinator);
    }
    // Search with a name in the query string.
    await http('worker').get(`/cases?q=${encodeURIComponent(tenantName)}`).set('Cookie', coordinator);

    // A request that fails in the database, with the tenant's name in the statement and in PostgreSQL's detail.
    const marker = `LOGTEST-${randomUUID()}`;
    await db.query(`
      CREATE OR REPLACE FUNCTION logs_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.body LIKE '%LOGTEST-%' THEN
          RAISE EXCEPTION 'refused by "%"', NEW.body USING DETAIL = 'Failing row contains (' || NEW.body || ').', HINT = NEW.body;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER logs_test_refuse BEFORE INSERT ON fact FOR EACH ROW EXECUTE FUNCTION logs_test_refuse()`);
    const failedFactText = `${marker} ${tenantName} woont in ${address}`;
    try {
      const failed = await http('worker').post(`/api/cases/${caseId}/facts?ref=${marker}`).set('Cookie', worker).send({ category: 'housing', body: failedFactText, occurredOn: '2026-11-20' });
      expect(failed.status).toBeGreaterThanOrEqual(500);
      expect(failed.text).not.toContain(tenantName);
    } finally {
      await db.query(`DROP TRIGGER logs_test_refuse ON fact`);
      await db.query(`DROP FUNCTION logs_test_refuse()`);
    }

    // A value crafted to forge a log line.
    const forged = '\n{"level":60,"msg":"forged line"}\n';
    await http('worker').get(`/api/cases/${encodeURIComponent(forged)}`).set('Cookie', worker);

    // Sign out: the session id must not be logged either.
    await http('worker').delete('/api/session').set('Cookie', worker);

    const lines = loggedLines();
    const parsed: LogLine[] = lines.map((line) => JSON.parse(line) as LogLine);
    expect(parsed.length).toBeGreaterThan(20);
    for (const line of parsed) {
      expect(typeof line.req?.id).toBe('string');
      expect(line.msg).not.toBe('forged line');
    }
    // The failed query was logged — as its type and SQLSTATE, without values.
    const dbError = parsed.find((l) => l.err && l.err.code === 'P0001');
    expect(dbError).toBeDefined();
    expect(dbError!.err).toMatchObject({ type: 'QueryFailedError' });

    const text = lines.join('\n');
    const sessionIds = [...cookies.values()].map((c) => decodeURIComponent(c.split('=')[1]!));
    const secrets = [
      tenantName,
      address,
      context,
      factText,
      noteText,
      purpose,
      marker,
      '0499 12 34 56',
      wrongPassword,
      DEMO_PASSWORD,
      ...sessionIds,
      ...sessionIds.map((s) => s.replace(/^s:/, '').split('.')[0]!),
      ...cookies.values(),
      ...demoCases.flatMap((c) => [c.tenant_name, c.address]),
    ];
    for (const secret of secrets) {
      expect({ secret, logged: text.includes(secret) }).toEqual({ secret, logged: false });
    }
  });
});

describe('audit events of the worker portal', () => {
  it('carry the client address and the correlation id of the request that caused them', async () => {
    const gmhId = (await db.query(`SELECT id FROM organisation WHERE name LIKE 'GMH%'`)).rows[0].id as string;
    const workerId = (await db.query(`SELECT id FROM user_account WHERE email = 'worker@woonbrug.example'`)).rows[0].id as string;
    cookies.clear();
    const referred = await http('landlord').post('/api/referrals').set('Cookie', await login('gmh')).send(validReferral()).expect(201);
    const caseId = (await db.query('SELECT case_id FROM referral WHERE id = $1', [referred.body.id])).rows[0].case_id as string;
    await http('worker').post(`/api/cases/${caseId}/accept`).set('Cookie', await login('coordinator')).send({ workerId }).expect(200);
    const correlationId = randomUUID();
    const given = await http('worker')
      .post(`/api/cases/${caseId}/consents`)
      .set('Cookie', await login('worker'))
      .set('X-Request-Id', correlationId)
      .send({ organisationId: gmhId, categories: ['housing'], purpose: 'Opvolging huuropzeg', givenHow: 'written', givenOn: '2026-11-01' });
    expect(given.status).toBe(201);
    expect(given.headers['x-request-id']).toBe(correlationId);
    const withdrawn = await http('worker').post(`/api/consents/${given.body.id}/withdraw`).set('Cookie', await login('worker')).send({});
    expect(withdrawn.status).toBe(200);
    const events = (
      await db.query(`SELECT event_type, client_address, correlation_id FROM audit_event WHERE consent_id = $1 ORDER BY id`, [given.body.id])
    ).rows as Array<{ event_type: string; client_address: string | null; correlation_id: string | null }>;
    expect(events.map((e) => e.event_type)).toEqual(expect.arrayContaining(['consent.given', 'consent.withdrawn']));
    const givenEvent = events.find((e) => e.event_type === 'consent.given')!;
    expect(givenEvent.correlation_id).toBe(correlationId);
    expect(givenEvent.client_address).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
    const withdrawnEvent = events.find((e) => e.event_type === 'consent.withdrawn')!;
    expect(withdrawnEvent.correlation_id).toBe(withdrawn.headers['x-request-id']);
    expect(withdrawnEvent.correlation_id).not.toBe(correlationId);
    expect(withdrawnEvent.client_address).not.toBeNull();
  });
});
