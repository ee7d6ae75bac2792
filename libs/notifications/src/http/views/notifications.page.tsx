import { Layout, type PageContext } from '@woonbrug/web';
import type { NotificationList } from '../../application/notification-views';
import { formatMoment } from './format';
import { NotificationText } from './notification-text';

/** The user's notifications, unread ones marked, each with a button to mark it read. */
export function NotificationsPage({ ctx, list, notice }: { ctx: PageContext; list: NotificationList; notice?: string }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('notifications.title')}>
      {notice ? (
        <div class="notice success" role="status" safe>
          {notice}
        </div>
      ) : (
        ''
      )}
      <p safe>{t('notifications.unread', { count: list.unreadCount })}</p>
      {list.items.length === 0 ? (
        <p safe>{t('notifications.empty')}</p>
      ) : (
        <ul class="notifications">
          {list.items.map((n) => (
            <li id={`notification-${n.id}`} class={n.readAt ? 'read' : 'unread'}>
              {n.readAt ? '' : (
                <>
                  <strong safe>{t('notifications.new')}</strong>{' '}
                </>
              )}
              <NotificationText ctx={ctx} notification={n} />
              <br />
              <small safe>{t('notifications.created', { date: formatMoment(ctx, n.createdAt) })}</small>
              {n.readAt ? (
                ''
              ) : (
                <form method="post" action={`/notifications/${n.id}/read`} class="inline">
                  {' '}
                  <button type="submit" class="link" safe>
                    {t('notifications.markRead')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
