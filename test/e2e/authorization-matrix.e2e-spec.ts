import { randomBytes, randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@woonbrug/database';
import { hashPassword } from '@woonbrug/identity';
import { registeredRoutes } from '@woonbrug/web';
import { Client } from 'pg';
import type { Response } from 'supertest';
import {
  EXEMPT_ROUTES,
  PERSONAS_OF_PORTAL,
  type MatrixFixture,
  type Outcome,
  type Params,
  type Persona,
  type RouteRow,
  type SignedInPersona,
} from '../support/authorization-rows';
import { ROUTE_ROWS } from '../support/route-rows';
import { sessionCookie, startPortals, type PortalName, type Portals } from '../support/portals';
import { pendingSecondFactor, withAcceptableCode } from '../support/second-factor';
import { validReferral } from '../support/referral-fixtures';

/**
 * The authorization matrix: every route of every portal, for every persona, against records
 * built through the API. Besides the per-row outcomes it checks that a refused record looks
 * exactly like a missing one, that lists hold only what the caller may see, that partners get
 * only the permitted fact fields, that a disabled account is locked out on its next request,
 * and — over every response of the whole file — that no private note and no undisclosed fact
 * ever reaches anyone but the assigned worker.
 */
jest.setTimeout(180_000);

const PORTALS: readonly PortalName[] = ['worker', 'landlord', 'ocmw'];
const SIGNED_IN: readonly SignedInPersona[] = [...PERSONAS_OF_PORTAL.worker, ...PERSONAS_OF_PORTAL.landlord, ...PERSONAS_OF_PORTAL.ocmw];
const ALL_PERSONAS: readonly Persona[] = [...SIGNED_IN, 'anonymous', 'disabled'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PARTNER_FACT_KEYS = ['body', 'caseId', 'category', 'id', 'occurredOn'];

type Method = RouteRow['method'];

let portals: Portals;
let db: Client;

// ---------------------------------------------------------------------------------------------
// Every response of this file goes through `send`, which records it for the final leak check.

interface Recorded {
  readonly portal: PortalName;
  /** The persona, or `other-portal:<persona>` for a session presented to a portal not its own. */
  readonly who: string;
  readonly request: string;
  readonly status: number;
  readonly text: string;
  readonly json: unknown;
}

const recorded: Recorded[] = [];
/** Secret text → who may ever receive it (persona on its own portal). */
const secrets = new Map<string, ReadonlySet<string>>();
/** Secrets stored in beforeAll: each must show up for someone allowed, or the scan proves nothing. */
const storedSecrets: string[] = [];

function secret(label: string, maySee: readonly Persona[]): string {
  const text = `WB-${label}-${randomBytes(6).toString('hex')}`;
  secrets.set(text, new Set(maySee));
  return text;
}

function storedSecret(label: string, maySee: readonly Persona[]): string {
  const text = secret(label, maySee);
  storedSecrets.push(text);
  return text;
}

function bodyText(res: Response): string {
  if (typeof res.text === 'string') return res.text;
  if (Buffer.isBuffer(res.body)) return res.body.toString('latin1');
  return JSON.stringify(res.body ?? null);
}

interface SendOptions {
  readonly cookie?: string;
  readonly body?: Record<string, unknown>;
  readonly form?: boolean;
  readonly upload?: RouteRow['upload'];
}

async function send(portal: PortalName, who: string, method: Method, path: string, options: SendOptions = {}): Promise<Response> {
  const agent = portals.http(portal);
  let req =
    method === 'GET' ? agent.get(path) : method === 'POST' ? agent.post(path) : method === 'PUT' ? agent.put(path) : method === 'PATCH' ? agent.patch(path) : agent.delete(path);
  if (options.cookie) req = req.set('Cookie', options.cookie);
  if (options.upload) req = req.attach(options.upload.field, options.upload.content, { filename: options.upload.filename, contentType: options.upload.contentType });
  else if (options.form) req = req.type('form').send((options.body ?? {}) as Record<string, string>);
  else if (options.body !== undefined) req = req.send(options.body);
  const res = await req;
  const text = `${bodyText(res)}\n${String(res.headers.location ?? '')}`;
  recorded.push({ portal, who, request: `${method} ${path}`, status: res.status, text, json: res.body });
  return res;
}

// ---------------------------------------------------------------------------------------------
// Sessions: one per demo persona on its own portal; a disabled account per portal.

const ACCOUNT = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.persona, a])) as Record<string, (typeof DEMO_ACCOUNTS)[number]>;
const cookies = new Map<SignedInPersona, string>();
const disabledAccounts = {} as Record<PortalName, { id: string; email: string }>;
const DISABLED_PASSWORD = `Matrix-${randomBytes(8).toString('hex')}`;

