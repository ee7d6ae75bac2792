import { disclosureRisks, isSmallCount, suppressSmallCells, type CountTable } from './suppression';

function table(values: Record<string, number>, relations: Array<[string, string[]]>): CountTable {
  return { values: new Map(Object.entries(values)), relations: relations.map(([total, parts]) => ({ total, parts })) };
}

/** A table with rows r0..r{n-1} and columns c0..c{m-1}, row and column totals and a grand total. */
function grid(inner: number[][]): { table: CountTable; innerCells: string[] } {
  const values: Record<string, number> = {};
  const relations: Array<[string, string[]]> = [];
  const rows = inner.length;
  const cols = inner[0]!.length;
  const innerCells: string[] = [];
  inner.forEach((row, i) => row.forEach((v, j) => {
    values[`r${i}c${j}`] = v;
    innerCells.push(`r${i}c${j}`);
  }));
  for (let i = 0; i < rows; i += 1) {
    values[`r${i}T`] = inner[i]!.reduce((a, b) => a + b, 0);
    relations.push([`r${i}T`, inner[i]!.map((_, j) => `r${i}c${j}`)]);
  }
  for (let j = 0; j < cols; j += 1) {
    values[`Tc${j}`] = inner.reduce((a, row) => a + row[j]!, 0);
    relations.push([`Tc${j}`, inner.map((_, i) => `r${i}c${j}`)]);
  }
  values.TT = Object.entries(values).filter(([k]) => /^r\d+T$/.test(k)).reduce((a, [, v]) => a + v, 0);
  relations.push(['TT', inner.map((_, i) => `r${i}T`)], ['TT', inner[0]!.map((_, j) => `Tc${j}`)]);
  return { table: table(values, relations), innerCells };
}

/**
 * What a reader can still work out, by brute force: every assignment of the withheld inner cells
 * (1..max each: zeros are always shown, and no cell exceeds a shown total of its row or column)
 * that agrees with all shown cells. Returns the withheld cells that take one single value over
 * all those assignments.
 */
function recoverableByBruteForce(inner: number[][], withheld: ReadonlySet<string>, max: number): string[] {
  const { table: t } = grid(inner);
  const rows = inner.length;
  const cols = inner[0]!.length;
  const shown = (cell: string) => (withheld.has(cell) ? undefined : t.values.get(cell)!);
  const unknown: Array<[number, number, number]> = [];
  const current = inner.map((row, i) => row.map((v, j) => (withheld.has(`r${i}c${j}`) ? 0 : v)));
  for (let i = 0; i < rows; i += 1) {
    for (let j = 0; j < cols; j += 1) {
      if (withheld.has(`r${i}c${j}`)) unknown.push([i, j, Math.min(max, shown(`r${i}T`) ?? max, shown(`Tc${j}`) ?? max, shown('TT') ?? max)]);
    }
  }
  const derived = [...t.values.keys()].filter((c) => !/^r\d+c\d+$/.test(c));
  const seen = new Map<string, Set<number>>([...withheld].map((c) => [c, new Set<number>()]));
  const valueOf = (cell: string): number => {
    if (cell === 'TT') return current.flat().reduce((a, b) => a + b, 0);
    const row = /^r(\d+)T$/.exec(cell);
    if (row) return current[Number(row[1])]!.reduce((a, b) => a + b, 0);
    const col = /^Tc(\d+)$/.exec(cell);
    if (col) return current.reduce((a, r) => a + r[Number(col[1])]!, 0);
    const [, i, j] = /^r(\d+)c(\d+)$/.exec(cell)!;
    return current[Number(i)]![Number(j)]!;
  };
  const visit = (k: number) => {
    if (k === unknown.length) {
      for (const cell of derived) {
        const v = valueOf(cell);
        if (withheld.has(cell) ? v < 1 : v !== t.values.get(cell)) return;
      }
      for (const [cell, values] of seen) values.add(valueOf(cell));
      return;
    }
    const [i, j, bound] = unknown[k]!;
    for (let v = 1; v <= bound; v += 1) {
      current[i]![j] = v;
      visit(k + 1);
    }
  };
  visit(0);
  return [...seen].filter(([, values]) => values.size < 2).map(([cell]) => cell);
}

