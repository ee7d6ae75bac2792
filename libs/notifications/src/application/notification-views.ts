import type { DeadlineKind } from '../domain/deadline';
import type { PartnerAnswerKind } from './partner-answers';

/** What a notification is about: a deadline, or a partner's answer on a case. */
export type NotificationKind = DeadlineKind | PartnerAnswerKind;

/** An in-app notification as its user sees it. */
export interface NotificationView {
  readonly id: string;
  readonly kind: NotificationKind;
  readonly caseId: string | null;
  /** The case reference; never the tenant's name (notifications may be e-mailed). */
  readonly reference: string | null;
  readonly dueDate: string | null;
  /** The partner organisation that answered (partner answers only). */
  readonly organisation: string | null;
  readonly createdAt: string;
  readonly readAt: string | null;
}

export interface NotificationList {
  /** Newest first, at most 100. */
  readonly items: NotificationView[];
  readonly unreadCount: number;
}
