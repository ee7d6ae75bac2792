import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The referrer's list comes in pages, newest first, continued after the last (created_at, id) of
 * the page before (issue 7): the index now ends in `id` too, so that each page is one index range.
 */
export class ReferralListPaging1765368000000 implements MigrationInterface {
  name = 'ReferralListPaging1765368000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX referral_referrer_organisation_idx`);
    await q.query(`CREATE INDEX referral_referrer_organisation_idx ON referral (referrer_organisation_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX referral_referrer_organisation_idx`);
    await q.query(`CREATE INDEX referral_referrer_organisation_idx ON referral (referrer_organisation_id, created_at DESC)`);
  }
}
