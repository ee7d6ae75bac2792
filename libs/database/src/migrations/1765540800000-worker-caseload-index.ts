import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A worker's caseload (open cases assigned to them) as one index range (issue 7): it was the
 * intersection of the worker's index (all their cases, closed ones too) and the state index (all
 * open cases of the region), so its cost grew with the region. The new index starts with the
 * worker, so it replaces the worker's own index.
 */
export class WorkerCaseloadIndex1765540800000 implements MigrationInterface {
  name = 'WorkerCaseloadIndex1765540800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX case_file_worker_state_idx ON case_file (assigned_worker_id, state)`);
    await q.query(`DROP INDEX case_file_assigned_worker_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX case_file_assigned_worker_idx ON case_file (assigned_worker_id)`);
    await q.query(`DROP INDEX case_file_worker_state_idx`);
  }
}
