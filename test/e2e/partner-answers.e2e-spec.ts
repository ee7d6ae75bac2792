import { Clock } from '@woonbrug/kernel';
import { DeadlineScan, NotificationMailer, type NotificationMail } from '@woonbrug/notifications';
import { Client } from 'pg';
import { startPortals, type Portals } from '../support/portals';
import { validReferral } from '../support/referral-fixtures';

/**
 * Partners' answers reach the worker (issue 9, the worker's day): every answer of the OCMW on a
 * financial referral (accepted, declined, guidance started, a cost advance) and every step the
 * landlord records in its eviction procedure becomes one unread notification for the case's
 * worker — nobody else — stored in the same transaction as the answer: a refused answer (stale
 * version, invalid input) tells no one. The notice names the case and the organisation, never the
 * tenant or what was answered (it is e-mailed).
 */
jest.setTimeout(90_000);

let portals: Portals;
let db: Client;
const users: Record<'worker' | 'worker2', string> = {} as never;
let ocmwBeveren: string;

function today(): string {
  return portals.apps.worker.get(Clock).today();
}

/** A case GMH referred in Beveren, accepted for `worker`: its ids, reference and tenant. */
async function activeCase(): Promise<{ caseId: string; referralId: string; reference: string; tenantName: string }> {
  const household = validReferral();
  const referral = await portals.http('landlord').post('/api/referrals').set('Cookie', await portals.login('gmh')).send(household).expect(201);
  const { case_id: caseId, reference } = (await db.query('SELECT r.case_id, c.reference FROM referral r JOIN case_file c ON c.id = r.case_id WHERE r.id = $1', [referral.body.id])).rows[0];
  await portals.http('worker').post(`/api/cases/${caseId}/accept`).set('Cookie', await portals.login('coordinator')).send({ workerId: users.worker }).expect(200);
  return { caseId, referralId: referral.body.id, reference, tenantName: household.tenantName as string };
}

/** A financial referral of the case to OCMW Beveren, under the tenant's consent: its id and version. */
async function financialReferral(caseId: string): Promise<{ id: string; version: number }> {
  const worker = await portals.login('worker');
  await portals
    .http('worker')
    .post(`/api/cases/${caseId}/consents`)
    .set('Cookie', worker)
    .send({ organisationId: ocmwBeveren, categories: ['financial'], purpose: 'Budgetbegeleiding', givenHow: 'written', givenOn: today() })
    .expect(201);
  const referred = await portals
    .http('worker')
    .post(`/api/cases/${caseId}/financial-referrals`)
    .set('Cookie', worker)
    .send({ kind: 'budget_guidance', motivation: 'Schulden bij energie en huur; de huurder vraagt hulp.' })
    .expect(201);
  return { id: referred.body.id, version: referred.body.version };
}

async function ocmw(path: string, body: Record<string, unknown>) {
  return portals.http('ocmw').post(`/api/financial-referrals/${path}`).set('Cookie', await portals.login('ocmwBeveren')).send(body);
}

/** The notifications stored for a case, oldest first. */
async function noticesOf(caseId: string): Promise<Array<{ user_id: string; kind: string; args: Record<string, unknown> }>> {
  return (await db.query('SELECT user_id, kind, args FROM notification WHERE case_id = $1 ORDER BY created_at, kind', [caseId])).rows;
}

/** The `<section>` of the start page whose heading has this id. */
function section(page: string, headingId: string): string {
  const start = page.indexOf(`id="${headingId}"`);
  expect(start).toBeGreaterThan(-1);
  return page.slice(start, page.indexOf('</section>', start));
}

beforeAll(async () => {
  portals = await startPortals();
  db = new Client({ connectionString: portals.databaseUrl });
  await db.connect();
  for (const row of (await db.query(`SELECT id, email FROM user_account WHERE email IN ('worker@woonbrug.example', 'worker2@woonbrug.example')`)).rows) {
    users[row.email === 'worker@woonbrug.example' ? 'worker' : 'worker2'] = row.id;
  }
  ocmwBeveren = (await db.query(`SELECT id FROM organisation WHERE name = 'OCMW Beveren'`)).rows[0].id;
});

