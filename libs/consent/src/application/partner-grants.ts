import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { buildAbility, NO_PARTNER_CONTEXT, type AppAbility, type FactCategory, type PartnerContext, type PartnerGrant, type PolicyActor } from '@woonbrug/policies';
import { Clock } from '@woonbrug/kernel';
import { DataSource } from 'typeorm';

const PARTNER_ROLES: ReadonlySet<string> = new Set(['landlord_agent', 'ocmw_agent']);

/**
 * Computes what a partner organisation may read of one case right now (DESIGN.md §3): a
 * disclosure counts only while an active consent of the same organisation covers its category,
 * and only on a case that is not closed; the cases it referred and those where it is the landlord
 * of a referral. Read per request and per case, in one statement, so that withdrawal and expiry
 * take effect on the next request and the cost does not grow with the organisation's caseload.
 */
@Injectable()
export class PartnerGrants {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * The ability for work on one case: for a partner, the request's rules plus what this case
   * grants its organisation now; for everyone else, the request's rules (theirs do not depend on
   * grants). The route guard's ability carries no grants at all.
   */
  async abilityFor(actor: PolicyActor, caseId: string): Promise<AppAbility> {
    return buildAbility(actor, PARTNER_ROLES.has(actor.role) ? await this.load(actor.organisationId, caseId) : NO_PARTNER_CONTEXT);
  }

  /** The grants of one organisation on one case. */
  async load(organisationId: string | null, caseId: string): Promise<PartnerContext> {
    if (!organisationId) return NO_PARTNER_CONTEXT;
    const rows = (await this.db.query(
      `SELECT 'grant' AS kind, d.category::text AS category, d.fact_id
         FROM disclosure d
         JOIN case_file c ON c.id = d.case_id AND c.state IN ('active', 'aftercare')
         LEFT JOIN fact f ON f.id = d.fact_id
        WHERE d.case_id = $2 AND d.organisation_id = $1 AND d.revoked_at IS NULL
          AND EXISTS (
            SELECT 1 FROM consent k LEFT JOIN consent_withdrawal w ON w.consent_id = k.id
             WHERE k.case_id = d.case_id AND k.organisation_id = d.organisation_id AND w.consent_id IS NULL
               AND k.given_on <= $3 AND k.expires_on >= $3
               AND COALESCE(d.category, f.category) = ANY (k.categories))
       UNION ALL
       SELECT 'referred', NULL, NULL FROM referral r WHERE r.case_id = $2 AND r.referrer_organisation_id = $1
       UNION ALL
       SELECT 'landlord', NULL, NULL FROM referral r JOIN case_file c ON c.id = r.case_id AND c.state IN ('active', 'aftercare')
        WHERE r.case_id = $2 AND r.landlord_organisation_id = $1`,
      [organisationId, caseId, this.clock.today()],
    )) as Array<{ kind: 'grant' | 'referred' | 'landlord'; category: FactCategory | null; fact_id: string | null }>;
    const categories = new Set<FactCategory>();
    const factIds = new Set<string>();
    for (const r of rows) {
      if (r.kind !== 'grant') continue;
      if (r.category) categories.add(r.category);
      if (r.fact_id) factIds.add(r.fact_id);
    }
    const grants: PartnerGrant[] = rows.some((r) => r.kind === 'grant') ? [{ caseId, categories: [...categories], factIds: [...factIds] }] : [];
    return {
      grants,
      referredCaseIds: rows.some((r) => r.kind === 'referred') ? [caseId] : [],
      landlordCaseIds: rows.some((r) => r.kind === 'landlord') ? [caseId] : [],
    };
  }
}
