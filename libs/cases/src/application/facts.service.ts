import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthenticatedUser } from '@woonbrug/identity';
import { DomainError, NotFoundError } from '@woonbrug/kernel';
import { accessibleWhere, permittedFieldsOf, subject, type Action, type AppAbility, type FactCategory } from '@woonbrug/policies';
import { DataSource } from 'typeorm';
import { CasesService } from './cases.service';

/** A fact as stored; what a caller receives is cut to its permitted fields. */
export interface FactView {
  readonly id: string;
  readonly caseId: string;
  readonly category: FactCategory;
  readonly body: string;
  readonly occurredOn: string;
  readonly version?: number;
  readonly createdBy?: string;
  readonly createdAt?: string;
  readonly updatedBy?: string;
  readonly updatedAt?: string;
}

export interface FactRevisionView {
  readonly version: number;
  readonly category: FactCategory;
  readonly body: string;
  readonly occurredOn: string;
  readonly editedBy: string;
  readonly editedAt: string;
}

export interface FactInput {
  readonly category: FactCategory;
  readonly body: string;
  readonly occurredOn: string;
}

const ALL_FACT_FIELDS = ['id', 'caseId', 'category', 'body', 'occurredOn', 'version', 'createdBy', 'createdAt', 'updatedBy', 'updatedAt'] as const;

/** Policy fields of the `Fact` subject and their columns (see {@link accessibleWhere}). */
export const FACT_POLICY_COLUMNS = {
  id: 'f.id',
  caseId: 'f.case_id',
  category: 'f.category',
  caseWorkerId: 'c.assigned_worker_id',
} as const;

interface FactRow {
  id: string;
  case_id: string;
  category: FactCategory;
  body: string;
  occurred_on: string;
  version: number;
  created_by: string;
  created_at: Date;
  updated_by: string;
  updated_at: Date;
  case_worker_id: string | null;
  case_state: string;
}

const FACT_SELECT = `SELECT f.id, f.case_id, f.category, f.body, to_char(f.occurred_on, 'YYYY-MM-DD') AS occurred_on, f.version,
    f.created_by, f.created_at, f.updated_by, f.updated_at, c.assigned_worker_id AS case_worker_id, c.state AS case_state
  FROM fact f JOIN case_file c ON c.id = f.case_id`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function factSubject(row: { id: string; case_id: string; category: FactCategory; case_worker_id: string | null }) {
  return subject('Fact', { id: row.id, caseId: row.case_id, category: row.category, caseWorkerId: row.case_worker_id });
}

/**
 * Only the fields the ability permits: a partner's fact has no author or edit times; absent, not
 * null (DESIGN.md §3).
 */
function permitted(ability: AppAbility, row: FactRow): FactView {
  const full: Record<string, unknown> = {
    id: row.id,
    caseId: row.case_id,
    category: row.category,
    body: row.body,
    occurredOn: row.occurred_on,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
  };
  const fields = permittedFieldsOf(ability, 'read', factSubject(row), { fieldsFrom: (rule) => rule.fields ?? [...ALL_FACT_FIELDS] });
  return Object.fromEntries(fields.filter((f) => f in full).map((f) => [f, full[f]])) as unknown as FactView;
}

