import { hash, Algorithm } from '@node-rs/argon2';
import type { DataSource, EntityManager } from 'typeorm';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD, type DemoOrganisationKey } from './demo-accounts';
import { HISTORICAL_CASES } from './historical-cases';

type Ids = Record<string, string>;

function key(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

async function insertCase(
  m: EntityManager,
  c: {
    reference: string;
    outreach: string;
    state: string;
    tenantName: string;
    address: string;
    municipality: string;
    worker: string | null;
    startedOn: string | null;
    closedOn?: string | null;
    outcome?: string | null;
    createdAt: string;
  },
): Promise<string> {
  const [row] = (await m.query(
    `INSERT INTO case_file (reference, outreach_organisation_id, state, tenant_name, tenant_name_key, address, address_key, municipality,
       assigned_worker_id, started_on, closed_on, outcome, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id`,
    [c.reference, c.outreach, c.state, c.tenantName, key(c.tenantName), c.address, key(c.address), c.municipality, c.worker, c.startedOn, c.closedOn ?? null, c.outcome ?? null, c.createdAt],
  )) as Array<{ id: string }>;
  return row!.id;
}

async function insertReferral(
  m: EntityManager,
  r: {
    caseId: string;
    referrerOrg: string;
    referrerUser: string;
    landlordOrg: string;
    tenantName: string;
    address: string;
    municipality: string;
    reason: string;
    noticeDate: string;
    hearingDate?: string | null;
    contact: string;
    context: string;
    createdAt: string;
  },
): Promise<void> {
  await m.query(
    `INSERT INTO referral (case_id, referrer_organisation_id, referrer_user_id, landlord_organisation_id, tenant_name, address, municipality,
       reason, notice_date, hearing_date, referrer_contact_name, context, tenant_informed, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, true, $13)`,
    [r.caseId, r.referrerOrg, r.referrerUser, r.landlordOrg, r.tenantName, r.address, r.municipality, r.reason, r.noticeDate, r.hearingDate ?? null, r.contact, r.context, r.createdAt],
  );
}

function daysFromToday(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Loads the demo organisations, accounts, the 17 historical trajectories and a few open cases.
 * Idempotent: does nothing when the demo outreach organisation exists. Refuses production.
 */
export async function seedDemo(db: DataSource, environment: string): Promise<'seeded' | 'already-present'> {
  if (environment === 'production') throw new Error('Refusing to load demo data in production');
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  return db.transaction(async (m) => {
    await m.query(`LOCK TABLE organisation IN EXCLUSIVE MODE`);
    const existing = (await m.query(`SELECT 1 FROM organisation WHERE name = $1`, [DEMO_ORGANISATIONS[0].name])) as unknown[];
    if (existing.length > 0) {
      // A demo database from before the second factor: give its demo accounts the published secrets.
      for (const a of DEMO_ACCOUNTS) {
        if ('secondFactorSecret' in a) await m.query(`UPDATE user_account SET second_factor_secret = $2 WHERE email = $1 AND second_factor_secret IS NULL`, [a.email, a.secondFactorSecret]);
      }
      return 'already-present' as const;
    }

    const org: Ids = {};
    for (const o of DEMO_ORGANISATIONS) {
      const [row] = (await m.query(
        `INSERT INTO organisation (name, kind, municipality, bound_by_professional_secrecy) VALUES ($1, $2, $3, $4) RETURNING id`,
        [o.name, o.kind, o.municipality, o.bound],
      )) as Array<{ id: string }>;
      org[o.key] = row!.id;
    }
    const user: Ids = {};
    for (const a of DEMO_ACCOUNTS) {
      const [row] = (await m.query(
        `INSERT INTO user_account (email, display_name, role, organisation_id, password_hash, phone, second_factor_secret) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [a.email, a.displayName, a.role, a.organisation ? org[a.organisation] : null, passwordHash, 'phone' in a ? a.phone : null, 'secondFactorSecret' in a ? a.secondFactorSecret : null],
      )) as Array<{ id: string }>;
      user[a.persona] = row!.id;
    }
    const referrerUser: Record<DemoOrganisationKey, string> = {
      outreach: user.coordinator!,
      gmh: user.gmh!,
      bvt: user.bvt!,
      ocmwBeveren: user.ocmwBeveren!,
      ocmwKruibeke: user.ocmwKruibeke!,
      ocmwTemse: user.ocmwTemse!,
    };

    // The 17 historical trajectories (DESIGN.md §5); every detail but year and outcome is invented.
    let n = 0;
    for (const h of HISTORICAL_CASES) {
      n += 1;
      const tenantName = `Fictieve huurder ${String(n).padStart(2, '0')} (historisch)`;
      const address = `Voorbeeldstraat ${n}`;
      const caseId = await insertCase(m, {
        reference: `${h.year}-H${String(n).padStart(2, '0')}`,
        outreach: org.outreach!,
        state: 'closed',
        tenantName,
        address,
        municipality: 'Beveren',
        worker: user[h.worker]!,
        startedOn: h.startedOn,
        closedOn: h.closedOn,
        outcome: h.outcome,
        createdAt: `${h.startedOn}T09:00:00Z`,
      });
      await insertReferral(m, {
        caseId,
        referrerOrg: org[h.referrer]!,
        referrerUser: referrerUser[h.referrer],
        landlordOrg: org.gmh!,
        tenantName,
        address,
        municipality: 'Beveren',
        reason: 'lease_termination_neglect',
        noticeDate: h.startedOn,
        contact: 'Contactpersoon (fictief)',
        context: 'Historisch traject uit het project 2011–2013; details verzonnen voor de demo.',
        createdAt: `${h.startedOn}T08:00:00Z`,
      });
    }

    // Open demo cases: two being handled, three waiting for the coordinator.
    const open = [
      { ref: 'DEMO-01', state: 'active', tenant: 'Jan Voorbeeld (demo)', address: 'Demostraat 1', municipality: 'Beveren', referrer: 'gmh', landlord: 'gmh', worker: 'worker', reason: 'lease_termination_neglect', started: -40, hearing: 12 },
      { ref: 'DEMO-02', state: 'active', tenant: 'Maria Fictief (demo)', address: 'Proefplein 7', municipality: 'Temse', referrer: 'bvt', landlord: 'bvt', worker: 'worker2', reason: 'nuisance', started: -20, hearing: null },
      { ref: 'DEMO-03', state: 'referred', tenant: 'Ahmed Verzonnen (demo)', address: 'Testlaan 3', municipality: 'Kruibeke', referrer: 'ocmwKruibeke', landlord: 'gmh', worker: null, reason: 'lease_termination_neglect', started: null, hearing: 30 },
      { ref: 'DEMO-04', state: 'referred', tenant: 'Jan Voorbeeld (demo)', address: 'Demostraat 1', municipality: 'Beveren', referrer: 'ocmwBeveren', landlord: 'gmh', worker: null, reason: 'lease_termination_neglect', started: null, hearing: 12 },
      { ref: 'DEMO-05', state: 'referred', tenant: 'Lotte Bedacht (demo)', address: 'Oefenweg 22', municipality: 'Temse', referrer: 'bvt', landlord: 'bvt', worker: null, reason: 'rent_arrears', started: null, hearing: null },
    ] as const;
    const openCaseIds: Record<string, string> = {};
    for (const [i, c] of open.entries()) {
      const createdAt = `${daysFromToday(c.started ?? -(3 - (i % 3)))}T10:00:00Z`;
      const caseId = await insertCase(m, {
        reference: c.ref,
        outreach: org.outreach!,
        state: c.state,
        tenantName: c.tenant,
        address: c.address,
        municipality: c.municipality,
        worker: c.worker ? user[c.worker]! : null,
        startedOn: c.started === null ? null : daysFromToday(c.started),
        createdAt,
      });
      openCaseIds[c.ref] = caseId;
      await insertReferral(m, {
        caseId,
        referrerOrg: org[c.referrer]!,
        referrerUser: referrerUser[c.referrer],
        landlordOrg: org[c.landlord]!,
        tenantName: c.tenant,
        address: c.address,
        municipality: c.municipality,
        reason: c.reason,
        noticeDate: daysFromToday((c.started ?? -5) - 20),
        hearingDate: c.hearing === null ? null : daysFromToday(c.hearing),
        contact: 'Contactpersoon (demo)',
        context: 'Verzonnen demodossier.',
        createdAt,
      });
    }

    // Sharing on DEMO-01: the tenant consented to share housing and status with GMH and financial
    // matters with OCMW Beveren; the worker disclosed housing to GMH. The financial fact stays
    // with the worker until it is disclosed to the OCMW.
    const demo = openCaseIds['DEMO-01']!;
    await m.query(`UPDATE case_file SET legal_basis = 'voluntary', next_review_on = $2 WHERE id = $1`, [demo, daysFromToday(10)]);
    // Where the open demo cases stand in the care continuum.
    const progress: Array<[string, string, number, 'worker' | 'worker2']> = [
      ['DEMO-01', 'introductory_visit', -38, 'worker'],
      ['DEMO-01', 'change_goals_agreed', -30, 'worker'],
      ['DEMO-01', 'guidance', -16, 'worker'],
      ['DEMO-02', 'introductory_visit', -18, 'worker2'],
    ];
    for (const [ref, step, days, by] of progress) {
      await m.query(`INSERT INTO case_step_transition (case_id, step, entered_on, recorded_by) VALUES ($1, $2, $3, $4)`, [openCaseIds[ref], step, daysFromToday(days), user[by]]);
      await m.query(`UPDATE case_file SET current_step = $2, last_contact_on = $3 WHERE id = $1`, [openCaseIds[ref], step, daysFromToday(days)]);
    }
    const facts = [
      ['status', 'Huisbezoeken lopen; de huurder werkt mee.', -30],
      ['housing', 'Keuken en badkamer opgeruimd; afvalzakken afgevoerd.', -14],
      ['financial', 'Schulden bij energieleverancier; budgetbegeleiding wordt besproken.', -7],
    ] as const;
    for (const [category, body, days] of facts) {
      await m.query(`INSERT INTO fact (case_id, category, body, occurred_on, created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $5)`, [
        demo,
        category,
        body,
        daysFromToday(days),
        user.worker,
      ]);
    }
    await m.query(
      `INSERT INTO consent (case_id, organisation_id, categories, purpose, given_how, given_on, expires_on, recorded_by)
       VALUES ($1, $2, '{housing,status}', 'Opvolging van de huuropzeg', 'written', $3, $4, $5),
              ($1, $6, '{financial}', 'Budgetbegeleiding', 'oral', $3, $4, $5)`,
      [demo, org.gmh, daysFromToday(-35), daysFromToday(330), user.worker, org.ocmwBeveren],
    );
    await m.query(
      `INSERT INTO disclosure (case_id, organisation_id, category, warning_confirmed, disclosed_by) VALUES ($1, $2, 'housing', true, $3)`,
      [demo, org.gmh, user.worker],
    );
    return 'seeded' as const;
  });
}
