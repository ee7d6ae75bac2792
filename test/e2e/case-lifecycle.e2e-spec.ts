import { CaseLifecycleService } from '@woonbrug/cases';
import { Clock } from '@woonbrug/kernel';
import { Client } from 'pg';
import { startPortals, type Portals } from '../support/portals';
import { validReferral } from '../support/referral-fixtures';

jest.setTimeout(90_000);

let portals: Portals;
let db: Client;
let gmhOrg: string;
let workerId: string;

/** Moves every portal's clock (the three apps are separate processes in production). */
function travelTo(date: string): void {
  for (const app of Object.values(portals.apps)) app.get(Clock).travelTo(date);
}

async function acceptedCase(overrides: Record<string, unknown> = {}) {
  const referral = await portals.http('landlord').post('/api/referrals').set('Cookie', await portals.login('gmh')).send(validReferral(overrides)).expect(201);
  const caseId = (await db.query('SELECT case_id FROM referral WHERE id = $1', [referral.body.id])).rows[0].case_id as string;
  const accepted = await portals.http('worker').post(`/api/cases/${caseId}/accept`).set('Cookie', await portals.login('coordinator')).send({ workerId }).expect(200);
  return { caseId, referralId: referral.body.id as string, version: accepted.body.version as number };
}

async function worker() {
  return portals.login('worker');
}

beforeAll(async () => {
  portals = await startPortals();
  db = new Client({ connectionString: portals.databaseUrl });
  await db.connect();
  gmhOrg = (await db.query(`SELECT id FROM organisation WHERE name LIKE 'GMH%'`)).rows[0].id;
  workerId = (await db.query(`SELECT id FROM user_account WHERE email = 'worker@woonbrug.example'`)).rows[0].id;
});

afterEach(() => {
  for (const app of Object.values(portals.apps)) app.get(Clock).reset();
});

afterAll(async () => {
  await db?.end();
  await portals?.close();
});

