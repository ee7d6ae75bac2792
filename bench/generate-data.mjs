/* eslint no-console: "off", no-restricted-properties: "off" */
/**
 * The generated region for the benchmark: 50 organisations (one outreach organisation, 20 social
 * landlords, 29 OCMWs), 2,000 users, and `cases` trajectories spread over 2011-2026 with their
 * referrals, ~10 facts and ~2 consents (with disclosures) per trajectory that has a worker, the
 * landlords' procedure steps, budget counselling, and one disclosure-log event per case (a valid
 * hash chain, so `audit:verify` passes on the benchmark database too).
 *
 * Everything is inserted in bulk: `INSERT … SELECT` over `generate_series` inside PostgreSQL, and
 * the audit chain (hashed in Node with the built `auditChainHash`) through `unnest` batches.
 * Ids are derived from the row number (`md5(…)::uuid`), so facts, consents and disclosures can
 * point at each other without a round trip, and a rerun makes the same data.
 *
 * "Hot" users, whose requests are measured, have the same workload at every size, so that sizes
 * compare the cost of a bigger database and not of a bigger answer:
 * - the hot worker holds 25 open cases (and a share of the closed history, which grows);
 * - the hot landlord refers 15 % of all cases (a big social landlord) and is the landlord of a
 *   quarter of the OCMWs' referrals: at 100k cases it holds ~1,000 live consents — the policy
 *   microbenchmark's "user with 1,000 consents";
 * - the coordinator's yearly report covers every case.
 */
import { requireBuilt } from './support.mjs';

export const BENCH_PASSWORD = 'Woonbrug-bench-2026';
/** The TOTP secret (base32) of every bench account that needs a second factor (worker portal roles). */
export const BENCH_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const EMAIL_DOMAIN = 'bench.woonbrug.example';
const LANDLORDS = 20;
const OCMWS = 29;
const USERS = 2000;
const WORKERS = 120;
const HOT_WORKER_OPEN_CASES = 25;

