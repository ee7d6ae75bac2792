import { join } from 'node:path';
import { loadConfig } from '@woonbrug/config';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source';

/**
 * For the TypeORM CLI (`npm run migration:generate -- libs/database/src/migrations/<name>`), after a
 * build: entities are found in the compiled libs, migrations are the registered list.
 */
export default new DataSource(
  buildDataSourceOptions(loadConfig().DATABASE_URL ?? 'postgres://localhost/woonbrug', {
    entities: [join(__dirname, '..', '..', '*', 'src', '**', '*.entity.js')],
  }),
);
