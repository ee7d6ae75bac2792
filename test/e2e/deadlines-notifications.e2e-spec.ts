import { Logger } from '@nestjs/common';
import { Clock } from '@woonbrug/kernel';
import { DeadlineScan, NotificationMailer, type NotificationMail } from '@woonbrug/notifications';
import { Client } from 'pg';
import { startPortals, type Portals } from '../support/portals';
import { validReferral } from '../support/referral-fixtures';

/**
 * Deadlines and notifications (issue 4), with the worker portal's clock moved instead of waiting:
 * who sees which deadline, when it starts and stops showing, the scan that turns deadlines into
 * notifications (once, however often and on how many instances it runs) and closes ended
 * aftercare, and each user's own notifications.
 */
jest.setTimeout(120_000);

interface Deadline {
  kind: string;
  caseId: string;
  reference: string;
  tenantName: string;
  dueDate: string;
  daysLeft: number;
}

let portals: Portals;
let db: Client;
let clock: Clock;
let scan: DeadlineScan;
let users: Record<'worker' | 'worker2' | 'coordinator' | 'gmh', string>;
let gmhOrganisationId: string;
let notificationsBefore: string[] = [];

beforeAll(async () => {
  portals = await startPortals();
  db = new Client({ connectionString: portals.databaseUrl });
  await db.connect();
  clock = portals.apps.worker.get(Clock);
  scan = portals.apps.worker.get(DeadlineScan);
  const id = async (email: string) => (await db.query('SELECT id FROM user_account WHERE email = $1', [email])).rows[0].id as string;
  users = {
    worker: await id('worker@woonbrug.example'),
    worker2: await id('worker2@woonbrug.example'),
    coordinator: await id('coordinator@woonbrug.example'),
    gmh: await id('gmh@woonbrug.example'),
  };
  gmhOrganisationId = (await db.query(`SELECT id FROM organisation WHERE name LIKE 'GMH%'`)).rows[0].id;
  notificationsBefore = (await db.query('SELECT id FROM notification')).rows.map((r: { id: string }) => r.id);
});

afterEach(() => clock.reset());

afterAll(async () => {
  // The scans of this file notify about every case of the shared database at moved dates:
  // remove those notifications, so that later test files start as they would without this one.
  if (db) await db.query('DELETE FROM notification WHERE NOT (id = ANY($1::uuid[]))', [notificationsBefore]);
  await db?.end();
  await portals?.close();
});

async function refer(overrides: Record<string, unknown> = {}) {
  const res = await portals.http('landlord').post('/api/referrals').set('Cookie', await portals.login('gmh')).send(validReferral({ noticeDate: '2026-09-15', ...overrides }));
  expect(res.status).toBe(201);
  const row = (await db.query('SELECT c.id, c.reference, c.tenant_name FROM referral r JOIN case_file c ON c.id = r.case_id WHERE r.id = $1', [res.body.id])).rows[0];
  return { caseId: row.id as string, reference: row.reference as string, tenantName: row.tenant_name as string };
}

/** The coordinator accepts the case for `worker`; it starts on the worker portal's today. */
async function accept(caseId: string) {
  const res = await portals.http('worker').post(`/api/cases/${caseId}/accept`).set('Cookie', await portals.login('coordinator')).send({ workerId: users.worker });
  expect(res.status).toBe(200);
}

async function deadlinesOf(persona: 'worker' | 'worker2' | 'coordinator', caseId: string): Promise<Deadline[]> {
  const res = await portals.http('worker').get('/api/deadlines').set('Cookie', await portals.login(persona));
  expect(res.status).toBe(200);
  expect(res.body.today).toBe(clock.today());
  const items = res.body.items as Deadline[];
  // The whole list is in due-date order.
  expect(items.map((i) => i.dueDate)).toEqual([...items.map((i) => i.dueDate)].sort());
  return items.filter((i) => i.caseId === caseId);
}

