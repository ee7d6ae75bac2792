import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../libs/database/src/embedded-postgres';

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
 * Starts a real PostgreSQL for the whole run unless DATABASE_URL is set. Each Jest worker then
 * makes its own database from it (test/support/test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.stdout.write(`\n[test] using PostgreSQL from DATABASE_URL\n`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'woonbrug-pg-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const started = Date.now();
  const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), port, database: 'woonbrug_test', persistent: false });
  process.env.DATABASE_URL = pg.url;
  process.env.WOONBRUG_TEST_PG_DIR = dir;
  (globalThis as { __woonbrugPg?: typeof pg }).__woonbrugPg = pg;
  process.stdout.write(`\n[test] started embedded PostgreSQL on port ${port} in ${Date.now() - started} ms (${dir})\n`);
}
