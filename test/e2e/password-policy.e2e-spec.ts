import { Readable, Writable } from 'node:stream';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoPersona } from '@woonbrug/database';
import { Pool } from 'pg';
import { disableUserCommand } from '../../libs/identity/src/cli/disable-user';
import { setPasswordCommand } from '../../libs/identity/src/cli/set-password';
import { sessionCookie, startPortals, type PortalName, type Portals } from '../support/portals';

jest.setTimeout(120_000);

let portals: Portals;
let db: Pool;

beforeAll(async () => {
  // Its own database: this file changes and disables demo accounts.
  portals = await startPortals({}, { ownDatabase: 'password_policy' });
  db = new Pool({ connectionString: portals.databaseUrl, max: 2 });
});

afterAll(async () => {
  await db?.end();
  await portals?.close();
});

const account = (persona: DemoPersona) => DEMO_ACCOUNTS.find((a) => a.persona === persona)!;

/** A fresh password login of a partner (no second factor), returning its cookie. */
async function passwordLogin(portal: PortalName, email: string, password: string): Promise<{ status: number; cookie?: string }> {
  const res = await portals.http(portal).post('/api/session').send({ email, password });
  return { status: res.status, cookie: res.status === 200 ? sessionCookie(res.headers['set-cookie']) : undefined };
}

