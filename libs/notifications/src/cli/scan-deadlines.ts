import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule } from '@woonbrug/config';
import { DatabaseModule } from '@woonbrug/database';
import { IdentityModule } from '@woonbrug/identity';
import { DeadlineScan } from '../application/deadline-scan';
import { NotificationsModule } from '../notifications.module';

/** What the scan needs, without HTTP: config, database, identity, cases and notifications. */
@Module({ imports: [ConfigModule, DatabaseModule, IdentityModule.forPortal('worker'), NotificationsModule] })
class DeadlineScanCommandModule {}

/**
 * `node dist/libs/notifications/src/cli/scan-deadlines.js`: runs one deadline scan now (close
 * ended aftercare, notify, e-mail), e.g. from cron when the worker portal's own timer is off
 * (`DEADLINE_SCAN_INTERVAL_SECONDS=0`). Safe next to running portals: the scan takes the same
 * advisory lock and its notifications are deduplicated. Needs DATABASE_URL (and SMTP_URL to mail).
 */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(DeadlineScanCommandModule, { logger: ['error', 'warn', 'log'] });
  try {
    const result = await app.get(DeadlineScan).runOnce();
    process.stdout.write(
      result.ran
        ? `Deadline scan ${result.today}: ${result.notificationsCreated} new notifications, ${result.closedCaseIds.length} aftercare cases closed, ${result.emailsHandled} e-mails\n`
        : `Deadline scan ${result.today}: another instance is scanning; nothing done\n`,
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
