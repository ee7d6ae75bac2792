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
  const target = await createTestDatabase(`woonbrug_test_${own ? `${own.replace(/[^a-z0-9_]/g, '_')}_` : ''}w${process.env.JEST_WORKER_ID ?? '1'}`, { fresh: !!own });
  await runMigrations(target);
  await withDataSource(target, (db) => seedDemo(db, 'test'));
  return target;
}

/**
 * A database of `label` for this Jest worker alone (`woonbrug_test_<label>_<worker>`), made afresh
 * and migrated, without demo data: for repository tests that count the rows they insert.
 */
export async function freshMigratedDatabase(label: string): Promise<string> {
  const target = await createTestDatabase(`woonbrug_test_${label}_${process.env.JEST_WORKER_ID ?? '1'}`, { fresh: true });
  await runMigrations(target);
  return target;
}

/** Creates the database `name` on the run's server (dropped first when `fresh`); returns its URL. */
async function createTestDatabase(name: string, options: { fresh: boolean }): Promise<string> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set: run the tests through jest (global setup starts PostgreSQL)');
  if (!/test/.test(name)) throw new Error(`Refusing to use database "${name}": its name lacks "test"`);
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    if (options.fresh) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
