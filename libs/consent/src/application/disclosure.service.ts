import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@woonbrug/audit';
import { CasesService, FactsService, type FactView } from '@woonbrug/cases';
import { IdentityService, type AuthenticatedUser, type OrganisationView } from '@woonbrug/identity';
import { NotFoundError , Clock } from '@woonbrug/kernel';
import { FACT_CATEGORIES, type AppAbility, type FactCategory } from '@woonbrug/policies';
import { DataSource } from 'typeorm';
import { confirmationNeeded } from '../domain/sharing-rules';
import { BeyondConsentError, ConfirmationRequiredError, NotAPartnerError } from '../domain/sharing.errors';
import { caseForWork } from './case-work';
import { workerOf } from './consent.service';
import { PartnerGrants } from './partner-grants';

export interface DisclosureView {
  readonly id: string;
  readonly organisationId: string;
  readonly category: FactCategory | null;
  readonly factId: string | null;
  readonly warningConfirmed: boolean;
  readonly sharedSecrecyConfirmed: boolean;
  readonly disclosedAt: string;
}

export interface DiscloseInput {
  readonly organisationId: string;
  readonly category?: FactCategory;
  readonly factId?: string;
  readonly confirmWarning?: boolean;
  readonly confirmSharedSecrecy?: boolean;
}

/** Per partner: what the consent allows, what is disclosed, and what the partner sees now. */
export interface PartnerSharing {
  readonly organisation: OrganisationView;
  readonly consentedCategories: readonly FactCategory[];
  readonly disclosures: readonly DisclosureView[];
  readonly visibleFacts: readonly FactView[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The worker's choice, under the tenant's consent, of what each partner sees of a case. */
@Injectable()
export class DisclosureService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly cases: CasesService,
    private readonly facts: FactsService,
    private readonly identity: IdentityService,
    private readonly grants: PartnerGrants,
    private readonly audit: AuditLog,
  ) {}

  async list(ability: AppAbility, caseId: string): Promise<DisclosureView[]> {
    return (await this.read(ability, caseId, false)).map(({ revokedAt: _revokedAt, ...view }) => view);
  }

  /** Every disclosure of a case, revoked ones included, oldest first (the tenant's overview, GDPR art. 15). */
  history(ability: AppAbility, caseId: string): Promise<Array<DisclosureView & { readonly revokedAt: string | null }>> {
    return this.read(ability, caseId, true);
  }

  private async read(ability: AppAbility, caseId: string, withRevoked: boolean): Promise<Array<DisclosureView & { readonly revokedAt: string | null }>> {
    await caseForWork(this.cases, ability, 'read', 'Disclosure', caseId);
    const rows = (await this.db.query(
      `SELECT id, organisation_id, category, fact_id, warning_confirmed, shared_secrecy_confirmed, disclosed_at, revoked_at
         FROM disclosure WHERE case_id = $1${withRevoked ? '' : ' AND revoked_at IS NULL'} ORDER BY disclosed_at, id`,
      [caseId],
    )) as Array<{ id: string; organisation_id: string; category: FactCategory | null; fact_id: string | null; warning_confirmed: boolean; shared_secrecy_confirmed: boolean; disclosed_at: Date; revoked_at: Date | null }>;
    return rows.map((r) => ({
      id: r.id,
      organisationId: r.organisation_id,
      category: r.category,
      factId: r.fact_id,
      warningConfirmed: r.warning_confirmed,
      sharedSecrecyConfirmed: r.shared_secrecy_confirmed,
      disclosedAt: r.disclosed_at.toISOString(),
      revokedAt: r.revoked_at ? r.revoked_at.toISOString() : null,
    }));
  }