describe('the trajectory from referral to aftercare to closure', () => {
  it('walks the care continuum, refuses a long aftercare, closes at its end and ends partner access', async () => {
    travelTo('2026-12-01');
    const { caseId, referralId } = await acceptedCase({ noticeDate: '2026-10-01', hearingDate: '2026-12-20' });
    const cookie = await worker();
    let version = (await portals.http('worker').get(`/api/cases/${caseId}`).set('Cookie', cookie)).body.version as number;

    for (const step of ['introductory_visit', 'change_goals_agreed', 'guidance', 'evaluation']) {
      const moved = await portals.http('worker').post(`/api/cases/${caseId}/steps`).set('Cookie', cookie).send({ step, version, note: `stap ${step}` });
      expect({ step, status: moved.status }).toEqual({ step, status: 200 });
      expect(moved.body.currentStep).toBe(step);
      expect(moved.body.version).toBe(version + 1);
      version = moved.body.version;
    }
    const transitions = (await db.query('SELECT step, entered_on::text, recorded_by FROM case_step_transition WHERE case_id = $1 ORDER BY id', [caseId])).rows;
    expect(transitions.map((r) => r.step)).toEqual(['introductory_visit', 'change_goals_agreed', 'guidance', 'evaluation']);
    expect(transitions.every((r) => r.entered_on === '2026-12-01' && r.recorded_by === workerId)).toBe(true);

    // The landlord records its procedure; the worker sees it at once.
    const paused = await portals.http('landlord').post(`/api/referrals/${referralId}/procedure-events`).set('Cookie', await portals.login('gmh')).send({ kind: 'procedure_paused', eventDate: '2026-11-30', note: 'Procedure gepauzeerd zolang de begeleiding loopt.' });
    expect(paused.status).toBe(201);
    const seen = await portals.http('worker').get(`/api/cases/${caseId}/procedure-events`).set('Cookie', cookie);
    expect(seen.body.items.map((e: { kind: string }) => e.kind)).toEqual(['procedure_paused']);
    expect((await portals.http('landlord').post(`/api/referrals/${referralId}/procedure-events`).set('Cookie', await portals.login('bvt')).send({ kind: 'judgment', eventDate: '2026-11-30' })).status).toBeGreaterThanOrEqual(403);

    // Sharing while the case runs.
    await portals.http('worker').post(`/api/cases/${caseId}/consents`).set('Cookie', cookie).send({ organisationId: gmhOrg, categories: ['housing'], purpose: 'Opvolging', givenHow: 'written', givenOn: '2026-12-01' }).expect(201);
    await portals.http('worker').post(`/api/cases/${caseId}/facts`).set('Cookie', cookie).send({ category: 'housing', body: 'Woning in orde', occurredOn: '2026-12-01' }).expect(201);
    await portals.http('worker').post(`/api/cases/${caseId}/disclosures`).set('Cookie', cookie).send({ organisationId: gmhOrg, category: 'housing', confirmWarning: true }).expect(201);
    const during = await portals.http('landlord').get(`/api/referrals/${referralId}`).set('Cookie', await portals.login('gmh'));
    expect(during.body.facts.map((f: { body: string }) => f.body)).toEqual(['Woning in orde']);

    // Aftercare: at most three months.
    const tooLong = await portals.http('worker').post(`/api/cases/${caseId}/aftercare`).set('Cookie', cookie).send({ endsOn: '2027-03-02', version });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.code).toBe('AFTERCARE_TOO_LONG');
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'endsOn', code: 'AFTERCARE_TOO_LONG' })]);
    const started = await portals.http('worker').post(`/api/cases/${caseId}/aftercare`).set('Cookie', cookie).send({ endsOn: '2027-03-01', version });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ state: 'aftercare', aftercareEndsOn: '2027-03-01' });

    // On the last day it is still aftercare; the day after, the scheduled job closes it.
    travelTo('2027-03-01');
    expect(await portals.apps.worker.get(CaseLifecycleService).closeEndedAftercare()).not.toContain(caseId);
    travelTo('2027-03-02');
    expect(await portals.apps.worker.get(CaseLifecycleService).closeEndedAftercare()).toContain(caseId);
    const closed = (await db.query(`SELECT state, outcome, closed_on::text FROM case_file WHERE id = $1`, [caseId])).rows[0];
    expect(closed).toEqual({ state: 'closed', outcome: 'favourable', closed_on: '2027-03-02' });
    const consents = (await db.query(`SELECT expires_on::text FROM consent WHERE case_id = $1`, [caseId])).rows;
    expect(consents.every((c) => c.expires_on <= '2027-03-02')).toBe(true);

    // Partner access ends, except the final status.
    const after = await portals.http('landlord').get(`/api/referrals/${referralId}`).set('Cookie', await portals.login('gmh'));
    expect(after.body.handling).toMatchObject({ status: 'closed', outcome: 'favourable', closedOn: '2027-03-02' });
    expect(after.body.facts).toEqual([]);

    const timeline = await portals.http('worker').get(`/api/cases/${caseId}/timeline`).set('Cookie', cookie);
    const kinds = timeline.body.items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['referral', 'step', 'procedure', 'fact', 'consent', 'deadline', 'aftercare', 'closed']));
    const dates = timeline.body.items.map((e: { date: string }) => e.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('refuses a second save on a stale version (no lost update)', async () => {
    const { caseId, version } = await acceptedCase();
    const cookie = await worker();
    const first = await portals.http('worker').post(`/api/cases/${caseId}/steps`).set('Cookie', cookie).send({ step: 'introductory_visit', version });
    expect(first.status).toBe(200);
    const second = await portals.http('worker').post(`/api/cases/${caseId}/steps`).set('Cookie', cookie).send({ step: 'guidance', version });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('STALE_VERSION');
    expect(second.body.title).toMatch(/intussen gewijzigd/);
    const now = (await db.query('SELECT current_step, version FROM case_file WHERE id = $1', [caseId])).rows[0];
    expect(now).toEqual({ current_step: 'introductory_visit', version: version + 1 });
    expect((await db.query('SELECT count(*)::int AS n FROM case_step_transition WHERE case_id = $1', [caseId])).rows[0].n).toBe(1);
  });

  it('needs the last step before aftercare, and closes with an outcome and a handover', async () => {
    const { caseId, referralId, version } = await acceptedCase();
    const cookie = await worker();
    const early = await portals.http('worker').post(`/api/cases/${caseId}/aftercare`).set('Cookie', cookie).send({ endsOn: '2026-12-31', version });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('LAST_STEP_NOT_REACHED');
    const noHandover = await portals.http('worker').post(`/api/cases/${caseId}/close`).set('Cookie', cookie).send({ outcome: 'evicted', version });
    expect(noHandover.status).toBe(400);
    const closed = await portals.http('worker').post(`/api/cases/${caseId}/close`).set('Cookie', cookie).send({ outcome: 'evicted', handover: 'Doorverwezen naar het CAW.', version });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', outcome: 'evicted', handover: 'Doorverwezen naar het CAW.' });
    expect((await portals.http('landlord').get(`/api/referrals/${referralId}`).set('Cookie', await portals.login('gmh'))).body.handling.status).toBe('closed');
    // Only its worker closes a case.
    const other = await acceptedCase();
    expect((await portals.http('worker').post(`/api/cases/${other.caseId}/close`).set('Cookie', await portals.login('worker2')).send({ outcome: 'other', handover: 'x', version: other.version })).status).toBe(404);
    expect((await portals.http('worker').post(`/api/cases/${other.caseId}/close`).set('Cookie', await portals.login('coordinator')).send({ outcome: 'other', handover: 'x', version: other.version })).status).toBe(403);
  });

  it('reopens a closed case as a new trajectory linked to it, followed by the referrer', async () => {
    const { caseId, referralId, version } = await acceptedCase();
    const cookie = await worker();
    const closed = await portals.http('worker').post(`/api/cases/${caseId}/close`).set('Cookie', cookie).send({ outcome: 'refused_help', handover: 'Geen hulp gewenst.', version }).expect(200);
    const noReason = await portals.http('worker').post(`/api/cases/${caseId}/reopen`).set('Cookie', cookie).send({ version: closed.body.version });
    expect(noReason.status).toBe(400);
    const reopened = await portals.http('worker').post(`/api/cases/${caseId}/reopen`).set('Cookie', cookie).send({ reason: 'Nieuwe huuropzeg na herval.', version: closed.body.version });
    expect(reopened.status).toBe(201);
    expect(reopened.body).toMatchObject({ state: 'active', reopenedFrom: caseId, assignedWorkerId: workerId });
    expect(reopened.body.id).not.toBe(caseId);
    const list = await portals.http('landlord').get('/api/referrals').set('Cookie', await portals.login('gmh'));
    const mine = list.body.items.filter((r: { id: string; tenantName: string }) => r.tenantName === closed.body.tenantName);
    expect(mine.map((r: { handling: { status: string } }) => r.handling.status).sort()).toEqual(['closed', 'handled']);
    expect(mine.map((r: { id: string }) => r.id)).toContain(referralId);
  });
});
