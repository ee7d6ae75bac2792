import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Peer consultation: pseudonymised summaries and their threads. */
export class Intervision1764936000000 implements MigrationInterface {
  name = 'Intervision1764936000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
