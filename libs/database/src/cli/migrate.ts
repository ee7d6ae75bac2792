import { loadConfig } from '@woonbrug/config';
import { runMigrations } from './run-migrations';

/** `npm run migration:run`: applies pending migrations to DATABASE_URL. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new Error('Set DATABASE_URL to the PostgreSQL server to migrate');
  const ran = await runMigrations(config.DATABASE_URL);
  console.log(ran.length ? `Applied: ${ran.join(', ')}` : 'No pending migrations');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
