import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@woonbrug/audit';
import { AppConfig } from '@woonbrug/config';
import { Clock } from '@woonbrug/kernel';
import { DataSource, type EntityManager } from 'typeorm';
import { REMOVED_BY_ANONYMISATION, retentionCutoff } from '../domain/retention-period';

/** The advisory lock that lets one instance at a time run retention (`hashtext` of this name). */
const RETENTION_LOCK = 'woonbrug:retention';
/** Cases anonymised per transaction: a failure loses one batch's work, never half a case. */
const BATCH = 100;

export interface RetentionRunResult {
  /** False when another instance held the lock: this one did nothing. */
  readonly ran: boolean;
  /** Cases closed or declined before this day were anonymised. */
  readonly cutoff: string;
  readonly anonymisedCaseIds: readonly string[];
}

/**
 * Retention (issue 5): anonymises every closed or declined case whose closing (or decision) lies
 * before the cutoff (today − `RETENTION_MONTHS`).
 *
 * Removed: the tenant's name and address, the case reference (a paper file could be found by
 * it), the referrer's contact person, every free text (context, reasons, handover, step and
 * procedure notes, consent purposes and withdrawal notes, budget motivation), the procedure's
 * dates (the notice date keeps its year), facts with their history (and the disclosures of single
 * facts), private notes with their data key, signed consent forms, cost advances and
 * notifications. In the disclosure log, the consent purposes of the case's events are erased;
 * the events themselves stay and name the case by its random id, the case's pseudonym now.
 *
 * Kept, so that the yearly figures do not change: start and closing dates, state, outcome,
 * municipality, legal basis, the outreach and referring organisations, the care steps taken and
 * which partner had consent for which categories when.
 *
 * Each batch is one transaction under an advisory lock and records one audit event per case, so
 * two instances never anonymise the same case, a crash loses nothing half-done, and running it
 * again finds nothing left to do.
 */
@Injectable()
export class AnonymiseExpiredCases {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  async runOnce(): Promise<RetentionRunResult> {
    const today = this.clock.today();
    const cutoff = retentionCutoff(today, this.config.RETENTION_MONTHS);
    const anonymised: string[] = [];
    for (;;) {
      const batch = await this.db.transaction(async (m) => {
        const [lock] = (await m.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [RETENTION_LOCK])) as Array<{ locked: boolean }>;
        if (!lock?.locked) return null;
        const ids = await this.expiredCaseIds(m, cutoff);
        if (ids.length > 0) await this.anonymise(m, ids, today);
        return ids;
      });
      if (batch === null) return { ran: anonymised.length > 0, cutoff, anonymisedCaseIds: anonymised };
      anonymised.push(...batch);
      if (batch.length < BATCH) return { ran: true, cutoff, anonymisedCaseIds: anonymised };
    }
  }

  private async expiredCaseIds(m: EntityManager, cutoff: string): Promise<string[]> {
    const rows = (await m.query(
      `SELECT id FROM case_file
        WHERE anonymised_on IS NULL
          AND ((state = 'closed' AND closed_on < $1::date)
            OR (state = 'declined' AND decided_at < ($1::date::timestamp AT TIME ZONE 'Europe/Brussels')))
        ORDER BY id
        LIMIT ${BATCH}
        FOR UPDATE`,
      [cutoff],
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  private async anonymise(m: EntityManager, ids: string[], today: string): Promise<void> {
    const run = (sql: string) => m.query(sql, [ids]);
    // Gone entirely. Deleting a note's case key makes any copy of its ciphertext unreadable too.
    await run(`DELETE FROM private_note WHERE case_id = ANY($1::uuid[])`);
    await run(`DELETE FROM case_data_key WHERE case_id = ANY($1::uuid[])`);
    await run(`DELETE FROM fact WHERE case_id = ANY($1::uuid[])`);
    await run(`UPDATE consent SET purpose = '', document_id = NULL WHERE case_id = ANY($1::uuid[])`);
    await run(`DELETE FROM consent_document WHERE case_id = ANY($1::uuid[])`);
    await run(`UPDATE consent_withdrawal SET note = NULL WHERE consent_id IN (SELECT id FROM consent WHERE case_id = ANY($1::uuid[]))`);
    await run(`DELETE FROM cost_advance WHERE financial_referral_id IN (SELECT id FROM financial_referral WHERE case_id = ANY($1::uuid[]))`);
    await run(`UPDATE financial_referral SET motivation = '-', decline_reason = NULL WHERE case_id = ANY($1::uuid[])`);
    await run(`DELETE FROM notification WHERE case_id = ANY($1::uuid[])`);
    await run(`UPDATE case_step_transition SET note = NULL WHERE case_id = ANY($1::uuid[])`);
    await run(`UPDATE procedure_event SET note = NULL WHERE case_id = ANY($1::uuid[])`);
    await run(`UPDATE intervision_summary SET source_case_id = NULL WHERE source_case_id = ANY($1::uuid[])`);
    await run(
      `UPDATE referral
          SET tenant_name = '', address = '', referrer_contact_name = '', referrer_contact_phone = NULL, referrer_contact_email = NULL,
              context = NULL, notice_date = date_trunc('year', notice_date)::date, claim_filed_on = NULL, hearing_date = NULL, eviction_date = NULL
        WHERE case_id = ANY($1::uuid[])`,
    );
    await m.query(
      `UPDATE case_file
          SET tenant_name = '', tenant_name_key = '', address = '', address_key = '', reference = 'ANON-' || id::text,
              decline_reason = CASE WHEN state = 'declined' THEN '-' END, handover = NULL, reopen_reason = NULL, next_review_on = NULL,
              anonymised_on = $2, version = version + 1, updated_at = now()
        WHERE id = ANY($1::uuid[])`,
      [ids, today],
    );
    for (const caseId of ids) {
      await this.audit.erasePersonalText(m, caseId);
      await this.audit.record(m, { eventType: 'retention.anonymised', outcome: 'allowed', action: 'anonymise', caseId, subject: 'case', fields: [...REMOVED_BY_ANONYMISATION] });
    }
  }
}