async function recordProcedureEvent(caseId: string, kind: 'hearing_scheduled' | 'eviction_scheduled', eventDate: string) {
  await db.query(`INSERT INTO procedure_event (case_id, kind, event_date, organisation_id, recorded_by) VALUES ($1, $2, $3, $4, $5)`, [
    caseId,
    kind,
    eventDate,
    gmhOrganisationId,
    users.gmh,
  ]);
}

async function notificationsOfCase(caseId: string) {
  return (await db.query(`SELECT user_id, kind, dedupe_key, args, emailed_at FROM notification WHERE case_id = $1 ORDER BY user_id, kind`, [caseId])).rows as Array<{
    user_id: string;
    kind: string;
    dedupe_key: string;
    args: { reference: string; dueDate: string };
    emailed_at: Date | null;
  }>;
}

describe('the deadline list', () => {
  it('shows a hearing within 14 days to the case’s worker and the coordinator, not to another worker', async () => {
    const c = await refer({ hearingDate: '2027-03-10' });
    clock.travelTo('2027-02-20');
    await accept(c.caseId);

    clock.travelTo('2027-02-23');
    expect(await deadlinesOf('worker', c.caseId)).toEqual([]);

    clock.travelTo('2027-02-24');
    const expected = { kind: 'hearing', caseId: c.caseId, reference: c.reference, tenantName: c.tenantName, dueDate: '2027-03-10', daysLeft: 14 };
    expect(await deadlinesOf('worker', c.caseId)).toEqual([expected]);
    expect(await deadlinesOf('coordinator', c.caseId)).toEqual([expected]);
    expect(await deadlinesOf('worker2', c.caseId)).toEqual([]);

    clock.travelTo('2027-03-10');
    expect((await deadlinesOf('worker', c.caseId)).filter((d) => d.kind === 'hearing')).toMatchObject([{ dueDate: '2027-03-10', daysLeft: 0 }]);

    const page = await portals.http('worker').get('/deadlines').set('Cookie', await portals.login('worker'));
    expect(page.status).toBe(200);
    expect(page.text).toContain(c.reference);
    expect(page.text).toContain('Zitting bij de vrederechter');
    expect(page.text).toContain('href="/deadlines"');
    expect(page.text).toContain('href="/notifications"');
    const other = await portals.http('worker').get('/deadlines').set('Cookie', await portals.login('worker2'));
    expect(other.status).toBe(200);
    expect(other.text).not.toContain(c.reference);
  });

  it('takes the latest recorded hearing and eviction over the referral’s dates', async () => {
    const c = await refer({ hearingDate: '2027-03-10' });
    clock.travelTo('2027-02-20');
    await accept(c.caseId);
    // The landlord records a postponed hearing, then corrects it: the last one recorded counts.
    await recordProcedureEvent(c.caseId, 'hearing_scheduled', '2027-05-03');
    await recordProcedureEvent(c.caseId, 'hearing_scheduled', '2027-04-20');
    await recordProcedureEvent(c.caseId, 'eviction_scheduled', '2027-04-25');

    clock.travelTo('2027-02-24');
    expect((await deadlinesOf('worker', c.caseId)).filter((d) => d.kind === 'hearing' || d.kind === 'eviction')).toEqual([]);

    clock.travelTo('2027-04-12');
    const scheduled = (await deadlinesOf('worker', c.caseId)).filter((d) => d.kind === 'hearing' || d.kind === 'eviction');
    expect(scheduled.map((d) => [d.kind, d.dueDate, d.daysLeft])).toEqual([
      ['hearing', '2027-04-20', 8],
      ['eviction', '2027-04-25', 13],
    ]);
  });

  it('flags a referral not decided within 5 working days to the coordinator, not after 4 across a weekend', async () => {
    const c = await refer();
    // Referred on Thursday 3 December 2026: due Thursday 10 December, overdue from Friday.
    await db.query(`UPDATE case_file SET created_at = '2026-12-03T10:00:00+01:00' WHERE id = $1`, [c.caseId]);

    clock.travelTo('2026-12-09'); // Wednesday: 4 working days, across the weekend
    expect(await deadlinesOf('coordinator', c.caseId)).toEqual([]);
    clock.travelTo('2026-12-10'); // the due day itself
    expect(await deadlinesOf('coordinator', c.caseId)).toEqual([]);

    clock.travelTo('2026-12-11');
    expect(await deadlinesOf('coordinator', c.caseId)).toEqual([
      { kind: 'referral_not_accepted', caseId: c.caseId, reference: c.reference, tenantName: c.tenantName, dueDate: '2026-12-10', daysLeft: -1 },
    ]);
    // Nobody is assigned yet: the workers do not see it.
    expect(await deadlinesOf('worker', c.caseId)).toEqual([]);

    // The scan notifies the coordinator.
    expect((await scan.runOnce()).ran).toBe(true);
    expect((await notificationsOfCase(c.caseId)).map((n) => [n.user_id, n.kind, n.dedupe_key])).toEqual([
      [users.coordinator, 'referral_not_accepted', `referral_not_accepted:${c.caseId}:2026-12-10`],
    ]);

    // Once accepted, it is no longer waiting.
    await accept(c.caseId);
    expect((await deadlinesOf('coordinator', c.caseId)).filter((d) => d.kind === 'referral_not_accepted')).toEqual([]);
  });

  it('flags a case without a recorded contact for more than 14 days', async () => {
    const c = await refer({ hearingDate: undefined });
    clock.travelTo('2027-05-03');
    await accept(c.caseId);

    clock.travelTo('2027-05-17'); // 14 days: not yet
    expect(await deadlinesOf('worker', c.caseId)).toEqual([]);
    clock.travelTo('2027-05-18'); // 15 days
    expect(await deadlinesOf('worker', c.caseId)).toEqual([
      { kind: 'no_contact', caseId: c.caseId, reference: c.reference, tenantName: c.tenantName, dueDate: '2027-05-17', daysLeft: -1 },
    ]);
    expect(await deadlinesOf('coordinator', c.caseId)).toHaveLength(1);

    // A contact recorded on 10 May resets it.
    await db.query(`UPDATE case_file SET last_contact_on = '2027-05-10' WHERE id = $1`, [c.caseId]);
    expect(await deadlinesOf('worker', c.caseId)).toEqual([]);
  });

  it('refuses the privacy officer and the admin', async () => {
    for (const persona of ['privacyOfficer', 'admin'] as const) {
      const cookie = await portals.login(persona);
      expect((await portals.http('worker').get('/api/deadlines').set('Cookie', cookie)).status).toBe(403);
      expect((await portals.http('worker').get('/deadlines').set('Cookie', cookie)).status).toBe(403);
    }
  });
});

