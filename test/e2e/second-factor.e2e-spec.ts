import { Writable } from 'node:stream';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoPersona } from '@woonbrug/database';
import { createPortalApp } from '@woonbrug/web';
import { IdentityService } from '@woonbrug/identity';
import { Pool } from 'pg';
import request from 'supertest';
import { WorkerPortalModule } from '../../apps/worker-portal/src/worker-portal.module';
import { WORKER_PORTAL } from '../../apps/worker-portal/src/main';
import { resetSecondFactorCommand } from '../../libs/identity/src/cli/reset-second-factor';
import { sessionCookie, startPortals, type Portals } from '../support/portals';
import { currentTimeStep, demoSecondFactorSecret, nextTimeStep, totpCode, withAcceptableCode } from '../support/second-factor';

jest.setTimeout(180_000);

let portals: Portals;
let db: Pool;

beforeAll(async () => {
  // Its own database: this file removes a secret and disables an account.
  portals = await startPortals({}, { ownDatabase: 'second_factor' });
  db = new Pool({ connectionString: portals.databaseUrl, max: 2 });
});

afterAll(async () => {
  await db?.end();
  await portals?.close();
});

const account = (persona: DemoPersona) => DEMO_ACCOUNTS.find((a) => a.persona === persona)!;
const worker = () => portals.http('worker');

/** Password step only: the cookie of the half session and the answer. */
async function passwordStep(persona: DemoPersona) {
  const res = await portals.http(account(persona).portal).post('/api/session').send({ email: account(persona).email, password: DEMO_PASSWORD });
  expect(res.status).toBe(200);
  return { res, cookie: sessionCookie(res.headers['set-cookie']) };
}

/** The account events of the audit log for an account, oldest first: type and portal. */
async function accountEvents(email: string): Promise<unknown[][]> {
  const { rows } = await db.query(
    `SELECT a.event_type, a.portal FROM audit_event a JOIN user_account u ON u.id = a.user_id WHERE u.email = $1 AND a.event_type LIKE 'account.%' ORDER BY a.id`,
    [email],
  );
  return rows.map((r) => [r.event_type, r.portal]);
}

const sendCode = (cookie: string, code: string) => worker().post('/api/session/second-factor').set('Cookie', cookie).send({ code });

async function lastStep(email: string): Promise<number | null> {
  const { rows } = await db.query<{ step: string | null }>('SELECT second_factor_last_step AS step FROM user_account WHERE email = $1', [email]);
  return rows[0]?.step == null ? null : Number(rows[0].step);
}

