import type { PageContext } from '@woonbrug/web';
import { formatNumber, formatPercent } from '../../domain/format';
import { UNFAVOURABLE_OUTCOMES, type CountField, type FigureRow, type YearlyReport } from '../../domain/report';

const NBSP = '\u00a0';

/** A count, `—` when it does not apply, or a marked withheld cell (partners). */
function CountCell({ ctx, row, field, value }: { ctx: PageContext; row: FigureRow; field: CountField; value: number | null }): JSX.Element {
  if ((row.suppressed as readonly string[]).includes(field)) {
    return (
      <td class="suppressed" title={ctx.t('report.suppressedCell')}>
        <span aria-hidden="true">×</span>
        <span class="visually-hidden" safe>
          {ctx.t('report.suppressedCell')}
        </span>
      </td>
    );
  }
  return <td safe>{value === null ? '—' : formatNumber(value, ctx.lang)}</td>;
}

function FigureCells({ ctx, row }: { ctx: PageContext; row: FigureRow }): JSX.Element {
  return (
    <>
      <CountCell ctx={ctx} row={row} field="trajectories" value={row.trajectories} />
      <CountCell ctx={ctx} row={row} field="favourable" value={row.favourable} />
      <CountCell ctx={ctx} row={row} field="unfavourable" value={row.unfavourable} />
      {UNFAVOURABLE_OUTCOMES.map((o) => (
        <CountCell ctx={ctx} row={row} field={o} value={row.outcomes[o]} />
      ))}
      <td class="success" safe>
        {row.successRate === null ? '—' : formatPercent(row.successRate, ctx.lang, NBSP)}
      </td>
      <td safe>{row.averageDays === null ? '—' : formatNumber(row.averageDays, ctx.lang)}</td>
      <td safe>{row.medianDays === null ? '—' : formatNumber(row.medianDays, ctx.lang)}</td>
      <CountCell ctx={ctx} row={row} field="ongoing" value={row.ongoing} />
    </>
  );
}

function HeaderCells({ ctx, first }: { ctx: PageContext; first: string }): JSX.Element {
  const { t } = ctx;
  return (
    <tr>
      <th scope="col" safe>
        {first}
      </th>
      <th scope="col" safe>{t('report.column.trajectories')}</th>
      <th scope="col" safe>{t('report.column.favourable')}</th>
      <th scope="col" safe>{t('report.column.unfavourable')}</th>
      {UNFAVOURABLE_OUTCOMES.map((o) => (
        <th scope="col" class="outcome" safe>
          {t(`report.outcome.${o}`)}
        </th>
      ))}
      <th scope="col" safe>{t('report.column.successRate')}</th>
      <th scope="col" safe>{t('report.column.averageDays')}</th>
      <th scope="col" safe>{t('report.column.medianDays')}</th>
      <th scope="col" class="apart" safe>
        {t('report.column.ongoing')}
      </th>
    </tr>
  );
}

/** One table of rows with a label each, and optionally the total in its footer. */
function FigureTable<R extends FigureRow>({
  ctx,
  id,
  caption,
  first,
  rows,
  labelOf,
  total,
}: {
  ctx: PageContext;
  id: string;
  caption: string;
  first: string;
  rows: readonly R[];
  labelOf: (row: R) => string;
  total?: FigureRow;
}): JSX.Element {
  return (
    <div class="table-wrap" role="region" tabindex="0" aria-label={ctx.t('layout.tableRegion', { name: caption })}>
      <table id={id}>
        <caption safe>{caption}</caption>
        <thead>
          <HeaderCells ctx={ctx} first={first} />
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row" safe>
                {labelOf(row)}
              </th>
              <FigureCells ctx={ctx} row={row} />
            </tr>
          ))}
        </tbody>
        {total ? (
          <tfoot>
            <tr class="total">
              <th scope="row" safe>
                {ctx.t('report.total')}
              </th>
              <FigureCells ctx={ctx} row={total} />
            </tr>
          </tfoot>
        ) : (
          ''
        )}
      </table>
    </div>
  );
}

/**
 * The report's tables: per year of start with the total, then the breakdowns. The same on the
 * coordinator's page, the evaluation and the partners' figures.
 */
export function ReportTables({ ctx, report, headingLevel = 2 }: { ctx: PageContext; report: YearlyReport; headingLevel?: 2 | 3 }): JSX.Element {
  const { t } = ctx;
  const Heading = ({ text }: { text: string }) => (headingLevel === 2 ? <h2 safe>{text}</h2> : <h3 safe>{text}</h3>);
  return (
    <>
      <p class="hint" safe>
        {t('report.definitions')}
      </p>
      {report.suppressionThreshold !== null ? (
        <p class="notice" safe>
          {t('report.suppressionNotice', { threshold: report.suppressionThreshold })}
        </p>
      ) : (
        ''
      )}
      {report.years.length === 0 ? (
        <p id="report-empty" safe>
          {t('report.empty')}
        </p>
      ) : (
        ''
      )}
      <FigureTable
        ctx={ctx}
        id="report-years"
        caption={t('report.table.years')}
        first={t('report.column.year')}
        rows={report.years}
        labelOf={(r) => String(r.year)}
        total={report.total}
      />
      {report.byReferrerKind && report.byReferrerKind.length > 0 ? (
        <section>
          <Heading text={t('report.table.referrerKind')} />
          <FigureTable
            ctx={ctx}
            id="report-referrer-kind"
            caption={t('report.table.referrerKind')}
            first={t('report.column.referrerKind')}
            rows={report.byReferrerKind}
            labelOf={(r) => t(`report.kind.${r.kind}`)}
          />
        </section>
      ) : (
        ''
      )}
      {report.byReferrer && report.byReferrer.length > 0 ? (
        <section>
          <Heading text={t('report.table.referrer')} />
          <p class="hint" safe>
            {t('report.referrerHint')}
          </p>
          <FigureTable
            ctx={ctx}
            id="report-referrer"
            caption={t('report.table.referrer')}
            first={t('report.column.referrer')}
            rows={report.byReferrer}
            labelOf={(r) => r.name}
          />
        </section>
      ) : (
        ''
      )}
      {report.byMunicipality.length > 0 ? (
        <section>
          <Heading text={t('report.table.municipality')} />
          <FigureTable
            ctx={ctx}
            id="report-municipality"
            caption={t('report.table.municipality')}
            first={t('report.column.municipality')}
            rows={report.byMunicipality}
            labelOf={(r) => r.municipality}
          />
        </section>
      ) : (
        ''
      )}
      {report.byLegalBasis.length > 0 ? (
        <section>
          <Heading text={t('report.table.legalBasis')} />
          <FigureTable
            ctx={ctx}
            id="report-legal-basis"
            caption={t('report.table.legalBasis')}
            first={t('report.column.legalBasis')}
            rows={report.byLegalBasis}
            labelOf={(r) => t(`report.legalBasis.${r.legalBasis}`)}
          />
        </section>
      ) : (
        ''
      )}
    </>
  );
}