describe('aftercare, the scan and notifications', () => {
  let c: { caseId: string; reference: string; tenantName: string };
  let notificationId: string;

  beforeAll(async () => {
    c = await refer({ hearingDate: undefined });
    clock.travelTo('2027-06-01');
    await accept(c.caseId);
    clock.reset();
    // Aftercare from 1 June to 15 July 2027 (the lifecycle's own API is tested elsewhere).
    await db.query(
      `UPDATE case_file SET state = 'aftercare', aftercare_started_on = '2027-06-01', aftercare_ends_on = '2027-07-15', current_step = 'evaluation',
         last_contact_on = '2027-06-28' WHERE id = $1`,
      [c.caseId],
    );
  });

  it('reminds 14 days before aftercare ends', async () => {
    clock.travelTo('2027-06-30');
    expect((await deadlinesOf('worker', c.caseId)).filter((d) => d.kind === 'aftercare_end')).toEqual([]);
    clock.travelTo('2027-07-01');
    expect(await deadlinesOf('worker', c.caseId)).toEqual([
      { kind: 'aftercare_end', caseId: c.caseId, reference: c.reference, tenantName: c.tenantName, dueDate: '2027-07-15', daysLeft: 14 },
    ]);
  });

  it('notifies the worker once, however often and on how many instances the scan runs, and logs the e-mail without the tenant’s name', async () => {
    clock.travelTo('2027-07-01');
    const total = async () => (await db.query('SELECT count(*)::int AS n FROM notification')).rows[0].n as number;
    const before = await total();
    const logged: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'log').mockImplementation((message: unknown) => {
      logged.push(String(message));
    });
    const mails = jest.spyOn(portals.apps.worker.get(NotificationMailer), 'send');
    let both: Awaited<ReturnType<DeadlineScan['runOnce']>>[];
    try {
      // Two instances at once: one takes the lock, the other skips (or, if it comes later, finds
      // every notification there already).
      both = await Promise.all([scan.runOnce(), scan.runOnce()]);
    } finally {
      spy.mockRestore();
    }
    const sent = mails.mock.calls.map(([mail]) => mail as NotificationMail);
    mails.mockRestore();
    expect(both.some((r) => r.ran && r.today === '2027-07-01')).toBe(true);
    const createdCount = both.reduce((n, r) => n + r.notificationsCreated, 0);
    expect(createdCount).toBeGreaterThanOrEqual(1);
    expect(await total()).toBe(before + createdCount);
    const created = await notificationsOfCase(c.caseId);
    expect(created.map((n) => [n.user_id, n.kind, n.dedupe_key, n.args])).toEqual([
      [users.worker, 'aftercare_end', `aftercare_end:${c.caseId}:2027-07-15`, { reference: c.reference, dueDate: '2027-07-15' }],
    ]);
    // SMTP is not configured in the tests: the e-mail is logged (once) and counts as handled.
    expect(created[0]!.emailed_at).not.toBeNull();
    const line = `would e-mail user ${users.worker}: aftercare_end for case ${c.reference}`;
    expect(logged.filter((l) => l === line)).toHaveLength(1);
    expect(logged.join('\n')).not.toContain(c.tenantName);
    // The e-mail itself (in Dutch, the default language) names the case, never the tenant.
    const mail = sent.find((m) => m.reference === c.reference)!;
    expect(mail).toMatchObject({ userId: users.worker, to: 'worker@woonbrug.example', kind: 'aftercare_end', subject: `Woonbrug: nieuws over dossier ${c.reference}` });
    expect(mail.text).toContain(`Dossier ${c.reference}: de nazorg loopt af op`);
    expect(`${mail.subject}\n${mail.text}`).not.toContain(c.tenantName);

    // Running again changes nothing.
    const again = await scan.runOnce();
    expect(again).toMatchObject({ ran: true, notificationsCreated: 0, emailsHandled: 0 });
    expect(await total()).toBe(before + createdCount);
    expect(await notificationsOfCase(c.caseId)).toHaveLength(1);
  });

  it('lists the worker’s own notifications and marks one read; another user’s answers like a missing one', async () => {
    const worker = await portals.login('worker');
    // The list shows the newest 100; other test files sharing this database may have produced many
    // (at moved clocks, so with later timestamps): make this case's one the newest of all.
    await db.query(
      `UPDATE notification SET created_at = (SELECT max(created_at) FROM notification) + interval '1 minute' WHERE case_id = $1`,
      [c.caseId],
    );
    const list = await portals.http('worker').get('/api/notifications').set('Cookie', worker);
    expect(list.status).toBe(200);
    const mine = (list.body.items as Array<Record<string, unknown>>).find((n) => n.caseId === c.caseId)!;
    expect(mine).toMatchObject({ kind: 'aftercare_end', reference: c.reference, dueDate: '2027-07-15', readAt: null, organisation: null });
    expect(Object.keys(mine).sort()).toEqual(['caseId', 'createdAt', 'dueDate', 'id', 'kind', 'organisation', 'readAt', 'reference']);
    expect(JSON.stringify(list.body)).not.toContain(c.tenantName);
    notificationId = mine.id as string;
    const unreadBefore = list.body.unreadCount as number;
    expect(unreadBefore).toBeGreaterThanOrEqual(1);

    // Nobody else sees it, or can mark it: the same 404 as for an id that does not exist.
    for (const persona of ['worker2', 'coordinator', 'admin'] as const) {
      const cookie = await portals.login(persona);
      const theirs = await portals.http('worker').get('/api/notifications').set('Cookie', cookie);
      expect(theirs.status).toBe(200);
      expect((theirs.body.items as Array<{ id: string }>).map((n) => n.id)).not.toContain(notificationId);
      const refused = await portals.http('worker').post(`/api/notifications/${notificationId}/read`).set('Cookie', cookie);
      const missing = await portals.http('worker').post(`/api/notifications/00000000-0000-4000-8000-000000000000/read`).set('Cookie', cookie);
      expect(refused.status).toBe(404);
      expect(refused.body).toEqual(missing.body);
    }
    expect((await db.query('SELECT read_at FROM notification WHERE id = $1', [notificationId])).rows[0].read_at).toBeNull();

    const page = await portals.http('worker').get('/notifications').set('Cookie', worker);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Dossier ${c.reference}: de nazorg loopt af op`);
    expect(page.text).toContain(`action="/notifications/${notificationId}/read"`);

    const marked = await portals.http('worker').post(`/api/notifications/${notificationId}/read`).set('Cookie', worker);
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ id: notificationId, readAt: expect.any(String) });
    const after = await portals.http('worker').get('/api/notifications').set('Cookie', worker);
    expect(after.body.unreadCount).toBe(unreadBefore - 1);
    // Marking again keeps the first time.
    const again = await portals.http('worker').post(`/api/notifications/${notificationId}/read`).set('Cookie', worker);
    expect(again.body.readAt).toBe(marked.body.readAt);

    // The page's form does the same, then shows the list again.
    const other = await db.query(
      `INSERT INTO notification (user_id, kind, case_id, args, dedupe_key) VALUES ($1, 'no_contact', $2, $3, $4) RETURNING id`,
      [users.worker, c.caseId, { reference: c.reference, dueDate: '2027-06-20' }, `e2e:${c.caseId}:form`],
    );
    const form = await portals.http('worker').post(`/notifications/${other.rows[0].id}/read`).set('Cookie', worker).type('form').send({});
    expect(form.status).toBe(303);
    expect(form.headers.location).toBe(`/notifications?read=1#notification-${other.rows[0].id}`);
    expect((await db.query('SELECT read_at FROM notification WHERE id = $1', [other.rows[0].id])).rows[0].read_at).not.toBeNull();
  });

  it('closes the case once aftercare has ended', async () => {
    clock.travelTo('2027-07-15'); // the last day of aftercare
    expect((await scan.runOnce()).closedCaseIds).not.toContain(c.caseId);
    expect((await db.query('SELECT state FROM case_file WHERE id = $1', [c.caseId])).rows[0].state).toBe('aftercare');

    clock.travelTo('2027-07-16');
    const result = await scan.runOnce();
    expect(result.closedCaseIds).toContain(c.caseId);
    const closed = (await db.query(`SELECT state, outcome, to_char(closed_on, 'YYYY-MM-DD') AS closed_on FROM case_file WHERE id = $1`, [c.caseId])).rows[0];
    expect(closed).toEqual({ state: 'closed', outcome: 'favourable', closed_on: '2027-07-16' });
    // A closed case has no deadlines any more.
    expect(await deadlinesOf('worker', c.caseId)).toEqual([]);
  });
});
