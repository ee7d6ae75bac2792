import { DEMO_PASSWORD } from '@woonbrug/database';
import { PERSONAS_OF_PORTAL, SIGNED_OUT, type RouteRow } from './authorization-rows';
import type { PortalName } from './portals';

/**
 * Authorization rows of the second-factor and account routes of libs/identity, the same on every
 * portal (see authorization-rows.ts for the outcome classes). Every signed-in user may change their own
 * password; an `allow` really changes it — to the same demo password, so that later logins still
 * work — and keeps the session it was sent with (only the user's other sessions end).
 */
const samePassword = () => ({ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD });

function accountRows(portal: PortalName): RouteRow[] {
  const everyone = { ...Object.fromEntries(PERSONAS_OF_PORTAL[portal].map((p) => [p, 'allow'])), ...SIGNED_OUT } as never;
  const open = { ...Object.fromEntries(PERSONAS_OF_PORTAL[portal].map((p) => [p, 'public'])), anonymous: 'public', disabled: 'public' } as never;
  return [
    // The second step of a login is public: the session waits for its code and is not signed in.
    // Without a waiting login: 400 for no code, back to /login for the page.
    { portal, method: 'POST', path: '/api/session/second-factor', allowMeans: 'no code: 400', body: () => ({}), expect: open },
    { portal, method: 'GET', path: '/login/second-factor', allowMeans: 'no login waiting: 303 to /login', expect: open },
    { portal, method: 'POST', path: '/login/second-factor', allowMeans: 'no login waiting: 303 to /login', form: true, body: () => ({}), expect: open },
    { portal, method: 'GET', path: '/account/password', allowStatus: 200, allowMeans: 'the password form', expect: everyone },
    { portal, method: 'POST', path: '/account/password', allowStatus: 303, allowMeans: 'password changed, back to the form with a notice', form: true, body: samePassword, expect: everyone },
    { portal, method: 'PUT', path: '/api/session/password', allowStatus: 204, allowMeans: 'password changed', body: samePassword, expect: everyone },
  ] as RouteRow[];
}

export const IDENTITY_ROWS: readonly RouteRow[] = [...accountRows('worker'), ...accountRows('landlord'), ...accountRows('ocmw')];
