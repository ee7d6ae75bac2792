import { randomUUID } from 'node:crypto';
import { verifyAuditChain } from '@woonbrug/audit';
import { Clock } from '@woonbrug/kernel';
import { AnonymiseExpiredCases } from '@woonbrug/retention';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@woonbrug/database';
import { startPortals, type Portals } from '../support/portals';
import { validReferral } from '../support/referral-fixtures';

/**
 * Retention (issue 5): closed cases past the retention period are anonymised — every personal
 * trace gone from every table — while the yearly report stays exactly the same and the
 * disclosure log keeps a chain that verifies. On a database of its own: it anonymises the
 * historical demo cases that other test files show.
 */
jest.setTimeout(120_000);

let portals: Portals;
let db: Client;

const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function travelTo(date: string): void {
  for (const app of Object.values(portals.apps)) app.get(Clock).travelTo(date);
}

function runRetention() {
  return portals.apps.worker.get(AnonymiseExpiredCases).runOnce();
}

/** How many values in any text-like column of any table contain one of the needles. */
async function tracesOf(needles: readonly string[]): Promise<Array<{ table: string; column: string; needle: string }>> {
  const columns = (
    await db.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY', 'bytea')`,
    )
  ).rows as Array<{ table_name: string; column_name: string }>;
  const found: Array<{ table: string; column: string; needle: string }> = [];
  for (const { table_name, column_name } of columns) {
    const value = column_name === 'content' || column_name === 'ciphertext' || column_name === 'wrapped_key' ? `encode("${column_name}", 'escape')` : `"${column_name}"::text`;
    for (const needle of needles) {
      const hit = await db.query(`SELECT 1 FROM "${table_name}" WHERE position(lower($1) IN lower(${value})) > 0 LIMIT 1`, [needle]);
      if (hit.rowCount) found.push({ table: table_name, column: column_name, needle });
    }
  }
  return found;
}

/** A case with every kind of personal data, closed on `closeOn`. */
async function fullClosedCase() {
  const unique = randomUUID().slice(0, 8);
  const personal = {
    tenantName: `Retentia Voorbeeldig ${unique}`,
    address: `Bewaarstraat ${unique} bus 2`,
    referrerContactName: `Contact Bewaarder ${unique}`,
    referrerContactPhone: '03 765 43 21',
    referrerContactEmail: `bewaarder.${unique}@gmh.example`,
    context: `Context met geheim ${unique}`,
  };
  const gmh = await portals.login('gmh');
  const worker = await portals.login('worker');
  const referral = await portals.http('landlord').post('/api/referrals').set('Cookie', gmh).send(validReferral(personal)).expect(201);
  const caseId = (await db.query('SELECT case_id FROM referral WHERE id = $1', [referral.body.id])).rows[0].case_id as string;
  const workerId = (await db.query(`SELECT id FROM user_account WHERE email = 'worker@woonbrug.example'`)).rows[0].id as string;
  const orgs = Object.fromEntries((await db.query(`SELECT name, id FROM organisation`)).rows.map((r: { name: string; id: string }) => [r.name, r.id]));
  const gmhOrg = Object.entries(orgs).find(([name]) => name.startsWith('GMH'))![1];
  let version = (await portals.http('worker').post(`/api/cases/${caseId}/accept`).set('Cookie', await portals.login('coordinator')).send({ workerId }).expect(200)).body.version as number;

  const texts = {
    housing: `Woning: lekkend dak ${unique}`,
    financial: `Schuld bij energieleverancier ${unique}`,
    note: `Privénotitie ${unique}: vertrouwelijk gesprek`,
    purpose: `Opvolging huuropzeg ${personal.tenantName}`,
    withdrawalNote: `Ingetrokken na gesprek ${unique}`,
    handover: `Overgedragen aan CAW ${unique}`,
    step: `Huisbezoek ${unique}`,
  };
  for (const [category, body] of [['housing', texts.housing], ['financial', texts.financial]] as const) {
    await portals.http('worker').post(`/api/cases/${caseId}/facts`).set('Cookie', worker).send({ category, body, occurredOn: '2026-11-20' }).expect(201);
  }
  await portals.http('worker').post(`/api/cases/${caseId}/notes`).set('Cookie', worker).send({ text: texts.note }).expect(201);
  const consent = await portals
    .http('worker')
    .post(`/api/cases/${caseId}/consents`)
    .set('Cookie', worker)
    .send({ organisationId: gmhOrg, categories: ['housing'], purpose: texts.purpose, givenHow: 'written', givenOn: '2026-11-01' })
    .expect(201);
  await portals.http('worker').post(`/api/consents/${consent.body.id}/document`).set('Cookie', worker).attach('document', PNG_1X1, { filename: 'toestemming.png', contentType: 'image/png' }).expect(200);
  await portals.http('worker').post(`/api/cases/${caseId}/disclosures`).set('Cookie', worker).send({ organisationId: gmhOrg, category: 'housing', confirmWarning: true }).expect(201);
  // GMH reads what it was shown: the disclosure log gets events for this case.
  const seen = await portals.http('landlord').get(`/api/referrals/${referral.body.id}`).set('Cookie', gmh).expect(200);
  expect(seen.body.facts.map((f: { body: string }) => f.body)).toContain(texts.housing);
  await portals.http('worker').post(`/api/consents/${consent.body.id}/withdraw`).set('Cookie', worker).send({ note: texts.withdrawalNote }).expect(200);

  version = (await portals.http('worker').post(`/api/cases/${caseId}/steps`).set('Cookie', worker).send({ step: 'introductory_visit', version, note: texts.step }).expect(200)).body.version;
  await portals.http('worker').post(`/api/cases/${caseId}/close`).set('Cookie', worker).send({ outcome: 'favourable', handover: texts.handover, version }).expect(200);
  return { caseId, referralId: referral.body.id as string, personal, texts };
}

