import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import connectPgSimple from 'connect-pg-simple';
import type { Pool } from 'pg';

declare module 'fastify' {
  interface Session {
    userId?: string;
  }
}

export interface SessionSettings {
  readonly secret: string;
  readonly ttlSeconds: number;
  readonly secure: boolean;
  /** Cookie name per portal, so that the three portals on one host keep separate sessions. */
  readonly cookieName: string;
}

/**
 * Server-side sessions in PostgreSQL (table `session`, created by a migration): the apps stay
 * stateless, and disabling a user can end all of its sessions at once.
 */
export async function registerSessions(app: NestFastifyApplication, pool: Pool, settings: SessionSettings): Promise<void> {
  const PgStore = connectPgSimple(fastifySession as unknown as Parameters<typeof connectPgSimple>[0]);
  const store = new PgStore({ pool, tableName: 'session', createTableIfMissing: false, pruneSessionInterval: 15 * 60 });
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: settings.secret,
    cookieName: settings.cookieName,
    saveUninitialized: false,
    rolling: false,
    store: store as never,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: settings.secure,
      path: '/',
      maxAge: settings.ttlSeconds * 1000,
    },
  });
  app.getHttpAdapter().getInstance().addHook('onClose', async () => {
    (store as unknown as { close(): void }).close();
  });
}
