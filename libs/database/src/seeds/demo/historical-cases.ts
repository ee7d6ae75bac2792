/**
 * The 17 trajectories of the Beveren project (September 2011 – August 2013), as reported in the
 * minister's answer: per year of start 4 / 9 / 4 trajectories, of which 3 / 8 / 4 favourable.
 * Only the years and outcomes are known; names, addresses and dates are invented and say so.
 */
export interface HistoricalCase {
  readonly year: number;
  readonly startedOn: string;
  readonly closedOn: string;
  readonly outcome: 'favourable' | 'evicted' | 'left_voluntarily';
  readonly referrer: 'gmh' | 'ocmwBeveren';
  readonly worker: 'worker' | 'worker2';
}

const PLAN: ReadonlyArray<{ year: number; favourable: number; unfavourable: Array<'evicted' | 'left_voluntarily'> }> = [
  { year: 2011, favourable: 3, unfavourable: ['evicted'] },
  { year: 2012, favourable: 8, unfavourable: ['left_voluntarily'] },
  { year: 2013, favourable: 4, unfavourable: [] },
];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Start months stay inside the project period: 2011 from September, 2013 until August. */
function startMonth(year: number, index: number): number {
  if (year === 2011) return 9 + (index % 4);
  if (year === 2013) return 1 + ((index * 2) % 8);
  return 1 + index;
}

export const HISTORICAL_CASES: readonly HistoricalCase[] = PLAN.flatMap(({ year, favourable, unfavourable }) => {
  const outcomes = [...Array<'favourable'>(favourable).fill('favourable'), ...unfavourable];
  return outcomes.map((outcome, index) => {
    const month = startMonth(year, index);
    const closeMonth = ((month + 5) % 12) + 1;
    const closeYear = month + 6 > 12 ? year + 1 : year;
    return {
      year,
      startedOn: `${year}-${pad(month)}-${pad(3 + index)}`,
      closedOn: `${closeYear}-${pad(closeMonth)}-${pad(10 + index)}`,
      outcome,
      referrer: index % 3 === 2 ? 'ocmwBeveren' : 'gmh',
      worker: index % 2 === 0 ? 'worker' : 'worker2',
    };
  });
});
