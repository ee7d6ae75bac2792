import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { DomainError, type DomainErrorKind } from '@woonbrug/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { I18nContext, I18nService } from 'nestjs-i18n';
import { ErrorPage } from '../views/error-page';
import { databaseFailureLog, databaseFailureOf } from './database-failure';
import { IdempotencyError } from '../idempotency/idempotency.errors';
import type { Problem } from './problem';
import { pageContextOf, SUPPORTED_LANGUAGES } from '../views/page-context';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'NOT_AUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** Turns anything thrown into a response status, a stable code and field details. */
export function toProblem(error: unknown, translate: (key: string, fallback: string) => string): Problem {
  let status = HttpStatus.INTERNAL_SERVER_ERROR;
  let code = 'INTERNAL_ERROR';
  let errors: Problem['errors'];
  if (error instanceof DomainError) {
    // The Idempotency-Key refusals name their HTTP status (422 has no domain kind).
    status = error instanceof IdempotencyError ? error.status : STATUS_OF_KIND[error.kind];
    code = error.code;
    if (error.details.length > 0) {
      errors = error.details.map((d) => ({
        field: d.field,
        code: d.code,
        message: translate(`errors.field.${d.code}`, d.message),
      }));
    }
  } else if (error instanceof HttpException) {
    status = error.getStatus();
    code = CODE_OF_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
    // Nest's cross-origin protection (enableCsrfProtection) refuses with a ForbiddenException of its own.
    if (status === HttpStatus.FORBIDDEN && error.message.startsWith('Cross-origin request detected')) code = 'CROSS_ORIGIN_REQUEST';
  } else if (isFastifyError(error)) {
    status = error.statusCode;
    code = CODE_OF_STATUS[status] ?? 'BAD_REQUEST';
  } else if (databaseFailureOf(error)) {
    // PostgreSQL away or too slow: 503, so that clients retry; the pool reconnects by itself.
    status = HttpStatus.SERVICE_UNAVAILABLE;
    code = databaseFailureOf(error)!;
  }
  const title = translate(`errors.${code}`, translate(`errors.${CODE_OF_STATUS[status] ?? 'INTERNAL_ERROR'}`, code));
  return { type: `urn:woonbrug:problem:${code.toLowerCase()}`, title, status, code, ...(errors ? { errors } : {}) };
}

function isFastifyError(error: unknown): error is { statusCode: number } {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * The one place where errors become responses: `application/problem+json` for `/api/…`, a
 * readable page otherwise. Never echoes exception messages of unexpected errors, which could
 * carry data the caller may not see.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  /** The catalogue, for errors raised before the request has its language (e.g. the cross-origin check). */
  constructor(private readonly catalogue?: I18nService) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const i18n = I18nContext.current(host) ?? this.contextOf(request);
    const translate = (key: string, fallback: string): string => {
      const text = i18n?.translate(key, { defaultValue: fallback }) as string | undefined;
      return text && text !== key ? text : fallback;
    };
    const problem = toProblem(error, translate);
    if (problem.status === HttpStatus.SERVICE_UNAVAILABLE && databaseFailureOf(error)) {
      this.logger.warn({ db: databaseFailureLog(error), url: request.url.split('?')[0] }, 'database unavailable');
    } else if (problem.status >= 500) {
      // The path only: a query string can carry personal data (searches by name).
      this.logger.error({ err: error, url: request.url.split('?')[0] }, 'request failed');
    }
    if (reply.sent) return;
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || path === '/api' || path === '/health' || path.startsWith('/health/')) {
      void reply.status(problem.status).header('Content-Type', 'application/problem+json; charset=utf-8').send(problem);
      return;
    }
    if (problem.status === HttpStatus.UNAUTHORIZED && request.method === 'GET') {
      void reply.status(303).redirect(`/login?next=${encodeURIComponent(request.url)}`);
      return;
    }
    const html = ErrorPage({ ctx: pageContextOf(request, i18n), problem });
    void reply.status(problem.status).header('Content-Type', 'text/html; charset=utf-8').send(html);
  }

  /** The request's language as the i18n resolvers pick it (`?lang=`, then the `lang` cookie), Dutch by default. */
  private contextOf(request: FastifyRequest): I18nContext | undefined {
    if (!this.catalogue) return undefined;
    const asked = [(request.query as Record<string, unknown> | undefined)?.lang, request.cookies?.lang];
    const lang = asked.find((l): l is string => typeof l === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(l)) ?? 'nl';
    const catalogue = this.catalogue;
    return { lang, translate: (key: string, options?: Record<string, unknown>) => catalogue.translate(key, { ...options, lang }) } as unknown as I18nContext;
  }
}
