import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Clock } from '@woonbrug/kernel';
import { Client } from 'pg';
import type { Response } from 'supertest';
import { startPortals, type Portals } from '../support/portals';
import { validReferral } from '../support/referral-fixtures';

/**
 * The tenant's overview (GDPR art. 15) over HTTP: the assigned worker gets it as a page, as JSON and
 * as a PDF; it lists what is stored, the consents and the withdrawal, every disclosure (a revoked
 * one too), and the partner organisations' reads (with their Belgian time) and refused attempts
 * from the disclosure log; a private note appears in none of the three forms; every export is
 * itself logged, and without the log nothing is sent. Nobody but the assigned worker gets it.
 */
jest.setTimeout(120_000);

const ROOT = resolve(__dirname, '..', '..');

/**
 * The text of a PDF, extracted by unpdf (PDF.js) in a child process: unpdf loads PDF.js as an ES
 * module, which Jest's CommonJS runtime cannot import.
 */
function pdfText(pdf: Buffer): Promise<string> {
  const script = `
    const { extractText, getDocumentProxy } = require('unpdf');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      try {
        const doc = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
        const { text } = await extractText(doc, { mergePages: true });
        process.stdout.write(text);
      } catch (e) { console.error(e); process.exitCode = 1; }
    });`;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`PDF text extraction failed (${code}): ${err}`))));
    child.stdin.end(pdf);
  });
}

/** Whitespace as a reader sees it: line breaks of the PDF (and HTML indentation) are spaces. */
const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

/** A Belgian time as the overview writes it (Dutch), computed here independently of the app. */
function belgianNl(instant: Date): string {
  return flat(new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(instant));
}

