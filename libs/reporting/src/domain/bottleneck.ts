/**
 * Bottlenecks (knelpunten): what workers run into, recorded for the evaluation of the project —
 * not about a tenant and never linked to a case.
 */
export const BOTTLENECK_CATEGORIES = ['confidentiality_deontology', 'working_alone', 'financial', 'housing_condition', 'cooperation_partners', 'other'] as const;
export type BottleneckCategory = (typeof BOTTLENECK_CATEGORIES)[number];

/** Longest observation text (the database checks the same). */
export const MAX_BOTTLENECK_LENGTH = 4000;

/** A recorded bottleneck as everyone of the organisation reads it (who wrote it is not shown). */
export interface BottleneckView {
  readonly id: string;
  readonly category: BottleneckCategory;
  readonly body: string;
  readonly observedOn: string;
  readonly recordedAt: string;
}

export interface BottleneckInput {
  readonly category: BottleneckCategory;
  readonly body: string;
  /** Defaults to today. */
  readonly observedOn?: string;
}

export interface BottleneckFilter {
  readonly from?: string;
  readonly to?: string;
  readonly category?: BottleneckCategory;
}

/** The evaluation groups them by category, in the order above. */
export interface BottlenecksByCategory {
  readonly category: BottleneckCategory;
  readonly items: readonly BottleneckView[];
}

export function groupByCategory(items: readonly BottleneckView[]): BottlenecksByCategory[] {
  return BOTTLENECK_CATEGORIES.map((category) => ({ category, items: items.filter((i) => i.category === category) })).filter((g) => g.items.length > 0);
}
