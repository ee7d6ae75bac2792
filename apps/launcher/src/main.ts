import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig } from '@woonbrug/config';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD, runMigrations, seedDemo, startEmbeddedPostgres, withDataSource, type EmbeddedPostgresHandle } from '@woonbrug/database';
import { Secret, TOTP } from 'otpauth';

/**
 * `npm start`: one command for a newcomer. Starts embedded PostgreSQL (unless DATABASE_URL is
 * set), migrates, loads the demo data into an empty database, runs the three portals as separate
 * processes (each deployable alone) and prints where they are and how to log in. Ctrl-C stops
 * everything, PostgreSQL included.
 */
const PORTALS = [
  { name: 'worker-portal', port: 3001, label: 'Bemoeizorgportaal (worker)', audience: 'worker', notes: true },
  { name: 'landlord-portal', port: 3002, label: 'Verhuurdersportaal (landlord)', audience: 'landlord', notes: false },
  { name: 'ocmw-portal', port: 3003, label: 'OCMW-portaal (ocmw)', audience: 'ocmw', notes: false },
] as const;

/**
 * The development master key for private notes, made once and kept beside the embedded data, so
 * that notes stay readable across restarts. A deployment sets NOTES_MASTER_KEYS itself.
 */
function developmentNotesKeys(dataDir: string): string {
  const file = join(dirname(dataDir), 'notes-master-keys');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

const log = (line: string) => process.stdout.write(`[woonbrug] ${line}\n`);

async function waitForHealth(port: number, timeoutMs: number): Promise<void> {
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
  throw new Error(`portal on port ${port} did not become healthy within ${timeoutMs / 1000}s`);
}

function printLogins(): void {
  const orgName = (key: string | null) => DEMO_ORGANISATIONS.find((o) => o.key === key)?.name ?? '—';
  const rows = DEMO_ACCOUNTS.map((a) => [`http://localhost:${PORTALS.find((p) => p.audience === a.portal)!.port}`, a.role, orgName(a.organisation), a.email, DEMO_PASSWORD]);
  const header = ['portal', 'role', 'organisation', 'e-mail', 'password'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  log('Demo logins:');
  for (const l of [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)]) process.stdout.write(`  ${l}\n`);
  printSecondFactors();
}

/**
 * Workers, coordinators and privacy officers log in with a TOTP code after the password. The demo
 * accounts have fixed, published secrets: add one to an authenticator app (type the key, or turn
 * the otpauth URI into a QR code), or compute a code with `oathtool --totp -b <key>`.
 */
function printSecondFactors(): void {
  log('Second factor (worker portal: worker, coordinator, privacy officer): add the key to an authenticator app');
  for (const a of DEMO_ACCOUNTS) {
    if (!('secondFactorSecret' in a)) continue;
    const uri = new TOTP({ issuer: 'Woonbrug', label: a.email, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(a.secondFactorSecret) }).toString();
    process.stdout.write(`  ${a.email.padEnd(30)} key ${a.secondFactorSecret}\n  ${''.padEnd(30)} ${uri}\n`);
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  let pg: EmbeddedPostgresHandle | undefined;
  let url = config.DATABASE_URL;
  if (!url) {
    log(`starting embedded PostgreSQL (data in ${config.EMBEDDED_PG_DIR}, port ${config.EMBEDDED_PG_PORT})`);
    pg = await startEmbeddedPostgres({ dataDir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT, database: 'woonbrug' });
    url = pg.url;
  }
  try {
    const applied = await runMigrations(url);
    log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema is up to date');
    if (config.NODE_ENV !== 'production') {
      const seeded = await withDataSource(url, (db) => seedDemo(db, config.NODE_ENV));
      log(seeded === 'seeded' ? 'demo data loaded' : 'demo data already present (reusing the database)');
    }
  } catch (error) {
    // Leave no PostgreSQL behind when the database cannot be prepared.
    await pg?.stop().catch(() => undefined);
    throw error;
  }

  const notesKeys = config.NOTES_MASTER_KEYS ?? developmentNotesKeys(config.EMBEDDED_PG_DIR);
  const children: ChildProcess[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 8000).unref();
          }),
      ),
    );
    await pg?.stop().catch(() => undefined);
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  for (const portal of PORTALS) {
    const child = spawn(process.execPath, ['--enable-source-maps', join(__dirname, '..', '..', portal.name, 'src', 'main.js')], {
      // Only the worker portal's process gets the notes key.
      env: { ...process.env, DATABASE_URL: url, PORT: String(portal.port), NOTES_MASTER_KEYS: portal.notes ? notesKeys : '' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code, signal) => {
      if (!stopping) {
        log(`${portal.name} exited (${signal ?? code}); stopping the others`);
        void stop(1);
      }
    });
    children.push(child);
  }
  await Promise.all(PORTALS.map((p) => waitForHealth(p.port, 60_000)));
  log('Woonbrug is running:');
  for (const p of PORTALS) process.stdout.write(`  ${p.label.padEnd(32)} http://localhost:${p.port}\n`);
  printLogins();
  log('Press Ctrl-C to stop.');
}

main().catch((error: unknown) => {
  console.error('[woonbrug] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
