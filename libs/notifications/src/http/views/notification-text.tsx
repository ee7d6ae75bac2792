import type { PageContext } from '@woonbrug/web';
import type { NotificationView } from '../../application/notification-views';
import { formatDay } from './format';

/** What a notification says, linked to its case (the notifications page and the worker's start page). */
export function NotificationText({ ctx, notification }: { ctx: PageContext; notification: NotificationView }): JSX.Element {
  const text = ctx.t(`notifications.kind.${notification.kind}`, {
    reference: notification.reference ?? '—',
    dueDate: notification.dueDate ? formatDay(ctx, notification.dueDate) : '—',
    organisation: notification.organisation ?? '—',
  });
  return notification.caseId ? (
    <a href={`/cases/${notification.caseId}`} safe>
      {text}
    </a>
  ) : (
    <span safe>{text}</span>
  );
}
