import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthenticatedUser } from '@woonbrug/identity';
import { Clock, DomainError, NotFoundError } from '@woonbrug/kernel';
import { subject, type AppAbility } from '@woonbrug/policies';
import { DataSource, type EntityManager } from 'typeorm';

export const PROCEDURE_EVENT_KINDS = ['claim_filed', 'hearing_scheduled', 'judgment', 'eviction_scheduled', 'procedure_paused', 'procedure_continued'] as const;
export type ProcedureEventKind = (typeof PROCEDURE_EVENT_KINDS)[number];

/** Kinds whose date lies ahead (a scheduled hearing or eviction); the others record what happened. */
const SCHEDULED: readonly ProcedureEventKind[] = ['hearing_scheduled', 'eviction_scheduled'];

export interface ProcedureEventView {
  readonly id: string;
  readonly caseId: string;
  readonly kind: ProcedureEventKind;
  readonly eventDate: string;
  readonly note: string | null;
  readonly organisationName: string;
  readonly recordedAt: string;
}

interface ProcedureEventRow {
  id: string;
  case_id: string;
  kind: ProcedureEventKind;
  event_date: string;
  note: string | null;
  organisation_name: string;
  recorded_at: Date;
}

const VIEW_COLUMNS = `p.id, p.case_id, p.kind, to_char(p.event_date, 'YYYY-MM-DD') AS event_date, p.note, o.name AS organisation_name, p.recorded_at`;

function toView(r: ProcedureEventRow): ProcedureEventView {
  return { id: r.id, caseId: r.case_id, kind: r.kind, eventDate: r.event_date, note: r.note, organisationName: r.organisation_name, recordedAt: r.recorded_at.toISOString() };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The eviction procedure as the landlord records it on its portal (claim, hearing, judgment,
 * eviction, pause or continuation); the worker sees each step at once.
 */
@Injectable()
export class ProcedureService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a step in the caller's transaction (`manager`), so that whatever the caller stores
   * with it (the worker's notice) is stored with it or not at all.
   */
  async record(
    manager: EntityManager,
    ability: AppAbility,
    actor: AuthenticatedUser,
    caseId: string,
    input: { kind: ProcedureEventKind; eventDate: string; note?: string },
  ): Promise<ProcedureEventView> {
    const caseWorkerId = await this.caseWorker(caseId);
    if (caseWorkerId === undefined || !ability.can('create', subject('ProcedureEvent', { caseId, caseWorkerId }))) throw new NotFoundError('Case');
    if (!SCHEDULED.includes(input.kind) && input.eventDate > this.clock.today()) {
      throw new DomainError('VALIDATION_FAILED', 'invalid', 'This step cannot be in the future', [{ field: 'eventDate', code: 'DATE_IN_FUTURE', message: 'in the future' }]);
    }
    const [row] = (await manager.query(
      `WITH p AS (
         INSERT INTO procedure_event (case_id, kind, event_date, note, organisation_id, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, case_id, kind, event_date, note, organisation_id, recorded_at)
       SELECT ${VIEW_COLUMNS} FROM p JOIN organisation o ON o.id = p.organisation_id`,
      [caseId, input.kind, input.eventDate, input.note?.trim() || null, actor.organisationId, actor.id],
    )) as ProcedureEventRow[];
    return toView(row!);
  }

  /** The procedure of one case the caller may read; any other case answers like a missing one. */
  async listOfCase(ability: AppAbility, caseId: string): Promise<ProcedureEventView[]> {
    const caseWorkerId = await this.caseWorker(caseId);
    if (caseWorkerId === undefined || !ability.can('read', subject('ProcedureEvent', { caseId, caseWorkerId }))) throw new NotFoundError('Case');
    return this.list(ability, caseId);
  }

  /** The procedure of a case, in date order, for those who may read it (its worker, its landlord). */
  async list(ability: AppAbility, caseId: string): Promise<ProcedureEventView[]> {
    const caseWorkerId = await this.caseWorker(caseId);
    if (caseWorkerId === undefined || !ability.can('read', subject('ProcedureEvent', { caseId, caseWorkerId }))) return [];
    const rows = (await this.db.query(
      `SELECT ${VIEW_COLUMNS} FROM procedure_event p JOIN organisation o ON o.id = p.organisation_id WHERE p.case_id = $1 ORDER BY p.event_date, p.recorded_at`,
      [caseId],
    )) as ProcedureEventRow[];
    return rows.map(toView);
  }

  /** The case's worker id (null when unassigned), or undefined when there is no such case. */
  private async caseWorker(caseId: string): Promise<string | null | undefined> {
    if (!UUID.test(caseId)) return undefined;
    const [row] = (await this.db.query(`SELECT assigned_worker_id FROM case_file WHERE id = $1`, [caseId])) as Array<{ assigned_worker_id: string | null }>;
    return row ? row.assigned_worker_id : undefined;
  }
}