function portalOf(persona: SignedInPersona): PortalName {
  return ACCOUNT[persona]!.portal;
}

async function logIn(portal: PortalName, who: string, email: string, password: string): Promise<string> {
  const res = await send(portal, who, 'POST', '/api/session', { body: { email, password } });
  if (res.status !== 200) throw new Error(`login of ${who} failed: ${res.status} ${res.text}`);
  const pending = pendingSecondFactor(res);
  if (!pending) return sessionCookie(res.headers['set-cookie']);
  // Workers, coordinators and privacy officers: a TOTP code (single-use, see support/second-factor).
  const halfway = sessionCookie(res.headers['set-cookie']);
  const done = await withAcceptableCode(email, (code) => send(portal, who, 'POST', '/api/session/second-factor', { body: { code }, cookie: halfway }), { secret: pending.enrolmentSecret });
  if (done.status !== 200) throw new Error(`second factor of ${who} failed: ${done.status} ${done.text}`);
  return sessionCookie(done.headers['set-cookie']);
}

async function signedIn(persona: SignedInPersona, fresh = false): Promise<string> {
  const cached = cookies.get(persona);
  if (cached && !fresh) return cached;
  const cookie = await logIn(portalOf(persona), persona, ACCOUNT[persona]!.email, DEMO_PASSWORD);
  if (!fresh) cookies.set(persona, cookie);
  return cookie;
}

/** Per portal, the session of the disabled account's one login, as stored right after it. */
const disabledTemplates = new Map<PortalName, { cookie: string; sid: string; sess: string; expire: Date }>();

/**
 * A session of the portal's disabled account: it logged in while active, then was disabled. It
 * logs in once (on the worker portal with a second-factor code, which is single-use: one login per
 * row would wait 30 s each); the guard deletes the session on first sight of the disabled user, so
 * the stored session is put back before each use.
 */
async function disabledSession(portal: PortalName): Promise<string> {
  const account = disabledAccounts[portal];
  let template = disabledTemplates.get(portal);
  if (!template) {
    await db.query('UPDATE user_account SET disabled_at = NULL WHERE id = $1', [account.id]);
    const cookie = await logIn(portal, 'disabled', account.email, DISABLED_PASSWORD);
    await db.query('UPDATE user_account SET disabled_at = now() WHERE id = $1', [account.id]);
    const { rows } = await db.query(`SELECT sid, sess::text AS sess, expire FROM session WHERE sess ->> 'userId' = $1`, [account.id]);
    if (rows.length !== 1) throw new Error(`expected one session of the disabled ${portal} account, found ${rows.length}`);
    template = { cookie, sid: rows[0].sid, sess: rows[0].sess, expire: rows[0].expire };
    disabledTemplates.set(portal, template);
  }
  await db.query(`INSERT INTO session (sid, sess, expire) VALUES ($1, $2::json, $3) ON CONFLICT (sid) DO UPDATE SET sess = EXCLUDED.sess, expire = EXCLUDED.expire`, [
    template.sid,
    template.sess,
    template.expire,
  ]);
  return template.cookie;
}

/** The cookie a persona presents to a portal; another portal's session under this portal's name. */
async function cookieFor(persona: Persona, portal: PortalName, fresh: boolean): Promise<string | undefined> {
  if (persona === 'anonymous') return undefined;
  if (persona === 'disabled') return disabledSession(portal);
  const own = await signedIn(persona, fresh);
  return portalOf(persona) === portal ? own : own.replace(/^woonbrug_[a-z]+=/, `woonbrug_${portal}=`);
}

function whoOf(persona: Persona, portal: PortalName): string {
  return persona === 'anonymous' || persona === 'disabled' || portalOf(persona) === portal ? persona : `other-portal:${persona}`;
}

// ---------------------------------------------------------------------------------------------
// Building the situations through the API.

