import { Pool } from 'pg';
import type { PortalName } from './portals';
import { validReferral } from './referral-fixtures';

/**
 * The authorization matrix (STYLE.md rule 5): one row per route a portal serves, saying per
 * persona what must happen. test/e2e/authorization-matrix.e2e-spec.ts walks every route the
 * running portals register (`registeredRoutes`) and fails on a route without a row here or in a
 * feature's own rows file (`authorization-rows.<feature>.ts`, gathered in `route-rows.ts`).
 *
 * Outcome classes:
 * - `allow`  — the real action works: the row's `allowStatus` (2xx, or a 3xx that is not the
 *              login redirect). Every mutating row sends a VALID body, so `allow` means the
 *              action was carried out, never merely "passed authorization and failed validation".
 * - `deny`   — signed out (anonymous, a disabled account, or a session of another portal):
 *              401 for `/api/…` and for page POSTs, 303 to `/login?next=…` for page GETs;
 *              signed in without the ability: 403. Same body as for a random id.
 * - `hidden` — 404, with exactly the status and body that a random uuid gets.
 * - `public` — reachable without a session (any non-5xx status except 401, 403 and the login
 *              redirect).
 *
 * Personas of another portal are not listed per row: they present their session cookie under
 * this portal's cookie name and must get exactly the `anonymous` outcome.
 */
export type Outcome = 'allow' | 'deny' | 'hidden' | 'public';

export const WORKER_PORTAL_PERSONAS = ['worker', 'worker2', 'coordinator', 'privacyOfficer', 'admin'] as const;
export const LANDLORD_PORTAL_PERSONAS = ['gmh', 'bvt'] as const;
export const OCMW_PORTAL_PERSONAS = ['ocmwBeveren', 'ocmwKruibeke'] as const;
export type WorkerPortalPersona = (typeof WORKER_PORTAL_PERSONAS)[number];
export type LandlordPortalPersona = (typeof LANDLORD_PORTAL_PERSONAS)[number];
export type OcmwPortalPersona = (typeof OCMW_PORTAL_PERSONAS)[number];
export type SignedInPersona = WorkerPortalPersona | LandlordPortalPersona | OcmwPortalPersona;
/** `disabled`: an account of the route's portal that logged in and was then disabled. */
export type Persona = SignedInPersona | 'anonymous' | 'disabled';

export const PERSONAS_OF_PORTAL: Record<PortalName, readonly SignedInPersona[]> = {
  worker: WORKER_PORTAL_PERSONAS,
  landlord: LANDLORD_PORTAL_PERSONAS,
  ocmw: OCMW_PORTAL_PERSONAS,
};

/**
 * Routes every portal serves that are not checked, with the reason: framework documentation and
 * static files, public by design (the authentication e2e test checks they need no session).
 * `HEAD` routes are ignored too: Fastify adds one per `GET`, answered by the same handler.
 */
