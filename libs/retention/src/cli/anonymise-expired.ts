import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule } from '@woonbrug/config';
import { DatabaseModule } from '@woonbrug/database';
import { AnonymiseExpiredCases } from '../application/anonymise-expired-cases';
import { RetentionModule } from '../retention.module';

@Module({ imports: [ConfigModule, DatabaseModule, RetentionModule] })
class RetentionCommandModule {}

/**
 * `npm run retention:run`: anonymises now every closed or declined case older than
 * `RETENTION_MONTHS`, e.g. from cron when the worker portal's timer is off
 * (`RETENTION_SCAN_INTERVAL_SECONDS=0`). Safe next to running portals (same advisory lock).
 */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(RetentionCommandModule, { logger: ['error', 'warn'] });
  try {
    const result = await app.get(AnonymiseExpiredCases).runOnce();
    process.stdout.write(
      result.ran
        ? `Retention: ${result.anonymisedCaseIds.length} cases closed or declined before ${result.cutoff} anonymised\n`
        : `Retention: another instance is running; nothing done\n`,
    );
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