beforeAll(async () => {
  portals = await startPortals({ RETENTION_MONTHS: '60', RETENTION_SCAN_INTERVAL_SECONDS: '0' }, { ownDatabase: 'retention' });
  db = new Client({ connectionString: portals.databaseUrl });
  await db.connect();
});

afterEach(() => {
  for (const app of Object.values(portals.apps)) app.get(Clock).reset();
});

afterAll(async () => {
  await db?.end();
  await portals?.close();
});

describe('retention', () => {
  it('anonymises closed cases past the period, leaves no personal trace, keeps the yearly report and the audit chain', async () => {
    travelTo('2026-11-29');
    const fresh = await fullClosedCase();
    const everyText = [...Object.values(fresh.personal), ...Object.values(fresh.texts)];
    // The scan below finds what is there (notes are encrypted: their plaintext is never stored).
    const present = new Set((await tracesOf(everyText)).map((t) => t.needle));
    expect([...everyText].filter((t) => !present.has(t))).toEqual([fresh.texts.note]);

    // Before anything is anonymised: the disclosure log names the case, never its content. (The
    // consent's purpose is logged as the worker typed it — here with the tenant's name, which is
    // why retention erases it.)
    expect(Number((await db.query(`SELECT count(*) FROM audit_event WHERE case_id = $1`, [fresh.caseId])).rows[0].count)).toBeGreaterThan(3);
    const logged = (await db.query(`SELECT row_to_json(a)::text AS row FROM audit_event a`)).rows.map((r: { row: string }) => r.row).join('\n');
    for (const text of [fresh.texts.housing, fresh.texts.financial, fresh.texts.note, fresh.texts.withdrawalNote, fresh.personal.address, fresh.personal.context]) {
      expect(logged).not.toContain(text);
    }

    const coordinator = await portals.login('coordinator');
    const report = async () => {
      const json = await portals.http('worker').get('/api/reports/yearly').set('Cookie', coordinator).expect(200);
      const csv = await portals.http('worker').get('/reports/yearly.csv').set('Cookie', coordinator).expect(200);
      return { json: json.body as unknown, csv: csv.text };
    };
    const historicalNames = (await db.query(`SELECT tenant_name FROM case_file WHERE state = 'closed' AND closed_on < '2021-11-29'`)).rows.map(
      (r: { tenant_name: string }) => r.tenant_name,
    ) as string[];
    expect(historicalNames.length).toBe(17);
    const before = await report();
    // The report is the real one: the historical years of DESIGN.md §5 are in it.
    expect(before.csv).toContain('2012');
    expect(JSON.stringify(before.json)).toContain('2013');

    // Today: the 17 historical trajectories (closed 2011–2014) are past 60 months; the fresh case is not.
    const first = await runRetention();
    expect(first).toMatchObject({ ran: true, cutoff: '2021-11-29' });
    expect(first.anonymisedCaseIds).toHaveLength(17);
    expect(first.anonymisedCaseIds).not.toContain(fresh.caseId);
    expect(await tracesOf(historicalNames)).toEqual([]);
    expect((await db.query(`SELECT tenant_name FROM case_file WHERE id = $1`, [fresh.caseId])).rows[0].tenant_name).toBe(fresh.personal.tenantName);

    // Its last kept day, and the day after.
    travelTo('2031-11-29');
    expect((await runRetention()).anonymisedCaseIds).toEqual([]);
    travelTo('2031-11-30');
    const second = await runRetention();
    expect(second.anonymisedCaseIds).toEqual([fresh.caseId]);

    // Nothing personal is left anywhere in the database: not in the case, the referral, facts,
    // consents, forms, notes, notifications, nor in the disclosure log.
    expect(await tracesOf(everyText)).toEqual([]);
    for (const table of ['fact', 'private_note', 'case_data_key', 'consent_document', 'notification']) {
      expect((await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1`, [fresh.caseId])).rows[0].n).toBe(0);
    }
    const kept = (await db.query(`SELECT state, outcome, municipality, started_on::text, closed_on::text, anonymised_on::text, reference FROM case_file WHERE id = $1`, [fresh.caseId])).rows[0];
    expect(kept).toEqual({ state: 'closed', outcome: 'favourable', municipality: 'Beveren', started_on: '2026-11-29', closed_on: '2026-11-29', anonymised_on: '2031-11-30', reference: `ANON-${fresh.caseId}` });

    // The figures did not change.
    expect(await report()).toEqual(before);

    // The log keeps every event of the case, under the case's id (its pseudonym now), says that
    // it was anonymised, and still verifies.
    const events = (await db.query(`SELECT event_type, purpose, purpose_digest IS NOT NULL AS has_digest FROM audit_event WHERE case_id = $1 ORDER BY id`, [fresh.caseId])).rows;
    expect(events.map((e: { event_type: string }) => e.event_type)).toEqual(expect.arrayContaining(['consent.given', 'consent.withdrawn', 'case.read', 'retention.anonymised']));
    expect(events.filter((e: { purpose: string | null }) => e.purpose !== null)).toEqual([]);
    expect(events.filter((e: { event_type: string }) => e.event_type.startsWith('consent.')).every((e: { has_digest: boolean }) => e.has_digest)).toBe(true);
    const ds = new DataSource(buildDataSourceOptions(portals.databaseUrl));
    await ds.initialize();
    try {
      await expect(verifyAuditChain(ds)).resolves.toMatchObject({ ok: true });
    } finally {
      await ds.destroy();
    }

    // It leaves the worker's caseload (figures now, not work); its page names no one. Partners
    // find nothing personal either.
    const worker = await portals.login('worker');
    const caseload = await portals.http('worker').get('/api/cases?state=all').set('Cookie', worker).expect(200);
    expect(caseload.body.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(caseload.body)).not.toContain(fresh.caseId);
    const page = await portals.http('worker').get(`/cases/${fresh.caseId}`).set('Cookie', worker);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain(fresh.personal.tenantName);
    const gmhView = await portals.http('landlord').get(`/api/referrals/${fresh.referralId}`).set('Cookie', await portals.login('gmh'));
    expect(JSON.stringify(gmhView.body)).not.toContain(fresh.personal.tenantName);

    // Running again finds nothing left to do.
    expect((await runRetention()).anonymisedCaseIds).toEqual([]);
  });

  it('two instances at once anonymise each case once', async () => {
    await fullClosedCase();
    travelTo('2032-01-01');
    const [a, b] = await Promise.all([runRetention(), runRetention()]);
    const all = [...a.anonymisedCaseIds, ...b.anonymisedCaseIds];
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all).size).toBe(all.length);
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE event_type = 'retention.anonymised' AND case_id = ANY($1::uuid[])`, [all])).rows;
    expect(n).toBe(all.length);
  });
});
