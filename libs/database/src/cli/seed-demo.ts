import { loadConfig } from '@woonbrug/config';
import { seedDemo } from '../seeds/demo/seed-demo';
import { runMigrations, withDataSource } from './run-migrations';

/** `npm run seed:demo`: migrates DATABASE_URL and loads the demo data (never in production). */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new Error('Set DATABASE_URL to the PostgreSQL server to seed');
  await runMigrations(config.DATABASE_URL);
  const result = await withDataSource(config.DATABASE_URL, (db) => seedDemo(db, config.NODE_ENV));
  console.log(result === 'seeded' ? 'Demo data loaded' : 'Demo data already present');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
