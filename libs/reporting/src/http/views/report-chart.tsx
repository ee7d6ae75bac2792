import type { PageContext } from '@woonbrug/web';
import { formatPercent } from '../../domain/format';
import type { YearlyReport } from '../../domain/report';

const WIDTH = 720;
const HEIGHT = 320;
const MARGIN = { top: 36, right: 16, bottom: 48, left: 48 };
const FAVOURABLE_FILL = '#1a7f37';
const UNFAVOURABLE_FILL = '#9aa4b2';
const NBSP = '\u00a0';

/** Round axis maximum: 4 → 5, 9 → 10, 17 → 20, 230 → 250. */
function niceMax(value: number): number {
  if (value <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * magnitude >= value) return step * magnitude;
  }
  return 10 * magnitude;
}

/**
 * The yearly report as an SVG bar chart drawn on the server: one bar per year of start, its
 * height the closed trajectories, split into favourable (bottom, green) and unfavourable (top,
 * grey), with the success rate above it. Accessible: `role="img"` with a title and a description
 * that say the same as the table; each bar has its own title. Withheld counts (partners) draw no
 * bar. Ongoing trajectories are not drawn (they are shown apart in the table).
 */
export function YearlyChart({ ctx, report }: { ctx: PageContext; report: YearlyReport }): JSX.Element {
  const { t, lang } = ctx;
  if (report.years.length === 0) return '';
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = niceMax(Math.max(1, ...report.years.map((y) => y.trajectories ?? 0)));
  const slot = plotWidth / report.years.length;
  const barWidth = Math.round(Math.min(64, slot * 0.6));
  const round = (v: number) => Math.round(v * 10) / 10;
  const y = (value: number) => round(MARGIN.top + plotHeight - (value / max) * plotHeight);
  const summary = (row: YearlyReport['years'][number]) =>
    row.trajectories === null || row.favourable === null
      ? t('report.chart.barWithheld', { year: row.year })
      : t('report.chart.bar', {
          year: row.year,
          trajectories: row.trajectories,
          favourable: row.favourable,
          success: row.successRate === null ? '—' : formatPercent(row.successRate, lang),
        });
  const ticks = [0, max / 2, max];
  return (
    <figure class="report-chart">
      <svg
        id="report-chart"
        role="img"
        aria-labelledby="report-chart-title report-chart-desc"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id="report-chart-title" safe>
          {t('report.chart.title')}
        </title>
        <desc id="report-chart-desc" safe>
          {report.years.map(summary).join(' ')}
        </desc>
        {ticks.map((tick) => (
          <g class="tick">
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke="#d0d7de" stroke-width="1" />
            <text x={MARGIN.left - 8} y={y(tick) + 4} text-anchor="end" font-size="12" fill="#57606a" safe>
              {String(tick)}
            </text>
          </g>
        ))}
        {report.years.map((row, i) => {
          const x = round(MARGIN.left + slot * i + (slot - barWidth) / 2);
          const shown = row.trajectories !== null && row.favourable !== null;
          const total = shown ? row.trajectories! : 0;
          const favourable = shown ? row.favourable! : 0;
          return (
            <g class="bar" data-year={String(row.year)}>
              <title safe>{summary(row)}</title>
              {shown && total > favourable ? (
                <rect class="bar-unfavourable" x={x} y={y(total)} width={barWidth} height={round(y(favourable) - y(total))} fill={UNFAVOURABLE_FILL} />
              ) : (
                ''
              )}
              {shown && favourable > 0 ? (
                <rect class="bar-favourable" x={x} y={y(favourable)} width={barWidth} height={round(y(0) - y(favourable))} fill={FAVOURABLE_FILL} />
              ) : (
                ''
              )}
              <text x={round(x + barWidth / 2)} y={round(y(total) - 8)} text-anchor="middle" font-size="13" font-weight="600" fill="#1f2328">
                {/* digits and signs only */}
                {shown && row.successRate !== null ? formatPercent(row.successRate, lang, NBSP) : shown ? '' : '×'}
              </text>
              <text x={round(x + barWidth / 2)} y={HEIGHT - MARGIN.bottom + 18} text-anchor="middle" font-size="13" fill="#1f2328" safe>
                {String(row.year)}
              </text>
            </g>
          );
        })}
        <g class="legend" transform={`translate(${MARGIN.left}, ${HEIGHT - 14})`}>
          <rect x="0" y="-10" width="12" height="12" fill={FAVOURABLE_FILL} />
          <text x="18" y="0" font-size="12" fill="#1f2328" safe>
            {t('report.chart.favourable')}
          </text>
          <rect x="180" y="-10" width="12" height="12" fill={UNFAVOURABLE_FILL} />
          <text x="198" y="0" font-size="12" fill="#1f2328" safe>
            {t('report.chart.unfavourable')}
          </text>
        </g>
      </svg>
      <figcaption class="hint" safe>
        {t('report.chart.caption')}
      </figcaption>
    </figure>
  );
}
