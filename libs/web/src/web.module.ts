import { join } from 'node:path';
import { Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig } from '@woonbrug/config';
import { AcceptLanguageResolver, CookieResolver, I18nModule, QueryResolver } from 'nestjs-i18n';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { REDACTED_LOG_PATHS, serializeError, serializeRequest, serializeResponse } from './bootstrap/logging';
import { HealthController } from './health/health.controller';
import { ExpiredIdempotencyKeys } from './idempotency/expired-idempotency-keys';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';

/**
 * Where the logs go instead of standard output, if a (global) module provides it: the tests that
 * read the logs do; the portals never do.
 */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

/** Keys of the request context (nestjs-cls) that the audit log reads: the client's address (honours TRUST_PROXY). */
export const CLS_CLIENT_ADDRESS = 'clientAddress';

/**
 * What every portal shares on the web side: translations (Dutch by default, English), structured
 * logs with the request's correlation id and without secrets, the request context (client address
 * and correlation id, for the audit log), and the health endpoint.
 */
@Module({})
export class WebModule {
  static forPortal(): DynamicModule {
    return {
      module: WebModule,
      imports: [
        TerminusModule.forRoot({ logger: false }),
        I18nModule.forRoot({
          fallbackLanguage: 'nl',
          fallbacks: { 'nl-*': 'nl', 'en-*': 'en' },
          loaderOptions: { path: join(__dirname, 'i18n'), watch: false },
          resolvers: [new QueryResolver(['lang']), new CookieResolver(['lang']), AcceptLanguageResolver],
          logging: false,
        }),
        // The request context, opened by a middleware (the first thing a request meets, before
        // guards: the login guard and the exception filter see it too). Fastify's middleware
        // support hands over the request's id and (proxy-aware) address on the raw request.
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            generateId: true,
            idGenerator: (req: { id?: unknown }) => String(req.id ?? ''),
            setup: (cls, req: { ip?: string }) => {
              cls.set(CLS_CLIENT_ADDRESS, req.ip ?? null);
            },
          },
        }),
        LoggerModule.forRootAsync({
          inject: [AppConfig, { token: LOG_DESTINATION, optional: true }],
          useFactory: (config: AppConfig, destination?: DestinationStream) => {
            const options: PinoHttpOptions = {
              level: config.LOG_LEVEL,
              // Fastify's id (see `requestIdOf`), so that every line of a request carries its correlation id.
              genReqId: (req) => String(req.id ?? ''),
              autoLogging: { ignore: (req) => /^\/health(\/|\?|$)/.test(req.url ?? '') },
              redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' },
              serializers: { req: serializeRequest, res: serializeResponse, err: serializeError },
            };
            // Every path: nestjs-pino's default (`{/*splat}`) is not matched by Fastify's middleware
            // support, and without the middleware no line would carry the request's id.
            return { pinoHttp: destination ? [options, destination] : options, forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }] };
          },
        }),
      ],
      controllers: [HealthController],
      // `Idempotency-Key` on the routes marked `@Idempotent()`, and the deletion of expired keys.
      providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }, ExpiredIdempotencyKeys],
    };
  }
}