function binary(res: NodeJS.ReadableStream & { setEncoding?: unknown }, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

let portals: Portals;
let db: Client;
const org = { gmh: '', gmhName: '', ocmwBeveren: '', ocmwBeverenName: '' };
const fixture = {
  caseId: '',
  reference: '',
  tenantName: '',
  gmhReferralId: '',
  housingFact: '',
  agreementsFact: '',
  noteText: '',
  motivation: '',
  housingPurpose: '',
  financialPurpose: '',
};

const worker = () => portals.login('worker');
const overviewApi = (caseId = fixture.caseId) => `/api/cases/${caseId}/overview`;
const overviewPage = (caseId = fixture.caseId) => `/cases/${caseId}/overview`;
const overviewPdf = (caseId = fixture.caseId) => `/cases/${caseId}/overview.pdf`;

async function getPdf(cookie: string, caseId = fixture.caseId): Promise<Response> {
  return portals.http('worker').get(overviewPdf(caseId)).set('Cookie', cookie).buffer(true).parse(binary as never);
}

beforeAll(async () => {
  portals = await startPortals();
  db = new Client({ connectionString: portals.databaseUrl });
  await db.connect();
  for (const row of (await db.query('SELECT id, name FROM organisation')).rows as Array<{ id: string; name: string }>) {
    if (row.name.startsWith('GMH')) Object.assign(org, { gmh: row.id, gmhName: row.name });
    if (row.name === 'OCMW Beveren') Object.assign(org, { ocmwBeveren: row.id, ocmwBeverenName: row.name });
  }
  const workerId = (await db.query(`SELECT id FROM user_account WHERE email = 'worker@woonbrug.example'`)).rows[0].id as string;
  const today = portals.apps.worker.get(Clock).today();
  const unique = randomUUID().slice(0, 8);
  Object.assign(fixture, {
    housingFact: `Woning grondig opgeruimd ${unique}`,
    agreementsFact: `Afspraak: wekelijks huisbezoek ${unique}`,
    // Its own marker: the other texts share `unique`, the note's must appear nowhere else.
    noteText: `Privénotitie die nooit in het overzicht mag ${randomUUID()}`,
    motivation: `Schulden bij de energieleverancier ${unique}`,
    housingPurpose: `Opvolging huuropzeg ${unique}`,
    financialPurpose: `Budgetbegeleiding ${unique}`,
  });

  // A case referred by GMH (Beveren), accepted for persona `worker`.
  const household = validReferral({ context: `Woning sterk vervuild ${unique}` });
  const referral = await portals.http('landlord').post('/api/referrals').set('Cookie', await portals.login('gmh')).send(household).expect(201);
  fixture.gmhReferralId = referral.body.id as string;
  fixture.tenantName = household.tenantName as string;
  fixture.caseId = (await db.query('SELECT case_id FROM referral WHERE id = $1', [fixture.gmhReferralId])).rows[0].case_id as string;
  fixture.reference = (await db.query('SELECT reference FROM case_file WHERE id = $1', [fixture.caseId])).rows[0].reference as string;
  await portals.http('worker').post(`/api/cases/${fixture.caseId}/accept`).set('Cookie', await portals.login('coordinator')).send({ workerId }).expect(200);

  const w = await worker();
  const api = (path: string) => portals.http('worker').post(path).set('Cookie', w);
  // Consents: GMH (housing, status) and OCMW Beveren (financial, later withdrawn).
  await api(`/api/cases/${fixture.caseId}/consents`)
    .send({ organisationId: org.gmh, categories: ['housing', 'status'], purpose: fixture.housingPurpose, givenHow: 'written', givenOn: today })
    .expect(201);
  const financial = await api(`/api/cases/${fixture.caseId}/consents`)
    .send({ organisationId: org.ocmwBeveren, categories: ['financial'], purpose: fixture.financialPurpose, givenHow: 'oral', givenOn: today })
    .expect(201);
  // Facts, a disclosure of housing to GMH (kept) and of status (revoked).
  await api(`/api/cases/${fixture.caseId}/facts`).send({ category: 'housing', body: fixture.housingFact, occurredOn: today }).expect(201);
  await api(`/api/cases/${fixture.caseId}/facts`).send({ category: 'agreements', body: fixture.agreementsFact, occurredOn: today }).expect(201);
  await api(`/api/cases/${fixture.caseId}/disclosures`).send({ organisationId: org.gmh, category: 'housing', confirmWarning: true }).expect(201);
  const status = await api(`/api/cases/${fixture.caseId}/disclosures`).send({ organisationId: org.gmh, category: 'status' }).expect(201);
  await portals.http('worker').delete(`/api/disclosures/${status.body.id}`).set('Cookie', w).expect(204);
  // Budget counselling at OCMW Beveren, which opens it; then the financial consent is withdrawn.
  const budget = await api(`/api/cases/${fixture.caseId}/financial-referrals`).send({ kind: 'budget_guidance', motivation: fixture.motivation }).expect(201);
  await portals.http('ocmw').get(`/api/financial-referrals/${budget.body.id}`).set('Cookie', await portals.login('ocmwBeveren')).expect(200);
  await api(`/api/consents/${financial.body.id}/withdraw`).send({}).expect(200);
  // The landlord records a step of its procedure.
  await portals
    .http('landlord')
    .post(`/api/referrals/${fixture.gmhReferralId}/procedure-events`)
    .set('Cookie', await portals.login('gmh'))
    .send({ kind: 'procedure_paused', eventDate: today, note: `Gepauzeerd ${unique}` })
    .expect(201);
  // The worker's private note.
  await api(`/api/cases/${fixture.caseId}/notes`).send({ text: fixture.noteText }).expect(201);
  // GMH reads the referral on the landlord portal; BvT tries and is refused.
  await portals.http('landlord').get(`/api/referrals/${fixture.gmhReferralId}`).set('Cookie', await portals.login('gmh')).expect(200);
  await portals.http('landlord').get(`/api/referrals/${fixture.gmhReferralId}`).set('Cookie', await portals.login('bvt')).expect(404);
});

afterAll(async () => {
  await db?.end();
  await portals?.close();
});

/** GMH's read of the referral as the disclosure log holds it. */
async function gmhRead(): Promise<{ occurredAt: Date; fields: string[] }> {
  const { rows } = await db.query(
    `SELECT e.occurred_at, e.fields FROM audit_event e WHERE e.case_id = $1 AND e.organisation_id = $2 AND e.event_type = 'case.read' AND e.outcome = 'allowed' ORDER BY e.id`,
    [fixture.caseId, org.gmh],
  );
  expect(rows).toHaveLength(1);
  return { occurredAt: rows[0].occurred_at as Date, fields: rows[0].fields as string[] };
}

describe('the tenant’s overview', () => {
  it('gives the assigned worker the JSON view: stored data, consents, the withdrawal, disclosures and the partners’ reads', async () => {
    const res = await portals.http('worker').get(overviewApi()).set('Cookie', await worker());
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const o = res.body;
    expect(o.case).toMatchObject({ reference: fixture.reference, tenantName: fixture.tenantName, municipality: 'Beveren', state: 'active' });
    expect(o.case.worker).toMatchObject({ email: 'worker@woonbrug.example' });
    expect(o.referrals).toEqual([expect.objectContaining({ organisation: org.gmhName, reason: 'lease_termination_neglect', context: expect.stringContaining('Woning sterk vervuild') })]);
    expect(o.facts.map((f: { text: string }) => f.text)).toEqual(expect.arrayContaining([fixture.housingFact, fixture.agreementsFact]));
    expect(o.procedure).toEqual([expect.objectContaining({ kind: 'procedure_paused', organisation: org.gmhName })]);
    expect(o.budgetReferrals).toEqual([expect.objectContaining({ ocmw: org.ocmwBeverenName, status: 'pending', motivation: fixture.motivation })]);

    expect(o.consents).toHaveLength(2);
    expect(o.consents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ organisation: org.gmhName, categories: ['housing', 'status'], purpose: fixture.housingPurpose, givenHow: 'written', state: 'active', withdrawnAt: null }),
        expect.objectContaining({ organisation: org.ocmwBeverenName, categories: ['financial'], givenHow: 'oral', state: 'withdrawn', withdrawnAt: expect.any(String) }),
      ]),
    );
    expect(o.withdrawals).toEqual([expect.objectContaining({ organisation: org.ocmwBeverenName, categories: ['financial'], purpose: fixture.financialPurpose })]);
    expect(o.disclosures).toEqual([
      expect.objectContaining({ organisation: org.gmhName, category: 'housing', revokedAt: null }),
      expect.objectContaining({ organisation: org.gmhName, category: 'status', revokedAt: expect.any(String) }),
    ]);

    // The partners' reads, oldest first, from the disclosure log: GMH's with its exact time.
    const read = await gmhRead();
    const gmhReads = o.partnerAccess.filter((a: { organisation: string; action: string }) => a.organisation === org.gmhName && a.action === 'read');
    expect(gmhReads).toEqual([
      { occurredAt: read.occurredAt.toISOString(), organisation: org.gmhName, role: 'landlord_agent', action: 'read', subject: 'referral', categories: ['housing'], fields: read.fields },
    ]);
    expect(o.partnerAccess).toEqual(expect.arrayContaining([expect.objectContaining({ organisation: org.ocmwBeverenName, subject: 'financial_referral', role: 'ocmw_agent' })]));
    expect(o.partnerAccess.every((a: { role: string }) => a.role === 'landlord_agent' || a.role === 'ocmw_agent')).toBe(true);
    expect(o.deniedAttempts).toEqual([expect.objectContaining({ organisation: expect.stringMatching(/^BvT/), role: 'landlord_agent', action: 'read' })]);

    // No private note, in any form.
    expect(res.text).not.toContain(fixture.noteText);
    expect(Object.keys(o).sort()).toEqual(
      ['budgetReferrals', 'case', 'consents', 'deniedAttempts', 'disclosures', 'facts', 'generatedAt', 'madeBy', 'partnerAccess', 'procedure', 'referrals', 'steps', 'withdrawals'].sort(),
    );
    expect(res.text).not.toMatch(/privateNote|private_note|notes?Count/i);
  });

  it('gives the assigned worker a printable page in plain Dutch that lists GMH’s read with its Belgian time', async () => {
    const res = await portals.http('worker').get(overviewPage()).set('Cookie', await worker());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const text = flat(res.text);
    expect(text).toContain('Overzicht van uw gegevens');
    expect(text).toContain(`Dossier ${fixture.reference} — ${fixture.tenantName}`);
    expect(res.text).toContain('@media print');
    expect(res.text).toContain(`href="/cases/${fixture.caseId}/overview.pdf"`);
    expect(text).toContain('Ctrl+P');

    const accessSection = flat(res.text.split('id="overview-partnerAccess"')[1]!.split('</section>')[0]!);
    const when = belgianNl((await gmhRead()).occurredAt);
    expect(when).toMatch(/^\d{1,2} [a-z]+ \d{4} om \d{2}:\d{2}$/);
    expect(accessSection).toMatch(new RegExp(`<td>${when}</td>\\s*<td>${org.gmhName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</td>\\s*<td>Medewerker van de huisvestingsmaatschappij</td>\\s*<td>Opende de aanmelding\\. Onderwerpen: Uw woning\\.</td>`));
    expect(accessSection).toContain('uw naam');
    const denied = flat(res.text.split('id="overview-deniedAttempts"')[1]!.split('</section>')[0]!);
    expect(denied).toContain('BvT');

    for (const expected of [fixture.housingFact, fixture.agreementsFact, fixture.housingPurpose, fixture.financialPurpose, fixture.motivation, 'Nee, u trok ze in.', 'Alles over: Uw woning', 'Wordt nog gedeeld', 'De procedure werd stilgelegd']) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('vallen onder het beroepsgeheim en zijn geen deel van dit overzicht');
    expect(res.text).not.toContain(fixture.noteText);

    const english = await portals.http('worker').get(`${overviewPage()}?lang=en`).set('Cookie', await worker());
    expect(english.status).toBe(200);
    expect(flat(english.text)).toContain('Overview of your data');
  });

  it('gives the assigned worker a PDF, named after the case reference, whose text lists GMH’s read — and no private note', async () => {
    const res = await getPdf(await worker());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="woonbrug-overzicht-${fixture.reference}.pdf"`);
    expect(res.headers['content-disposition']).not.toContain(fixture.tenantName.split(' ')[1]!);
    expect(res.headers['cache-control']).toBe('no-store');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const text = flat(await pdfText(pdf));
    expect(text).toContain('Overzicht van uw gegevens');
    expect(text).toContain(fixture.tenantName);
    const when = belgianNl((await gmhRead()).occurredAt);
    expect(text).toMatch(new RegExp(`${when} Organisatie: ${org.gmhName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} Wie: Medewerker van de huisvestingsmaatschappij Wat: Opende de aanmelding\\.`));
    for (const expected of [fixture.housingFact, fixture.housingPurpose, fixture.financialPurpose, 'Nee, u trok ze in.', 'Alles over: Uw woning', 'Pogingen die geweigerd werden', 'BvT', 'bij één onderwerp', 'beroepsgeheim']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain(fixture.noteText);
    expect(text).not.toContain(fixture.noteText.split(' ').at(-1)!);
  });

  it('links the overview from the assigned worker’s case page', async () => {
    const res = await portals.http('worker').get(`/cases/${fixture.caseId}`).set('Cookie', await worker());
    expect(res.status).toBe(200);
    expect(res.text).toContain(`href="/cases/${fixture.caseId}/overview"`);
    expect(res.text).toContain('Overzicht voor de huurder');
  });

  it('logs every export (field names, never values), and sends nothing when it cannot be logged', async () => {
    const before = Number((await db.query(`SELECT coalesce(max(id), 0) AS id FROM audit_event`)).rows[0].id);
    const w = await worker();
    await portals.http('worker').get(overviewApi()).set('Cookie', w).expect(200);
    await portals.http('worker').get(overviewPage()).set('Cookie', w).expect(200);
    expect((await getPdf(w)).status).toBe(200);
    const { rows } = await db.query(`SELECT * FROM audit_event WHERE id > $1 AND event_type = 'export' ORDER BY id`, [before]);
    const workerUser = (await db.query(`SELECT id, organisation_id FROM user_account WHERE email = 'worker@woonbrug.example'`)).rows[0];
    expect(rows.map((r) => r.action)).toEqual(['export_json', 'export_html', 'export_pdf']);
    for (const row of rows) {
      expect(row).toMatchObject({ outcome: 'allowed', subject: 'tenant_overview', case_id: fixture.caseId, user_id: workerUser.id, organisation_id: workerUser.organisation_id, role: 'worker', portal: 'worker' });
      expect(row.fields).toEqual(expect.arrayContaining(['case.tenantName', 'partnerAccess[].occurredAt', 'consents[].purpose']));
    }
    const logged = JSON.stringify(rows);
    for (const value of [fixture.tenantName, fixture.housingFact, fixture.housingPurpose, fixture.noteText]) expect(logged).not.toContain(value);

    await db.query(`ALTER TABLE audit_event ADD CONSTRAINT e2e_overview_audit_down CHECK (false) NOT VALID`);
    try {
      const api = await portals.http('worker').get(overviewApi()).set('Cookie', w);
      expect(api.status).toBe(503);
      expect(api.body.code).toBe('AUDIT_UNAVAILABLE');
      const page = await portals.http('worker').get(overviewPage()).set('Cookie', w);
      const pdf = await getPdf(w);
      for (const refused of [api, page, pdf]) {
        expect(refused.status).toBe(503);
        expect(Buffer.isBuffer(refused.body) ? refused.body.toString('latin1') : refused.text).not.toContain(fixture.tenantName);
      }
      expect(pdf.headers['content-type']).not.toBe('application/pdf');
    } finally {
      await db.query(`ALTER TABLE audit_event DROP CONSTRAINT e2e_overview_audit_down`);
    }
  });

  it('refuses everyone but the assigned worker: another worker as for a missing case, other roles outright', async () => {
    const missing = randomUUID();
    const w2 = await portals.login('worker2');
    // Another worker: exactly what a missing case gives.
    for (const path of [overviewApi, overviewPage, overviewPdf]) {
      const other = await portals.http('worker').get(path()).set('Cookie', w2);
      const none = await portals.http('worker').get(path(missing)).set('Cookie', w2);
      expect(other.status).toBe(404);
      expect(other.text).toBe(none.text);
      expect(other.text).not.toContain(fixture.tenantName);
    }
    // Roles without the ability: 403 (no case content at all for them).
    for (const persona of ['coordinator', 'privacyOfficer', 'admin'] as const) {
      const cookie = await portals.login(persona);
      for (const path of [overviewApi, overviewPage, overviewPdf]) {
        const res = await portals.http('worker').get(path()).set('Cookie', cookie);
        expect(res.status).toBe(403);
        expect(res.text ?? '').not.toContain(fixture.tenantName);
      }
    }
    // Signed out, and with a partner's session (another portal's cookie): as anonymous.
    expect((await portals.http('worker').get(overviewApi())).status).toBe(401);
    expect((await portals.http('worker').get(overviewPage())).status).toBe(303);
    const gmhCookie = (await portals.login('gmh')).replace(/^woonbrug_landlord=/, 'woonbrug_worker=');
    expect((await portals.http('worker').get(overviewApi()).set('Cookie', gmhCookie)).status).toBe(401);
    // None of the refusals was logged as an export.
    const exports = (await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE event_type = 'export' AND subject = 'tenant_overview' AND role <> 'worker'`)).rows[0].n;
    expect(exports).toBe(0);
  });
});
