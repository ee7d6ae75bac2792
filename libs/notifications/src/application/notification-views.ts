import type { DeadlineKind } from '../domain/deadline';

/** What a notification is about; today every notification is a deadline reminder. */
export type NotificationKind = DeadlineKind;

/** An in-app notification as its user sees it. */
export interface NotificationView {
  readonly id: string;
  readonly kind: NotificationKind;
  readonly caseId: string | null;
  /** The case reference; never the tenant's name (notifications may be e-mailed). */
  readonly reference: string | null;
  readonly dueDate: string | null;
  readonly createdAt: string;
  readonly readAt: string | null;
}

export interface NotificationList {
  /** Newest first, at most 100. */
  readonly items: NotificationView[];
  readonly unreadCount: number;
}
