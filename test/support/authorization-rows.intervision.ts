import { Pool } from 'pg';
import { ownCase, SIGNED_OUT, type MatrixFixture, type Params, type RouteRow } from './authorization-rows';

/**
 * Authorization rows of the peer-consultation routes (see authorization-rows.ts for the outcome
 * classes). Workers and coordinators of the outreach organisations take part; the privacy officer
 * and the admin have no ability on it at all (403). Only the case's assigned worker prepares a
 * summary from it (another worker and the coordinator get what a missing case gives); only the
 * author reads, edits and shares a draft; once shared, every peer reads it and answers.
 */

const PEERS_ONLY = { privacyOfficer: 'deny', admin: 'deny', ...SIGNED_OUT } as const;
/** The author only: a peer gets exactly what a missing summary gives. */
const AUTHOR = { worker: 'allow', worker2: 'hidden', coordinator: 'hidden', ...PEERS_ONLY } as const;
/** Every peer, any outreach organisation. */
const EVERY_PEER = { worker: 'allow', worker2: 'allow', coordinator: 'allow', ...PEERS_ONLY } as const;

// ---------------------------------------------------------------------------------------------
// The matrix fixture has no summaries, so these rows make their own, in SQL on this Jest worker's
// database (startPortals points DATABASE_URL at it): drafts and a shared summary of `worker`, made
// from the own case, with texts that hold nothing of it.

let pool: Pool | undefined;
let sharedSummaryId: Promise<string> | undefined;
let draftSummaryId: Promise<string> | undefined;

function sql(): Pool {
  pool ??= new Pool({ connectionString: process.env.DATABASE_URL, max: 2, idleTimeoutMillis: 200, allowExitOnIdle: true });
  return pool;
}

/** A new summary of `worker` (version 1), a draft or shared. */
async function summaryOfWorker(f: MatrixFixture, state: 'draft' | 'shared'): Promise<string> {
  const { rows } = await sql().query(
    `INSERT INTO intervision_summary (author_id, author_organisation_id, source_case_id, title, question, body, state, reference_date, shared_at)
     SELECT u.id, u.organisation_id, $2, 'Matrix: intervisievraag', 'Matrix: hoe pak ik dit aan?', 'Matrix: [naam] woont in een vervuilde woning.', $3::intervision_state,
            current_date, CASE WHEN $3 = 'shared' THEN now() END
       FROM user_account u WHERE u.id = $1
     RETURNING id`,
    [f.users.worker, f.own.caseId, state],
  );
  return rows[0].id as string;
}

const freshDraft = async (f: MatrixFixture): Promise<Params> => ({ id: await summaryOfWorker(f, 'draft') });
const draft = async (f: MatrixFixture): Promise<Params> => ({ id: await (draftSummaryId ??= summaryOfWorker(f, 'draft')) });
const shared = async (f: MatrixFixture): Promise<Params> => ({ id: await (sharedSummaryId ??= summaryOfWorker(f, 'shared')) });
const freshActiveCase = async (f: MatrixFixture): Promise<Params> => ({ caseId: (await f.fresh.activeCase()).caseId! });

const question = () => ({ question: 'Matrix: hoe krijg ik de huurder mee in een poetsplan?' });
const edit = (version: number | string) => () => ({ title: 'Matrix: bewerkte vraag', question: 'Matrix: wat nu?', body: 'Matrix: de situatie in het kort.', version });

export const INTERVISION_ROWS: readonly RouteRow[] = [
  // The list and the thread's reading: every peer.
  { portal: 'worker', method: 'GET', path: '/intervision', allowStatus: 200, expect: EVERY_PEER },
  { portal: 'worker', method: 'GET', path: '/api/intervision', allowStatus: 200, expect: EVERY_PEER },

  // Preparing from a case: its assigned worker only (the coordinator reads the case, but may not change it).
  { portal: 'worker', method: 'GET', path: '/cases/:caseId/intervision', allowStatus: 200, allowMeans: 'the preparation form', params: ownCase, expect: AUTHOR },
  { portal: 'worker', method: 'POST', path: '/cases/:caseId/intervision', allowStatus: 303, allowMeans: 'a draft is made, redirect to it', form: true,
    params: freshActiveCase, body: question, expect: AUTHOR },
  { portal: 'worker', method: 'POST', path: '/api/cases/:caseId/intervision', allowStatus: 201, allowMeans: 'a draft is made from the case',
    params: freshActiveCase, body: question, expect: AUTHOR },

  // A draft: its author only.
  { portal: 'worker', method: 'GET', path: '/intervision/:id', allowStatus: 200, params: draft, expect: AUTHOR },
  { portal: 'worker', method: 'GET', path: '/api/intervision/:id', allowStatus: 200, params: draft, expect: AUTHOR },
  { portal: 'worker', method: 'PATCH', path: '/api/intervision/:id', allowStatus: 200, allowMeans: 'the fresh draft has a new version',
    params: freshDraft, body: edit(1), expect: AUTHOR },
  { portal: 'worker', method: 'POST', path: '/intervision/:id', allowStatus: 303, allowMeans: 'saved, redirect to the summary', form: true,
    params: freshDraft, body: edit('1'), expect: AUTHOR },
  { portal: 'worker', method: 'POST', path: '/api/intervision/:id/share', allowStatus: 200, allowMeans: 'the fresh draft is shared',
    params: freshDraft, body: () => ({ version: 1 }), expect: AUTHOR },
  { portal: 'worker', method: 'POST', path: '/intervision/:id/share', allowStatus: 303, allowMeans: 'shared, redirect to the summary', form: true,
    params: freshDraft, body: () => ({ version: '1' }), expect: AUTHOR },

  // Answering a shared summary: every peer.
  { portal: 'worker', method: 'POST', path: '/api/intervision/:id/replies', allowStatus: 201, allowMeans: 'the answer is added',
    params: shared, body: () => ({ body: 'Matrix: probeer kleine stappen.' }), expect: EVERY_PEER },
  { portal: 'worker', method: 'POST', path: '/intervision/:id/replies', allowStatus: 303, allowMeans: 'added, redirect to the thread', form: true,
    params: shared, body: () => ({ body: 'Matrix: begin met één kamer.' }), expect: EVERY_PEER },
];
