import SwaggerParser from '@apidevtools/swagger-parser';
import { PROBLEM_DETAILS_REF, PROBLEM_MEDIA_TYPE, registeredRoutes } from '@woonbrug/web';
import { ROUTE_ROWS } from '../support/route-rows';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@woonbrug/database';
import { Clock } from '@woonbrug/kernel';
import { sessionCookie, startPortals, type PortalName, type Portals } from '../support/portals';
import { withAcceptableCode } from '../support/second-factor';
import type { RouteRow } from '../support/authorization-rows';

/**
 * The OpenAPI documents (issue 9): each portal serves one at `/api/docs-json` that validates
 * (swagger-parser, OpenAPI 3) and documents exactly the JSON API routes the portal registered,
 * with the same methods. Every operation documents a success response and the errors it can
 * answer, as problem details (the one `ProblemDetails` schema): 401 everywhere (authentication is
 * a global guard), 404 where the path names a record, 403 where the authorization matrix
 * refuses a signed-in persona, 400 where the request carries input; and a request body schema
 * where the matrix sends a body.
 */
jest.setTimeout(120_000);

const PORTALS: readonly PortalName[] = ['worker', 'landlord', 'ocmw'];
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, unknown>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}
interface Operation {
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components?: { schemas?: Record<string, Schema & { properties?: Record<string, unknown> }> };
}

/**
 * Success responses still without a schema, by `<portal> <METHOD> <path>`: what is left to
 * describe. The list may only shrink: a new route without a response schema fails, and so does
 * an entry whose route got its schema (remove it then).
 */
const SUCCESS_SCHEMA_TODO: readonly string[] = [];

let portals: Portals;
const documents = {} as Record<PortalName, Document>;

beforeAll(async () => {
  portals = await startPortals({}, { ownDatabase: 'openapi' });
  for (const portal of PORTALS) {
    const res = await portals.http(portal).get('/api/docs-json');
    expect(res.status).toBe(200);
    documents[portal] = res.body as Document;
  }
});

afterAll(async () => {
  await portals?.close();
});

/** `/api/cases/:id` → `/api/cases/{id}`. */
function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function apiRoutes(portal: PortalName) {
  return registeredRoutes(portals.apps[portal]).filter((r) => r.path.startsWith('/api/') && !r.path.startsWith('/api/docs') && r.method !== 'HEAD' && r.method !== 'OPTIONS');
}

function rowOf(portal: PortalName, method: string, path: string): RouteRow | undefined {
  return ROUTE_ROWS[portal].find((r) => r.method === method && r.path === path);
}

function operations(doc: Document): Array<{ method: string; path: string; op: Operation }> {
  return Object.entries(doc.paths).flatMap(([path, item]) => METHODS.flatMap((m) => (item[m] ? [{ method: m.toUpperCase(), path, op: item[m]! }] : [])));
}

