/**
 * The yearly report of DESIGN.md §5 as plain data, without any framework.
 *
 * Definitions (also in the README):
 * - A **trajectory** is a case that was accepted: it has a start date (`started_on`) and is
 *   active, in aftercare or closed. Referrals that were declined or are still waiting for the
 *   coordinator are not trajectories and are not counted. A reopened case is a new trajectory
 *   (it starts on the day it was reopened).
 * - Rows are per **year of start**. `trajectories` counts the *closed* trajectories that started
 *   that year — the minister's table counts finished ones; `ongoing` (active or in aftercare)
 *   is shown apart and is never part of `trajectories` or of the success rate.
 * - `favourable` + `unfavourable` = `trajectories`; `unfavourable` is split by outcome.
 * - **Success** = favourable ÷ trajectories, rounded half-up to a whole percent; `null` when
 *   there is no closed trajectory.
 * - **Duration** = closed_on − started_on in days, over closed trajectories: the average (one
 *   decimal) and the median (the middle value, or the mean of the two middle ones).
 * - Only columns that retention keeps are read (started_on, closed_on, state, outcome,
 *   municipality, legal_basis, outreach_organisation_id, the referral's referrer organisation),
 *   so the report is the same before and after closed cases are anonymised.
 */

/** Outcomes that are not favourable, in the order the report shows them. */
export const UNFAVOURABLE_OUTCOMES = ['evicted', 'left_voluntarily', 'refused_help', 'other'] as const;
export type UnfavourableOutcome = (typeof UNFAVOURABLE_OUTCOMES)[number];

/** The count cells of a row. */
export const COUNT_FIELDS = ['trajectories', 'favourable', 'unfavourable', ...UNFAVOURABLE_OUTCOMES, 'ongoing'] as const;
export type CountField = (typeof COUNT_FIELDS)[number];

/** Legal bases of the guidance (DESIGN.md §3), and `not_recorded` for cases without one. */
export const REPORT_LEGAL_BASES = ['voluntary', 'court_imposed', 'agreed_with_landlord', 'not_recorded'] as const;
export type ReportLegalBasis = (typeof REPORT_LEGAL_BASES)[number];

export const REFERRER_KINDS = ['landlord', 'ocmw'] as const;
export type ReferrerKind = (typeof REFERRER_KINDS)[number];

/**
 * Whose trajectories a report counts: an outreach organisation's own (coordinator), or those a
 * partner referred (landlord, OCMW). A referrer's report always has its small cells suppressed.
 */
export interface ReportScope {
  readonly scope: 'outreach' | 'referrer';
  readonly organisationId: string;
}

/** Trajectories whose start date lies in [from, to] (ISO dates, both inclusive; absent = open). */
export interface ReportPeriod {
  readonly from?: string;
  readonly to?: string;
}

/** Raw counts of one row, as the database aggregates them. */
export interface RowCounts {
  readonly trajectories: number;
  readonly favourable: number;
  readonly evicted: number;
  readonly left_voluntarily: number;
  readonly refused_help: number;
  readonly other: number;
  readonly ongoing: number;
  readonly averageDays: number | null;
  readonly medianDays: number | null;
}

/**
 * One row of figures. A count is `null` only when it is suppressed (its name is then in
 * `suppressed`); `successRate`, `averageDays` and `medianDays` are `null` when there is no closed
 * trajectory or when they would reveal a suppressed count.
 */
export interface FigureRow {
  readonly trajectories: number | null;
  readonly favourable: number | null;
  readonly unfavourable: number | null;
  readonly outcomes: Readonly<Record<UnfavourableOutcome, number | null>>;
  readonly ongoing: number | null;
  /** Whole percent, rounded half-up. */
  readonly successRate: number | null;
  readonly averageDays: number | null;
  readonly medianDays: number | null;
  /** Count fields withheld from this row (partner views only). */
  readonly suppressed: readonly CountField[];
}

export type YearRow = FigureRow & { readonly year: number };
export type ReferrerRow = FigureRow & { readonly organisationId: string; readonly name: string; readonly kind: ReferrerKind };
export type ReferrerKindRow = FigureRow & { readonly kind: ReferrerKind };
export type MunicipalityRow = FigureRow & { readonly municipality: string };
export type LegalBasisRow = FigureRow & { readonly legalBasis: ReportLegalBasis };

/** The yearly report: a plain object, the same in JSON, on the page and in the CSV. */
export interface YearlyReport {
  readonly scope: ReportScope['scope'];
  readonly organisationId: string;
  readonly period: { readonly from: string | null; readonly to: string | null };
  /** Cells below this count are withheld (partners: 3); null when nothing is suppressed. */
  readonly suppressionThreshold: number | null;
  readonly years: readonly YearRow[];
  readonly total: FigureRow;
  /** Outreach scope only: per referring organisation (a case referred by two counts in both). */
  readonly byReferrer?: readonly ReferrerRow[];
  /** Outreach scope only: per kind of referrer (a case counts once per kind). */
  readonly byReferrerKind?: readonly ReferrerKindRow[];
  readonly byMunicipality: readonly MunicipalityRow[];
  readonly byLegalBasis: readonly LegalBasisRow[];
}

/** Read a count cell of a row by its field name. */
export function countOf(row: FigureRow, field: CountField): number | null {
  switch (field) {
    case 'trajectories':
    case 'favourable':
    case 'unfavourable':
    case 'ongoing':
      return row[field];
    default:
      return row.outcomes[field];
  }
}
