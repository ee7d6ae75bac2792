/** PostgreSQL: the data source, migrations, the embedded server for development and tests, seeds. */
export { DatabaseModule } from './database.module';
export { buildDataSourceOptions } from './data-source';
export { startEmbeddedPostgres } from './embedded-postgres';
export type { EmbeddedPostgresHandle, EmbeddedPostgresOptions } from './embedded-postgres';
export { runMigrations, withDataSource } from './cli/run-migrations';
export { seedDemo } from './seeds/demo/seed-demo';
export { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD } from './seeds/demo/demo-accounts';
export type { DemoAccount, DemoPersona } from './seeds/demo/demo-accounts';
export { HISTORICAL_CASES } from './seeds/demo/historical-cases';
