import type { FastifyRequest } from 'fastify';
import { I18nContext } from 'nestjs-i18n';

/** What the shared layout shows about the signed-in user; filled in by the identity guard. */
export interface LayoutUser {
  readonly displayName: string;
  readonly organisationName: string | null;
  readonly role: string;
}

export type Translate = (key: string, args?: Record<string, unknown>) => string;

/** Everything a page view needs besides its own data. */
export interface PageContext {
  readonly t: Translate;
  readonly lang: string;
  readonly portal: string;
  readonly path: string;
  readonly user: LayoutUser | null;
}

export const SUPPORTED_LANGUAGES = ['nl', 'en'] as const;

export function pageContextOf(request: FastifyRequest, i18n?: I18nContext): PageContext {
  const context = i18n ?? I18nContext.current();
  const lang = context?.lang && (SUPPORTED_LANGUAGES as readonly string[]).includes(context.lang) ? context.lang : 'nl';
  const t: Translate = (key, args) => (context ? (context.translate(key, { args, lang }) as string) : key);
  const req = request as FastifyRequest & { user?: LayoutUser; portal?: string };
  return { t, lang, portal: req.portal ?? 'worker', path: request.url.split('?')[0] ?? '/', user: req.user ?? null };
}
