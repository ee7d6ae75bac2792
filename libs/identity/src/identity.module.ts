import { Module, type DynamicModule } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@woonbrug/audit';
import { AppConfig } from '@woonbrug/config';
import type { FastifyRequest } from 'fastify';
import { IdentityService } from './application/identity.service';
import type { Portal } from './domain/role';
import { SessionController } from './http/session.controller';
import { LocalAuthGuard } from './infrastructure/local-auth.guard';
import { localStrategyFor } from './infrastructure/local.strategy';
import { OrganisationEntity } from './infrastructure/organisation.entity';
import { PORTAL } from './infrastructure/portal.token';
import { SessionAuthGuard } from './infrastructure/session-auth.guard';
import { UserAccountEntity } from './infrastructure/user-account.entity';

const MINUTE_MS = 60_000;

function loginAccount(request: Record<string, unknown>): string {
  const body = (request as unknown as FastifyRequest).body as Record<string, unknown> | undefined;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase().slice(0, 254) : '';
}

/**
 * Organisations, users and sessions for one portal: login and logout (API and page), the
 * session guard, and the list of who may log in here.
 */
@Module({})
export class IdentityModule {
  static forPortal(portal: Portal): DynamicModule {
    return {
      module: IdentityModule,
      global: true,
      imports: [
        TypeOrmModule.forFeature([OrganisationEntity, UserAccountEntity]),
        AuditModule,
        PassportModule,
        // Login is rate limited per client address and per account, so that neither guessing
        // nor hashing cost (argon2id, ~10 ms a try) can be driven without bound.
        ThrottlerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            throttlers: [
              { name: 'address', ttl: MINUTE_MS, limit: config.LOGIN_RATE_LIMIT },
              {
                name: 'account',
                ttl: MINUTE_MS,
                limit: config.LOGIN_RATE_LIMIT,
                getTracker: (req: Record<string, unknown>) => loginAccount(req),
              },
            ],
          }),
        }),
      ],
      providers: [{ provide: PORTAL, useValue: portal }, IdentityService, localStrategyFor(portal), LocalAuthGuard, SessionAuthGuard],
      controllers: [SessionController],
      exports: [IdentityService, SessionAuthGuard, PORTAL],
    };
  }
}
