import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@woonbrug/config';
import { buildDataSourceOptions } from './data-source';

/** The app's PostgreSQL connection; each context registers its own entities (autoLoadEntities). */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        if (!config.DATABASE_URL) {
          throw new Error('DATABASE_URL is not set. `npm start` sets it for the embedded PostgreSQL; a deployment must set it.');
        }
        return {
          ...buildDataSourceOptions(config.DATABASE_URL, {}, { statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS }),
          autoLoadEntities: true,
          retryAttempts: 3,
          retryDelay: 1000,
        };
      },
    }),
  ],
})
export class DatabaseModule {}
