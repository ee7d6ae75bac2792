import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, NotFoundError } from '@woonbrug/kernel';
import { accessibleWhere, subject, type AppAbility } from '@woonbrug/policies';
import { DataSource } from 'typeorm';
import type { NotificationKind, NotificationList, NotificationView } from './notification-views';

const NOTIFICATION_POLICY_COLUMNS = { userId: 'n.user_id' } as const;
const LIST_LIMIT = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface NotificationRow {
  id: string;
  user_id: string;
  kind: NotificationKind;
  case_id: string | null;
  args: { reference?: string; dueDate?: string; organisation?: string } | null;
  created_at: Date;
  read_at: Date | null;
}

const COLUMNS = `n.id, n.user_id, n.kind, n.case_id, n.args, n.created_at, n.read_at`;

function toView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    caseId: row.case_id,
    reference: typeof row.args?.reference === 'string' ? row.args.reference : null,
    dueDate: typeof row.args?.dueDate === 'string' ? row.args.dueDate : null,
    organisation: typeof row.args?.organisation === 'string' ? row.args.organisation : null,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}

/** In-app notifications: each user reads and marks only their own (the `Notification` policy). */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The caller's notifications, newest first, with the number still unread. */
  async list(ability: AppAbility): Promise<NotificationList> {
    const policy = accessibleWhere(ability, 'read', 'Notification', NOTIFICATION_POLICY_COLUMNS, 1);
    const rows = (await this.db.query(`SELECT ${COLUMNS} FROM notification n WHERE ${policy.sql} ORDER BY n.created_at DESC, n.id LIMIT $1`, [
      LIST_LIMIT,
      ...policy.params,
    ])) as NotificationRow[];
    return { items: rows.map(toView), unreadCount: await this.unreadCount(ability) };
  }

  /** How many of the caller's notifications are unread. */
  async unreadCount(ability: AppAbility): Promise<number> {
    const policy = accessibleWhere(ability, 'read', 'Notification', NOTIFICATION_POLICY_COLUMNS);
    const [row] = (await this.db.query(`SELECT count(*)::int AS n FROM notification n WHERE n.read_at IS NULL AND ${policy.sql}`, policy.params)) as Array<{ n: number }>;
    return row?.n ?? 0;
  }

  /**
   * Marks the caller's unread notifications about one case read: opening the case is reading what
   * they announced (a partner's answer, a deadline). The caller has already opened the case.
   */
  async markCaseRead(ability: AppAbility, caseId: string): Promise<void> {
    if (!UUID.test(caseId) || !ability.can('update', 'Notification')) return;
    const policy = accessibleWhere(ability, 'update', 'Notification', NOTIFICATION_POLICY_COLUMNS, 2);
    await this.db.query(`UPDATE notification n SET read_at = $2 WHERE n.case_id = $1 AND n.read_at IS NULL AND ${policy.sql}`, [caseId, this.clock.now(), ...policy.params]);
  }

  /**
   * Marks one of the caller's notifications read (again: the first time counts). Someone else's
   * notification answers exactly like a missing one.
   */
  async markRead(ability: AppAbility, id: string): Promise<NotificationView> {
    if (!UUID.test(id)) throw new NotFoundError('Notification');
    const [found] = (await this.db.query(`SELECT ${COLUMNS} FROM notification n WHERE n.id = $1`, [id])) as NotificationRow[];
    if (!found || !ability.can('update', subject('Notification', { userId: found.user_id }))) throw new NotFoundError('Notification');
    const [rows] = (await this.db.query(`UPDATE notification n SET read_at = COALESCE(n.read_at, $2) WHERE n.id = $1 AND n.user_id = $3 RETURNING ${COLUMNS}`, [
      id,
      this.clock.now(),
      found.user_id,
    ])) as [NotificationRow[], number];
    const updated = rows[0];
    if (!updated) throw new NotFoundError('Notification');
    return toView(updated);
  }
}
