import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { SECOND_FACTOR_PENDING_MS } from '../domain/second-factor';

declare module 'fastify' {
  interface Session {
    /** Password accepted, second factor not yet: the session guard does not read this, so every guarded route answers 401. */
    pendingUserId?: string;
    pendingSince?: number;
    /** A new TOTP secret shown to a user who has none, stored on the account once a code of it is accepted. */
    enrolmentSecret?: string;
  }
}

/** A fresh session id (against session fixation) holding only the user id: signed in. */
export async function startFullSession(request: FastifyRequest, user: AuthenticatedUser): Promise<void> {
  await request.session.regenerate();
  request.session.set('userId', user.id);
  await request.session.save();
}

/** A fresh session id holding a login that waits for its second factor (not signed in). */
export async function startPendingSession(request: FastifyRequest, user: AuthenticatedUser, enrolmentSecret: string | null): Promise<void> {
  await request.session.regenerate();
  request.session.set('pendingUserId', user.id);
  request.session.set('pendingSince', Date.now());
  if (enrolmentSecret) request.session.set('enrolmentSecret', enrolmentSecret);
  await request.session.save();
}

/** The login waiting for a second factor in this session, unless it is older than five minutes. */
export function pendingLogin(request: FastifyRequest): { userId: string; enrolmentSecret: string | null } | null {
  const userId = request.session?.get('pendingUserId');
  const since = request.session?.get('pendingSince');
  if (typeof userId !== 'string' || typeof since !== 'number' || Date.now() - since > SECOND_FACTOR_PENDING_MS) return null;
  const secret = request.session.get('enrolmentSecret');
  return { userId, enrolmentSecret: typeof secret === 'string' ? secret : null };
}