async function expectStatus(res: Response, status: number, what: string): Promise<Response> {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${res.text}`);
  return res;
}

async function caseOfReferral(referralId: string): Promise<string> {
  return (await db.query('SELECT case_id FROM referral WHERE id = $1', [referralId])).rows[0].case_id as string;
}

async function refer(persona: 'gmh' | 'bvt' | 'ocmwBeveren' | 'ocmwKruibeke', body: Record<string, unknown>) {
  const res = await send(portalOf(persona), persona, 'POST', '/api/referrals', { cookie: await signedIn(persona), body });
  await expectStatus(res, 201, `referral by ${persona}`);
  return { referralId: res.body.id as string, caseId: await caseOfReferral(res.body.id) };
}

async function triage(action: 'accept' | 'attach', caseId: string, body: Record<string, unknown>) {
  const res = await send('worker', 'coordinator', 'POST', `/api/cases/${caseId}/${action}`, { cookie: await signedIn('coordinator'), body });
  await expectStatus(res, action === 'accept' ? 200 : 204, `${action} ${caseId}`);
}

async function asWorker(persona: 'worker' | 'worker2', method: Method, path: string, body: Record<string, unknown>, status: number) {
  return expectStatus(await send('worker', persona, method, path, { cookie: await signedIn(persona), body }), status, `${persona} ${method} ${path}`);
}

async function addFact(persona: 'worker' | 'worker2', caseId: string, category: string, body: string): Promise<string> {
  return (await asWorker(persona, 'POST', `/api/cases/${caseId}/facts`, { category, body, occurredOn: fixture.yesterday }, 201)).body.id;
}

async function recordConsent(persona: 'worker' | 'worker2', caseId: string, organisationId: string, categories: string[]): Promise<string> {
  const body = { organisationId, categories, purpose: 'Opvolging huuropzeg', givenHow: 'written', givenOn: fixture.yesterday };
  return (await asWorker(persona, 'POST', `/api/cases/${caseId}/consents`, body, 201)).body.id;
}

async function disclose(caseId: string, organisationId: string, category: string): Promise<string> {
  return (await asWorker('worker', 'POST', `/api/cases/${caseId}/disclosures`, { organisationId, category, confirmWarning: true }, 201)).body.id;
}

let served: Record<PortalName, Set<string>>;
let fixture: MatrixFixture & { foreign: { caseId: string; bvtReferralId: string; ocmwReferralId: string } };

/** A case referred by GMH and accepted for `worker`, for the consent situations. */
async function gmhCaseOfWorker(label: string) {
  const tenantName = storedSecret(`tenant-${label}`, ['worker', 'coordinator', 'gmh']);
  const referral = await refer('gmh', validReferral({ tenantName }));
  await triage('accept', referral.caseId, { workerId: fixture.users.worker });
  return referral;
}

interface Situation {
  readonly referralId: string;
  readonly caseId: string;
  readonly status: string;
  readonly housing: string;
  readonly gmhSees: readonly string[];
}
const situations: Record<'disclosed' | 'withdrawn' | 'expired' | 'notDisclosed', Situation> = {} as never;

beforeAll(async () => {
  portals = await startPortals();
  db = new Client({ connectionString: portals.databaseUrl });
  await db.connect();
  served = Object.fromEntries(PORTALS.map((p) => [p, new Set(registeredRoutes(portals.apps[p]).map((r) => `${r.method} ${r.path}`))])) as typeof served;

  const orgs = Object.fromEntries(
    (await db.query(`SELECT id, name FROM organisation`)).rows.flatMap((r: { id: string; name: string }) =>
      r.name.startsWith('GMH') ? [['gmh', r.id]] : r.name.startsWith('BvT') ? [['bvt', r.id]] : r.name === 'OCMW Beveren' ? [['ocmwBeveren', r.id]] : r.name === 'OCMW Kruibeke' ? [['ocmwKruibeke', r.id]] : [],
    ),
  ) as MatrixFixture['orgs'];
  const userId = async (email: string) => (await db.query('SELECT id FROM user_account WHERE email = $1', [email])).rows[0].id as string;
  const outreach = (await db.query(`SELECT id FROM organisation WHERE kind = 'outreach' ORDER BY created_at LIMIT 1`)).rows[0].id as string;
  const dates = (await db.query(`SELECT to_char(current_date - 1, 'YYYY-MM-DD') AS yesterday, to_char(current_date + 30, 'YYYY-MM-DD') AS month`)).rows[0];
  const yesterday = dates.yesterday as string;

  // The disabled accounts: a coordinator (the widest reader of the worker portal) and one
  // agent of each partner kind, so that without the check they would be allowed a lot.
  const hash = await hashPassword(DISABLED_PASSWORD);
  const suffix = randomBytes(4).toString('hex');
  for (const [portal, role, org] of [
    ['worker', 'coordinator', outreach],
    ['landlord', 'landlord_agent', orgs.gmh],
    ['ocmw', 'ocmw_agent', orgs.ocmwBeveren],
  ] as const) {
    const email = `matrix-disabled-${portal}-${suffix}@woonbrug.example`;
    const [row] = (
      await db.query(
        `INSERT INTO user_account (email, display_name, role, organisation_id, password_hash, disabled_at) VALUES ($1, $2, $3, $4, $5, now()) RETURNING id`,
        [email, `Matrix uitgeschakeld (${portal})`, role, org, hash],
      )
    ).rows;
    disabledAccounts[portal] = { id: row.id, email };
  }

  fixture = {
    users: { worker: await userId(ACCOUNT.worker!.email), worker2: await userId(ACCOUNT.worker2!.email) },
    orgs,
    yesterday,
    inAMonth: dates.month as string,
    secret,
    own: undefined as never,
    foreign: undefined as never,
    pendingCaseId: '',
    attachTargetCaseId: '',
    fresh: {
      referredCase: async () => (await refer('gmh', validReferral())).caseId,
      consent: () => recordConsent('worker', fixture.own.caseId, orgs.ocmwKruibeke, ['status']),
      consentWithDocument: async () => {
        const id = await fixture.fresh.consent();
        if (served.worker.has('POST /api/consents/:id/document')) {
          const upload = ROUTE_ROWS.worker.find((r) => r.path === '/api/consents/:id/document' && r.method === 'POST')!.upload;
          await expectStatus(await send('worker', 'worker', 'POST', `/api/consents/${id}/document`, { cookie: await signedIn('worker'), upload }), 200, 'consent document');
        }
        return id;
      },
      disclosure: () => disclose(fixture.own.caseId, orgs.gmh, 'status'),
      activeCase: async () => {
        const { caseId } = await refer('gmh', validReferral());
        await triage('accept', caseId, { workerId: fixture.users.worker });
        return { caseId, version: String((await db.query('SELECT version FROM case_file WHERE id = $1', [caseId])).rows[0].version) };
      },
      caseAtLastStep: async () => {
        const made = await fixture.fresh.activeCase();
        await db.query(`UPDATE case_file SET current_step = 'evaluation' WHERE id = $1`, [made.caseId]);
        return made;
      },
      closedCase: async () => {
        const made = await fixture.fresh.activeCase();
        await db.query(`UPDATE case_file SET state = 'closed', outcome = 'other', closed_on = current_date WHERE id = $1`, [made.caseId]);
        return made;
      },
    },
  };

  // The own case: referred by GMH and by OCMW Beveren (attached), assigned to `worker`.
  const ownTenant = storedSecret('tenant-own', ['worker', 'coordinator', 'gmh', 'ocmwBeveren']);
  const ownHousehold = validReferral({ tenantName: ownTenant });
  const ownGmh = await refer('gmh', ownHousehold);
  const ownOcmw = await refer('ocmwBeveren', { ...validReferral(), tenantName: ownTenant, address: ownHousehold.address, landlordOrganisationId: orgs.gmh });
  await triage('accept', ownGmh.caseId, { workerId: fixture.users.worker });
  await triage('attach', ownOcmw.caseId, { openCaseId: ownGmh.caseId });
  const ownCase = ownGmh.caseId;
  await addFact('worker', ownCase, 'status', storedSecret('own-status', ['worker', 'gmh', 'ocmwBeveren']));
  await addFact('worker', ownCase, 'housing', storedSecret('own-housing-disclosed', ['worker', 'gmh']));
  await addFact('worker', ownCase, 'financial', storedSecret('own-financial-undisclosed', ['worker']));
  await addFact('worker', ownCase, 'health', storedSecret('own-health-undisclosed', ['worker']));
  const editableFactId = await addFact('worker', ownCase, 'agreements', storedSecret('own-agreements-undisclosed', ['worker']));
  await recordConsent('worker', ownCase, orgs.gmh, ['housing', 'status']);
  await disclose(ownCase, orgs.gmh, 'housing');
  let noteId: string | undefined;
  if (served.worker.has('POST /api/cases/:caseId/notes')) {
    noteId = (await asWorker('worker', 'POST', `/api/cases/${ownCase}/notes`, { text: storedSecret('own-note', ['worker']) }, 201)).body.id;
  }
  fixture = { ...fixture, own: { caseId: ownCase, gmhReferralId: ownGmh.referralId, ocmwReferralId: ownOcmw.referralId, editableFactId, noteId } };

  // A foreign case: referred by BvT and OCMW Kruibeke, assigned to `worker2`.
  const foreignTenant = storedSecret('tenant-foreign', ['worker2', 'coordinator', 'bvt', 'ocmwKruibeke']);
  const foreignHousehold = validReferral({ tenantName: foreignTenant, municipality: 'Temse' });
  const foreignBvt = await refer('bvt', foreignHousehold);
  const foreignOcmw = await refer('ocmwKruibeke', { ...validReferral(), tenantName: foreignTenant, address: foreignHousehold.address, municipality: 'Temse', landlordOrganisationId: orgs.bvt });
  await triage('accept', foreignBvt.caseId, { workerId: fixture.users.worker2 });
  await triage('attach', foreignOcmw.caseId, { openCaseId: foreignBvt.caseId });
  await addFact('worker2', foreignBvt.caseId, 'status', storedSecret('foreign-status', ['worker2', 'bvt', 'ocmwKruibeke']));
  await addFact('worker2', foreignBvt.caseId, 'health', storedSecret('foreign-health-undisclosed', ['worker2']));
  if (served.worker.has('POST /api/cases/:caseId/notes')) {
    await asWorker('worker2', 'POST', `/api/cases/${foreignBvt.caseId}/notes`, { text: storedSecret('foreign-note', ['worker2']) }, 201);
  }
  fixture = { ...fixture, foreign: { caseId: foreignBvt.caseId, bvtReferralId: foreignBvt.referralId, ocmwReferralId: foreignOcmw.referralId } };

  // A referral waiting for triage, and an open case to attach fresh referrals to.
  const pending = await refer('gmh', validReferral({ tenantName: storedSecret('tenant-pending', ['coordinator', 'gmh']) }));
  const target = await gmhCaseOfWorker('attach-target');
  fixture = { ...fixture, pendingCaseId: pending.caseId, attachTargetCaseId: target.caseId };

  // The consent situations, each on its own case referred by GMH (GMH sees `status` always).
  for (const name of ['disclosed', 'withdrawn', 'expired', 'notDisclosed'] as const) {
    const { referralId, caseId } = await gmhCaseOfWorker(name);
    const status = storedSecret(`${name}-status`, ['worker', 'gmh']);
    const housing = storedSecret(`${name}-housing`, name === 'disclosed' ? ['worker', 'gmh'] : ['worker']);
    await addFact('worker', caseId, 'status', status);
    await addFact('worker', caseId, 'housing', housing);
    const consentId = await recordConsent('worker', caseId, orgs.gmh, ['housing']);
    if (name !== 'notDisclosed') await disclose(caseId, orgs.gmh, 'housing');
    if (name === 'withdrawn') await asWorker('worker', 'POST', `/api/consents/${consentId}/withdraw`, {}, 200);
    // Time passing: the consent given with the disclosure has since expired.
    if (name === 'expired') await db.query(`UPDATE consent SET given_on = current_date - 400, expires_on = current_date - 35 WHERE id = $1`, [consentId]);
    situations[name] = { referralId, caseId, status, housing, gmhSees: name === 'disclosed' ? [status, housing] : [status] };
  }
});

afterAll(async () => {
  // The notes of this file are sealed under its own throwaway master key, in the database that
  // the later test files of this Jest worker share: remove them with their case keys, so that a
  // later key rotation over the whole database (private-notes e2e) finds only keys it can open.
  const cases = [fixture?.own?.caseId, fixture?.foreign?.caseId].filter((id): id is string => Boolean(id));
  if (db && cases.length > 0) {
    await db.query('DELETE FROM private_note WHERE case_id = ANY($1::uuid[])', [cases]);
    await db.query('DELETE FROM case_data_key WHERE case_id = ANY($1::uuid[])', [cases]);
  }
  await db?.end();
  await portals?.close();
});

// ---------------------------------------------------------------------------------------------
// Judging one response.

function isPagePath(path: string): boolean {
  return !path.startsWith('/api/') && path !== '/api' && path !== '/health';
}

function fill(path: string, params: Params): string {
  return path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${path}`);
    return value;
  });
}