async function sessionsOf(userId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM session WHERE sess ->> 'userId' = $1`, [userId]);
  return rows[0]!.n;
}

async function userId(email: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM user_account WHERE email = $1', [email]);
  return rows[0]!.id;
}

/** The account events of the audit log for a user, oldest first: type, outcome, portal, fields. */
async function accountEvents(id: string): Promise<unknown[][]> {
  const { rows } = await db.query(`SELECT event_type, outcome, portal, fields FROM audit_event WHERE user_id = $1 AND event_type LIKE 'account.%' ORDER BY id`, [id]);
  return rows.map((r) => [r.event_type, r.outcome, r.portal, r.fields]);
}

/** Collects what a command writes. */
function sink(): Writable & { text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { text(): string };
  stream.text = () => chunks.join('');
  return stream;
}

describe('self-service password change (PUT /api/session/password)', () => {
  const gmh = account('gmh');

  it('refuses new passwords the policy refuses, field by field, in Dutch and in English', async () => {
    const cookie = (await passwordLogin('landlord', gmh.email, DEMO_PASSWORD)).cookie!;
    const put = (body: object, lang = 'nl') => portals.http('landlord').put('/api/session/password').set('Cookie', cookie).set('Accept-Language', lang).send(body);

    const short = await put({ currentPassword: DEMO_PASSWORD, newPassword: 'kort-wacht1' });
    expect(short.status).toBe(400);
    expect(short.body.code).toBe('WEAK_PASSWORD');
    expect(short.body.errors).toEqual([{ field: 'newPassword', code: 'PASSWORD_TOO_SHORT', message: 'Gebruik minstens 12 tekens.' }]);

    const common = await put({ currentPassword: DEMO_PASSWORD, newPassword: 'Qwerty123456' }, 'en');
    expect(common.status).toBe(400);
    expect(common.body.errors).toEqual([{ field: 'newPassword', code: 'PASSWORD_COMMON', message: 'This password is used too often; choose another one.' }]);

    const withEmail = await put({ currentPassword: DEMO_PASSWORD, newPassword: 'ik-ben-gmh-van-beveren' });
    expect(withEmail.body.errors.map((e: { code: string }) => e.code)).toEqual(['PASSWORD_CONTAINS_EMAIL']);

    const long = await put({ currentPassword: DEMO_PASSWORD, newPassword: 'x'.repeat(129) });
    expect(long.body.errors.map((e: { code: string }) => e.code)).toEqual(['PASSWORD_TOO_LONG']);

    const wrongCurrent = await put({ currentPassword: 'not-the-password', newPassword: 'een lange nieuwe zin' });
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.body.errors).toEqual([{ field: 'currentPassword', code: 'CURRENT_PASSWORD_INCORRECT', message: 'Het huidige wachtwoord klopt niet.' }]);

    const missing = await put({ currentPassword: DEMO_PASSWORD });
    expect(missing.status).toBe(400);

    // Nothing changed: the old password still works.
    expect((await passwordLogin('landlord', gmh.email, DEMO_PASSWORD)).status).toBe(200);
  });

  it('changes the password, keeps the own session and ends every other session of the user', async () => {
    const bvt = account('bvt');
    const id = await userId(bvt.email);
    const mine = (await passwordLogin('landlord', bvt.email, DEMO_PASSWORD)).cookie!;
    const other = (await passwordLogin('landlord', bvt.email, DEMO_PASSWORD)).cookie!;
    const colleague = (await passwordLogin('landlord', gmh.email, DEMO_PASSWORD)).cookie!;
    expect(await sessionsOf(id)).toBeGreaterThanOrEqual(2);

    const newPassword = 'drie groene kikkers in de Schelde';
    const res = await portals.http('landlord').put('/api/session/password').set('Cookie', mine).send({ currentPassword: DEMO_PASSWORD, newPassword });
    expect(res.status).toBe(204);

    expect(await sessionsOf(id)).toBe(1);
    expect((await portals.http('landlord').get('/api/referrals').set('Cookie', mine)).status).toBe(200);
    expect((await portals.http('landlord').get('/api/referrals').set('Cookie', other)).status).toBe(401);
    // Another user's session is untouched.
    expect((await portals.http('landlord').get('/api/referrals').set('Cookie', colleague)).status).toBe(200);

    expect((await passwordLogin('landlord', bvt.email, DEMO_PASSWORD)).status).toBe(401);
    expect((await passwordLogin('landlord', bvt.email, newPassword)).status).toBe(200);
  });

  it('needs a session', async () => {
    const res = await portals.http('landlord').put('/api/session/password').send({ currentPassword: DEMO_PASSWORD, newPassword: 'een lange nieuwe zin' });
    expect(res.status).toBe(401);
  });
});

describe('the password page /account/password', () => {
  it.each<[DemoPersona, PortalName]>([
    ['ocmwBeveren', 'ocmw'],
    ['gmh', 'landlord'],
    ['coordinator', 'worker'],
  ])('is served to %s on the %s portal', async (persona, portal) => {
    const cookie = await portals.login(persona);
    const page = await portals.http(portal).get('/account/password').set('Cookie', cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Wachtwoord wijzigen');
    expect(page.text).toContain('name="currentPassword"');
    expect(page.text).toContain('autocomplete="new-password"');
  });

  it('sends a signed-out browser to the login page', async () => {
    const res = await portals.http('ocmw').get('/account/password');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/login?next=%2Faccount%2Fpassword');
  });

  it('shows the field errors on the form, and changes the password with a notice', async () => {
    const temse = account('ocmwTemse');
    const cookie = (await passwordLogin('ocmw', temse.email, DEMO_PASSWORD)).cookie!;
    const weak = await portals.http('ocmw').post('/account/password').set('Cookie', cookie).type('form').send({ currentPassword: DEMO_PASSWORD, newPassword: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.text).toContain('Dit wachtwoord wordt te vaak gebruikt; kies een ander.');
    expect(weak.text).toContain('aria-invalid="true"');

    const wrong = await portals.http('ocmw').post('/account/password').set('Cookie', cookie).type('form').send({ currentPassword: 'fout', newPassword: 'een lange nieuwe zin' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('Het huidige wachtwoord klopt niet.');
    // A refused new password changed nothing and is not logged; a wrong current password is.
    const temseId = await userId(temse.email);
    expect(await accountEvents(temseId)).toEqual([['account.password_changed', 'denied', 'ocmw', ['password']]]);

    // Spaces are part of the password: they are not trimmed away.
    const newPassword = '  een zin met spaties  ';
    const done = await portals.http('ocmw').post('/account/password').set('Cookie', cookie).type('form').send({ currentPassword: DEMO_PASSWORD, newPassword });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/account/password?changed=1');
    const notice = await portals.http('ocmw').get('/account/password?changed=1').set('Cookie', cookie);
    expect(notice.text).toContain('Je wachtwoord is gewijzigd.');
    expect((await passwordLogin('ocmw', temse.email, newPassword.trim())).status).toBe(401);
    expect((await passwordLogin('ocmw', temse.email, newPassword)).status).toBe(200);
    expect(await accountEvents(temseId)).toEqual([
      ['account.password_changed', 'denied', 'ocmw', ['password']],
      ['account.password_changed', 'allowed', 'ocmw', ['password']],
    ]);
  });
});

describe('operator commands', () => {
  it('users:set-password reads the password from standard input, applies the policy and ends the sessions', async () => {
    const kruibeke = account('ocmwKruibeke');
    const id = await userId(kruibeke.email);
    const before = (await passwordLogin('ocmw', kruibeke.email, DEMO_PASSWORD)).cookie!;

    const weakOut = sink();
    const weakErr = sink();
    expect(await setPasswordCommand(['--', kruibeke.email], Readable.from(['123456789012\n']), weakOut, weakErr)).toBe(1);
    expect(weakErr.text()).toContain('This password is too common');
    expect((await portals.http('ocmw').get('/api/referrals').set('Cookie', before)).status).toBe(200);

    const unknownErr = sink();
    expect(await setPasswordCommand(['nobody@woonbrug.example'], Readable.from(['een lange nieuwe zin\n']), sink(), unknownErr)).toBe(1);
    expect(unknownErr.text()).toContain('No account');

    const usage = sink();
    expect(await setPasswordCommand([], Readable.from(['x']), sink(), usage)).toBe(2);
    expect(usage.text()).toContain('usage');

    const out = sink();
    expect(await setPasswordCommand([kruibeke.email.toUpperCase()], Readable.from(['nieuw wachtwoord voor Kruibeke\n']), out, sink())).toBe(0);
    expect(out.text()).toContain('sessions have ended');
    // Logged as the operator's reset of this account (the refused attempt changed nothing and is not).
    expect(await accountEvents(id)).toEqual([['account.password_reset', 'allowed', 'cli', ['password']]]);
    expect(await sessionsOf(id)).toBe(0);
    expect((await portals.http('ocmw').get('/api/referrals').set('Cookie', before)).status).toBe(401);
    expect((await passwordLogin('ocmw', kruibeke.email, DEMO_PASSWORD)).status).toBe(401);
    // The final line break of the piped input is not part of the password.
    expect((await passwordLogin('ocmw', kruibeke.email, 'nieuw wachtwoord voor Kruibeke')).status).toBe(200);
  });
});

describe('disabling an account ends its sessions at once', () => {
  it.each<[DemoPersona, PortalName, string]>([
    ['ocmwBeveren', 'ocmw', '/api/referrals'],
    ['worker2', 'worker', '/api/cases'],
  ])('%s: signed in, disabled with users:disable → the very next request is 401 and the session rows are gone', async (persona, portal, path) => {
    const { email } = account(persona);
    const id = await userId(email);
    const cookie = await portals.login(persona);
    expect((await portals.http(portal).get(path).set('Cookie', cookie)).status).toBe(200);
    expect(await sessionsOf(id)).toBeGreaterThanOrEqual(1);
    const othersBefore = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM session WHERE sess ->> 'userId' <> $1`, [id])).rows[0]!.n;

    const out = sink();
    expect(await disableUserCommand(['--', email], out, sink())).toBe(0);
    expect(out.text()).toMatch(/disabled; [1-9]\d* session\(s\) ended/);
    expect(await accountEvents(id)).toEqual([['account.disabled', 'allowed', 'cli', ['disabled_at']]]);

    expect(await sessionsOf(id)).toBe(0);
    expect((await portals.http(portal).get(path).set('Cookie', cookie)).status).toBe(401);
    // Only this user's sessions went.
    expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM session WHERE sess ->> 'userId' <> $1`, [id])).rows[0]!.n).toBe(othersBefore);
    // And the account cannot log in again.
    const again = await portals.http(portal).post('/api/session').send({ email, password: DEMO_PASSWORD });
    expect(again.status).toBe(401);
  });

  it('names an unknown account', async () => {
    const err = sink();
    expect(await disableUserCommand(['nobody@woonbrug.example'], sink(), err)).toBe(1);
    expect(err.text()).toContain('No account');
  });
});