afterAll(async () => {
  await db?.end();
  await portals?.close();
});

describe('the OCMW’s answers', () => {
  it('tell the case’s worker of each answer once, on the start page and in the API, and nobody else', async () => {
    const c = await activeCase();
    const referral = await financialReferral(c.caseId);
    expect(await noticesOf(c.caseId)).toEqual([]);

    const accepted = await ocmw(`${referral.id}/accept`, { version: referral.version });
    expect(accepted.status).toBe(200);
    // A stale answer is refused and tells no one.
    expect((await ocmw(`${referral.id}/guidance-started`, { version: referral.version, startedOn: today(), kind: 'budget_guidance' })).status).toBe(409);
    expect((await noticesOf(c.caseId)).map((n) => n.kind)).toEqual(['financial_referral_accepted']);

    const started = await ocmw(`${referral.id}/guidance-started`, { version: accepted.body.version, startedOn: today(), kind: 'budget_guidance' });
    expect(started.status).toBe(200);
    const advance = await ocmw(`${referral.id}/cost-advances`, { amount: '120.50', purpose: 'Energiefactuur', advancedOn: today(), repaymentTerms: '10 euro per maand' });
    expect(advance.status).toBe(201);
    // An invalid cost advance is refused and tells no one either.
    expect((await ocmw(`${referral.id}/cost-advances`, { amount: '0', purpose: 'Niets', advancedOn: today(), repaymentTerms: 'Geen' })).status).toBe(400);

    const notices = await noticesOf(c.caseId);
    expect(notices.map((n) => [n.user_id, n.kind])).toEqual([
      [users.worker, 'financial_referral_accepted'],
      [users.worker, 'budget_guidance_started'],
      [users.worker, 'cost_advance_recorded'],
    ]);
    // The case and the organisation, nothing of the tenant or of the answer.
    for (const n of notices) expect(n.args).toEqual({ reference: c.reference, organisation: 'OCMW Beveren' });

    const api = await portals.http('worker').get('/api/notifications').set('Cookie', await portals.login('worker'));
    expect(api.status).toBe(200);
    const mine = (api.body.items as Array<{ caseId: string; kind: string; organisation: string; readAt: string | null }>).filter((n) => n.caseId === c.caseId);
    expect(mine.map((n) => [n.kind, n.organisation, n.readAt]).sort()).toEqual([
      ['budget_guidance_started', 'OCMW Beveren', null],
      ['cost_advance_recorded', 'OCMW Beveren', null],
      ['financial_referral_accepted', 'OCMW Beveren', null],
    ]);

    const start = await portals.http('worker').get('/').set('Cookie', await portals.login('worker'));
    const unread = section(start.text, 'unread-heading');
    expect(unread).toContain(`Dossier ${c.reference}: OCMW Beveren aanvaardde de doorverwijzing voor budgetbegeleiding`);
    expect(unread).toContain(`Dossier ${c.reference}: OCMW Beveren meldt dat de budgetbegeleiding gestart is`);
    expect(unread).toContain(`href="/cases/${c.caseId}"`);
    expect(unread).not.toContain(c.tenantName);
    const english = await portals.http('worker').get('/?lang=en').set('Cookie', await portals.login('worker'));
    expect(section(english.text, 'unread-heading')).toContain(`Case ${c.reference}: OCMW Beveren accepted the referral for budget counselling`);

    // Another worker is told nothing.
    const colleague = await portals.http('worker').get('/api/notifications').set('Cookie', await portals.login('worker2'));
    expect(colleague.status).toBe(200);
    expect((colleague.body.items as Array<{ caseId: string }>).filter((n) => n.caseId === c.caseId)).toEqual([]);
    expect((await portals.http('worker').get('/').set('Cookie', await portals.login('worker2'))).text).not.toContain(c.reference);

    // Opening the case reads what its notices announced — the worker's own opening, not someone else's.
    const unreadOf = async (caseId: string) => (await db.query('SELECT count(*)::int AS n FROM notification WHERE case_id = $1 AND read_at IS NULL', [caseId])).rows[0].n;
    const other = await activeCase();
    const otherReferral = await financialReferral(other.caseId);
    expect((await ocmw(`${otherReferral.id}/decline`, { version: otherReferral.version, reason: 'Buiten ons werkgebied' })).status).toBe(200);
    expect(await unreadOf(other.caseId)).toBe(1);
    expect((await portals.http('worker').get(`/cases/${c.caseId}`).set('Cookie', await portals.login('coordinator'))).status).toBe(200);
    expect(await unreadOf(c.caseId)).toBe(3);
    expect((await portals.http('worker').get(`/cases/${c.caseId}`).set('Cookie', await portals.login('worker'))).status).toBe(200);
    expect(await unreadOf(c.caseId)).toBe(0);
    expect(await unreadOf(other.caseId)).toBe(1);
    expect(section((await portals.http('worker').get('/').set('Cookie', await portals.login('worker'))).text, 'unread-heading')).not.toContain(`Dossier ${c.reference}:`);
  });

  it('tells the worker of a decline without its reason, and e-mails the notice without the tenant', async () => {
    const c = await activeCase();
    const referral = await financialReferral(c.caseId);
    const reason = 'Huurder woont buiten ons werkgebied volgens het rijksregister';
    expect((await ocmw(`${referral.id}/decline`, { version: referral.version, reason })).status).toBe(200);
    const [notice] = await noticesOf(c.caseId);
    expect(notice).toEqual({ user_id: users.worker, kind: 'financial_referral_declined', args: { reference: c.reference, organisation: 'OCMW Beveren' } });

    const mails = jest.spyOn(portals.apps.worker.get(NotificationMailer), 'send');
    try {
      await portals.apps.worker.get(DeadlineScan).runOnce();
      const sent = mails.mock.calls.map(([mail]) => mail as NotificationMail).filter((m) => m.reference === c.reference);
      expect(sent.map((m) => [m.userId, m.kind, m.subject])).toEqual([[users.worker, 'financial_referral_declined', `Woonbrug: nieuws over dossier ${c.reference}`]]);
      expect(sent[0]!.text).toContain(`Dossier ${c.reference}: OCMW Beveren weigerde de doorverwijzing voor budgetbegeleiding`);
      expect(`${sent[0]!.subject}\n${sent[0]!.text}`).not.toContain(c.tenantName);
      expect(sent[0]!.text).not.toContain(reason);
    } finally {
      mails.mockRestore();
    }
  });
});

