import type { PageContext } from './page-context';

interface NavItem {
  readonly href: string;
  readonly key: string;
}

/** Navigation per portal and role; a role sees only what it can use. */
function navigationFor(ctx: PageContext): NavItem[] {
  if (!ctx.user) return [];
  if (ctx.portal === 'worker') {
    const items: NavItem[] = [{ href: '/', key: 'nav.start' }];
    if (ctx.user.role === 'coordinator') items.push({ href: '/referrals', key: 'nav.incoming' });
    if (ctx.user.role === 'worker' || ctx.user.role === 'coordinator') items.push({ href: '/cases', key: 'nav.cases' });
    if (ctx.user.role === 'worker' || ctx.user.role === 'coordinator') {
      items.push({ href: '/deadlines', key: 'nav.deadlines' }, { href: '/notifications', key: 'nav.notifications' });
      items.push({ href: '/intervision', key: 'nav.intervision' }, { href: '/bottlenecks', key: 'nav.bottlenecks' });
    }
    if (ctx.user.role === 'coordinator') items.push({ href: '/reports/yearly', key: 'nav.report' });
    if (ctx.user.role === 'privacy_officer') items.push({ href: '/audit', key: 'nav.audit' });
    return items;
  }
  const items: NavItem[] = [
    { href: '/referrals', key: 'nav.referrals' },
    { href: '/referrals/new', key: 'nav.newReferral' },
  ];
  if (ctx.portal === 'ocmw') items.push({ href: '/budget', key: 'nav.budget' });
  items.push({ href: '/figures', key: 'nav.figures' });
  return items;
}

export interface LayoutProps {
  readonly ctx: PageContext;
  readonly title: string;
  readonly children?: JSX.Element | JSX.Element[];
}

/** The one layout of all three portals. */
export function Layout({ ctx, title, children }: LayoutProps): JSX.Element {
  const { t } = ctx;
  const otherLang = ctx.lang === 'nl' ? 'en' : 'nl';
  const portalName = t(`portal.${ctx.portal}`);
  return (
    <>
    {'<!doctype html>'}
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title safe>{`${title} · Woonbrug ${portalName}`}</title>
        <link rel="stylesheet" href="/assets/woonbrug.css" />
      </head>
      <body class={`portal-${ctx.portal}`}>
        <a class="skip-link" href="#main">
          {t('layout.skipToContent') as 'safe'}
        </a>
        <header class="site-header">
          <div class="brand">
            <a href="/">Woonbrug</a> <span class="portal-name" safe>{portalName}</span>
          </div>
          <nav aria-label={t('layout.mainNavigation')}>
            <ul>
              {navigationFor(ctx).map((item) => (
                <li>
                  <a href={item.href} aria-current={ctx.path === item.href ? 'page' : undefined} safe>
                    {t(item.key)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {ctx.portal === 'worker' && ctx.user?.role === 'worker' ? (
            <form method="get" action="/search" class="header-search" role="search" aria-label={t('search.headerLabel')}>
              <label for="header-search-q" class="visually-hidden" safe>
                {t('search.headerField')}
              </label>
              <input type="search" id="header-search-q" name="q" maxlength="100" placeholder={t('search.headerField')} />{' '}
              <button type="submit" safe>
                {t('search.submit')}
              </button>
            </form>
          ) : (
            ''
          )}
          <div class="session">
            <a href={`?lang=${otherLang}`} lang={otherLang} safe>
              {t(`layout.language.${otherLang}`)}
            </a>
            {ctx.user ? (
              <form method="post" action="/logout" class="inline">
                <span class="who" safe>
                  {ctx.user.organisationName ? `${ctx.user.displayName} · ${ctx.user.organisationName}` : ctx.user.displayName}
                </span>{' '}
                <button type="submit" class="link" safe>
                  {t('layout.logout')}
                </button>
              </form>
            ) : (
              ''
            )}
          </div>
        </header>
        <main id="main">
          <h1 safe>{title}</h1>
          {children as 'safe'}
        </main>
      </body>
    </html>
    </>
  );
}
