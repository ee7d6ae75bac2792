import { UNFAVOURABLE_OUTCOMES, type FigureRow, type RowCounts } from './report';

/**
 * Success = favourable ÷ closed trajectories, as a whole percent rounded half-up (DESIGN.md §5):
 * 3/4 → 75, 8/9 → 89 (88.9), 15/17 → 88 (88.2), 1/8 → 13 (12.5). `null` without closed
 * trajectories. Integer arithmetic, so that x.5 never rounds down by a floating-point error.
 */
export function successRate(favourable: number, closed: number): number | null {
  if (!Number.isInteger(favourable) || !Number.isInteger(closed) || favourable < 0 || closed < 0 || favourable > closed) {
    throw new RangeError('successRate needs 0 ≤ favourable ≤ closed, whole numbers');
  }
  if (closed === 0) return null;
  return Math.floor((200 * favourable + closed) / (2 * closed));
}

/** A row of figures from the raw counts, nothing suppressed. */
export function figureRow(counts: RowCounts): FigureRow {
  const outcomes = Object.fromEntries(UNFAVOURABLE_OUTCOMES.map((o) => [o, counts[o]])) as FigureRow['outcomes'];
  const unfavourable = UNFAVOURABLE_OUTCOMES.reduce((sum, o) => sum + counts[o], 0);
  if (counts.favourable + unfavourable !== counts.trajectories) {
    throw new RangeError('favourable and unfavourable outcomes must add up to the closed trajectories');
  }
  return {
    trajectories: counts.trajectories,
    favourable: counts.favourable,
    unfavourable,
    outcomes,
    ongoing: counts.ongoing,
    successRate: successRate(counts.favourable, counts.trajectories),
    averageDays: counts.trajectories > 0 ? counts.averageDays : null,
    medianDays: counts.trajectories > 0 ? counts.medianDays : null,
    suppressed: [],
  };
}

/** An empty row (a period without trajectories). */
export const EMPTY_COUNTS: RowCounts = {
  trajectories: 0,
  favourable: 0,
  evicted: 0,
  left_voluntarily: 0,
  refused_help: 0,
  other: 0,
  ongoing: 0,
  averageDays: null,
  medianDays: null,
};
