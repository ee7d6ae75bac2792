import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

/**
 * The one description of Woonbrug's PostgreSQL connection, shared by the Nest apps, the
 * migration and seed commands and the tests. `synchronize` is never on: the schema changes only
 * through the migrations in `./migrations`.
 */
export function buildDataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    entities: [],
    extra: { max: 10, application_name: 'woonbrug' },
    ...extra,
  } as DataSourceOptions;
}