export const EXEMPT_ROUTES: ReadonlyArray<{ readonly pattern: RegExp; readonly why: string }> = [
  { pattern: /^[A-Z]+ \/api\/docs/, why: 'OpenAPI document and Swagger UI (/api/docs, /api/docs-json, /api/docs-yaml, /api/docs/*)' },
  { pattern: /^GET \/assets\//, why: 'static CSS' },
  { pattern: /^HEAD /, why: 'HEAD mirrors GET' },
];

/**
 * What the spec builds in beforeAll, through the API (see the spec for the details):
 * - `own`: a case referred by GMH and (attached) by OCMW Beveren, assigned to `worker`, with
 *   facts of every category, a consent for GMH (housing, status), housing disclosed to GMH,
 *   and a private note of `worker`;
 * - `foreign`: a case referred by BvT and OCMW Kruibeke, assigned to `worker2`;
 * - `pendingCaseId`: a GMH referral waiting for triage; `attachTargetCaseId`: an open case
 *   that the attach rows fold fresh referrals into.
 * The `fresh` factories make a new record for each request that consumes one (accept, withdraw…).
 */
export interface MatrixFixture {
  readonly users: Readonly<Record<'worker' | 'worker2', string>>;
  readonly orgs: Readonly<Record<'gmh' | 'bvt' | 'ocmwBeveren' | 'ocmwKruibeke', string>>;
  readonly own: {
    readonly caseId: string;
    readonly gmhReferralId: string;
    readonly ocmwReferralId: string;
    /** An `agreements` fact the PATCH rows edit. */
    readonly editableFactId: string;
    /** The worker's private note, when the notes routes exist. */
    readonly noteId?: string;
  };
  readonly pendingCaseId: string;
  readonly attachTargetCaseId: string;
  /** Yesterday (PostgreSQL's current_date − 1): a consent date every clock accepts. */
  readonly yesterday: string;
  /** A month from now: a next-review date. */
  readonly inAMonth: string;
  readonly fresh: {
    /** A new GMH referral waiting for triage; its case id. */
    referredCase(): Promise<string>;
    /** A new consent on the own case (OCMW Kruibeke, status only: shares nothing). */
    consent(): Promise<string>;
    /** A new consent on the own case with its signed form attached. */
    consentWithDocument(): Promise<string>;
    /** A new disclosure of `status` to GMH on the own case (GMH sees status anyway). */
    disclosure(): Promise<string>;
    /** A new GMH referral accepted for `worker`: `{ caseId, version }`. */
    activeCase(): Promise<Params>;
    /** The same, in the last step of the care continuum (ready for aftercare). */
    caseAtLastStep(): Promise<Params>;
    /** The same, closed (ready to be reopened). */
    closedCase(): Promise<Params>;
  };
  /** A unique text that only the given personas may ever receive (checked on every response). */
  secret(label: string, maySee: readonly Persona[]): string;
}

export type Params = Readonly<Record<string, string>>;

interface RowBase {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Exactly as `registeredRoutes` reports it. */
  readonly path: string;
  /** What an `allow` answers, and what it means. */
  readonly allowStatus?: number;
  readonly allowMeans?: string;
  readonly params?: (f: MatrixFixture) => Params | Promise<Params>;
  /** A valid body (the same for every persona, so that a refusal is about authorization). */
  readonly body?: (f: MatrixFixture, params: Params) => Record<string, unknown>;
  /** Send the body as an HTML form (application/x-www-form-urlencoded). */
  readonly form?: true;
  /** Send a file as multipart/form-data. */
  readonly upload?: { readonly field: string; readonly filename: string; readonly contentType: string; readonly content: Buffer };
  /** The request ends the session it is sent with: every persona uses a fresh login. */
  readonly endsSession?: true;
  /**
   * The route belongs to work in progress: the row is used when the portal serves the route and
   * skipped otherwise (a non-optional row whose route is gone fails as stale).
   */
  readonly optional?: string;
}

type Expect<P extends string> = Readonly<Record<P | 'anonymous' | 'disabled', Outcome>>;

export type RouteRow =
  | (RowBase & { readonly portal: 'worker'; readonly expect: Expect<WorkerPortalPersona> })
  | (RowBase & { readonly portal: 'landlord'; readonly expect: Expect<LandlordPortalPersona> })
  | (RowBase & { readonly portal: 'ocmw'; readonly expect: Expect<OcmwPortalPersona> });

/** A valid 1×1 PNG: the consent form upload checks the content, not the name. */
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const NOTES_FEATURE = 'private notes (in progress)';
const CONSENT_DOCUMENT_FEATURE = 'signed consent form upload (in progress)';
const CASE_PAGE_FORMS_FEATURE = 'case page forms for facts, consent and disclosure (in progress)';
const NEXT_REVIEW_FEATURE = 'next review date (in progress)';

export const ownCase = (f: MatrixFixture): Params => ({ caseId: f.own.caseId });
const fact = (f: MatrixFixture) => ({ category: 'agreements', body: f.secret('matrix-fact', ['worker']), occurredOn: f.yesterday });
const consentBody = (f: MatrixFixture) => ({ organisationId: f.orgs.ocmwKruibeke, categories: ['status'], purpose: 'Matrix: opvolging', givenHow: 'oral', givenOn: f.yesterday });
const noteText = (f: MatrixFixture) => ({ text: f.secret('matrix-note', ['worker']) });

// Shorthands for the recurring columns; each row still names every persona of its portal.
export const SIGNED_OUT = { anonymous: 'deny', disabled: 'deny' } as const;

export const WORKER_ROWS: readonly RouteRow[] = [
  // Start page: every outreach role has one.
  { portal: 'worker', method: 'GET', path: '/', allowStatus: 200,
    expect: { worker: 'allow', worker2: 'allow', coordinator: 'allow', privacyOfficer: 'allow', admin: 'allow', ...SIGNED_OUT } },

  // Triage: the coordinator only.
  { portal: 'worker', method: 'GET', path: '/api/incoming-referrals', allowStatus: 200,
    expect: { worker: 'deny', worker2: 'deny', coordinator: 'allow', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/api/cases/:id/accept', allowStatus: 200, allowMeans: 'the fresh referred case is active with `worker`',
    params: async (f) => ({ id: await f.fresh.referredCase() }), body: (f) => ({ workerId: f.users.worker }),
    expect: { worker: 'deny', worker2: 'deny', coordinator: 'allow', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/api/cases/:id/decline', allowStatus: 200, allowMeans: 'the fresh referred case is declined',
    params: async (f) => ({ id: await f.fresh.referredCase() }), body: () => ({ reason: 'Matrix: geen woonprobleem' }),
    expect: { worker: 'deny', worker2: 'deny', coordinator: 'allow', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/api/cases/:id/attach', allowStatus: 204, allowMeans: 'the fresh referral moved to the open case',
    params: async (f) => ({ id: await f.fresh.referredCase() }), body: (f) => ({ openCaseId: f.attachTargetCaseId }),
    expect: { worker: 'deny', worker2: 'deny', coordinator: 'allow', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'GET', path: '/referrals', allowStatus: 200,
    expect: { worker: 'deny', worker2: 'deny', coordinator: 'allow', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'GET', path: '/referrals/:caseId', allowStatus: 200,
    params: (f) => ({ caseId: f.pendingCaseId }),
    expect: { worker: 'deny', worker2: 'deny', coordinator: 'allow', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/referrals/:caseId/accept', allowStatus: 303, allowMeans: 'accepted, redirect to the case',
    params: async (f) => ({ caseId: await f.fresh.referredCase() }), form: true, body: (f) => ({ workerId: f.users.worker }),
    expect: { worker: 'deny', worker2: 'deny', coordinator: 'allow', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/referrals/:caseId/decline', allowStatus: 303, allowMeans: 'declined, redirect to the list',
    params: async (f) => ({ caseId: await f.fresh.referredCase() }), form: true, body: () => ({ reason: 'Matrix: geen woonprobleem' }),
    expect: { worker: 'deny', worker2: 'deny', coordinator: 'allow', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/referrals/:caseId/attach', allowStatus: 303, allowMeans: 'attached, redirect to the open case',
    params: async (f) => ({ caseId: await f.fresh.referredCase() }), form: true, body: (f) => ({ openCaseId: f.attachTargetCaseId }),
    expect: { worker: 'deny', worker2: 'deny', coordinator: 'allow', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },

  // Cases: the assigned worker and the coordinator (metadata); never privacy officer or admin.
  { portal: 'worker', method: 'GET', path: '/api/cases', allowStatus: 200,
    expect: { worker: 'allow', worker2: 'allow', coordinator: 'allow', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'GET', path: '/api/cases/:id', allowStatus: 200, params: (f) => ({ id: f.own.caseId }),
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'allow', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'GET', path: '/cases', allowStatus: 200,
    expect: { worker: 'allow', worker2: 'allow', coordinator: 'allow', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'GET', path: '/cases/:id', allowStatus: 200, params: (f) => ({ id: f.own.caseId }),
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'allow', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },

  // Facts: the assigned worker only (the coordinator has no rule on facts at all).
  { portal: 'worker', method: 'GET', path: '/api/cases/:caseId/facts', allowStatus: 200, params: ownCase,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/api/cases/:caseId/facts', allowStatus: 201, allowMeans: 'the fact is stored', params: ownCase, body: fact,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'PATCH', path: '/api/facts/:id', allowStatus: 200, allowMeans: 'the fact has a new version',
    params: (f) => ({ id: f.own.editableFactId }), body: fact,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'GET', path: '/api/facts/:id/history', allowStatus: 200, params: (f) => ({ id: f.own.editableFactId }),
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },

  // Consent: the assigned worker only.
  { portal: 'worker', method: 'GET', path: '/api/cases/:caseId/consents', allowStatus: 200, params: ownCase,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/api/cases/:caseId/consents', allowStatus: 201, allowMeans: 'the consent is recorded', params: ownCase, body: consentBody,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/api/consents/:id/withdraw', allowStatus: 200, allowMeans: 'the fresh consent is withdrawn',
    params: async (f) => ({ id: await f.fresh.consent() }), body: () => ({ note: 'Matrix: ingetrokken' }),
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/api/consents/:id/document', optional: CONSENT_DOCUMENT_FEATURE, allowStatus: 200, allowMeans: 'the PNG is attached',
    params: async (f) => ({ id: await f.fresh.consent() }), upload: { field: 'document', filename: 'toestemming.png', contentType: 'image/png', content: PNG_1X1 },
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'GET', path: '/api/consents/:id/document', optional: CONSENT_DOCUMENT_FEATURE, allowStatus: 200,
    params: async (f) => ({ id: await f.fresh.consentWithDocument() }),
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'PUT', path: '/api/cases/:caseId/legal-basis', allowStatus: 204, allowMeans: 'the legal basis is stored', params: ownCase,
    body: () => ({ legalBasis: 'voluntary' }),
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },

  // The next review date (the referrer sees it): the assigned worker updates the case.
  { portal: 'worker', method: 'PUT', path: '/api/cases/:caseId/next-review', optional: NEXT_REVIEW_FEATURE, allowStatus: 200, allowMeans: 'the date is stored',
    params: ownCase, body: (f) => ({ nextReviewOn: f.inAMonth }),
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },

  // The trajectory after acceptance: the assigned worker changes it, on the current version.
  { portal: 'worker', method: 'GET', path: '/api/care-steps', allowStatus: 200,
    expect: { worker: 'allow', worker2: 'allow', coordinator: 'allow', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'GET', path: '/api/cases/:caseId/timeline', allowStatus: 200, params: ownCase,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'allow', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'GET', path: '/cases/:caseId/timeline', allowStatus: 200, params: ownCase,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'allow', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'GET', path: '/api/cases/:caseId/procedure-events', allowStatus: 200, params: ownCase,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  ...(
    [
      ['steps', (p: Params) => ({ step: 'introductory_visit', version: Number(p.version) }), 'the case moves to the step', 'activeCase'],
      ['contacts', (p: Params) => ({ version: Number(p.version) }), 'the contact is recorded', 'activeCase'],
      ['aftercare', (p: Params, f: MatrixFixture) => ({ endsOn: f.inAMonth, version: Number(p.version) }), 'aftercare starts', 'caseAtLastStep'],
      ['close', (p: Params) => ({ outcome: 'other', handover: 'Matrix: overgedragen', version: Number(p.version) }), 'the case is closed', 'activeCase'],
      ['reopen', (p: Params) => ({ reason: 'Matrix: heropend', version: Number(p.version) }), 'a new trajectory is opened', 'closedCase'],
    ] as const
  ).flatMap(([action, body, means, fresh]): RouteRow[] => [
    { portal: 'worker', method: 'POST', path: `/api/cases/:caseId/${action}`, allowStatus: action === 'reopen' ? 201 : 200, allowMeans: means,
      params: (f) => f.fresh[fresh](), body: (f, p) => body(p, f),
      expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
    { portal: 'worker', method: 'POST', path: `/cases/:caseId/${action}`, allowStatus: 303, allowMeans: `${means} (form), redirect`, form: true,
      params: (f) => f.fresh[fresh](), body: (f, p) => body(p, f),
      expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  ]),

  // The disclosure log: the privacy officer only — nobody with case access, not the admin.
  ...(['/api/audit-events', '/api/audit-events.csv', '/audit'] as const).map(
    (path): RouteRow => ({
      portal: 'worker', method: 'GET', path, allowStatus: 200,
      expect: { worker: 'deny', worker2: 'deny', coordinator: 'deny', privacyOfficer: 'allow', admin: 'deny', ...SIGNED_OUT },
    }),
  ),

  // Disclosure: the assigned worker only.
  { portal: 'worker', method: 'GET', path: '/api/cases/:caseId/disclosures', allowStatus: 200, params: ownCase,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/api/cases/:caseId/disclosures', allowStatus: 201, allowMeans: 'status is disclosed to GMH (consented)', params: ownCase,
    body: (f) => ({ organisationId: f.orgs.gmh, category: 'status' }),
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'DELETE', path: '/api/disclosures/:id', allowStatus: 204, allowMeans: 'the fresh disclosure is revoked',
    params: async (f) => ({ id: await f.fresh.disclosure() }),
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'GET', path: '/api/cases/:caseId/partner-view', allowStatus: 200, params: ownCase,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },

  // The same actions as form posts of the case page (post/redirect/get).
  { portal: 'worker', method: 'POST', path: '/cases/:caseId/facts', optional: CASE_PAGE_FORMS_FEATURE, allowStatus: 303, allowMeans: 'stored, redirect to the case',
    params: ownCase, form: true, body: fact,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/cases/:caseId/consents', optional: CASE_PAGE_FORMS_FEATURE, allowStatus: 303, allowMeans: 'recorded, redirect to the case',
    params: ownCase, form: true, body: (f) => ({ ...consentBody(f), categories: 'status' }),
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/cases/:caseId/consents/:consentId/withdraw', optional: CASE_PAGE_FORMS_FEATURE, allowStatus: 303, allowMeans: 'withdrawn, redirect to the case',
    params: async (f) => ({ caseId: f.own.caseId, consentId: await f.fresh.consent() }), form: true, body: () => ({ note: 'Matrix: ingetrokken' }),
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/cases/:caseId/legal-basis', optional: CASE_PAGE_FORMS_FEATURE, allowStatus: 303, allowMeans: 'stored, redirect to the case',
    params: ownCase, form: true, body: () => ({ legalBasis: 'court_imposed' }),
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/cases/:caseId/next-review', optional: NEXT_REVIEW_FEATURE, allowStatus: 303, allowMeans: 'stored, redirect to the case',
    params: ownCase, form: true, body: (f) => ({ nextReviewOn: f.inAMonth }),
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/cases/:caseId/disclosures', optional: CASE_PAGE_FORMS_FEATURE, allowStatus: 303, allowMeans: 'disclosed, redirect to the case',
    params: ownCase, form: true, body: (f) => ({ organisationId: f.orgs.gmh, category: 'status' }),
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/cases/:caseId/disclosures/:disclosureId/revoke', optional: CASE_PAGE_FORMS_FEATURE, allowStatus: 303, allowMeans: 'revoked, redirect to the case',
    params: async (f) => ({ caseId: f.own.caseId, disclosureId: await f.fresh.disclosure() }), form: true, body: () => ({}),
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },

  // Private notes: the assigned worker and nobody else, ever (DESIGN.md §3).
  { portal: 'worker', method: 'GET', path: '/api/cases/:caseId/notes', optional: NOTES_FEATURE, allowStatus: 200, params: ownCase,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/api/cases/:caseId/notes', optional: NOTES_FEATURE, allowStatus: 201, allowMeans: 'the note is stored', params: ownCase, body: noteText,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'PATCH', path: '/api/notes/:id', optional: NOTES_FEATURE, allowStatus: 200, allowMeans: 'the note has a new version',
    params: (f) => ({ id: f.own.noteId! }), body: noteText,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'GET', path: '/api/notes/:id/history', optional: NOTES_FEATURE, allowStatus: 200, params: (f) => ({ id: f.own.noteId! }),
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'GET', path: '/cases/:caseId/notes', optional: NOTES_FEATURE, allowStatus: 200, params: ownCase,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/cases/:caseId/notes', optional: NOTES_FEATURE, allowStatus: 303, allowMeans: 'stored, redirect to the notes',
    params: ownCase, form: true, body: noteText,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/notes/:id', optional: NOTES_FEATURE, allowStatus: 303, allowMeans: 'new version, redirect to the notes',
    params: (f) => ({ id: f.own.noteId! }), form: true, body: noteText,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'GET', path: '/notes/:id/history', optional: NOTES_FEATURE, allowStatus: 200, params: (f) => ({ id: f.own.noteId! }),
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },

  // Budget counselling: the assigned worker refers the case to the OCMW of its municipality
  // (Beveren for the own case) under a financial consent, and sees every answer.
  { portal: 'worker', method: 'GET', path: '/api/cases/:caseId/financial-referrals', allowStatus: 200, params: ownCase,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/api/cases/:caseId/financial-referrals', allowStatus: 201, allowMeans: 'the referral to OCMW Beveren is stored, pending',
    params: readyToReferToBeveren, body: financialReferralBody,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'GET', path: '/cases/:caseId/budget', allowStatus: 200, params: ownCase,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/cases/:caseId/budget', allowStatus: 303, allowMeans: 'referred, redirect to the budget page',
    params: readyToReferToBeveren, form: true, body: financialReferralBody,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'deny', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },


  // Deadlines: whoever reads cases (a worker the own, the coordinator the organisation's).
  { portal: 'worker', method: 'GET', path: '/api/deadlines', allowStatus: 200,
    expect: { worker: 'allow', worker2: 'allow', coordinator: 'allow', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },
  { portal: 'worker', method: 'GET', path: '/deadlines', allowStatus: 200,
    expect: { worker: 'allow', worker2: 'allow', coordinator: 'allow', privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } },

  // Notifications: everyone has their own; someone else's answers like a missing one.
  { portal: 'worker', method: 'GET', path: '/api/notifications', allowStatus: 200,
    expect: { worker: 'allow', worker2: 'allow', coordinator: 'allow', privacyOfficer: 'allow', admin: 'allow', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/api/notifications/:id/read', allowStatus: 200, allowMeans: 'the worker’s notification is marked read',
    params: workerNotification,
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'hidden', privacyOfficer: 'hidden', admin: 'hidden', ...SIGNED_OUT } },
  { portal: 'worker', method: 'GET', path: '/notifications', allowStatus: 200,
    expect: { worker: 'allow', worker2: 'allow', coordinator: 'allow', privacyOfficer: 'allow', admin: 'allow', ...SIGNED_OUT } },
  { portal: 'worker', method: 'POST', path: '/notifications/:id/read', allowStatus: 303, allowMeans: 'marked read, redirect to the notifications',
    params: workerNotification, form: true, body: () => ({}),
    expect: { worker: 'allow', worker2: 'hidden', coordinator: 'hidden', privacyOfficer: 'hidden', admin: 'hidden', ...SIGNED_OUT } },

  ...sessionRows('worker'),
];

export const LANDLORD_ROWS: readonly RouteRow[] = [
  { portal: 'landlord', method: 'POST', path: '/api/referrals', allowStatus: 201, allowMeans: 'the referral and its case are stored',
    body: () => validReferral(),
    expect: { gmh: 'allow', bvt: 'allow', ...SIGNED_OUT } },
  { portal: 'landlord', method: 'GET', path: '/api/referrals', allowStatus: 200,
    expect: { gmh: 'allow', bvt: 'allow', ...SIGNED_OUT } },
  { portal: 'landlord', method: 'GET', path: '/api/referrals/:id', allowStatus: 200, params: (f) => ({ id: f.own.gmhReferralId }),
    expect: { gmh: 'allow', bvt: 'hidden', ...SIGNED_OUT } },
  { portal: 'landlord', method: 'GET', path: '/api/referral-options', allowStatus: 200,
    expect: { gmh: 'allow', bvt: 'allow', ...SIGNED_OUT } },
  { portal: 'landlord', method: 'GET', path: '/', allowStatus: 303, allowMeans: 'redirect to /referrals',
    expect: { gmh: 'allow', bvt: 'allow', ...SIGNED_OUT } },
  { portal: 'landlord', method: 'GET', path: '/referrals', allowStatus: 200,
    expect: { gmh: 'allow', bvt: 'allow', ...SIGNED_OUT } },
  { portal: 'landlord', method: 'GET', path: '/referrals/new', allowStatus: 200,
    expect: { gmh: 'allow', bvt: 'allow', ...SIGNED_OUT } },
  { portal: 'landlord', method: 'POST', path: '/referrals', allowStatus: 303, allowMeans: 'stored, redirect to the referral',
    form: true, body: () => ({ ...validReferral(), tenantInformed: 'true' }),
    expect: { gmh: 'allow', bvt: 'allow', ...SIGNED_OUT } },
  { portal: 'landlord', method: 'GET', path: '/referrals/:id', allowStatus: 200, params: (f) => ({ id: f.own.gmhReferralId }),
    expect: { gmh: 'allow', bvt: 'hidden', ...SIGNED_OUT } },
  // The landlord of an open case records its eviction procedure there (BvT is the landlord of
  // the foreign case, so it may record in general, but not on GMH's case).
  { portal: 'landlord', method: 'POST', path: '/api/referrals/:id/procedure-events', allowStatus: 201, allowMeans: 'the procedure step is stored',
    params: (f) => ({ id: f.own.gmhReferralId }), body: (f) => ({ kind: 'procedure_paused', eventDate: f.yesterday, note: 'Matrix: gepauzeerd' }),
    expect: { gmh: 'allow', bvt: 'hidden', ...SIGNED_OUT } },
  { portal: 'landlord', method: 'POST', path: '/referrals/:id/procedure-events', allowStatus: 303, allowMeans: 'stored, redirect to the referral', form: true,
    params: (f) => ({ id: f.own.gmhReferralId }), body: (f) => ({ kind: 'procedure_continued', eventDate: f.yesterday }),
    expect: { gmh: 'allow', bvt: 'hidden', ...SIGNED_OUT } },
  ...sessionRows('landlord'),
];

export const OCMW_ROWS: readonly RouteRow[] = [
  { portal: 'ocmw', method: 'POST', path: '/api/referrals', allowStatus: 201, allowMeans: 'the referral and its case are stored',
    body: (f) => validReferral({ landlordOrganisationId: f.orgs.gmh }),
    expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'allow', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'GET', path: '/api/referrals', allowStatus: 200,
    expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'allow', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'GET', path: '/api/referrals/:id', allowStatus: 200, params: (f) => ({ id: f.own.ocmwReferralId }),
    expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'hidden', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'GET', path: '/api/referral-options', allowStatus: 200,
    expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'allow', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'GET', path: '/', allowStatus: 303, allowMeans: 'redirect to /referrals',
    expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'allow', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'GET', path: '/referrals', allowStatus: 200,
    expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'allow', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'GET', path: '/referrals/new', allowStatus: 200,
    expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'allow', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'POST', path: '/referrals', allowStatus: 303, allowMeans: 'stored, redirect to the referral',
    form: true, body: (f) => ({ ...validReferral({ landlordOrganisationId: f.orgs.gmh }), tenantInformed: 'true' }),
    expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'allow', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'GET', path: '/referrals/:id', allowStatus: 200, params: (f) => ({ id: f.own.ocmwReferralId }),
    expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'hidden', ...SIGNED_OUT } },
  // The partner controllers are shared, but only a landlord records an eviction procedure.
  { portal: 'ocmw', method: 'POST', path: '/api/referrals/:id/procedure-events', params: (f) => ({ id: f.own.ocmwReferralId }),
    body: (f) => ({ kind: 'procedure_paused', eventDate: f.yesterday }),
    expect: { ocmwBeveren: 'deny', ocmwKruibeke: 'deny', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'POST', path: '/referrals/:id/procedure-events', form: true, params: (f) => ({ id: f.own.ocmwReferralId }),
    body: (f) => ({ kind: 'procedure_paused', eventDate: f.yesterday }),
    expect: { ocmwBeveren: 'deny', ocmwKruibeke: 'deny', ...SIGNED_OUT } },
  // Budget counselling: an OCMW answers the financial referrals addressed to it, and only those
  // (the fixtures are referrals of the own case to OCMW Beveren).
  { portal: 'ocmw', method: 'GET', path: '/api/financial-referrals', allowStatus: 200,
    expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'allow', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'GET', path: '/api/financial-referrals/:id', allowStatus: 200, params: async (f) => ({ id: await budgetReferral(f) }),
    expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'hidden', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'POST', path: '/api/financial-referrals/:id/accept', allowStatus: 200, allowMeans: 'the fresh referral is accepted',
    params: async (f) => ({ id: await freshFinancialReferral(f, 'pending') }), body: () => ({ version: 1 }),
    expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'hidden', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'POST', path: '/api/financial-referrals/:id/decline', allowStatus: 200, allowMeans: 'the fresh referral is declined',
    params: async (f) => ({ id: await freshFinancialReferral(f, 'pending') }), body: () => ({ version: 1, reason: 'Matrix: geen budgetbegeleiding' }),
    expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'hidden', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'POST', path: '/api/financial-referrals/:id/guidance-started', allowStatus: 200, allowMeans: 'the start of guidance is stored',
    params: async (f) => ({ id: await freshFinancialReferral(f, 'accepted') }), body: (f) => ({ version: 2, startedOn: f.yesterday, kind: 'budget_guidance' }),
    expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'hidden', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'POST', path: '/api/financial-referrals/:id/cost-advances', allowStatus: 201, allowMeans: 'the cost advance is stored',
    params: async (f) => ({ id: await freshFinancialReferral(f, 'accepted') }), body: costAdvanceBody,
    expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'hidden', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'GET', path: '/budget', allowStatus: 200,
    expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'allow', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'GET', path: '/budget/:id', allowStatus: 200, params: async (f) => ({ id: await budgetReferral(f) }),
    expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'hidden', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'POST', path: '/budget/:id/accept', allowStatus: 303, allowMeans: 'accepted, redirect to the referral', form: true,
    params: async (f) => ({ id: await freshFinancialReferral(f, 'pending') }), body: () => ({ version: '1' }),
    expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'hidden', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'POST', path: '/budget/:id/decline', allowStatus: 303, allowMeans: 'declined, redirect to the referral', form: true,
    params: async (f) => ({ id: await freshFinancialReferral(f, 'pending') }), body: () => ({ version: '1', reason: 'Matrix: geen budgetbegeleiding' }),
    expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'hidden', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'POST', path: '/budget/:id/guidance-started', allowStatus: 303, allowMeans: 'stored, redirect to the referral', form: true,
    params: async (f) => ({ id: await freshFinancialReferral(f, 'accepted') }), body: (f) => ({ version: '2', startedOn: f.yesterday, kind: 'budget_management' }),
    expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'hidden', ...SIGNED_OUT } },
  { portal: 'ocmw', method: 'POST', path: '/budget/:id/cost-advances', allowStatus: 303, allowMeans: 'stored, redirect to the referral', form: true,
    params: async (f) => ({ id: await freshFinancialReferral(f, 'accepted') }), body: costAdvanceBody,
    expect: { ocmwBeveren: 'allow', ocmwKruibeke: 'hidden', ...SIGNED_OUT } },
  ...sessionRows('ocmw'),
];

/**
 * Health, login and logout, the same on every portal. Login is sent without credentials (400):
 * it must be reachable without a session, and a real login would replace the caller's session.
 */
function sessionRows(portal: PortalName): RouteRow[] {
  const everyone = (outcome: Outcome, signedOut: Outcome = outcome) =>
    ({ ...Object.fromEntries(PERSONAS_OF_PORTAL[portal].map((p) => [p, outcome])), anonymous: signedOut, disabled: signedOut }) as never;
  return [
    { portal, method: 'GET', path: '/health', expect: everyone('public') },
    { portal, method: 'GET', path: '/health/live', expect: everyone('public') },
    { portal, method: 'GET', path: '/health/ready', expect: everyone('public') },
    { portal, method: 'POST', path: '/api/session', allowMeans: 'no credentials: 400 MISSING_CREDENTIALS', body: () => ({}), expect: everyone('public') },
    { portal, method: 'GET', path: '/api/session', expect: everyone('public') },
    { portal, method: 'DELETE', path: '/api/session', allowStatus: 204, allowMeans: 'logged out', endsSession: true, expect: everyone('allow', 'deny') },
    { portal, method: 'GET', path: '/login', expect: everyone('public') },
    { portal, method: 'POST', path: '/login', allowMeans: 'no credentials: the form again with 400', form: true, body: () => ({}), expect: everyone('public') },
    { portal, method: 'POST', path: '/logout', endsSession: true, expect: everyone('public') },
  ];
}


// ---------------------------------------------------------------------------------------------
// Budget counselling fixtures. The matrix fixture has no financial referrals, so these rows make
// their own, in SQL on this Jest worker's database (startPortals points DATABASE_URL at it): a
// financial consent for OCMW Beveren on the own case, and referrals of that case to Beveren.

const BUDGET_FIXTURE_PURPOSE = 'Matrix: budgetbegeleiding';
let budgetPool: Pool | undefined;
let budgetReferralId: Promise<string> | undefined;

function budgetSql(): Pool {
  budgetPool ??= new Pool({ connectionString: process.env.DATABASE_URL, max: 2, idleTimeoutMillis: 200, allowExitOnIdle: true });
  return budgetPool;
}

function financialReferralBody(): Record<string, unknown> {
  return { kind: 'budget_guidance', motivation: 'Matrix: betalingsachterstanden, de huurder vraagt hulp bij het budget' };
}

function costAdvanceBody(f: MatrixFixture): Record<string, unknown> {
  return { amount: '12.34', purpose: 'Matrix: energiefactuur', advancedOn: f.yesterday, repaymentTerms: 'Matrix: 5 euro per maand' };
}

/** An active consent of the own case's tenant that covers `financial` for OCMW Beveren. */
async function ensureFinancialConsent(f: MatrixFixture): Promise<void> {
  await budgetSql().query(
    `INSERT INTO consent (case_id, organisation_id, categories, purpose, given_how, given_on, expires_on, recorded_by)
     SELECT $1, $2, '{financial}', $3, 'oral', current_date - 1, current_date + 300, $4
      WHERE NOT EXISTS (SELECT 1 FROM consent WHERE case_id = $1 AND organisation_id = $2 AND purpose = $3)`,
    [f.own.caseId, f.orgs.ocmwBeveren, BUDGET_FIXTURE_PURPOSE, f.users.worker],
  );
}

/** The own case, with the consent and without an open referral to Beveren, so that referring succeeds. */
async function readyToReferToBeveren(f: MatrixFixture): Promise<Params> {
  await ensureFinancialConsent(f);
  await budgetSql().query(
    `UPDATE financial_referral SET status = 'declined', decline_reason = 'Matrix: ruimte voor een nieuwe doorverwijzing', version = version + 1
      WHERE case_id = $1 AND ocmw_organisation_id = $2 AND status IN ('pending', 'accepted')`,
    [f.own.caseId, f.orgs.ocmwBeveren],
  );
  return { caseId: f.own.caseId };
}

/**
 * A new referral of the own case to OCMW Beveren: pending (version 1) or accepted (version 2),
 * referred three days ago so that "guidance started yesterday" is after the referral.
 */
async function freshFinancialReferral(f: MatrixFixture, status: 'pending' | 'accepted'): Promise<string> {
  await ensureFinancialConsent(f);
  const { rows } = await budgetSql().query(
    `INSERT INTO financial_referral (case_id, ocmw_organisation_id, kind, motivation, status, referred_by, referred_at, answered_at, version)
     VALUES ($1, $2, 'budget_guidance', 'Matrix: hulp bij het budget gevraagd', $3::financial_referral_status, $4, now() - interval '3 days',
             CASE WHEN $3 = 'accepted' THEN now() END, CASE WHEN $3 = 'accepted' THEN 2 ELSE 1 END)
     RETURNING id`,
    [f.own.caseId, f.orgs.ocmwBeveren, status, f.users.worker],
  );
  return rows[0].id as string;
}

/** One referral to read, the same for every row that only reads. */
function budgetReferral(f: MatrixFixture): Promise<string> {
  budgetReferralId ??= freshFinancialReferral(f, 'pending');
  return budgetReferralId;
}

// ---------------------------------------------------------------------------------------------
// Notifications exist only through the deadline scan, so the rows that mark one read make their
// own in SQL on this Jest worker's database (startPortals points DATABASE_URL at it): a fresh,
// unread notification of `worker` about the own case for each request.

let notificationPool: Pool | undefined;

async function workerNotification(f: MatrixFixture): Promise<Params> {
  notificationPool ??= new Pool({ connectionString: process.env.DATABASE_URL, max: 1, idleTimeoutMillis: 200, allowExitOnIdle: true });
  const { rows } = await notificationPool.query(
    `INSERT INTO notification (user_id, kind, case_id, args, dedupe_key)
     SELECT $1, 'no_contact', c.id, jsonb_build_object('reference', c.reference, 'dueDate', to_char(current_date, 'YYYY-MM-DD')), 'matrix:' || gen_random_uuid()
       FROM case_file c WHERE c.id = $2
     RETURNING id`,
    [f.users.worker, f.own.caseId],
  );
  return { id: rows[0].id as string };
}