/** A schema that says something: a reference that resolves, or a type. */
function describes(doc: Document, schema: Schema | undefined): boolean {
  if (!schema) return false;
  if (schema.$ref) return Boolean(doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')]);
  if (schema.allOf || schema.oneOf || schema.anyOf) return [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].every((s) => describes(doc, s));
  if (schema.type === 'array') return describes(doc, schema.items);
  return typeof schema.type === 'string';
}

describe.each(PORTALS)('the OpenAPI document of the %s portal', (portal) => {
  it('validates as OpenAPI 3', async () => {
    const doc = documents[portal];
    expect(doc.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('lists every JSON API route the portal registered, with the same method, and no other', () => {
    const doc = documents[portal];
    const registered = apiRoutes(portal).map((r) => `${r.method} ${openApiPath(r.path)}`);
    expect(registered.length).toBeGreaterThan(5);
    const documented = operations(doc)
      .filter((o) => o.path.startsWith('/api/'))
      .map((o) => `${o.method} ${o.path}`);
    expect(registered.filter((r) => !documented.includes(r))).toEqual([]);
    expect(documented.filter((d) => !registered.includes(d))).toEqual([]);
  });

  it('has the one ProblemDetails schema', () => {
    const schema = documents[portal].components?.schemas?.ProblemDetails;
    expect(schema?.properties).toEqual(expect.objectContaining({ type: expect.anything(), title: expect.anything(), status: expect.anything(), code: expect.anything() }));
  });

  it('documents for every operation a success response, its errors as problem details, and its request body', () => {
    const doc = documents[portal];
    const gaps: string[] = [];
    const missingSchema: string[] = [];
    for (const route of apiRoutes(portal)) {
      const name = `${route.method} ${route.path}`;
      const op = doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase() as (typeof METHODS)[number]];
      if (!op) continue; // reported by the listing test
      const responses = op.responses ?? {};
      const statuses = Object.keys(responses);
      const success = statuses.filter((s) => /^[23]\d\d$/.test(s));
      if (success.length === 0) gaps.push(`${name}: no success response`);
      for (const s of success) {
        if (!responses[s]!.description) gaps.push(`${name}: ${s} without description`);
        if (s === '204' || /^3/.test(s)) continue;
        const content = responses[s]!.content ?? {};
        const described = Object.entries(content).some(([type, media]) => !type.includes('json') || describes(doc, media.schema));
        if (!described) missingSchema.push(`${portal} ${name}`);
      }

      for (const s of statuses.filter((x) => /^[45]\d\d$/.test(x))) {
        const content = responses[s]!.content ?? {};
        if (content[PROBLEM_MEDIA_TYPE]?.schema?.$ref !== PROBLEM_DETAILS_REF) gaps.push(`${name}: ${s} is not problem details`);
        if (!responses[s]!.description) gaps.push(`${name}: ${s} without description`);
      }

      const row = rowOf(portal, route.method, route.path);
      const required = new Set<string>(['401']);
      if (route.path.includes(':')) required.add('404');
      if (row && Object.entries(row.expect).some(([persona, outcome]) => outcome === 'deny' && persona !== 'anonymous' && persona !== 'disabled')) required.add('403');
      const takesInput = Boolean(row?.body) || Boolean(op.requestBody) || (op.parameters ?? []).some((p) => p.in === 'query');
      if (takesInput) required.add('400');
      for (const s of required) if (!statuses.includes(s)) gaps.push(`${name}: no ${s} response`);

      if (['POST', 'PUT', 'PATCH'].includes(route.method) && row?.body) {
        const content = op.requestBody?.content ?? {};
        if (!Object.values(content).some((media) => describes(doc, media.schema))) gaps.push(`${name}: no request body schema`);
      }
    }
    expect(gaps).toEqual([]);
    const todo = SUCCESS_SCHEMA_TODO.filter((t) => t.startsWith(`${portal} `));
    expect(missingSchema.filter((m) => !todo.includes(m))).toEqual([]);
    expect(todo.filter((t) => !missingSchema.includes(t))).toEqual([]);
  });

  it('gives examples for the properties of its request bodies', () => {
    const doc = documents[portal];
    const withoutExample: string[] = [];
    for (const { method, path, op } of operations(doc)) {
      for (const media of Object.values(op.requestBody?.content ?? {})) {
        const ref = media.schema?.$ref?.replace('#/components/schemas/', '');
        const schema = ref ? doc.components?.schemas?.[ref] : undefined;
        for (const [prop, def] of Object.entries(schema?.properties ?? {})) {
          const d = def as { example?: unknown; examples?: unknown; enum?: unknown; $ref?: string; items?: { $ref?: string; enum?: unknown }; default?: unknown };
          if (d.example === undefined && d.examples === undefined && !d.enum && !d.$ref && !d.items?.$ref && !d.items?.enum && d.default === undefined) {
            withoutExample.push(`${method} ${path}: ${ref}.${prop}`);
          }
        }
      }
    }
    expect(withoutExample).toEqual([]);
  });

  it('gives examples for the properties of its success responses', () => {
    const doc = documents[portal];
    const schemas = doc.components?.schemas ?? {};
    const withoutExample = new Set<string>();
    const seen = new Set<string>();
    /** Checks a component schema and, through its references, every schema it contains. */
    const visit = (ref: string | undefined): void => {
      const name = ref?.replace('#/components/schemas/', '');
      if (!name || seen.has(name)) return;
      seen.add(name);
      for (const [prop, def] of Object.entries(schemas[name]?.properties ?? {})) {
        const d = def as { example?: unknown; examples?: unknown; enum?: unknown; $ref?: string; items?: { $ref?: string; enum?: unknown }; allOf?: Schema[]; default?: unknown };
        const refs = [d.$ref, d.items?.$ref, ...(d.allOf ?? []).map((s) => s.$ref)].filter((r): r is string => Boolean(r));
        refs.forEach(visit);
        if (d.example === undefined && d.examples === undefined && !d.enum && !d.items?.enum && refs.length === 0 && d.default === undefined) {
          withoutExample.add(`${name}.${prop}`);
        }
      }
    };
    for (const { op } of operations(doc)) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (!/^2\d\d$/.test(status)) continue;
        for (const media of Object.values(response.content ?? {})) {
          visit(media.schema?.$ref);
          visit(media.schema?.items?.$ref);
        }
      }
    }
    expect([...withoutExample].sort()).toEqual([]);
  });
});

/**
 * Where a value departs from a dereferenced schema: an undeclared or missing required property,
 * or a value of another type. Enough to catch a documented shape that drifted from the real one.
 */
function drift(value: unknown, schema: DerefSchema | undefined, at: string): string[] {
  if (!schema) return [`${at}: no schema`];
  if (value === null) return schema.nullable || schema.enum?.includes(null) ? [] : [`${at}: null, but not nullable`];
  if (schema.allOf) return schema.allOf.flatMap((s) => drift(value, s, at));
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} not in enum`];
  switch (schema.type) {
    case 'array':
      return Array.isArray(value) ? value.flatMap((v, i) => drift(v, schema.items, `${at}[${i}]`)) : [`${at}: not an array`];
    case 'object':
    case undefined: {
      if (!schema.properties) return [];
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
      const record = value as Record<string, unknown>;
      return [
        ...Object.keys(record).filter((k) => !(k in schema.properties!)).map((k) => `${at}.${k}: not documented`),
        ...(schema.required ?? []).filter((k) => !(k in record)).map((k) => `${at}.${k}: required but missing`),
        ...Object.entries(record).flatMap(([k, v]) => (k in schema.properties! ? drift(v, schema.properties![k], `${at}.${k}`) : [])),
      ];
    }
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: not an integer`];
    default:
      return typeof value === schema.type ? [] : [`${at}: ${typeof value}, not ${schema.type}`];
  }
}