/** Status and body with the record ids replaced by their parameter names. */
function normalised(res: Response, params: Params): string {
  let text = `${res.status} ${bodyText(res)} ${String(res.headers.location ?? '')}`;
  for (const [name, value] of Object.entries(params)) text = text.split(value).join(`:${name}`);
  return text;
}

function verdict(row: RouteRow, expected: Outcome, signedOut: boolean, res: Response): string | null {
  const location = String(res.headers.location ?? '');
  const toLogin = res.status === 303 && location.startsWith('/login?next=');
  const got = `${res.status}${location ? ` → ${location}` : ''}${res.body?.code ? ` ${res.body.code}` : ''}`;
  if (res.status >= 500) return `server error ${got}`;
  switch (expected) {
    case 'allow': {
      const ok = row.allowStatus !== undefined ? res.status === row.allowStatus : res.status >= 200 && res.status < 400;
      return ok && !toLogin ? null : `expected allow (${row.allowStatus ?? '2xx/3xx'}${row.allowMeans ? `: ${row.allowMeans}` : ''}), got ${got}`;
    }
    case 'deny': {
      if (!signedOut) return res.status === 403 ? null : `expected deny (403), got ${got}`;
      if (isPagePath(row.path) && row.method === 'GET') return toLogin ? null : `expected deny (303 to /login), got ${got}`;
      if (res.status !== 401) return `expected deny (401), got ${got}`;
      if (!isPagePath(row.path) && !String(res.headers['content-type']).startsWith('application/problem+json')) return `401 without problem details`;
      return null;
    }
    case 'hidden':
      return res.status === 404 ? null : `expected hidden (404), got ${got}`;
    case 'public':
      return res.status === 401 || res.status === 403 || toLogin ? `expected public, got ${got}` : null;
  }
}

