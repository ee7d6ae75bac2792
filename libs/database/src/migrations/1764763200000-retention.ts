import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Retention: what the anonymisation job needs (owned by the retention work). */
export class Retention1764763200000 implements MigrationInterface {
  name = 'Retention1764763200000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