  /**
   * Discloses a category or a single fact to a partner, never beyond the consent; beyond
   * `status`, the worker confirms the warning or the shared-secrecy conditions, which are stored.
   */
  async disclose(ability: AppAbility, actor: AuthenticatedUser, caseId: string, input: DiscloseInput): Promise<DisclosureView> {
    await caseForWork(this.cases, ability, 'create', 'Disclosure', caseId);
    const organisation = await this.identity.findOrganisation(input.organisationId);
    if (!organisation || (organisation.kind !== 'landlord' && organisation.kind !== 'ocmw')) throw new NotAPartnerError();
    let category = input.category;
    if (input.factId) {
      const fact = await this.facts.forDisclosure(ability, input.factId);
      if (fact.caseId !== caseId) throw new NotFoundError('Fact');
      category = fact.category;
    }
    if (!category || (input.category && input.factId)) {
      throw new NotFoundError('Fact');
    }
    const consented = await this.consentedCategories(caseId, organisation.id);
    if (!consented.includes(category)) throw new BeyondConsentError(category);
    const needed = confirmationNeeded(category, organisation.boundByProfessionalSecrecy);
    if (needed === 'warning' && input.confirmWarning !== true) throw new ConfirmationRequiredError('warning');
    if (needed === 'shared_secrecy' && input.confirmSharedSecrecy !== true) throw new ConfirmationRequiredError('shared_secrecy');

    const disclosedCategory = category;
    const id = await this.db.transaction(async (m) => {
      const [row] = (await m.query(
        `INSERT INTO disclosure (case_id, organisation_id, category, fact_id, warning_confirmed, shared_secrecy_confirmed, disclosed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [caseId, organisation.id, input.factId ? null : disclosedCategory, input.factId ?? null, needed === 'warning', needed === 'shared_secrecy', actor.id],
      )) as Array<{ id: string }>;
      await this.audit.record(m, {
        ...workerOf(actor),
        eventType: 'disclosure.changed',
        outcome: 'allowed',
        action: input.factId ? 'disclose_fact' : 'disclose_category',
        caseId,
        subject: 'disclosure',
        category: disclosedCategory,
        fields: [input.factId ? 'fact' : 'category'],
      });
      return row!.id;
    });
    return (await this.list(ability, caseId)).find((d) => d.id === id)!;
  }

  async revoke(ability: AppAbility, actor: AuthenticatedUser, id: string): Promise<void> {
    if (!UUID.test(id)) throw new NotFoundError('Disclosure');
    const [row] = (await this.db.query(`SELECT case_id FROM disclosure WHERE id = $1 AND revoked_at IS NULL`, [id])) as Array<{ case_id: string }>;
    if (!row) throw new NotFoundError('Disclosure');
    await caseForWork(this.cases, ability, 'update', 'Disclosure', row.case_id).catch(() => {
      throw new NotFoundError('Disclosure');
    });
    await this.db.transaction(async (m) => {
      const [changed] = (await m.query(`SELECT category::text AS category, fact_id FROM disclosure WHERE id = $1 FOR UPDATE`, [id])) as Array<{
        category: string | null;
        fact_id: string | null;
      }>;
      await m.query(`UPDATE disclosure SET revoked_at = now(), revoked_by = $2 WHERE id = $1`, [id, actor.id]);
      await this.audit.record(m, {
        ...workerOf(actor),
        eventType: 'disclosure.changed',
        outcome: 'allowed',
        action: 'revoke',
        caseId: row.case_id,
        subject: 'disclosure',
        category: changed?.category ?? null,
        fields: [changed?.fact_id ? 'fact' : 'category'],
      });
    });
  }

  /**
   * "View as": per partner organisation with a consent or a referral on this case, what the
   * consent allows, what is disclosed, and exactly the facts that partner would see now — built
   * with the partner's own ability, so the preview and the partner portal cannot disagree.
   */
  async sharingOverview(ability: AppAbility, caseId: string): Promise<PartnerSharing[]> {
    await caseForWork(this.cases, ability, 'read', 'Disclosure', caseId);
    const disclosures = await this.list(ability, caseId);
    const orgIds = (await this.db.query(
      `SELECT organisation_id AS id FROM consent WHERE case_id = $1 UNION SELECT referrer_organisation_id FROM referral WHERE case_id = $1`,
      [caseId],
    )) as Array<{ id: string }>;
    const result: PartnerSharing[] = [];
    for (const { id } of orgIds) {
      const organisation = await this.identity.findOrganisation(id);
      if (!organisation || organisation.kind === 'outreach') continue;
      const partnerAbility = await this.grants.abilityFor({ id: 'preview', role: organisation.kind === 'landlord' ? 'landlord_agent' : 'ocmw_agent', organisationId: id }, caseId);
      result.push({
        organisation,
        consentedCategories: await this.consentedCategories(caseId, id),
        disclosures: disclosures.filter((d) => d.organisationId === id),
        visibleFacts: await this.facts.list(partnerAbility, caseId),
      });
    }
    return result.sort((a, b) => a.organisation.name.localeCompare(b.organisation.name));
  }

  private async consentedCategories(caseId: string, organisationId: string): Promise<FactCategory[]> {
    const rows = (await this.db.query(
      `SELECT DISTINCT unnest(k.categories)::text AS category FROM consent k LEFT JOIN consent_withdrawal w ON w.consent_id = k.id
        WHERE k.case_id = $1 AND k.organisation_id = $2 AND w.consent_id IS NULL AND k.given_on <= $3 AND k.expires_on >= $3`,
      [caseId, organisationId, this.clock.today()],
    )) as Array<{ category: FactCategory }>;
    const set = new Set(rows.map((r) => r.category));
    return FACT_CATEGORIES.filter((c) => set.has(c));
  }
}
