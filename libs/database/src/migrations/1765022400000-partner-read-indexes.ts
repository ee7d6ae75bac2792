import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the benchmark's EXPLAIN asked for (issue 7): every landlord request looks up the cases
 * on which it is the landlord (`referral.landlord_organisation_id`), which was a sequential scan
 * of all referrals (165–255 ms at 100k cases).
 */
export class PartnerReadIndexes1765022400000 implements MigrationInterface {
  name = 'PartnerReadIndexes1765022400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX referral_landlord_organisation_idx ON referral (landlord_organisation_id, case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX referral_landlord_organisation_idx`);
  }
}
