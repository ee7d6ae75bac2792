import type { CaseSummary } from '@woonbrug/cases';
import { Layout, type PageContext } from '@woonbrug/web';
import type { TimelineEntry } from './case-timeline';

export function TimelinePage({ ctx, found, entries }: { ctx: PageContext; found: CaseSummary; entries: readonly TimelineEntry[] }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={`${t('timeline.title')} — ${found.reference} ${found.tenantName}`}>
      <p>
        <a href={`/cases/${found.id}`} safe>
          {`← ${found.reference}`}
        </a>
      </p>
      {entries.length === 0 ? (
        <p safe>{t('timeline.empty')}</p>
      ) : (
        <ol class="timeline">
          {entries.map((e) => (
            <li class={`timeline-${e.kind}${e.upcoming ? ' upcoming' : ''}`}>
              <time datetime={e.date} safe>
                {e.date}
              </time>{' '}
              <span safe>{t(e.label, e.args)}</span>
              {e.args.text ? <span safe>{`: ${e.args.text}`}</span> : ''}
              {e.args.note ? <span safe>{` — ${e.args.note}`}</span> : ''}
              {e.kind === 'closed' && e.args.outcome ? <span safe>{` (${t(`case.outcome.${e.args.outcome}`)})`}</span> : ''}
              {e.upcoming ? (
                <strong safe>{` · ${t('timeline.upcoming')}`}</strong>
              ) : (
                ''
              )}
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
