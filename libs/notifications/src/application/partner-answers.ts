import type { EntityManager } from 'typeorm';

/**
 * What a partner can answer on a case (issue 9, the worker's day): the OCMW accepts or declines a
 * financial referral, reports that budget guidance started, records a cost it advanced; the
 * landlord records a step of its eviction procedure.
 */
export const PARTNER_ANSWER_KINDS = [
  'financial_referral_accepted',
  'financial_referral_declined',
  'budget_guidance_started',
  'cost_advance_recorded',
  'procedure_step_recorded',
] as const;
export type PartnerAnswerKind = (typeof PARTNER_ANSWER_KINDS)[number];

export interface PartnerAnswer {
  readonly kind: PartnerAnswerKind;
  readonly caseId: string;
  /** The answering organisation; its name is in the notice, nothing of the answer itself. */
  readonly organisationId: string;
  /** Unique per answer (e.g. the record's id and version): the same answer is told once. */
  readonly answerId: string;
}

/**
 * Tells the case's worker that a partner answered, as an in-app notification (e-mailed by the
 * next deadline scan), in the caller's transaction: the answer and its notice are stored together
 * or not at all. The notice names the case reference and the organisation, never the tenant or
 * what was answered (it may be e-mailed); the worker reads the answer on the case. A case without
 * an active worker tells no one.
 */
export async function tellWorkerOfPartnerAnswer(manager: EntityManager, answer: PartnerAnswer): Promise<void> {
  await manager.query(
    `INSERT INTO notification (user_id, kind, case_id, args, dedupe_key)
     SELECT c.assigned_worker_id, $2, c.id, jsonb_build_object('reference', c.reference, 'organisation', o.name), $4
       FROM case_file c
       JOIN user_account u ON u.id = c.assigned_worker_id AND u.disabled_at IS NULL
       JOIN organisation o ON o.id = $3
      WHERE c.id = $1
     ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
    [answer.caseId, answer.kind, answer.organisationId, `partner_answer:${answer.kind}:${answer.answerId}`],
  );
}
