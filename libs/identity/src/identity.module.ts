import { Module, type DynamicModule } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@woonbrug/audit';
import { AppConfig } from '@woonbrug/config';
import { IdentityService } from './application/identity.service';
import type { Portal } from './domain/role';
import { AccountController } from './http/account.controller';
import { SessionController } from './http/session.controller';
import { LocalAuthGuard } from './infrastructure/local-auth.guard';
import { LoginAttemptLimiter } from './infrastructure/login-attempt-limiter';
import { localStrategyFor } from './infrastructure/local.strategy';
import { OrganisationEntity } from './infrastructure/organisation.entity';
import { PORTAL } from './infrastructure/portal.token';
import { SessionAuthGuard } from './infrastructure/session-auth.guard';
import { UserAccountEntity } from './infrastructure/user-account.entity';

const MINUTE_MS = 60_000;

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
        // Every attempt on the login, password and second-factor routes is limited per client
        // address here (so that one address can spray neither guesses nor argon2id hashing cost,
        // ~10 ms a try); the per-account limit counts failures only, in LoginAttemptLimiter, so
        // that an attacker hammering one account from other addresses cannot lock its owner out.
        ThrottlerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            throttlers: [{ name: 'address', ttl: MINUTE_MS, limit: config.LOGIN_RATE_LIMIT }],
          }),
        }),
      ],
      providers: [{ provide: PORTAL, useValue: portal }, IdentityService, localStrategyFor(portal), LoginAttemptLimiter, LocalAuthGuard, SessionAuthGuard],
      controllers: [SessionController, AccountController],
      exports: [IdentityService, SessionAuthGuard, PORTAL],
    };
  }
}