describe('the landlord’s procedure steps', () => {
  it('tell the case’s worker of each recorded step; a refused step tells no one', async () => {
    const c = await activeCase();
    const gmh = await portals.login('gmh');
    const future = await portals.http('landlord').post(`/api/referrals/${c.referralId}/procedure-events`).set('Cookie', gmh).send({ kind: 'judgment', eventDate: '2999-01-01' });
    expect(future.status).toBe(400);
    // Another landlord cannot record a step on GMH's referral, so tells no one either.
    expect((await portals.http('landlord').post(`/api/referrals/${c.referralId}/procedure-events`).set('Cookie', await portals.login('bvt')).send({ kind: 'judgment', eventDate: today() })).status).toBe(404);
    expect(await noticesOf(c.caseId)).toEqual([]);

    const step = await portals.http('landlord').post(`/api/referrals/${c.referralId}/procedure-events`).set('Cookie', gmh).send({ kind: 'claim_filed', eventDate: today(), note: 'Dagvaarding verstuurd.' });
    expect(step.status).toBe(201);
    expect(step.body).toMatchObject({ kind: 'claim_filed', eventDate: today(), note: 'Dagvaarding verstuurd.' });
    const gmhName = (await db.query(`SELECT o.name FROM organisation o JOIN user_account u ON u.organisation_id = o.id WHERE u.email = 'gmh@woonbrug.example'`)).rows[0].name;
    expect(await noticesOf(c.caseId)).toEqual([{ user_id: users.worker, kind: 'procedure_step_recorded', args: { reference: c.reference, organisation: gmhName } }]);
    const start = await portals.http('worker').get('/').set('Cookie', await portals.login('worker'));
    expect(section(start.text, 'unread-heading')).toContain(`Dossier ${c.reference}: ${gmhName} registreerde een stap in de uithuiszettingsprocedure`);
  });
});