function expectationFor(row: RouteRow, persona: Persona): { expected: Outcome; signedOut: boolean } {
  const own = (PERSONAS_OF_PORTAL[row.portal] as readonly string[]).includes(persona) || persona === 'anonymous' || persona === 'disabled';
  const expect = row.expect as Readonly<Record<string, Outcome>>;
  if (!own) return { expected: expect.anonymous!, signedOut: true };
  return { expected: expect[persona]!, signedOut: persona === 'anonymous' || persona === 'disabled' };
}

async function runRow(row: RouteRow): Promise<string[]> {
  const problems: string[] = [];
  for (const persona of ALL_PERSONAS) {
    const { expected, signedOut } = expectationFor(row, persona);
    const params = (await row.params?.(fixture)) ?? {};
    const body = row.body?.(fixture, params);
    const who = whoOf(persona, row.portal);
    const options = { body, form: row.form, upload: row.upload };
    const res = await send(row.portal, who, row.method, fill(row.path, params), { ...options, cookie: await cookieFor(persona, row.portal, !!row.endsSession) });
    const problem = verdict(row, expected, signedOut, res);
    if (problem) problems.push(`${who}: ${problem}`);

    // A refusal must not tell whether the record exists: the same answer as for random ids.
    const recordIds = Object.entries(params).filter(([, v]) => UUID.test(v));
    if ((expected === 'hidden' || expected === 'deny') && recordIds.length > 0) {
      const randomParams = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, UUID.test(v) ? randomUUID() : v]));
      const missing = await send(row.portal, who, row.method, fill(row.path, randomParams), { ...options, cookie: await cookieFor(persona, row.portal, !!row.endsSession) });
      if (normalised(res, params) !== normalised(missing, randomParams)) {
        problems.push(`${who}: a refused record answers differently from a missing one:\n  existing: ${normalised(res, params).slice(0, 300)}\n  missing:  ${normalised(missing, randomParams).slice(0, 300)}`);
      }
    }
  }
  return problems;
}