/** Facts of a case: what may ever leave the worker, each in one category (DESIGN.md §3). */
@Injectable()
export class FactsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
  ) {}

  /**
   * The facts of a case the caller may read, oldest first. The same rules decide as for opening
   * one: for a partner, what the worker disclosed under a live consent on an open case.
   */
  async list(ability: AppAbility, caseId: string): Promise<FactView[]> {
    if (!UUID.test(caseId)) return [];
    const policy = accessibleWhere(ability, 'read', 'Fact', FACT_POLICY_COLUMNS, 1);
    const rows = (await this.db.query(`${FACT_SELECT} WHERE f.case_id = $1 AND ${policy.sql} ORDER BY f.occurred_on, f.created_at`, [
      caseId,
      ...policy.params,
    ])) as FactRow[];
    return rows.map((r) => permitted(ability, r));
  }

  /** The facts of one of the caller's own cases; another case answers like a missing one. */
  async listOfCase(ability: AppAbility, caseId: string): Promise<FactView[]> {
    const found = await this.cases.get(ability, caseId);
    if (!ability.can('read', subject('Fact', { id: '', caseId, category: 'status' as const, caseWorkerId: found.assignedWorkerId }))) {
      throw new NotFoundError('Case');
    }
    return this.list(ability, caseId);
  }

  async get(ability: AppAbility, id: string): Promise<FactView> {
    return permitted(ability, await this.load(ability, 'read', id));
  }

  /** Adds a fact to an open case of the caller. */
  async create(ability: AppAbility, actor: AuthenticatedUser, caseId: string, input: FactInput): Promise<FactView> {
    const found = await this.cases.get(ability, caseId);
    if (!ability.can('create', subject('Fact', { id: '', caseId, category: input.category, caseWorkerId: found.assignedWorkerId }))) {
      throw new NotFoundError('Case');
    }
    if (found.state !== 'active' && found.state !== 'aftercare') {
      throw new DomainError('CASE_NOT_OPEN', 'conflict', 'Facts are added to active cases only');
    }
    const [row] = (await this.db.query(
      `INSERT INTO fact (case_id, category, body, occurred_on, created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
      [caseId, input.category, input.body, input.occurredOn, actor.id],
    )) as Array<{ id: string }>;
    return this.get(ability, row!.id);
  }

  /** Changes a fact; the previous version is kept. */
  async update(ability: AppAbility, actor: AuthenticatedUser, id: string, input: FactInput): Promise<FactView> {
    await this.db.transaction(async (m) => {
      const row = await this.load(ability, 'update', id, m.query.bind(m), true);
      if (!ability.can('update', factSubject({ ...row, category: input.category }))) throw new NotFoundError('Fact');
      await m.query(
        `INSERT INTO fact_revision (fact_id, version, category, body, occurred_on, edited_by, edited_at) SELECT id, version, category, body, occurred_on, updated_by, updated_at FROM fact WHERE id = $1`,
        [id],
      );
      await m.query(`UPDATE fact SET category = $2, body = $3, occurred_on = $4, version = version + 1, updated_by = $5, updated_at = now() WHERE id = $1`, [
        id,
        input.category,
        input.body,
        input.occurredOn,
        actor.id,
      ]);
    });
    return this.get(ability, id);
  }

  /** Earlier versions of a fact, newest first (worker only). */
  async history(ability: AppAbility, id: string): Promise<FactRevisionView[]> {
    await this.load(ability, 'update', id);
    const rows = (await this.db.query(
      `SELECT version, category, body, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on, edited_by, edited_at FROM fact_revision WHERE fact_id = $1 ORDER BY version DESC`,
      [id],
    )) as Array<{ version: number; category: FactCategory; body: string; occurred_on: string; edited_by: string; edited_at: Date }>;
    return rows.map((r) => ({ version: r.version, category: r.category, body: r.body, occurredOn: r.occurred_on, editedBy: r.edited_by, editedAt: r.edited_at.toISOString() }));
  }

  /** The case and category of a fact, for a worker who manages it (used to check disclosures). */
  async forDisclosure(ability: AppAbility, id: string): Promise<{ id: string; caseId: string; category: FactCategory }> {
    const row = await this.load(ability, 'update', id);
    return { id: row.id, caseId: row.case_id, category: row.category };
  }

  private async load(
    ability: AppAbility,
    action: Action,
    id: string,
    query: (sql: string, params: unknown[]) => Promise<unknown> = (sql, params) => this.db.query(sql, params),
    forUpdate = false,
  ): Promise<FactRow> {
    if (!UUID.test(id)) throw new NotFoundError('Fact');
    const [row] = (await query(`${FACT_SELECT} WHERE f.id = $1${forUpdate ? ' FOR UPDATE OF f' : ''}`, [id])) as FactRow[];
    if (!row || !ability.can(action, factSubject(row))) throw new NotFoundError('Fact');
    return row;
  }
}
