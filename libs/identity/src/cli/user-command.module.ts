import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@woonbrug/audit';
import { ConfigModule } from '@woonbrug/config';
import { DatabaseModule } from '@woonbrug/database';
import { DomainError } from '@woonbrug/kernel';
import { IdentityService } from '../application/identity.service';
import { OrganisationEntity } from '../infrastructure/organisation.entity';
import { UserAccountEntity } from '../infrastructure/user-account.entity';

/** The identity service without a portal: what the operator commands (`npm run users:*`) need. */
@Module({
  imports: [ConfigModule, DatabaseModule, AuditModule, TypeOrmModule.forFeature([OrganisationEntity, UserAccountEntity])],
  providers: [IdentityService],
})
class UserCommandModule {}

/** Runs `work` with the identity service on DATABASE_URL; a domain error becomes a message and exit code 1. */
export async function withIdentity(err: NodeJS.WritableStream, work: (identity: IdentityService) => Promise<void>): Promise<number> {
  const app = await NestFactory.createApplicationContext(UserCommandModule, { logger: ['error', 'warn'] });
  try {
    await work(app.get(IdentityService));
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const details = error.details.map((d) => `\n  - ${d.message}`).join('');
    err.write(`${error.message}${details}\n`);
    return 1;
  } finally {
    await app.close();
  }
}

/** The one e-mail argument of a command, or null (with the usage on `err`). */
export function emailArgument(argv: readonly string[], usage: string, err: NodeJS.WritableStream): string | null {
  const args = argv.filter((a) => a !== '--');
  if (args.length !== 1 || !args[0]!.includes('@')) {
    err.write(`usage: ${usage}\n`);
    return null;
  }
  return args[0]!;
}
