import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FactCategory, PartnerContext, PartnerContextSource, PartnerGrant, PolicyActor } from '@woonbrug/policies';
import { NO_PARTNER_CONTEXT } from '@woonbrug/policies';
import { Clock } from '@woonbrug/kernel';
import { DataSource } from 'typeorm';

/**
 * Computes, per request, what a partner organisation may read (DESIGN.md §3): a disclosure counts
 * only while an active consent of the same organisation covers its category, and only on a case
 * that is not closed. One query, so that withdrawal and expiry take effect on the next request.
 */
@Injectable()
export class PartnerGrants implements PartnerContextSource {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async load(actor: PolicyActor | string): Promise<PartnerContext> {
    const organisationId = typeof actor === 'string' ? actor : actor.organisationId;
    if (!organisationId) return NO_PARTNER_CONTEXT;
    const rows = (await this.db.query(
      `SELECT d.case_id, d.category::text AS category, d.fact_id
         FROM disclosure d
         JOIN case_file c ON c.id = d.case_id AND c.state IN ('active', 'aftercare')
         LEFT JOIN fact f ON f.id = d.fact_id
        WHERE d.organisation_id = $1 AND d.revoked_at IS NULL
          AND EXISTS (
            SELECT 1 FROM consent k LEFT JOIN consent_withdrawal w ON w.consent_id = k.id
             WHERE k.case_id = d.case_id AND k.organisation_id = d.organisation_id AND w.consent_id IS NULL
               AND k.given_on <= $2 AND k.expires_on >= $2
               AND COALESCE(d.category, f.category) = ANY (k.categories))`,
      [organisationId, this.clock.today()],
    )) as Array<{ case_id: string; category: FactCategory | null; fact_id: string | null }>;
    const byCase = new Map<string, { categories: Set<FactCategory>; factIds: Set<string> }>();
    for (const r of rows) {
      const entry = byCase.get(r.case_id) ?? { categories: new Set(), factIds: new Set() };
      if (r.category) entry.categories.add(r.category);
      if (r.fact_id) entry.factIds.add(r.fact_id);
      byCase.set(r.case_id, entry);
    }
    const grants: PartnerGrant[] = [...byCase].map(([caseId, e]) => ({ caseId, categories: [...e.categories], factIds: [...e.factIds] }));
    const referred = (await this.db.query(`SELECT DISTINCT case_id FROM referral WHERE referrer_organisation_id = $1`, [organisationId])) as Array<{
      case_id: string;
    }>;
    const landlordOf = (await this.db.query(
      `SELECT DISTINCT r.case_id FROM referral r JOIN case_file c ON c.id = r.case_id AND c.state IN ('active', 'aftercare')
        WHERE r.landlord_organisation_id = $1`,
      [organisationId],
    )) as Array<{ case_id: string }>;
    return { grants, referredCaseIds: referred.map((r) => r.case_id), landlordCaseIds: landlordOf.map((r) => r.case_id) };
  }
}
