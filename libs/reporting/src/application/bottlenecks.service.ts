import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, DomainError } from '@woonbrug/kernel';
import { accessibleWhere, subject, type AppAbility } from '@woonbrug/policies';
import { DataSource } from 'typeorm';
import { MAX_BOTTLENECK_LENGTH, type BottleneckCategory, type BottleneckFilter, type BottleneckInput, type BottleneckView } from '../domain/bottleneck';
import { periodProblems, type FieldProblem } from '../domain/period';

/** Policy fields of the `Bottleneck` subject and their columns. */
const POLICY_COLUMNS = { organisationId: 'b.organisation_id' } as const;

/** At most this many bottlenecks are listed at once (newest first). */
const LIST_LIMIT = 500;

interface BottleneckRow {
  id: string;
  category: BottleneckCategory;
  body: string;
  observed_on: string;
  recorded_at: Date;
}

function toView(row: BottleneckRow): BottleneckView {
  return { id: row.id, category: row.category, body: row.body, observedOn: row.observed_on, recordedAt: row.recorded_at.toISOString() };
}

function invalid(problems: FieldProblem[]): DomainError {
  return new DomainError('VALIDATION_FAILED', 'invalid', 'The bottleneck has invalid fields', problems);
}

/**
 * Bottlenecks a worker or coordinator records for the evaluation, shared within the own outreach
 * organisation (ability: `create`/`read` `Bottleneck` with the organisation).
 */
@Injectable()
export class BottlenecksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(ability: AppAbility, author: { id: string; organisationId: string | null }, input: BottleneckInput): Promise<BottleneckView> {
    const organisationId = author.organisationId;
    if (!organisationId || !ability.can('create', subject('Bottleneck', { organisationId }))) {
      throw new DomainError('FORBIDDEN', 'forbidden', 'Not allowed');
    }
    const body = input.body.trim();
    const observedOn = input.observedOn ?? this.clock.today();
    const problems: FieldProblem[] = [];
    if (body.length === 0) problems.push({ field: 'body', code: 'REQUIRED', message: 'body is empty' });
    if (body.length > MAX_BOTTLENECK_LENGTH) problems.push({ field: 'body', code: 'TOO_LONG', message: 'body is too long' });
    if (observedOn > this.clock.today()) problems.push({ field: 'observedOn', code: 'DATE_IN_FUTURE', message: 'observedOn is in the future' });
    if (problems.length > 0) throw invalid(problems);
    const [row] = (await this.db.query(
      `INSERT INTO bottleneck (organisation_id, category, body, observed_on, recorded_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, category, body, to_char(observed_on, 'YYYY-MM-DD') AS observed_on, recorded_at`,
      [organisationId, input.category, body, observedOn, author.id],
    )) as BottleneckRow[];
    return toView(row!);
  }

  /** The organisation's bottlenecks, newest observation first, optionally within a period and category. */
  async list(ability: AppAbility, filter: BottleneckFilter = {}): Promise<BottleneckView[]> {
    const problems = periodProblems(filter.from, filter.to, 'to');
    if (problems.length > 0) throw invalid(problems);
    const policy = accessibleWhere(ability, 'read', 'Bottleneck', POLICY_COLUMNS);
    const params: unknown[] = [...policy.params];
    const where = [policy.sql];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.from) add('b.observed_on >= ?::date', filter.from);
    if (filter.to) add('b.observed_on <= ?::date', filter.to);
    if (filter.category) add('b.category = ?', filter.category);
    params.push(LIST_LIMIT);
    const rows = (await this.db.query(
      `SELECT b.id, b.category, b.body, to_char(b.observed_on, 'YYYY-MM-DD') AS observed_on, b.recorded_at
         FROM bottleneck b WHERE ${where.join(' AND ')}
        ORDER BY b.observed_on DESC, b.recorded_at DESC LIMIT $${params.length}`,
      params,
    )) as BottleneckRow[];
    return rows.map(toView);
  }
}