/** A small pseudo-random generator, so that the property test is repeatable. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('small-cell suppression', () => {
  it('withholds counts of 1 and 2, never 0 or 3 and more', () => {
    expect([0, 1, 2, 3, 17].map((v) => isSmallCount(v))).toEqual([false, true, true, false, false]);
    const t = table({ T: 17, a: 0, b: 3, c: 14 }, [['T', ['a', 'b', 'c']]]);
    expect([...suppressSmallCells(t)]).toEqual([]);
  });

  it('withholds a second cell so that a small one is not the total minus the others', () => {
    const t = table({ T: 10, a: 2, b: 4, c: 4 }, [['T', ['a', 'b', 'c']]]);
    expect(disclosureRisks(t, new Set(['a']))).toEqual([{ kind: 'determined', cell: 'a' }]);
    const withheld = suppressSmallCells(t);
    expect(withheld.has('a')).toBe(true);
    expect(withheld.size).toBe(2);
    expect(withheld.has('T')).toBe(false);
    expect(disclosureRisks(t, withheld)).toEqual([]);
  });

  it('does not leave small cells pinned by their bounds: two withheld cells adding up to 2 are both 1', () => {
    const t = table({ T: 5, a: 1, b: 3, c: 1 }, [['T', ['a', 'b', 'c']]]);
    expect(disclosureRisks(t, new Set(['a', 'c']))).toEqual([{ kind: 'bounded', relation: 0 }]);
    const withheld = suppressSmallCells(t);
    expect([...withheld].sort()).toEqual(['a', 'b', 'c']);
    expect(disclosureRisks(t, withheld)).toEqual([]);
    // And two small cells adding up to 4 are both 2.
    const high = table({ T: 7, a: 2, b: 3, c: 2 }, [['T', ['a', 'b', 'c']]]);
    expect(disclosureRisks(high, new Set(['a', 'c']))).toEqual([{ kind: 'bounded', relation: 0 }]);
    expect(disclosureRisks(high, suppressSmallCells(high))).toEqual([]);
  });

  it('follows the relations through a table: a cell withheld in a row is protected in its column too', () => {
    const { table: t } = grid([
      [1, 5, 4],
      [6, 3, 7],
      [4, 4, 8],
    ]);
    // Withholding r0c0 and one more cell of its row still gives it away through its column.
    expect(disclosureRisks(t, new Set(['r0c0', 'r0c2'])).map((r) => r.kind)).toContain('determined');
    const withheld = suppressSmallCells(t, (cell, value) => [cell.includes('T') ? 1 : 0, value]);
    expect(disclosureRisks(t, withheld)).toEqual([]);
    expect(recoverableByBruteForce([[1, 5, 4], [6, 3, 7], [4, 4, 8]], withheld, 12)).toEqual([]);
    // Totals were not needed.
    expect([...withheld].filter((c) => c.includes('T'))).toEqual([]);
  });

  it('leaves nothing recoverable in random tables (checked by brute force)', () => {
    const next = random(20260601);
    for (let run = 0; run < 40; run += 1) {
      const inner = [0, 1].map(() => [0, 1, 2].map(() => Math.floor(next() * 6)));
      const { table: t } = grid(inner);
      const withheld = suppressSmallCells(t);
      for (const [cell, value] of t.values) {
        if (isSmallCount(value)) expect({ inner, cell, withheld: withheld.has(cell) }).toEqual({ inner, cell, withheld: true });
        if (value === 0) expect({ inner, cell, withheld: withheld.has(cell) }).toEqual({ inner, cell, withheld: false });
      }
      expect({ inner, risks: disclosureRisks(t, withheld) }).toEqual({ inner, risks: [] });
      expect({ inner, recoverable: recoverableByBruteForce(inner, withheld, 10) }).toEqual({ inner, recoverable: [] });
    }
  });
});
