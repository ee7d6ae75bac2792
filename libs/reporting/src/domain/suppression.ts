/**
 * Small-cell suppression for figures shown to partners, so that no individual can be singled
 * out (DESIGN.md §5, issue 6).
 *
 * A table is a set of named count cells and the additive relations between them
 * (`total = part + part + …`: a row's trajectories are its favourable plus unfavourable ones, a
 * column's total is the sum of its rows). The rules:
 *
 * 1. **Primary suppression**: a cell of 1 up to `threshold − 1` cases is withheld. Zero is shown:
 *    an empty cell singles nobody out.
 * 2. **Complementary suppression**: withholding one cell is useless if it can be computed back
 *    from what is shown — a total minus the other cells, or any combination of relations. So more
 *    cells are withheld until the audit below finds no risk:
 *    - **determined**: a withheld cell whose value follows from the shown cells through the
 *      relations (linear algebra: its unit vector lies in the row space of the relations restricted
 *      to the withheld cells; exact integer elimination);
 *    - **bounded**: a relation whose withheld parts are pinned by their bounds. Zero is always
 *      shown, so a reader knows each withheld cell is at least 1: `k` withheld parts adding up to
 *      `k` are all 1. And when every withheld part is small, adding up to `k × (threshold − 1)`
 *      pins them all at the maximum.
 * 3. The extra cells are chosen greedily among the cells related to a risk: the one that leaves
 *    the fewest risks, then by the caller's preference (e.g. not the grand total, small
 *    values first); never a zero (a withheld zero would tell its value by the rule above).
 *
 * The audit covers one table. Two tables over different periods can still be subtracted from
 * each other; see the README for what that leaves open.
 */

/** `total = Σ parts`, by cell name. */
export interface CountRelation {
  readonly total: string;
  readonly parts: readonly string[];
}

export interface CountTable {
  /** Every cell with its true value (whole numbers ≥ 0). */
  readonly values: ReadonlyMap<string, number>;
  readonly relations: readonly CountRelation[];
}

export type DisclosureRisk =
  | { readonly kind: 'determined'; readonly cell: string }
  | { readonly kind: 'bounded'; readonly relation: number };

/** Partner views withhold counts of 1 and 2. */
export const SUPPRESSION_THRESHOLD = 3;

export function isSmallCount(value: number, threshold: number = SUPPRESSION_THRESHOLD): boolean {
  return value > 0 && value < threshold;
}

