import { join } from 'node:path';
import { ValidationPipe, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig, loadConfig } from '@woonbrug/config';
import { I18nService } from 'nestjs-i18n';
import { Logger } from 'nestjs-pino';
import type { Pool } from 'pg';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { ProblemDetailsFilter, toProblem } from '../errors/problem-details.filter';
import { documentProblemDetails, ProblemDetails, UNAUTHENTICATED_DESCRIPTION } from '../errors/problem-details.schema';
import { exceptionFactory, VALIDATOR_OPTIONS } from '../validation/validate-input';
import { SUPPORTED_LANGUAGES } from '../views/page-context';
import { requestIdOf } from './logging';
import { registerSessions } from './session';

export interface PortalOptions {
  /** `worker`, `landlord` or `ocmw`: decides the session cookie, the layout and who may log in. */
  readonly portal: string;
  readonly title: string;
  readonly defaultPort: number;
}

export interface RegisteredRoute {
  readonly method: string;
  readonly path: string;
}

const ROUTES = new WeakMap<NestFastifyApplication, RegisteredRoute[]>();

/**
 * Every route a portal serves, as Fastify registered it (Nest routes, static assets, OpenAPI):
 * the authorization-matrix test walks these, so that a route added without a row fails.
 */
export function registeredRoutes(app: NestFastifyApplication): readonly RegisteredRoute[] {
  return ROUTES.get(app) ?? [];
}

/** Largest accepted request body; larger ones answer 413 before they are parsed. */
const BODY_LIMIT_BYTES = 256 * 1024;

/**
 * Builds a portal exactly as it runs in production (used by `main.ts` and by the e2e tests):
 * Fastify, sessions in PostgreSQL, cross-origin protection, security headers, validation,
 * problem details, static assets and the OpenAPI document.
 */
export async function createPortalApp(rootModule: Type<unknown>, options: PortalOptions): Promise<NestFastifyApplication> {
  const config = loadConfig();
  const app = await NestFactory.create<NestFastifyApplication>(
    rootModule,
    new FastifyAdapter({
      bodyLimit: BODY_LIMIT_BYTES,
      trustProxy: config.TRUST_PROXY,
      genReqId: requestIdOf,
      // A URL the router cannot decode or an over-long path parameter is refused before Nest sees
      // the request; it still gets problem details like every other refusal.
      frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
        const problem = toProblem(error, (_key, fallback) => fallback);
        void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(problem);
      },
    }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  const routes: RegisteredRoute[] = [];
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      for (const method of ([] as string[]).concat(route.method)) {
        if (method !== 'HEAD') routes.push({ method, path: route.url });
      }
    });
  ROUTES.set(app, routes);
  app.enableCsrfProtection({
    trustedOrigins: (config.TRUSTED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
  });
  app.useSecurityHeaders();
  const pool = (app.get(DataSource).driver as unknown as { master: Pool }).master;
  await registerSessions(app, pool, {
    secret: config.SESSION_SECRET,
    ttlSeconds: config.SESSION_TTL_SECONDS,
    secure: config.COOKIE_SECURE,
    cookieName: `woonbrug_${options.portal}`,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.decorateRequest('portal', options.portal);
  // On SIGTERM (enableShutdownHooks) requests in flight finish; their keep-alive connections then
  // close, so that the process exits instead of waiting for the clients to hang up.
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onSend', async (_request, reply) => {
    if (closing) void reply.header('connection', 'close');
  });
  // The correlation id goes back to the caller, to quote when reporting a problem.
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
  });
  // `?lang=en` switches the language and keeps it for the next pages.
  fastify.addHook('onRequest', async (request, reply) => {
    const lang = (request.query as Record<string, unknown> | undefined)?.lang;
    if (typeof lang === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(lang)) {
      void reply.setCookie('lang', lang, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
    }
  });
  app.useStaticAssets({ root: join(__dirname, '..', 'assets'), prefix: '/assets/' });
  app.useGlobalPipes(new ValidationPipe({ ...VALIDATOR_OPTIONS, transform: true, exceptionFactory }));
  app.useGlobalFilters(new ProblemDetailsFilter(app.get(I18nService)));
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`Woonbrug — ${options.title}`)
      .setDescription('JSON API of the portal. Log in with POST /api/session; the session cookie authenticates every other call.')
      .setVersion('1')
      .addCookieAuth(`woonbrug_${options.portal}`)
      .addGlobalResponse({ status: 401, description: UNAUTHENTICATED_DESCRIPTION })
      .build(),
    { extraModels: [ProblemDetails] },
  );
  // Every error response, declared per route with its reason, carries the one problem schema.
  documentProblemDetails(document);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  app.enableShutdownHooks();
  await app.init();
  await fastify.ready();
  return app;
}

/** Starts a portal on its port (`PORT` overrides the default) and logs where it listens. */
export async function listenPortal(app: NestFastifyApplication, options: PortalOptions): Promise<void> {
  const config = app.get(AppConfig);
  const port = config.PORT ?? options.defaultPort;
  await app.listen({ port, host: config.HOST });
  app.get(Logger).log(`${options.title} listening on http://localhost:${port}`);
}