describe('second factor (TOTP) for workers, coordinators and privacy officers', () => {
  it('keeps the session half after the password: every guarded route answers 401 until the code', async () => {
    const { res, cookie } = await passwordStep('worker');
    expect(res.body).toEqual({ user: null, secondFactor: { enrolment: null } });
    for (const path of ['/api/cases', '/api/incoming-referrals', '/api/bottlenecks']) {
      expect({ path, status: (await worker().get(path).set('Cookie', cookie)).status }).toEqual({ path, status: 401 });
    }
    expect((await worker().put('/api/session/password').set('Cookie', cookie).send({ currentPassword: DEMO_PASSWORD, newPassword: 'een lange nieuwe zin' })).status).toBe(401);
    expect((await worker().delete('/api/session').set('Cookie', cookie)).status).toBe(401);
    const page = await worker().get('/cases').set('Cookie', cookie);
    expect(page.status).toBe(303);
    expect(page.headers.location).toMatch(/^\/login/);
    expect((await worker().get('/api/session').set('Cookie', cookie)).body).toEqual({ user: null, secondFactorPending: true });

    const wrong = await sendCode(cookie, totpCode(demoSecondFactorSecret(account('worker').email)!, Date.now() - 5 * 60_000));
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_SECOND_FACTOR_CODE');
    expect(wrong.body.errors).toEqual([{ field: 'code', code: 'INVALID_SECOND_FACTOR_CODE', message: expect.stringContaining('De code klopt niet') }]);
    expect((await sendCode(cookie, 'abcdef')).status).toBe(401);

    const done = await withAcceptableCode(account('worker').email, (code) => sendCode(cookie, code), { databaseUrl: portals.databaseUrl });
    expect(done.status).toBe(200);
    expect(done.body.user).toMatchObject({ email: account('worker').email, role: 'worker' });
    const full = sessionCookie(done.headers['set-cookie']);
    expect(full).not.toBe(cookie);
    expect((await worker().get('/api/cases').set('Cookie', full)).status).toBe(200);
    // The half session is gone: its cookie neither works nor can take another code.
    expect((await worker().get('/api/cases').set('Cookie', cookie)).status).toBe(401);
    expect((await sendCode(cookie, totpCode(demoSecondFactorSecret(account('worker').email)!))).status).toBe(401);
  });

  it('accepts each code once: the same code, or one of an earlier step, is refused; the next step works', async () => {
    const { email } = account('coordinator');
    const secret = demoSecondFactorSecret(email)!;
    const first = await passwordStep('coordinator');
    const used = await withAcceptableCode(email, async (code) => ({ code, res: await sendCode(first.cookie, code) }), { databaseUrl: portals.databaseUrl });
    expect(used.res.status).toBe(200);
    const step = (await lastStep(email))!;
    expect(step).toBe(currentTimeStep());

    const again = await passwordStep('coordinator');
    if (currentTimeStep() === step) expect((await sendCode(again.cookie, used.code)).status).toBe(401);
    expect((await sendCode(again.cookie, totpCode(secret, step * 30_000 - 30_000))).status).toBe(401);
    expect(await lastStep(email)).toBe(step);

    await nextTimeStep();
    const next = await sendCode(again.cookie, totpCode(secret));
    expect(next.status).toBe(200);
    expect(await lastStep(email)).toBe(step + 1);
  });

  it('tolerates one time step of clock drift either way, not two', async () => {
    const { email } = account('worker2');
    const secret = demoSecondFactorSecret(email)!;
    const { cookie } = await passwordStep('worker2');
    expect((await sendCode(cookie, totpCode(secret, Date.now() - 65_000))).status).toBe(401);
    expect((await sendCode(cookie, totpCode(secret, Date.now() + 65_000))).status).toBe(401);
    const ahead = await sendCode(cookie, totpCode(secret, Date.now() + 30_000));
    expect(ahead.status).toBe(200);
    // That was the next step: it is now used up as well.
    expect(await lastStep(email)).toBe(currentTimeStep(Date.now() + 30_000));
  });

  it('keeps partners on the password alone', async () => {
    const res = await portals.http('landlord').post('/api/session').send({ email: account('gmh').email, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ role: 'landlord_agent' });
    expect(res.body.secondFactor).toBeUndefined();
  });

  it('runs through the login pages: step 2 asks for the code, a wrong code is shown, the right one signs in', async () => {
    const { email } = account('worker');
    const step1 = await worker().post('/login').type('form').send({ email, password: DEMO_PASSWORD, next: '/cases' });
    expect(step1.status).toBe(303);
    expect(step1.headers.location).toBe('/login/second-factor?next=%2Fcases');
    const half = sessionCookie(step1.headers['set-cookie']);

    const form = await worker().get('/login/second-factor?next=%2Fcases').set('Cookie', half);
    expect(form.status).toBe(200);
    expect(form.text).toContain('autocomplete="one-time-code"');
    expect(form.text).toContain('Geef de code van 6 cijfers');
    expect(form.text).not.toContain('second-factor-secret');

    const wrong = await worker().post('/login/second-factor').set('Cookie', half).type('form').send({ code: '000000', next: '/cases' });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('De code klopt niet of is al gebruikt.');

    const done = await withAcceptableCode(email, (code) => worker().post('/login/second-factor').set('Cookie', half).type('form').send({ code: `${code.slice(0, 3)} ${code.slice(3)}`, next: '/cases' }), {
      databaseUrl: portals.databaseUrl,
    });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/cases');
    const full = sessionCookie(done.headers['set-cookie']);
    expect((await worker().get('/cases').set('Cookie', full)).status).toBe(200);
    // Without a waiting login, step 2 sends back to step 1.
    const none = await worker().get('/login/second-factor');
    expect(none.status).toBe(303);
    expect(none.headers.location).toBe('/login');
  });

  it('enrols a user without a secret: shows secret, otpauth URI and QR code, stores the secret after a valid code', async () => {
    const { email } = account('privacyOfficer');
    await db.query('UPDATE user_account SET second_factor_secret = NULL, second_factor_last_step = NULL WHERE email = $1', [email]);
    const { res, cookie } = await passwordStep('privacyOfficer');
    const enrolment = res.body.secondFactor.enrolment as { secret: string; otpauthUri: string };
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\/Woonbrug:privacy%40woonbrug\.example\?/);
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);
    expect(enrolment.otpauthUri).toContain('issuer=Woonbrug');

    const page = await worker().get('/login/second-factor').set('Cookie', cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<svg');
    expect(page.text.replace(/\s/g, '')).toContain(enrolment.secret);
    expect(page.text).toContain('otpauth://totp/Woonbrug');

    // A code of another secret does not enrol.
    expect((await sendCode(cookie, totpCode(demoSecondFactorSecret(account('worker').email)!))).status).toBe(401);
    expect((await db.query('SELECT second_factor_secret FROM user_account WHERE email = $1', [email])).rows[0].second_factor_secret).toBeNull();

    const done = await sendCode(cookie, totpCode(enrolment.secret));
    expect(done.status).toBe(200);
    expect((await db.query('SELECT second_factor_secret FROM user_account WHERE email = $1', [email])).rows[0].second_factor_secret).toBe(enrolment.secret);
    // The enrolment is in the audit log (the refused code enrolled nothing and is not).
    expect(await accountEvents(email)).toEqual([['account.second_factor_enrolled', 'worker']]);
    // The next login asks for a code of that secret, no enrolment.
    const next = await passwordStep('privacyOfficer');
    expect(next.res.body.secondFactor).toEqual({ enrolment: null });
  });

  it('users:reset-second-factor forgets a lost authenticator: sessions end, the next login enrols', async () => {
    const { email } = account('coordinator');
    const cookie = await portals.login('coordinator');
    expect((await worker().get('/api/cases').set('Cookie', cookie)).status).toBe(200);
    const out: string[] = [];
    const sink = new Writable({ write: (chunk, _e, done) => (out.push(String(chunk)), done()) });
    expect(await resetSecondFactorCommand(['--', email], sink, sink)).toBe(0);
    expect(out.join('')).toContain('reset');
    expect(await accountEvents(email)).toEqual([['account.second_factor_reset', 'cli']]);
    expect((await worker().get('/api/cases').set('Cookie', cookie)).status).toBe(401);
    expect((await db.query('SELECT second_factor_secret FROM user_account WHERE email = $1', [email])).rows[0].second_factor_secret).toBeNull();
    const next = await passwordStep('coordinator');
    expect(next.res.body.secondFactor.enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await resetSecondFactorCommand(['nobody@woonbrug.example'], sink, sink)).toBe(1);
  });

  it('ends a login waiting for its code when the account is disabled', async () => {
    const { email } = account('worker2');
    const { cookie } = await passwordStep('worker2');
    const id = (await db.query<{ id: string }>('SELECT id FROM user_account WHERE email = $1', [email])).rows[0]!.id;
    const pendingRows = async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM session WHERE sess ->> 'pendingUserId' = $1`, [id])).rows[0]!.n;
    expect(await pendingRows()).toBeGreaterThanOrEqual(1);
    await portals.apps.worker.get(IdentityService).disableUser(email);
    expect(await pendingRows()).toBe(0);
    expect((await sendCode(cookie, totpCode(demoSecondFactorSecret(email)!, Date.now() + 30_000))).status).toBe(401);
  });

  // Last: a second worker portal in this process takes over passport's process-wide `local-worker`
  // strategy, so that the first portal's login no longer works once it is closed.
  it('refuses wrong codes after the limit with 429, even the right one', async () => {
    process.env.LOGIN_RATE_LIMIT = '3';
    const app = await createPortalApp(WorkerPortalModule, WORKER_PORTAL);
    process.env.LOGIN_RATE_LIMIT = '10000';
    try {
      const { email } = account('worker');
      const login = await request(app.getHttpServer()).post('/api/session').send({ email, password: DEMO_PASSWORD });
      const cookie = sessionCookie(login.headers['set-cookie']);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await request(app.getHttpServer()).post('/api/session/second-factor').set('Cookie', cookie).send({ code: `00000${i}` })).status);
      expect(statuses).toEqual([401, 401, 401]);
      const refused = await request(app.getHttpServer()).post('/api/session/second-factor').set('Cookie', cookie).send({ code: totpCode(demoSecondFactorSecret(email)!) });
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
    } finally {
      await app.close();
    }
  });
});