function valueOf(table: CountTable, cell: string): number {
  const value = table.values.get(cell);
  if (value === undefined) throw new RangeError(`Unknown cell ${cell}`);
  return value;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function normalise(row: bigint[]): bigint[] {
  const g = row.reduce((acc, v) => gcd(acc, v), 0n);
  return g > 1n ? row.map((v) => v / g) : row;
}

/**
 * Withheld cells whose value the relations determine from the shown cells: Gauss–Jordan
 * elimination over the integers (fraction-free, rows kept small by their gcd); a cell is determined
 * exactly when its pivot row has no other non-zero entry.
 */
function determinedCells(table: CountTable, withheld: ReadonlySet<string>): string[] {
  const unknowns = [...withheld];
  const index = new Map(unknowns.map((cell, i) => [cell, i]));
  const rows: bigint[][] = [];
  for (const relation of table.relations) {
    const row = new Array<bigint>(unknowns.length).fill(0n);
    const add = (cell: string, coefficient: bigint) => {
      const i = index.get(cell);
      if (i !== undefined) row[i]! += coefficient;
    };
    add(relation.total, 1n);
    for (const part of relation.parts) add(part, -1n);
    if (row.some((v) => v !== 0n)) rows.push(row);
  }
  const pivots: Array<{ row: number; column: number }> = [];
  let next = 0;
  for (let column = 0; column < unknowns.length && next < rows.length; column += 1) {
    let found = -1;
    for (let r = next; r < rows.length; r += 1) {
      if (rows[r]![column] !== 0n) {
        found = r;
        break;
      }
    }
    if (found < 0) continue;
    [rows[next], rows[found]] = [rows[found]!, rows[next]!];
    const pivot = rows[next]!;
    for (let r = 0; r < rows.length; r += 1) {
      const row = rows[r]!;
      if (r === next || row[column] === 0n) continue;
      const factor = row[column]!;
      const scale = pivot[column]!;
      rows[r] = normalise(row.map((v, j) => v * scale - pivot[j]! * factor));
    }
    pivots.push({ row: next, column });
    next += 1;
  }
  return pivots.filter(({ row, column }) => rows[row]!.every((v, j) => j === column || v === 0n)).map(({ column }) => unknowns[column]!);
}

/** Every way the shown cells of `table` give a withheld cell away (empty: the table is safe). */
export function disclosureRisks(table: CountTable, withheld: ReadonlySet<string>, threshold: number = SUPPRESSION_THRESHOLD): DisclosureRisk[] {
  const risks: DisclosureRisk[] = determinedCells(table, withheld).map((cell) => ({ kind: 'determined' as const, cell }));
  table.relations.forEach((relation, i) => {
    if (withheld.has(relation.total)) return;
    const hidden = relation.parts.filter((p) => withheld.has(p));
    if (hidden.length < 2) return; // one hidden part is `determined` above
    const rest = valueOf(table, relation.total) - relation.parts.filter((p) => !withheld.has(p)).reduce((sum, p) => sum + valueOf(table, p), 0);
    const allSmall = hidden.every((p) => isSmallCount(valueOf(table, p), threshold));
    if (rest <= hidden.length || (allSmall && rest >= hidden.length * (threshold - 1))) risks.push({ kind: 'bounded', relation: i });
  });
  return risks;
}

/**
 * The cells to withhold: every small cell, plus complementary cells until {@link disclosureRisks}
 * is empty. `preference` ranks candidate cells (lexicographically, lower first); ties go to the
 * cell name, so the result is deterministic.
 */
export function suppressSmallCells(
  table: CountTable,
  preference: (cell: string, value: number) => readonly number[] = (_cell, value) => [value],
  threshold: number = SUPPRESSION_THRESHOLD,
): Set<string> {
  const withheld = new Set([...table.values].filter(([, value]) => isSmallCount(value, threshold)).map(([cell]) => cell));
  const rank = (cell: string) => preference(cell, valueOf(table, cell));
  const better = (a: string, b: string) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < Math.max(ra.length, rb.length); i += 1) {
      const d = (ra[i] ?? 0) - (rb[i] ?? 0);
      if (d !== 0) return d < 0;
    }
    return a < b;
  };
  const open = (cells: Iterable<string>) => [...new Set(cells)].filter((c) => !withheld.has(c) && valueOf(table, c) > 0);
  const cellsOf = (relation: CountRelation) => [relation.total, ...relation.parts];
  for (;;) {
    const risks = disclosureRisks(table, withheld, threshold);
    if (risks.length === 0) return withheld;
    const exposed = new Set(risks.flatMap((r) => (r.kind === 'determined' ? [r.cell] : [])));
    let candidates = open(
      table.relations.flatMap((relation, i) =>
        risks.some((r) => r.kind === 'bounded' && r.relation === i) || cellsOf(relation).some((c) => exposed.has(c)) ? cellsOf(relation) : [],
      ),
    );
    if (candidates.length === 0) candidates = open(table.values.keys());
    if (candidates.length === 0) return withheld; // nothing left to withhold
    // One step of lookahead: the candidate that leaves the fewest risks, then by preference.
    const remaining = new Map(candidates.map((c) => [c, disclosureRisks(table, new Set([...withheld, c]), threshold).length]));
    withheld.add(candidates.reduce((best, c) => (remaining.get(c)! < remaining.get(best)! || (remaining.get(c) === remaining.get(best) && better(c, best)) ? c : best)));
  }
}