/** The benchmark's "today" is the real one (the apps' Clock reads the system time). */
function isoToday() {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Loads the data set into an empty, migrated database. Returns the time per step and the hot
 * users and records the benchmark reads.
 */
export async function generateData(client, cases) {
  const { hashPassword } = requireBuilt('libs/identity/src/infrastructure/password-hasher.js');
  const steps = [];
  const started = Date.now();
  const step = async (name, sql, params = []) => {
    const t = Date.now();
    const result = await client.query(sql, params);
    steps.push({ name, ms: Date.now() - t, rows: result.rowCount ?? 0 });
    return result;
  };
  const today = isoToday();

  // One argon2id hash (OWASP minimum, as the app hashes), shared by every account.
  let t = Date.now();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  steps.push({ name: 'hash one password', ms: Date.now() - t, rows: 1 });

  await client.query('BEGIN');
  await client.query(`SELECT setseed(0.4242)`);
  const bulk = await enterBulkMode(client);

  await step(
    'municipalities',
    `INSERT INTO municipality (name, postal_code)
     SELECT 'Benchgemeente ' || lpad(g::text, 2, '0'), (9200 + g)::text FROM generate_series(4, $1) g
     ON CONFLICT DO NOTHING`,
    [OCMWS],
  );
  await client.query(`CREATE TEMP TABLE bench_municipality AS
    SELECT row_number() OVER (ORDER BY (name NOT IN ('Beveren', 'Kruibeke', 'Temse')), name)::int AS idx, name FROM municipality`);

  await step(
    'organisations',
    `INSERT INTO organisation (id, name, kind, municipality, bound_by_professional_secrecy, created_at)
     SELECT md5('bench-org-outreach')::uuid, 'Bemoeizorg Regio vzw (bench)', 'outreach'::organisation_kind, 'Beveren', true, timestamptz '2010-06-01'
     UNION ALL
     SELECT md5('bench-org-landlord-' || g)::uuid, 'Huisvesting ' || lpad(g::text, 2, '0') || ' (bench)', 'landlord',
            (SELECT name FROM bench_municipality WHERE idx = 1 + (g % $2)), false, '2010-06-01'
       FROM generate_series(1, $1) g
     UNION ALL
     SELECT md5('bench-org-ocmw-' || g)::uuid, 'OCMW ' || m.name || ' (bench)', 'ocmw', m.name, true, timestamptz '2010-06-01'
       FROM generate_series(1, $2) g JOIN bench_municipality m ON m.idx = g`,
    [LANDLORDS, OCMWS],
  );
  // Partner organisations by index: 1..20 landlords (1 = the hot landlord), 21..49 OCMWs (OCMW of municipality idx - 20).
  await client.query(`CREATE TEMP TABLE bench_partner AS
    SELECT g AS idx, md5('bench-org-landlord-' || g)::uuid AS id, 'landlord'::text AS kind FROM generate_series(1, ${LANDLORDS}) g
    UNION ALL
    SELECT ${LANDLORDS} + g, md5('bench-org-ocmw-' || g)::uuid, 'ocmw' FROM generate_series(1, ${OCMWS}) g`);

  // Users: the coordinator, a privacy officer, an admin, 120 workers, the rest partner agents.
  await step(
    'users',
    `INSERT INTO user_account (id, email, display_name, role, organisation_id, password_hash, phone, created_at)
     SELECT md5('bench-user-coordinator')::uuid, 'coordinator@${EMAIL_DOMAIN}', 'Coördinator (bench)', 'coordinator'::user_role, md5('bench-org-outreach')::uuid, $1, '03 700 00 00', timestamptz '2010-06-01'
     UNION ALL
     SELECT md5('bench-user-privacy')::uuid, 'privacy@${EMAIL_DOMAIN}', 'Privacy (bench)', 'privacy_officer', md5('bench-org-outreach')::uuid, $1, NULL, '2010-06-01'
     UNION ALL
     SELECT md5('bench-user-admin')::uuid, 'admin@${EMAIL_DOMAIN}', 'Beheer (bench)', 'admin', NULL, $1, NULL, '2010-06-01'
     UNION ALL
     SELECT md5('bench-user-worker-' || g)::uuid, 'worker' || lpad(g::text, 3, '0') || '@${EMAIL_DOMAIN}', 'Bemoeizorger ' || g,
            'worker', md5('bench-org-outreach')::uuid, $1, '0470 00 ' || lpad(g::text, 4, '0'), '2010-06-01'
       FROM generate_series(1, $2) g
     UNION ALL
     SELECT md5('bench-user-partner-' || g)::uuid, 'partner' || lpad(g::text, 4, '0') || '@${EMAIL_DOMAIN}', 'Partner ' || g,
            (CASE WHEN p.kind = 'landlord' THEN 'landlord_agent' ELSE 'ocmw_agent' END)::user_role, p.id, $1, NULL, '2010-06-01'
       FROM generate_series(1, $3) g JOIN bench_partner p ON p.idx = 1 + ((g - 1) % (${LANDLORDS + OCMWS}))`,
    [passwordHash, WORKERS, USERS - 3 - WORKERS],
  );
  await client.query(`UPDATE user_account SET second_factor_secret = $1 WHERE role IN ('worker', 'coordinator', 'privacy_officer')`, [BENCH_TOTP_SECRET]);
  // Partner users per organisation, numbered from 1 within it (referrals name one of them).
  await client.query(`CREATE TEMP TABLE bench_partner_user AS
    SELECT organisation_id, row_number() OVER (PARTITION BY organisation_id ORDER BY email)::int AS n, id,
           count(*) OVER (PARTITION BY organisation_id)::int AS users_in_org
      FROM user_account WHERE role IN ('landlord_agent', 'ocmw_agent')`);
  await client.query(`CREATE INDEX ON bench_partner_user (organisation_id, n)`);

  // The shape of every case, decided once: state by age, municipality, referrer, landlord, worker.
  // The hot worker (worker 1) holds the 25 newest active cases; other open cases go round the
  // other workers; closed cases (the history) round all workers.
  await step(
    'plan cases',
    `CREATE TEMP TABLE bench_case AS
     WITH base AS (
       SELECT i, md5('bench-case-' || i)::uuid AS id,
              date '2011-01-03' + ((i - 1)::bigint * ($2::date - 10 - date '2011-01-03') / $1)::int AS created_on,
              random() AS r_state, random() AS r_outcome, random() AS r_ref, random() AS r_land, random() AS r_mun,
              random() AS r_misc
         FROM generate_series(1, $1) i
     ), staged AS (
       SELECT b.*,
              CASE
                WHEN $2::date - b.created_on > 400 THEN CASE WHEN b.r_state < 0.92 THEN 'closed' ELSE 'declined' END
                WHEN $2::date - b.created_on > 120 THEN CASE WHEN b.r_state < 0.40 THEN 'closed' WHEN b.r_state < 0.85 THEN 'active' WHEN b.r_state < 0.95 THEN 'aftercare' ELSE 'declined' END
                ELSE CASE WHEN b.r_state < 0.15 THEN 'referred' WHEN b.r_state < 0.85 THEN 'active' WHEN b.r_state < 0.95 THEN 'aftercare' ELSE 'declined' END
              END::case_state AS state,
              1 + floor(b.r_mun * ${OCMWS})::int AS mun_idx,
              -- 60 % of referrals come from landlords (a quarter of those from the hot landlord), 40 % from OCMWs.
              (b.r_ref < 0.6) AS by_landlord,
              CASE WHEN b.r_land < 0.25 THEN 1 ELSE 2 + floor((b.r_land - 0.25) / 0.75 * ${LANDLORDS - 1})::int END AS landlord_idx
         FROM base b
     ), ranked AS (
       SELECT s.*, CASE WHEN s.state IN ('active', 'aftercare')
                     THEN row_number() OVER (PARTITION BY s.state IN ('active', 'aftercare') ORDER BY (s.state = 'active') DESC, s.i DESC) END AS open_rank
         FROM staged s
     ), assigned AS (
       SELECT r.*, CASE
                WHEN r.state = 'closed' THEN 1 + (r.i % ${WORKERS})
                WHEN r.open_rank <= ${HOT_WORKER_OPEN_CASES} THEN 1
                WHEN r.open_rank IS NOT NULL THEN 2 + (r.open_rank % ${WORKERS - 1})::int
              END AS worker_idx
         FROM ranked r
     )
     SELECT a.i, a.id, a.created_on, a.r_outcome, a.r_misc, a.state, a.mun_idx, a.landlord_idx, m.name AS municipality,
            CASE WHEN a.worker_idx IS NOT NULL THEN md5('bench-user-worker-' || a.worker_idx)::uuid END AS worker_id,
            CASE WHEN a.by_landlord THEN 'landlord' ELSE 'ocmw' END AS referrer_kind,
            CASE WHEN a.by_landlord THEN md5('bench-org-landlord-' || a.landlord_idx)::uuid ELSE md5('bench-org-ocmw-' || a.mun_idx)::uuid END AS referrer_id,
            md5('bench-org-landlord-' || a.landlord_idx)::uuid AS landlord_id,
            -- The second consent: the OCMW of the municipality for a landlord's referral, the landlord for an OCMW's.
            CASE WHEN a.by_landlord THEN md5('bench-org-ocmw-' || a.mun_idx)::uuid ELSE md5('bench-org-landlord-' || a.landlord_idx)::uuid END AS second_id,
            CASE WHEN a.state IN ('active', 'aftercare', 'closed') THEN a.created_on + 5 END AS started_on,
            CASE WHEN a.state = 'closed' THEN least(a.created_on + 5 + 60 + floor(a.r_misc * 340)::int, $2::date - 1) END AS closed_on
       FROM assigned a JOIN bench_municipality m ON m.idx = a.mun_idx`,
    [cases, today],
  );
  await client.query(`ALTER TABLE bench_case ADD PRIMARY KEY (i)`);
  await client.query(`ANALYZE bench_case`);

  await step(
    'case_file',
    `INSERT INTO case_file (id, reference, outreach_organisation_id, state, tenant_name, tenant_name_key, address, address_key, municipality,
        assigned_worker_id, started_on, closed_on, outcome, decline_reason, decided_by, decided_at, created_at, updated_at,
        legal_basis, next_review_on, version, current_step, aftercare_started_on, aftercare_ends_on, last_contact_on)
     SELECT c.id, 'B' || extract(year FROM c.created_on)::int || '-' || lpad(c.i::text, 6, '0'), md5('bench-org-outreach')::uuid, c.state,
            'Huurder ' || c.i, 'huurder ' || c.i, 'Benchstraat ' || (c.i % 700) || ' bus ' || c.i, 'benchstraat ' || (c.i % 700) || ' bus ' || c.i,
            c.municipality, c.worker_id, c.started_on, c.closed_on,
            CASE WHEN c.state = 'closed' THEN (CASE WHEN c.r_outcome < 0.70 THEN 'favourable' WHEN c.r_outcome < 0.80 THEN 'evicted'
                 WHEN c.r_outcome < 0.88 THEN 'left_voluntarily' WHEN c.r_outcome < 0.95 THEN 'refused_help' ELSE 'other' END)::case_outcome END,
            CASE WHEN c.state = 'declined' THEN 'Enkel huurachterstal (bench)' END,
            CASE WHEN c.state <> 'referred' THEN md5('bench-user-coordinator')::uuid END,
            CASE WHEN c.state <> 'referred' THEN c.created_on + time '10:00' END,
            c.created_on + time '09:00' + (c.i % 480) * interval '1 minute', c.created_on + time '09:00',
            CASE WHEN c.state IN ('active', 'aftercare', 'closed') THEN (ARRAY['voluntary', 'court_imposed', 'agreed_with_landlord', NULL])[1 + (c.i % 4)]::legal_basis END,
            CASE WHEN c.state IN ('active', 'aftercare') THEN $1::date + (c.i % 60) - 10 END,
            1,
            CASE WHEN c.state IN ('active', 'aftercare', 'closed') THEN 'guidance' WHEN c.state = 'referred' THEN 'referral' END,
            CASE WHEN c.state = 'aftercare' THEN greatest(c.started_on, $1::date - 30) END,
            CASE WHEN c.state = 'aftercare' THEN greatest(c.started_on, $1::date - 30) + 80 END,
            CASE WHEN c.state IN ('active', 'aftercare') THEN greatest(c.started_on, $1::date - (c.i % 20)) END
       FROM bench_case c
      ORDER BY c.id`,
    [today],
  );

  await step(
    'referral',
    `INSERT INTO referral (id, case_id, referrer_organisation_id, referrer_user_id, landlord_organisation_id, tenant_name, address, municipality,
        reason, notice_date, claim_filed_on, hearing_date, eviction_date, referrer_contact_name, referrer_contact_phone, referrer_contact_email,
        context, tenant_informed, created_at)
     SELECT md5('bench-referral-' || c.i)::uuid, c.id, c.referrer_id, u.id, c.landlord_id, 'Huurder ' || c.i,
            'Benchstraat ' || (c.i % 700) || ' bus ' || c.i, c.municipality,
            (CASE WHEN c.r_misc < 0.70 THEN 'lease_termination_neglect' WHEN c.r_misc < 0.80 THEN 'rent_arrears' WHEN c.r_misc < 0.95 THEN 'nuisance' ELSE 'other' END)::referral_reason,
            c.created_on - 20, CASE WHEN c.i % 3 = 0 THEN c.created_on - 5 END, CASE WHEN c.i % 5 = 0 THEN c.created_on + 40 END, NULL,
            'Contact ' || c.i, '03 800 ' || lpad((c.i % 10000)::text, 4, '0'), 'contact' || (c.i % 100) || '@${EMAIL_DOMAIN}',
            'Aanmelding wegens verwaarlozing (bench)', true, c.created_on + time '09:00' + (c.i % 480) * interval '1 minute'
       FROM bench_case c
       JOIN bench_partner_user u ON u.organisation_id = c.referrer_id AND u.n = 1 + (c.i % u.users_in_org)
      ORDER BY 1`,
  );

  // ~10 facts per case with a worker (11 each: referred and declined cases have none).
  await step(
    'fact',
    `INSERT INTO fact (id, case_id, category, body, occurred_on, version, created_by, created_at, updated_by, updated_at)
     SELECT md5('bench-fact-' || c.i || '-' || k)::uuid, c.id, (ARRAY['status', 'housing', 'agreements', 'financial', 'health'])[1 + k % 5]::fact_category,
            'Vaststelling ' || k || ' bij huisbezoek: woning en afspraken opgevolgd (bench).', least(c.started_on + k * 9, $1::date),
            1, c.worker_id, least(c.started_on + k * 9, $1::date) + time '15:00', c.worker_id, least(c.started_on + k * 9, $1::date) + time '15:00'
       FROM bench_case c CROSS JOIN generate_series(0, 10) k
      WHERE c.worker_id IS NOT NULL
      ORDER BY 1`,
    [today],
  );

  // Two consents per case with a worker: the referrer, and the other party (OCMW or landlord).
  // Live for open cases; expired on closed ones. 4 % are withdrawn.
  await step(
    'consent',
    `INSERT INTO consent (id, case_id, organisation_id, categories, purpose, given_how, given_on, expires_on, recorded_by, recorded_at)
     SELECT md5('bench-consent-' || c.i || '-' || n)::uuid, c.id,
            CASE WHEN n = 1 THEN c.referrer_id ELSE c.second_id END,
            (CASE
               WHEN n = 1 AND c.referrer_kind = 'landlord' THEN ARRAY['status', 'housing', 'agreements']
               WHEN n = 1 THEN ARRAY['status', 'agreements', 'financial']
               WHEN c.referrer_kind = 'landlord' THEN ARRAY['agreements', 'financial']
               ELSE ARRAY['housing', 'agreements']
             END)::fact_category[],
            'Opvolging van de huuropzeg en de begeleiding (bench)', (CASE WHEN c.i % 4 = 0 THEN 'oral' ELSE 'written' END)::consent_given_how,
            least(c.started_on + 7, $1::date),
            CASE WHEN c.state IN ('active', 'aftercare') THEN greatest(c.started_on + 372, $1::date + 180) ELSE c.started_on + 372 END,
            c.worker_id, least(c.started_on + 7, $1::date) + time '11:00'
       FROM bench_case c CROSS JOIN generate_series(1, 2) n
      WHERE c.worker_id IS NOT NULL
      ORDER BY 1`,
    [today],
  );
  await step(
    'consent_withdrawal',
    `INSERT INTO consent_withdrawal (consent_id, withdrawn_at, recorded_by, note)
     SELECT md5('bench-consent-' || c.i || '-2')::uuid, c.started_on + 60 + time '12:00', c.worker_id, 'Ingetrokken (bench)'
       FROM bench_case c WHERE c.worker_id IS NOT NULL AND c.i % 25 = 7 AND c.started_on + 60 <= $1::date
      ORDER BY 1`,
    [today],
  );
  // Disclosures under each consent: two categories to the referrer, one to the other party, and
  // for 30 % of cases one single fact of the other party's second category. 4 % are revoked.
  await step(
    'disclosure',
    `INSERT INTO disclosure (id, case_id, organisation_id, category, fact_id, warning_confirmed, shared_secrecy_confirmed, disclosed_by, disclosed_at, revoked_by, revoked_at)
     SELECT md5('bench-disclosure-' || d.case_id || '-' || d.organisation_id || '-' || COALESCE(d.category, d.fact_id::text))::uuid, d.case_id, d.organisation_id, d.category::fact_category, d.fact_id, d.kind = 'landlord', d.kind = 'ocmw', d.worker_id, d.at,
            CASE WHEN d.revoked THEN d.worker_id END, CASE WHEN d.revoked THEN d.at + interval '30 days' END
       FROM (
         SELECT c.id AS case_id, c.referrer_id AS organisation_id, x.category, NULL::uuid AS fact_id, c.referrer_kind AS kind, c.worker_id,
                c.started_on + 8 + time '11:00' AS at, (c.i % 25 = 11) AS revoked
           FROM bench_case c CROSS JOIN LATERAL unnest(CASE WHEN c.referrer_kind = 'landlord' THEN ARRAY['housing', 'agreements'] ELSE ARRAY['agreements', 'financial'] END) x(category)
          WHERE c.worker_id IS NOT NULL
         UNION ALL
         SELECT c.id, c.second_id, CASE WHEN c.referrer_kind = 'landlord' THEN 'agreements' ELSE 'housing' END, NULL,
                CASE WHEN c.referrer_kind = 'landlord' THEN 'ocmw' ELSE 'landlord' END, c.worker_id, c.started_on + 8 + time '11:05', false
           FROM bench_case c WHERE c.worker_id IS NOT NULL
         UNION ALL
         -- fact k = 3 is financial, k = 2 agreements (categories cycle status, housing, agreements, financial, health)
         SELECT c.id, c.second_id, NULL, md5('bench-fact-' || c.i || '-' || CASE WHEN c.referrer_kind = 'landlord' THEN 3 ELSE 2 END)::uuid,
                CASE WHEN c.referrer_kind = 'landlord' THEN 'ocmw' ELSE 'landlord' END, c.worker_id, c.started_on + 8 + time '11:10', false
           FROM bench_case c WHERE c.worker_id IS NOT NULL AND c.i % 10 < 3
       ) d
      ORDER BY 1`,
  );

  // The landlord's eviction procedure on half of the cases with a worker.
  await step(
    'procedure_event',
    `INSERT INTO procedure_event (id, case_id, kind, event_date, note, organisation_id, recorded_by, recorded_at)
     SELECT md5('bench-procedure-' || c.i || '-' || e.kind)::uuid, c.id, e.kind::procedure_event_kind, e.event_date, NULL, c.landlord_id, u.id, c.started_on + 3 + time '14:00'
       FROM bench_case c
       JOIN bench_partner_user u ON u.organisation_id = c.landlord_id AND u.n = 1
       CROSS JOIN LATERAL (VALUES ('claim_filed', c.created_on - 5), ('hearing_scheduled', c.created_on + 40)) e(kind, event_date)
      WHERE c.worker_id IS NOT NULL AND c.i % 2 = 0
      ORDER BY 1`,
  );
  // Budget counselling by the OCMW of the municipality for 10 % of the cases with a worker.
  await step(
    'financial_referral',
    `INSERT INTO financial_referral (case_id, ocmw_organisation_id, kind, motivation, status, guidance_started_on, guidance_kind, referred_by, referred_at, answered_by, answered_at)
     SELECT c.id, md5('bench-org-ocmw-' || c.mun_idx)::uuid, 'budget_guidance', 'Schulden en huurachterstal (bench)', 'accepted',
            c.started_on + 30, 'budget_guidance', c.worker_id, c.started_on + 20 + time '10:00', u.id, c.started_on + 25 + time '10:00'
       FROM bench_case c JOIN bench_partner_user u ON u.organisation_id = md5('bench-org-ocmw-' || c.mun_idx)::uuid AND u.n = 1
      WHERE c.worker_id IS NOT NULL AND c.i % 10 = 4 AND c.started_on + 30 <= $1::date`,
    [today],
  );
  // One disclosure-log event per case, chained in Node with the application's own hash.
  t = Date.now();
  const audit = await loadAuditHistory(client);
  steps.push({ name: `audit_event (hash chain; ${audit.hashMs} ms hashing)`, ms: Date.now() - t, rows: audit.rows });

  t = Date.now();
  await bulk.restoreIndexes();
  steps.push({ name: 'build secondary indexes', ms: Date.now() - t, rows: bulk.indexCount });
  // The report's copy of the trajectories is kept by triggers, which the bulk load switched off.
  t = Date.now();
  await client.query('SELECT report_trajectory_rebuild()');
  steps.push({ name: 'report_trajectory (rebuilt)', ms: Date.now() - t, rows: 0 });
  await client.query('COMMIT');
  await client.query('RESET session_replication_role');

  t = Date.now();
  await client.query('VACUUM (ANALYZE)');
  steps.push({ name: 'vacuum analyze', ms: Date.now() - t, rows: 0 });

  const hot = await findHotRecords(client);
  return { loadMs: Date.now() - started, steps, hot };
}

/** Tables the generator fills in bulk. */
const BULK_TABLES = ['case_file', 'referral', 'fact', 'consent', 'consent_withdrawal', 'disclosure', 'procedure_event', 'financial_referral', 'audit_event'];

/**
 * Bulk-load settings for this session's transaction: foreign-key triggers off
 * (`session_replication_role = replica`; the generator writes consistent data by construction)
 * and the secondary indexes of the bulk tables dropped, to be rebuilt in one sorted pass each from
 * their own definitions (`pg_get_indexdef`), so the schema ends exactly as the migrations left it.
 * Primary keys and unique constraints stay; rows are inserted in key order.
 */
async function enterBulkMode(client) {
  try {
    await client.query(`SAVEPOINT bulk`);
    await client.query(`SET session_replication_role = replica`);
    await client.query(`RELEASE SAVEPOINT bulk`);
  } catch {
    await client.query(`ROLLBACK TO SAVEPOINT bulk`);
    process.stdout.write('[bench] not a superuser: foreign keys are checked row by row (slower load)\n');
  }
  await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
  const { rows: indexes } = await client.query(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY 1`,
    [BULK_TABLES],
  );
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
  return {
    indexCount: indexes.length,
    async restoreIndexes() {
      for (const index of indexes) await client.query(index.def);
    },
  };
}

/** The history of partner reads: one `case.read` per case, oldest first, hash-chained. */
async function loadAuditHistory(client) {
  const { auditChainHash } = requireBuilt('libs/audit/src/domain/audit-chain.js');
  const { toAuditRecord } = requireBuilt('libs/audit/src/domain/audit-event.js');
  const { rows } = await client.query(
    `SELECT c.id AS case_id, r.referrer_organisation_id AS organisation_id, r.referrer_user_id AS user_id,
            o.kind::text AS kind, c.created_at
       FROM case_file c JOIN referral r ON r.case_id = c.id JOIN organisation o ON o.id = r.referrer_organisation_id
      ORDER BY c.created_at, c.id`,
  );
  const [{ last }] = (await client.query(`SELECT (SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1) AS last`)).rows;
  let prev = last ?? null;
  let hashMs = 0;
  const BATCH = 10000;
  for (let offset = 0; offset < rows.length; offset += BATCH) {
    const hashStarted = Date.now();
    const batch = rows.slice(offset, offset + BATCH);
    const cols = { occurred: [], type: [], user: [], role: [], org: [], caseId: [], subject: [], fields: [], action: [], portal: [], address: [], corr: [], prev: [], hash: [] };
    for (const [j, r] of batch.entries()) {
      const record = toAuditRecord(
        {
          eventType: 'case.read',
          outcome: 'allowed',
          action: 'read',
          userId: r.user_id,
          role: r.kind === 'landlord' ? 'landlord_agent' : 'ocmw_agent',
          organisationId: r.organisation_id,
          caseId: r.case_id,
          subject: 'referral',
          fields: ['handling.status', 'id', 'municipality', 'submittedAt'],
          portal: r.kind,
          clientAddress: '127.0.0.1',
          correlationId: `bench-history-${offset + j}`,
        },
        new Date(r.created_at.getTime() + 3_600_000),
      );
      const hash = auditChainHash(prev, record);
      cols.occurred.push(record.occurredAt.toISOString());
      cols.type.push(record.eventType);
      cols.user.push(record.userId);
      cols.role.push(record.role);
      cols.org.push(record.organisationId);
      cols.caseId.push(record.caseId);
      cols.subject.push(record.subject);
      cols.fields.push(`{${record.fields.join(',')}}`);
      cols.action.push(record.action);
      cols.portal.push(record.portal);
      cols.address.push(record.clientAddress);
      cols.corr.push(record.correlationId);
      cols.prev.push(prev ? Buffer.from(prev).toString('hex') : null);
      cols.hash.push(hash.toString('hex'));
      prev = hash;
    }
    hashMs += Date.now() - hashStarted;
    await client.query(
      `INSERT INTO audit_event (occurred_at, event_type, outcome, user_id, role, organisation_id, case_id, subject, fields, action, portal,
          client_address, correlation_id, prev_hash, hash, canonical_version)
       SELECT o, t, 'allowed', u, r, g, c, s, f::text[], a, p, ad, co, decode(ph, 'hex'), decode(h, 'hex'), 2
         FROM unnest($1::timestamptz[], $2::text[], $3::uuid[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[],
                     $11::text[], $12::text[], $13::text[], $14::text[]) WITH ORDINALITY AS x(o, t, u, r, g, c, s, f, a, p, ad, co, ph, h, n)
        ORDER BY n`,
      [cols.occurred, cols.type, cols.user, cols.role, cols.org, cols.caseId, cols.subject, cols.fields, cols.action, cols.portal, cols.address, cols.corr, cols.prev, cols.hash],
    );
  }
  return { rows: rows.length, hashMs };
}

/** The users and records whose requests are measured. */
async function findHotRecords(client) {
  const one = async (sql, params = []) => {
    const { rows } = await client.query(sql, params);
    if (!rows[0]) throw new Error(`generated data lacks a hot record: ${sql}`);
    return rows[0];
  };
  const hotLandlordOrg = await one(`SELECT md5('bench-org-landlord-1')::uuid AS id`);
  const landlordUser = await one(
    `SELECT id, email FROM user_account WHERE organisation_id = $1 AND role = 'landlord_agent' ORDER BY email LIMIT 1`,
    [hotLandlordOrg.id],
  );
  // The newest active case the hot landlord referred, with live disclosures to it, procedure steps and budget guidance if any.
  const referral = await one(
    `SELECT r.id, r.case_id FROM referral r JOIN case_file c ON c.id = r.case_id
      WHERE r.referrer_organisation_id = $1 AND c.state = 'active'
        AND EXISTS (SELECT 1 FROM disclosure d WHERE d.case_id = c.id AND d.organisation_id = $1 AND d.revoked_at IS NULL)
        AND EXISTS (SELECT 1 FROM procedure_event p WHERE p.case_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM consent k JOIN consent_withdrawal w ON w.consent_id = k.id WHERE k.case_id = c.id)
      ORDER BY c.created_at DESC LIMIT 1`,
    [hotLandlordOrg.id],
  );
  const worker = await one(`SELECT id, email FROM user_account WHERE id = md5('bench-user-worker-1')::uuid`);
  // The worker's write target: one of its active cases that no partner reads in the benchmark.
  const factCase = await one(
    `SELECT c.id FROM case_file c WHERE c.assigned_worker_id = $1 AND c.state = 'active' AND c.id <> $2 ORDER BY c.created_at LIMIT 1`,
    [worker.id, referral.case_id],
  );
  const coordinator = await one(`SELECT id, email FROM user_account WHERE id = md5('bench-user-coordinator')::uuid`);
  const counts = await one(
    `SELECT (SELECT count(*) FROM case_file)::int AS cases, (SELECT count(*) FROM fact)::int AS facts, (SELECT count(*) FROM consent)::int AS consents,
            (SELECT count(*) FROM disclosure)::int AS disclosures, (SELECT count(*) FROM referral)::int AS referrals,
            (SELECT count(*) FROM user_account)::int AS users, (SELECT count(*) FROM organisation)::int AS organisations,
            (SELECT count(*) FROM audit_event)::int AS audit_events,
            (SELECT count(*) FROM case_file WHERE assigned_worker_id = $1 AND state IN ('referred', 'active', 'aftercare'))::int AS hot_worker_open_cases,
            (SELECT count(*) FROM referral WHERE referrer_organisation_id = $2)::int AS hot_landlord_referrals,
            (SELECT count(*) FROM consent k JOIN case_file c ON c.id = k.case_id AND c.state IN ('active', 'aftercare')
               LEFT JOIN consent_withdrawal w ON w.consent_id = k.id
              WHERE k.organisation_id = $2 AND w.consent_id IS NULL AND k.expires_on >= current_date)::int AS hot_landlord_live_consents`,
    [worker.id, hotLandlordOrg.id],
  );
  return {
    landlord: { ...landlordUser, organisationId: hotLandlordOrg.id },
    referralId: referral.id,
    referralCaseId: referral.case_id,
    worker,
    factCaseId: factCase.id,
    coordinator,
    counts,
  };
}
