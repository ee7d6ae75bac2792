import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseLifecycleService } from '@woonbrug/cases';
import { IdentityService } from '@woonbrug/identity';
import { Clock } from '@woonbrug/kernel';
import { I18nService } from 'nestjs-i18n';
import { DataSource } from 'typeorm';
import { deadlineDedupeKey } from '../domain/deadline';
import { NotificationMailer } from '../infrastructure/notification-mailer';
import { DeadlinesService, type DueDeadline } from './deadlines.service';

/** The advisory lock that lets one instance at a time scan (`hashtext` of this name). */
const SCAN_LOCK = 'woonbrug:deadline-scan';
/** Notifications e-mailed per batch, and batches per scan (the rest waits for the next scan). */
const MAIL_BATCH = 100;
const MAX_MAIL_BATCHES = 20;

export interface DeadlineScanResult {
  /** False when another instance held the scan lock: this one did nothing. */
  readonly ran: boolean;
  readonly today: string;
  /** Aftercare cases that ended and were closed (outcome favourable). */
  readonly closedCaseIds: readonly string[];
  readonly notificationsCreated: number;
  /** Notification e-mails handed to SMTP, or logged when SMTP is not configured. */
  readonly emailsHandled: number;
}

interface Recipient {
  readonly userId: string;
  readonly deadline: DueDeadline;
}

interface ClaimedMail {
  id: string;
  user_id: string;
  kind: string;
  args: { reference?: string; dueDate?: string; organisation?: string } | null;
}

/**
 * Scheduled work of the deadlines (issue 4): closes the cases whose aftercare ended, turns every
 * deadline into a notification for whom it concerns (the assigned worker; for a referral left
 * waiting, the organisation's coordinators), and e-mails new notifications.
 *
 * Safe with several instances: the scan runs under a transaction-scoped advisory lock (a second
 * instance finds it taken and skips), every notification has a dedupe key that the database
 * keeps unique per user (`INSERT … ON CONFLICT DO NOTHING`), and e-mails are claimed row by row
 * before they are sent. So running it twice, or on two instances at once, notifies once.
 */
