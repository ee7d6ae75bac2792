import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig } from '@woonbrug/config';
import { AcceptLanguageResolver, CookieResolver, I18nModule, QueryResolver } from 'nestjs-i18n';
import { LoggerModule } from 'nestjs-pino';
import { HealthController } from './health/health.controller';

/**
 * What every portal shares on the web side: translations (Dutch by default, English), structured
 * logs, and the health endpoint.
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
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            pinoHttp: {
              level: config.LOG_LEVEL,
              autoLogging: { ignore: (req) => req.url === '/health' },
              redact: {
                paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
                censor: '[redacted]',
              },
              serializers: {
                req: (req: { id: unknown; method: string; url: string }) => ({
                  id: req.id,
                  method: req.method,
                  url: req.url.split('?')[0],
                }),
              },
            },
          }),
        }),
      ],
      controllers: [HealthController],
    };
  }
}
