import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

export interface ConnectionSettings {
  /**
   * PostgreSQL cancels any statement that runs longer (SQLSTATE 57014), and a request waits at
   * most this long for a free pool connection: a slow query or a lock answers 503 instead of
   * hanging. Unset (migrations, seeds, maintenance commands): no limit.
   */
  readonly statementTimeoutMs?: number;
}

/**
 * The one description of Woonbrug's PostgreSQL connection, shared by the Nest apps, the
 * migration and seed commands and the tests. `synchronize` is never on: the schema changes only
 * through the migrations in `./migrations`.
 */
export function buildDataSourceOptions(
  url: string,
  extra: Partial<DataSourceOptions> = {},
  settings: ConnectionSettings = {},
): DataSourceOptions {
  const timeout = settings.statementTimeoutMs;
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    entities: [],
    extra: {
      max: 10,
      application_name: 'woonbrug',
      // Sent in the startup packet of every pool connection (pg's `statement_timeout` option).
      ...(timeout ? { statement_timeout: timeout, connectionTimeoutMillis: timeout } : {}),
    },
    ...extra,
  } as DataSourceOptions;
}