@Injectable()
export class DeadlineScan {
  private readonly logger = new Logger('DeadlineScan');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly deadlines: DeadlinesService,
    private readonly lifecycle: CaseLifecycleService,
    private readonly identity: IdentityService,
    private readonly mailer: NotificationMailer,
    @Optional() private readonly i18n?: I18nService,
  ) {}

  /** One scan at the clock's today (the scheduler, the operator command and the tests call it). */
  async runOnce(): Promise<DeadlineScanResult> {
    const today = this.clock.today();
    const scanned = await this.db.transaction(async (m) => {
      const [lock] = (await m.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [SCAN_LOCK])) as Array<{ locked: boolean }>;
      if (!lock?.locked) return null;
      const closedCaseIds = await this.lifecycle.closeEndedAftercare();
      const recipients = await this.recipientsOf(await this.deadlines.allDue(m, today));
      if (recipients.length === 0) return { closedCaseIds, created: 0 };
      const created = (await m.query(
        `INSERT INTO notification (user_id, kind, case_id, args, dedupe_key, created_at)
         SELECT x.user_id, x.kind, x.case_id, x.args::jsonb, x.dedupe_key, $6
           FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[]) AS x (user_id, kind, case_id, args, dedupe_key)
         ON CONFLICT (user_id, dedupe_key) DO NOTHING
         RETURNING id`,
        [
          recipients.map((r) => r.userId),
          recipients.map((r) => r.deadline.kind),
          recipients.map((r) => r.deadline.caseId),
          recipients.map((r) => JSON.stringify({ reference: r.deadline.reference, dueDate: r.deadline.dueDate })),
          recipients.map((r) => deadlineDedupeKey(r.deadline.kind, r.deadline.caseId, r.deadline.dueDate)),
          this.clock.now(),
        ],
      )) as Array<{ id: string }>;
      return { closedCaseIds, created: created.length };
    });
    if (!scanned) return { ran: false, today, closedCaseIds: [], notificationsCreated: 0, emailsHandled: 0 };
    const emailsHandled = await this.mailNewNotifications();
    if (scanned.created > 0 || scanned.closedCaseIds.length > 0) {
      this.logger.log(`deadline scan ${today}: ${scanned.created} notifications, ${scanned.closedCaseIds.length} aftercare cases closed, ${emailsHandled} e-mails`);
    }
    return { ran: true, today, closedCaseIds: scanned.closedCaseIds, notificationsCreated: scanned.created, emailsHandled };
  }

  /** Who hears of each deadline: active users only. */
  private async recipientsOf(due: readonly DueDeadline[]): Promise<Recipient[]> {
    const coordinators = new Map<string, readonly string[]>();
    const active = new Map<string, boolean>();
    const recipients: Recipient[] = [];
    for (const deadline of due) {
      const userIds: string[] = [];
      if (deadline.assignedWorkerId) {
        if (!active.has(deadline.assignedWorkerId)) active.set(deadline.assignedWorkerId, (await this.identity.findActiveUser(deadline.assignedWorkerId)) !== null);
        if (active.get(deadline.assignedWorkerId)) userIds.push(deadline.assignedWorkerId);
      }
      if (deadline.kind === 'referral_not_accepted') {
        const org = deadline.outreachOrganisationId;
        if (!coordinators.has(org)) coordinators.set(org, (await this.identity.listColleagues(org, ['coordinator'])).map((u) => u.id));
        userIds.push(...coordinators.get(org)!.filter((id) => !userIds.includes(id)));
      }
      recipients.push(...userIds.map((userId) => ({ userId, deadline })));
    }
    return recipients;
  }

  /**
   * E-mails the notifications not yet e-mailed. Each batch is claimed (emailed_at set) in one
   * statement that skips rows another instance holds, then sent; a failed send is released for
   * the next scan. A crash between claim and send loses that e-mail, never duplicates it: the
   * in-app notification is the record, the e-mail only a nudge.
   */
  private async mailNewNotifications(): Promise<number> {
    let handled = 0;
    for (let batch = 0; batch < MAX_MAIL_BATCHES; batch += 1) {
      const [claimed] = (await this.db.query(
        `UPDATE notification n SET emailed_at = $1
          WHERE n.id IN (SELECT id FROM notification WHERE emailed_at IS NULL ORDER BY created_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING n.id, n.user_id, n.kind, n.args`,
        [this.clock.now(), MAIL_BATCH],
      )) as [ClaimedMail[], number];
      if (claimed.length === 0) break;
      const users = new Map((await this.identity.findUsers([...new Set(claimed.map((c) => c.user_id))])).map((u) => [u.id, u]));
      const failed: string[] = [];
      for (const row of claimed) {
        const user = users.get(row.user_id);
        if (!user) continue;
        const reference = row.args?.reference ?? '';
        const dueDate = row.args?.dueDate ?? '';
        const organisation = row.args?.organisation ?? '';
        try {
          await this.mailer.send({
            userId: row.user_id,
            to: user.email,
            kind: row.kind,
            reference,
            subject: this.text('notifications.mail.subject', `Woonbrug: news about case ${reference}`, { reference }),
            text: this.text(
              'notifications.mail.body',
              `Case ${reference}: ${row.kind} (${dueDate}). Log in to Woonbrug to see the details.`,
              { reference, dueDate, what: this.text(`notifications.kind.${row.kind}`, row.kind, { reference, dueDate, organisation }) },
            ),
          });
          handled += 1;
        } catch (error) {
          failed.push(row.id);
          // The error's code only: an SMTP server's message may quote the address.
          const code = (error as { code?: unknown } | null)?.code;
          this.logger.warn(`e-mail for notification ${row.id} failed (${typeof code === 'string' ? code : 'error'}); retried at the next scan`);
        }
      }
      if (failed.length > 0) {
        await this.db.query(`UPDATE notification SET emailed_at = NULL WHERE id = ANY($1::uuid[])`, [failed]);
        break;
      }
      if (claimed.length < MAIL_BATCH) break;
    }
    return handled;
  }

  /** A Dutch text from the catalogue (e-mails go out in the default language), or the fallback. */
  private text(key: string, fallback: string, args: Record<string, string>): string {
    const translated = this.i18n?.translate(key, { lang: 'nl', args, defaultValue: fallback }) as string | undefined;
    return translated && translated !== key ? translated : fallback;
  }
}