function exempt(route: string): boolean {
  return EXEMPT_ROUTES.some((e) => e.pattern.test(route));
}

// ---------------------------------------------------------------------------------------------

describe.each(PORTALS)('the %s portal', (portal) => {
  it('has a row in the table for every route it serves (only /api/docs*, /assets/* and HEAD are exempt)', () => {
    const rows = new Set(ROUTE_ROWS[portal].map((r) => `${r.method} ${r.path}`));
    const withoutRow = [...served[portal]].filter((route) => !exempt(route) && !rows.has(route));
    expect(withoutRow).toEqual([]);
    expect(served[portal].size).toBeGreaterThan(10);
  });

  it('has no stale rows: every row that is not marked as work in progress names a served route', () => {
    const stale = ROUTE_ROWS[portal].filter((r) => !r.optional && !served[portal].has(`${r.method} ${r.path}`)).map((r) => `${r.method} ${r.path}`);
    expect(stale).toEqual([]);
    const keys = ROUTE_ROWS[portal].map((r) => `${r.method} ${r.path}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it.each(ROUTE_ROWS[portal].map((row) => [`${row.method} ${row.path}`, row] as const))('%s answers each persona as its row says', async (route, row) => {
    if (!served[portal].has(route)) {
      expect(row.optional).toBeDefined();
      return; // work in progress, not served (yet): nothing to check
    }
    expect(await runRow(row)).toEqual([]);
  });
});

describe('records and lists', () => {
  const items = (res: Response) => (res.body.items as Array<Record<string, unknown>>) ?? [];

  it('lists to each partner only its own organisation’s referrals, without facts', async () => {
    for (const persona of ['gmh', 'bvt', 'ocmwBeveren', 'ocmwKruibeke'] as const) {
      // Every page of the list, following `next`.
      const listed: Array<Record<string, unknown>> = [];
      let path: string | null = '/api/referrals?limit=100';
      while (path) {
        const res = await send(portalOf(persona), persona, 'GET', path, { cookie: await signedIn(persona) });
        expect(res.status).toBe(200);
        listed.push(...items(res));
        path = res.body.next ? `/api/referrals?limit=100&before=${encodeURIComponent(res.body.next as string)}` : null;
      }
      const org = fixture.orgs[persona];
      const own = (await db.query('SELECT id FROM referral WHERE referrer_organisation_id = $1', [org])).rows.map((r: { id: string }) => r.id);
      expect({ persona, ids: listed.map((i) => i.id).sort() }).toEqual({ persona, ids: [...own].sort() });
      expect(listed.every((i) => i.facts === undefined)).toBe(true);
    }
  });

  it('lists to a worker only the cases assigned to it, to the coordinator all of its organisation', async () => {
    for (const persona of ['worker', 'worker2'] as const) {
      const res = await send('worker', persona, 'GET', '/api/cases?state=all', { cookie: await signedIn(persona) });
      expect(res.status).toBe(200);
      const own = (await db.query('SELECT id FROM case_file WHERE assigned_worker_id = $1', [fixture.users[persona]])).rows.map((r: { id: string }) => r.id);
      expect({ persona, ids: items(res).map((i) => i.id).sort() }).toEqual({ persona, ids: [...own].sort() });
    }
    const all = await send('worker', 'coordinator', 'GET', '/api/cases?state=all', { cookie: await signedIn('coordinator') });
    const count = (await db.query('SELECT count(*)::int AS n FROM case_file')).rows[0].n as number;
    expect(items(all).length).toBe(Math.min(count, 500));
    // The coordinator's incoming list holds referred cases only.
    const incoming = await send('worker', 'coordinator', 'GET', '/api/incoming-referrals', { cookie: await signedIn('coordinator') });
    const referred = new Set((await db.query(`SELECT id FROM case_file WHERE state = 'referred'`)).rows.map((r: { id: string }) => r.id));
    expect(items(incoming).every((i) => referred.has(i.caseId as string))).toBe(true);
    expect(items(incoming).map((i) => i.caseId)).toContain(fixture.pendingCaseId);
  });

  it('answers another worker’s case and another referrer’s referral exactly like missing ones', async () => {
    const { caseId, bvtReferralId, ocmwReferralId } = fixture.foreign;
    const checks: Array<[PortalName, SignedInPersona, string, string]> = [
      ['worker', 'worker', '/api/cases/:id', caseId],
      ['worker', 'worker', '/cases/:id', caseId],
      ['worker', 'worker', '/api/cases/:id/facts', caseId],
      ['worker', 'worker', '/api/cases/:id/consents', caseId],
      ['worker', 'worker', '/api/cases/:id/disclosures', caseId],
      ['worker', 'worker', '/api/cases/:id/partner-view', caseId],
      ['landlord', 'gmh', '/api/referrals/:id', bvtReferralId],
      ['landlord', 'gmh', '/referrals/:id', bvtReferralId],
      ['ocmw', 'ocmwBeveren', '/api/referrals/:id', ocmwReferralId],
      ['ocmw', 'ocmwBeveren', '/referrals/:id', ocmwReferralId],
    ];
    if (served.worker.has('GET /api/cases/:caseId/notes')) checks.push(['worker', 'worker', '/api/cases/:id/notes', caseId], ['worker', 'worker', '/cases/:id/notes', caseId]);
    for (const [portal, persona, path, id] of checks) {
      const cookie = await signedIn(persona);
      const res = await send(portal, persona, 'GET', path.replace(':id', id), { cookie });
      const random = randomUUID();
      const missing = await send(portal, persona, 'GET', path.replace(':id', random), { cookie });
      expect({ path, persona, status: res.status }).toEqual({ path, persona, status: 404 });
      expect(normalised(res, { id })).toBe(normalised(missing, { id: random }));
    }
  });

  it('shows GMH exactly the facts its consent and the worker’s disclosure allow, in every consent situation', async () => {
    for (const [name, s] of Object.entries(situations)) {
      const res = await send('landlord', 'gmh', 'GET', `/api/referrals/${s.referralId}`, { cookie: await signedIn('gmh') });
      expect(res.status).toBe(200);
      const facts = res.body.facts as Array<Record<string, unknown>>;
      expect({ situation: name, bodies: facts.map((f) => f.body).sort() }).toEqual({ situation: name, bodies: [...s.gmhSees].sort() });
      for (const f of facts) expect(Object.keys(f).sort()).toEqual(PARTNER_FACT_KEYS);
      // The worker's "view as GMH" agrees with what GMH gets.
      const preview = await send('worker', 'worker', 'GET', `/api/cases/${s.caseId}/partner-view`, { cookie: await signedIn('worker') });
      const asGmh = (preview.body.items as Array<{ organisation: { id: string }; visibleFacts: Array<{ body: string }> }>).find((p) => p.organisation.id === fixture.orgs.gmh)!;
      expect({ situation: name, bodies: asGmh.visibleFacts.map((f) => f.body).sort() }).toEqual({ situation: name, bodies: [...s.gmhSees].sort() });
      // And the page shows them too.
      const page = await send('landlord', 'gmh', 'GET', `/referrals/${s.referralId}`, { cookie: await signedIn('gmh') });
      for (const text of s.gmhSees) expect(page.text).toContain(text);
    }
  });

  it('shows a referrer the status of a closed case and nothing else', async () => {
    const s = situations.disclosed;
    await db.query(`UPDATE case_file SET state = 'closed', outcome = 'favourable', closed_on = current_date WHERE id = $1`, [s.caseId]);
    try {
      const res = await send('landlord', 'gmh', 'GET', `/api/referrals/${s.referralId}`, { cookie: await signedIn('gmh') });
      expect((res.body.facts as Array<{ body: string }>).map((f) => f.body)).toEqual([s.status]);
    } finally {
      await db.query(`UPDATE case_file SET state = 'active', outcome = NULL, closed_on = NULL WHERE id = $1`, [s.caseId]);
    }
  });
});

describe('a disabled account', () => {
  it('cannot log in, with the same answer as a wrong password', async () => {
    const email = `matrix-never-${randomBytes(4).toString('hex')}@woonbrug.example`;
    const password = `Pw-${randomBytes(8).toString('hex')}`;
    await db.query(
      `INSERT INTO user_account (email, display_name, role, organisation_id, password_hash, disabled_at) VALUES ($1, 'Matrix nooit actief', 'landlord_agent', $2, $3, now())`,
      [email, fixture.orgs.gmh, await hashPassword(password)],
    );
    const refused = await send('landlord', 'disabled', 'POST', '/api/session', { body: { email, password } });
    const wrong = await send('landlord', 'anonymous', 'POST', '/api/session', { body: { email: ACCOUNT.gmh!.email, password: 'not-the-password' } });
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual(wrong.body);
    expect(refused.headers['set-cookie'] ?? []).toHaveLength(0);
  });

  it('loses access on its next request after being disabled', async () => {
    const account = disabledAccounts.landlord;
    await db.query('UPDATE user_account SET disabled_at = NULL WHERE id = $1', [account.id]);
    // While active, the account is one of GMH's agents and sees what GMH sees.
    const cookie = await logIn('landlord', 'gmh', account.email, DISABLED_PASSWORD);
    try {
      expect((await send('landlord', 'gmh', 'GET', '/api/referrals', { cookie })).status).toBe(200);
      await db.query('UPDATE user_account SET disabled_at = now() WHERE id = $1', [account.id]);
      const next = await send('landlord', 'disabled', 'GET', `/api/referrals/${fixture.own.gmhReferralId}`, { cookie });
      expect(next.status).toBe(401);
      expect(next.body.code).toBe('NOT_AUTHENTICATED');
      const page = await send('landlord', 'disabled', 'GET', '/referrals', { cookie });
      expect(page.status).toBe(303);
    } finally {
      await db.query('UPDATE user_account SET disabled_at = now() WHERE id = $1', [account.id]);
    }
  });

  it('leaves its browser able to log out and to log someone else in', async () => {
    // The session guard ends a disabled account's session on its next request; a public route
    // behind it (logout, login) must still work on that request.
    const attempts = [
      { request: 'POST /logout', body: {}, form: true, expected: 303 },
      { request: 'POST /login', body: { email: ACCOUNT.gmh!.email, password: DEMO_PASSWORD }, form: true, expected: 303 },
      { request: 'POST /api/session', body: { email: ACCOUNT.gmh!.email, password: DEMO_PASSWORD }, form: false, expected: 200 },
    ];
    const got = [];
    for (const a of attempts) {
      const res = await send('landlord', 'gmh', 'POST', a.request.slice(5), { cookie: await disabledSession('landlord'), body: a.body, form: a.form });
      got.push({ request: a.request, status: res.status });
    }
    expect(got).toEqual(attempts.map((a) => ({ request: a.request, status: a.expected })));
  });
});

// Declared last: Jest runs it after every request above.
describe('over every response of this file, errors included', () => {
  it('never sends a private note or an undisclosed fact (or a tenant) to anyone but who may see it', () => {
    expect(recorded.length).toBeGreaterThan(500);
    const leaks: string[] = [];
    for (const r of recorded) {
      for (const [text, maySee] of secrets) {
        if (r.text.includes(text) && !maySee.has(r.who)) leaks.push(`${r.who} on ${r.portal}: ${r.request} (${r.status}) contains ${text.replace(/-[0-9a-f]{12}$/, '')}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('did see every stored secret where it is allowed, so the scan above can find them', () => {
    const unseen = storedSecrets.filter((text) => !recorded.some((r) => r.text.includes(text) && secrets.get(text)!.has(r.who)));
    expect(unseen).toEqual([]);
  });

  it('gives partners facts with the permitted fields only', () => {
    const partnerFacts = recorded
      .filter((r) => r.portal !== 'worker' && r.json && typeof r.json === 'object' && Array.isArray((r.json as { facts?: unknown }).facts))
      .flatMap((r) => (r.json as { facts: Array<Record<string, unknown>> }).facts.map((f) => ({ request: r.request, keys: Object.keys(f).sort() })));
    expect(partnerFacts.length).toBeGreaterThan(0);
    expect(partnerFacts.filter((f) => f.keys.join() !== PARTNER_FACT_KEYS.join())).toEqual([]);
  });
});
