import { Client } from 'pg';
import { runMigrations, seedDemo, withDataSource } from '@woonbrug/database';

/**
 * This Jest worker's own database on the run's PostgreSQL, migrated and loaded with the demo data
 * once per worker. Refuses a database whose name lacks `test`, so a test can never wipe real data.
 *
 * `own`: a database of the test file alone, made afresh — for a test that changes what others
 * rely on (retention anonymises the demo cases).
 */
export async function prepareTestDatabase(own?: string): Promise<string> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set: run the tests through jest (global setup starts PostgreSQL)');
  const url = new URL(base);
  const name = `woonbrug_test_${own ? `${own.replace(/[^a-z0-9_]/g, '_')}_` : ''}w${process.env.JEST_WORKER_ID ?? '1'}`;
  if (!/test/.test(name)) throw new Error(`Refusing to use database "${name}": its name lacks "test"`);
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    if (own) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  const target = url.toString();
  await runMigrations(target);
  await withDataSource(target, (db) => seedDemo(db, 'test'));
  return target;
}