interface DerefSchema {
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, DerefSchema>;
  items?: DerefSchema;
  allOf?: DerefSchema[];
}

describe('documented response shapes match real responses', () => {
  /** The dereferenced 2xx JSON schema of an operation. */
  async function schemaOf(portal: PortalName, method: 'get' | 'post', path: string, status = '200'): Promise<DerefSchema | undefined> {
    const doc = (await SwaggerParser.dereference(structuredClone(documents[portal]) as never)) as unknown as Document;
    return doc.paths[path]?.[method]?.responses?.[status]?.content?.['application/json']?.schema as DerefSchema | undefined;
  }

  it('for the worker’s case, facts, consents, disclosures, care steps, procedure and financial referrals', async () => {
    const cookie = await portals.login('worker');
    const cases = await portals.http('worker').get('/api/cases?state=all').set('Cookie', cookie);
    expect(cases.status).toBe(200);
    expect(cases.body.items.length).toBeGreaterThan(0);
    expect(drift(cases.body, await schemaOf('worker', 'get', '/api/cases'), 'cases')).toEqual([]);
    const demo = (cases.body.items as Array<{ id: string; reference: string }>).find((c) => c.reference === 'DEMO-01')!;
    const checks: Array<[string, string]> = [
      [`/api/cases/${demo.id}/facts`, '/api/cases/{caseId}/facts'],
      [`/api/cases/${demo.id}/consents`, '/api/cases/{caseId}/consents'],
      [`/api/cases/${demo.id}/disclosures`, '/api/cases/{caseId}/disclosures'],
      [`/api/cases/${demo.id}/procedure-events`, '/api/cases/{caseId}/procedure-events'],
      [`/api/cases/${demo.id}/financial-referrals`, '/api/cases/{caseId}/financial-referrals'],
      ['/api/care-steps', '/api/care-steps'],
      [`/api/cases/${demo.id}`, '/api/cases/{id}'],
      [`/api/cases/${demo.id}/timeline`, '/api/cases/{caseId}/timeline'],
      [`/api/cases/${demo.id}/partner-view`, '/api/cases/{caseId}/partner-view'],
    ];
    for (const [url, path] of checks) {
      const res = await portals.http('worker').get(url).set('Cookie', cookie);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect({ url, drift: drift(res.body, await schemaOf('worker', 'get', path), 'body') }).toEqual({ url, drift: [] });
    }
  });

  it('for a referrer’s referrals and options, and the OCMW’s financial referrals', async () => {
    const checks: Array<[PortalName, 'gmh' | 'ocmwBeveren', string, string]> = [
      ['landlord', 'gmh', '/api/referrals', '/api/referrals'],
      ['landlord', 'gmh', '/api/referral-options', '/api/referral-options'],
      ['ocmw', 'ocmwBeveren', '/api/referrals', '/api/referrals'],
      ['ocmw', 'ocmwBeveren', '/api/financial-referrals', '/api/financial-referrals'],
    ];
    for (const [portal, persona, url, path] of checks) {
      const res = await portals.http(portal).get(url).set('Cookie', await portals.login(persona));
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect({ portal, url, drift: drift(res.body, await schemaOf(portal, 'get', path), 'body') }).toEqual({ portal, url, drift: [] });
    }
    const incoming = await portals.http('worker').get('/api/incoming-referrals').set('Cookie', await portals.login('coordinator'));
    expect(incoming.status).toBe(200);
    expect(incoming.body.items.length).toBeGreaterThan(0);
    const events = await portals.http('worker').get('/api/audit-events').set('Cookie', await portals.login('privacyOfficer'));
    expect(events.status).toBe(200);
    expect(events.body.items.length).toBeGreaterThan(0);
    expect(drift(events.body, await schemaOf('worker', 'get', '/api/audit-events'), 'events')).toEqual([]);
    expect(drift(incoming.body, await schemaOf('worker', 'get', '/api/incoming-referrals'), 'incoming')).toEqual([]);
    const list = await portals.http('landlord').get('/api/referrals').set('Cookie', await portals.login('gmh'));
    const first = (list.body.items as Array<{ id: string }>)[0]!;
    const one = await portals.http('landlord').get(`/api/referrals/${first.id}`).set('Cookie', await portals.login('gmh'));
    expect(one.status).toBe(200);
    expect(drift(one.body, await schemaOf('landlord', 'get', '/api/referrals/{id}'), 'referral')).toEqual([]);
  });

  it('for the session API: anonymous, a partner signed in at once, a login waiting for its code, the code', async () => {
    const email = (persona: string) => DEMO_ACCOUNTS.find((a) => a.persona === persona)!.email;
    const anonymous = await portals.http('landlord').get('/api/session');
    expect(anonymous.body).toEqual({ user: null, secondFactorPending: false });
    expect(drift(anonymous.body, await schemaOf('landlord', 'get', '/api/session'), 'anonymous')).toEqual([]);

    const partner = await portals.http('landlord').post('/api/session').send({ email: email('gmh'), password: DEMO_PASSWORD });
    expect(partner.status).toBe(200);
    expect(partner.body.user).toEqual(expect.objectContaining({ email: email('gmh'), role: 'landlord_agent' }));
    expect(drift(partner.body, await schemaOf('landlord', 'post', '/api/session'), 'login')).toEqual([]);
    const signedIn = await portals.http('landlord').get('/api/session').set('Cookie', sessionCookie(partner.headers['set-cookie']));
    expect(drift(signedIn.body, await schemaOf('landlord', 'get', '/api/session'), 'session')).toEqual([]);

    // worker2 logs in nowhere else in this file: its code needs no wait for a fresh time step.
    const pending = await portals.http('worker').post('/api/session').send({ email: email('worker2'), password: DEMO_PASSWORD });
    expect(pending.status).toBe(200);
    expect(pending.body).toEqual({ user: null, secondFactor: { enrolment: null } });
    expect(drift(pending.body, await schemaOf('worker', 'post', '/api/session'), 'pending')).toEqual([]);
    const halfway = sessionCookie(pending.headers['set-cookie']);
    const waiting = await portals.http('worker').get('/api/session').set('Cookie', halfway);
    expect(waiting.body).toEqual({ user: null, secondFactorPending: true });
    expect(drift(waiting.body, await schemaOf('worker', 'get', '/api/session'), 'waiting')).toEqual([]);
    const done = await withAcceptableCode(email('worker2'), (code) => portals.http('worker').post('/api/session/second-factor').set('Cookie', halfway).send({ code }));
    expect(done.status).toBe(200);
    expect(done.body.user).toEqual(expect.objectContaining({ email: email('worker2'), role: 'worker' }));
    expect(drift(done.body, await schemaOf('worker', 'post', '/api/session/second-factor'), 'second-factor')).toEqual([]);
  });

  it('for the tenant overview, with every section filled', async () => {
    const cookie = await portals.login('worker');
    const cases = await portals.http('worker').get('/api/cases?state=all').set('Cookie', cookie);
    const demo = (cases.body.items as Array<{ id: string; reference: string }>).find((c) => c.reference === 'DEMO-01')!;
    // What the demo case lacks: a procedure step, budget counselling, a withdrawal, a partner's read and a refused attempt.
    const detail = await portals.http('worker').get(`/api/cases/${demo.id}`).set('Cookie', cookie);
    const referralId = (detail.body.referrals as Array<{ id: string }>)[0]!.id;
    const gmh = await portals.login('gmh');
    const today = portals.apps.worker.get(Clock).today();
    await portals.http('landlord').post(`/api/referrals/${referralId}/procedure-events`).set('Cookie', gmh).send({ kind: 'procedure_paused', eventDate: today, note: 'Gepauzeerd' }).expect(201);
    await portals.http('landlord').get(`/api/referrals/${referralId}`).set('Cookie', gmh).expect(200);
    await portals.http('landlord').get(`/api/referrals/${referralId}`).set('Cookie', await portals.login('bvt')).expect(404);
    await portals.http('worker').post(`/api/cases/${demo.id}/financial-referrals`).set('Cookie', cookie).send({ kind: 'budget_guidance', motivation: 'Schulden bij de energieleverancier' }).expect(201);
    const consents = await portals.http('worker').get(`/api/cases/${demo.id}/consents`).set('Cookie', cookie);
    await portals.http('worker').post(`/api/consents/${(consents.body.items as Array<{ id: string }>)[0]!.id}/withdraw`).set('Cookie', cookie).send({}).expect(200);

    const res = await portals.http('worker').get(`/api/cases/${demo.id}/overview`).set('Cookie', cookie);
    expect(res.status).toBe(200);
    expect(res.body.case.reference).toBe('DEMO-01');
    const empty = Object.entries(res.body as Record<string, unknown>).filter(([, v]) => Array.isArray(v) && v.length === 0).map(([k]) => k);
    expect(empty).toEqual([]);
    expect(drift(res.body, await schemaOf('worker', 'get', '/api/cases/{caseId}/overview'), 'overview')).toEqual([]);
  });
});
