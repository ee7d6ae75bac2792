import type { OverviewBlock, OverviewDocument } from '@woonbrug/tenant-overview';
import { Layout, type PageContext } from '@woonbrug/web';

/**
 * On paper only the overview itself: no navigation, no buttons, headings kept with what follows.
 * Inline because it belongs to this page alone (the security headers allow inline styles).
 */
const OVERVIEW_CSS = `
.tenant-overview section { margin-top: 1.75rem; }
.tenant-overview .overview-subtitle { font-size: 1.2rem; font-weight: 600; margin: 0; }
.tenant-overview h3 { font-size: 1.05rem; margin: 1rem 0 .5rem; }
.tenant-overview td:first-child { min-width: 8.5rem; }
@media print {
  .site-header, .skip-link, .no-print { display: none !important; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 18pt; }
  .tenant-overview h2 { font-size: 14pt; break-after: avoid; page-break-after: avoid; }
  .tenant-overview h3 { break-after: avoid; page-break-after: avoid; }
  .tenant-overview tr, .tenant-overview dl.facts { break-inside: avoid; page-break-inside: avoid; }
  .tenant-overview .table-wrap { overflow: visible; }
  .tenant-overview section { margin-top: 1rem; }
}` as const;

function Block({ block, label }: { block: OverviewBlock; label: string }): JSX.Element {
  switch (block.kind) {
    case 'subheading':
      return <h3 safe>{block.text}</h3>;
    case 'text':
      return <p safe>{block.text}</p>;
    case 'pairs':
      return (
        <dl class="facts">
          {block.rows.map(([label, value]) => (
            <>
              <dt safe>{label}</dt>
              <dd safe>{value}</dd>
            </>
          ))}
        </dl>
      );
    case 'table':
      return (
        <div class="table-wrap" role="region" tabindex="0" aria-label={label}>
          <table>
            <thead>
              <tr>
                {block.columns.map((column) => (
                  <th scope="col" safe>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row) => (
                <tr>
                  {row.map((cell) => (
                    <td safe>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

/** A table's name: its section's heading, with the subheading it stands under (unique on the page). */
function tableName(heading: string, before: readonly OverviewBlock[]): string {
  const sub = [...before].reverse().find((b) => b.kind === 'subheading');
  return sub && sub.kind === 'subheading' ? `${heading} — ${sub.text}` : heading;
}

/** The tenant's overview for print: the worker prints it, or downloads the PDF, for the tenant. */
export function TenantOverviewPage({ ctx, caseId, document }: { ctx: PageContext; caseId: string; document: OverviewDocument }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={document.title}>
      <style>{OVERVIEW_CSS}</style>
      <div class="notice no-print" role="note">
        <p safe>{t('overview.printHint')}</p>
        <p>
          <a href={`/cases/${caseId}/overview.pdf`} class="button" safe>
            {t('overview.pdf')}
          </a>{' '}
          <a href={`/cases/${caseId}`} safe>
            {t('overview.back')}
          </a>
        </p>
      </div>
      <article class="tenant-overview" lang={document.lang}>
        <p class="overview-subtitle" safe>
          {document.subtitle}
        </p>
        <p class="hint" safe>
          {document.madeBy}
        </p>
        <p safe>{document.lead}</p>
        {document.sections.map((section) => (
          <section id={`overview-${section.id}`} aria-labelledby={`overview-${section.id}-heading`}>
            <h2 id={`overview-${section.id}-heading`} safe>
              {section.heading}
            </h2>
            {section.intro ? (
              <p class="hint" safe>
                {section.intro}
              </p>
            ) : (
              ''
            )}
            {section.blocks.map((block, i) => (
              <Block block={block} label={t('layout.tableRegion', { name: tableName(section.heading, section.blocks.slice(0, i)) })} />
            ))}
          </section>
        ))}
        <p safe>{document.closing}</p>
      </article>
    </Layout>
  );
}
