import { rulesToAST } from '@casl/ability/extra';
import type { Action, AppAbility, SubjectName } from '../domain/app-ability';

/** A SQL boolean expression with positional parameters starting at `$<offset + 1>`. */
export interface SqlCondition {
  readonly sql: string;
  readonly params: unknown[];
}

interface AstNode {
  operator: string;
  field?: string;
  value: unknown;
}

/**
 * Translates the ability's rules for one action and subject into a SQL WHERE condition, so that
 * what a list shows and what can be opened never disagree. Use it only as a conjunct of a WHERE
 * clause (never under NOT, in a SELECT list or a CASE).
 *
 * NULLs: a comparison under NOT is wrapped so that it is never NULL — `NOT (col = $1)` with a NULL
 * column must be true, as `can()` says in memory. Elsewhere it stays a plain `col = $1`: there a
 * NULL can only turn a FALSE into NULL (AND and OR are monotonic), which WHERE drops just the same,
 * and the plain form lets PostgreSQL use the column's index.
 *
 * @param columns maps each condition field to a SQL column expression; an unmapped field throws.
 */
export function accessibleWhere(
  ability: AppAbility,
  action: Action,
  subject: SubjectName,
  columns: Readonly<Record<string, string>>,
  offset = 0,
): SqlCondition {
  const ast = rulesToAST(ability, action, subject) as AstNode | null;
  if (ast === null) return { sql: 'FALSE', params: [] };
  const params: unknown[] = [];
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${offset + params.length}`;
  };
  const column = (field: string | undefined): string => {
    const col = field === undefined ? undefined : columns[field];
    if (!col) throw new Error(`No SQL column for policy field "${String(field)}" of ${subject}`);
    return col;
  };
  /** A comparison: plain where NULL means "not selected" anyway, never NULL under NOT. */
  const compare = (sql: string, negated: boolean): string => (negated ? `COALESCE(${sql}, FALSE)` : `(${sql})`);
  // CASL counts a NULL column as a member of a list that holds null; SQL's `= ANY` never does.
  const inList = (col: string, values: unknown[], negated: boolean): string => {
    const present = values.filter((v) => v !== null && v !== undefined);
    const matchesNull = present.length < values.length;
    const any = present.length > 0 ? compare(`${col} = ANY(${bind(present)})`, negated) : 'FALSE';
    return matchesNull ? `(${any} OR ${col} IS NULL)` : any;
  };
  const visit = (node: AstNode, negated: boolean): string => {
    const children = node.value as AstNode[];
    switch (node.operator) {
      case 'and':
        return children.length === 0 ? 'TRUE' : `(${children.map((c) => visit(c, negated)).join(' AND ')})`;
      case 'or':
        return children.length === 0 ? 'FALSE' : `(${children.map((c) => visit(c, negated)).join(' OR ')})`;
      case 'not':
        return `(NOT ${visit(Array.isArray(node.value) ? (node.value[0] as AstNode) : (node.value as AstNode), !negated)})`;
      case 'eq':
        return node.value === null ? `(${column(node.field)} IS NULL)` : compare(`${column(node.field)} = ${bind(node.value)}`, negated);
      case 'ne':
        return `(${column(node.field)} IS DISTINCT FROM ${bind(node.value)})`;
      case 'in':
        return inList(column(node.field), node.value as unknown[], negated);
      case 'nin':
        return `(NOT ${inList(column(node.field), node.value as unknown[], !negated)})`;
      default:
        throw new Error(`Policy operator "${node.operator}" has no SQL translation`);
    }
  };
  return { sql: visit(ast, false), params };
}
