import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reporting: bottlenecks (knelpunten) and what the yearly report needs. */
export class Reporting1764849600000 implements MigrationInterface {
  name = 'Reporting1764849600000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
