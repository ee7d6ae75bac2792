import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@woonbrug/audit';
import { CasesService } from '@woonbrug/cases';
import { IdentityService, type AuthenticatedUser } from '@woonbrug/identity';
import { DomainError, NotFoundError , Clock } from '@woonbrug/kernel';
import type { AppAbility, FactCategory } from '@woonbrug/policies';
import { DataSource } from 'typeorm';
import { consentState, defaultExpiry, type ConsentState } from '../domain/sharing-rules';
import { NotAPartnerError } from '../domain/sharing.errors';
import { caseForWork } from './case-work';

export interface ConsentView {
  readonly id: string;
  readonly caseId: string;
  readonly organisation: { readonly id: string; readonly name: string; readonly kind: string; readonly boundByProfessionalSecrecy: boolean };
  readonly categories: readonly FactCategory[];
  readonly purpose: string;
  readonly givenHow: 'written' | 'oral';
  readonly givenOn: string;
  readonly expiresOn: string;
  readonly recordedAt: string;
  readonly withdrawnAt: string | null;
  readonly state: ConsentState;
  readonly hasDocument: boolean;
}

export interface RecordConsentInput {
  readonly organisationId: string;
  readonly categories: readonly FactCategory[];
  readonly purpose: string;
  readonly givenHow: 'written' | 'oral';
  readonly givenOn: string;
  readonly expiresOn?: string;
}

export interface ConsentDocument {
  readonly mediaType: string;
  readonly content: Buffer;
}

export const LEGAL_BASES = ['voluntary', 'court_imposed', 'agreed_with_landlord'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

interface ConsentRow {
  id: string;
  case_id: string;
  organisation_id: string;
  organisation_name: string;
  organisation_kind: string;
  bound: boolean;
  categories: FactCategory[] | string;
  purpose: string;
  given_how: 'written' | 'oral';
  given_on: string;
  expires_on: string;
  recorded_at: Date;
  withdrawn_at: Date | null;
  document_id: string | null;
}

const CONSENT_SELECT = `SELECT k.id, k.case_id, k.organisation_id, o.name AS organisation_name, o.kind AS organisation_kind,
    o.bound_by_professional_secrecy AS bound, k.categories::text[] AS categories, k.purpose, k.given_how,
    to_char(k.given_on, 'YYYY-MM-DD') AS given_on, to_char(k.expires_on, 'YYYY-MM-DD') AS expires_on, k.recorded_at,
    w.withdrawn_at, k.document_id
  FROM consent k JOIN organisation o ON o.id = k.organisation_id LEFT JOIN consent_withdrawal w ON w.consent_id = k.id`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toView(row: ConsentRow, today: string): ConsentView {
  const withdrawnAt = row.withdrawn_at ? row.withdrawn_at.toISOString() : null;
  return {
    id: row.id,
    caseId: row.case_id,
    organisation: { id: row.organisation_id, name: row.organisation_name, kind: row.organisation_kind, boundByProfessionalSecrecy: row.bound },
    categories: row.categories as FactCategory[],
    purpose: row.purpose,
    givenHow: row.given_how,
    givenOn: row.given_on,
    expiresOn: row.expires_on,
    recordedAt: row.recorded_at.toISOString(),
    withdrawnAt,
    state: consentState({ givenOn: row.given_on, expiresOn: row.expires_on, withdrawnAt }, today),
    hasDocument: row.document_id !== null,
  };
}

/** The worker as the disclosure log records a change made on the worker portal. */
export function workerOf(actor: AuthenticatedUser) {
  return { userId: actor.id, role: actor.role, organisationId: actor.organisationId, portal: 'worker' };
}

/**
 * The tenant's consent for sharing with one partner organisation, as recorded by the worker.
 * Consent is the basis for sharing, not for the guidance: the case's legal basis is kept apart.
 */
@Injectable()
export class ConsentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly cases: CasesService,
    private readonly identity: IdentityService,
    private readonly audit: AuditLog,
  ) {}

  async list(ability: AppAbility, caseId: string): Promise<ConsentView[]> {
    await caseForWork(this.cases, ability, 'read', 'Consent', caseId);
    const rows = (await this.db.query(`${CONSENT_SELECT} WHERE k.case_id = $1 ORDER BY k.recorded_at DESC`, [caseId])) as ConsentRow[];
    const today = this.clock.today();
    return rows.map((r) => toView(r, today));
  }

  /** Records a consent, with the signed form when there is one, in one transaction. */
  async record(ability: AppAbility, actor: AuthenticatedUser, caseId: string, input: RecordConsentInput, document?: ConsentDocument): Promise<ConsentView> {
    await caseForWork(this.cases, ability, 'create', 'Consent', caseId);
    const organisation = await this.identity.findOrganisation(input.organisationId);
    if (!organisation || (organisation.kind !== 'landlord' && organisation.kind !== 'ocmw')) throw new NotAPartnerError();
    const today = this.clock.today();
    const problems: Array<{ field: string; code: string; message: string }> = [];
    if (input.givenOn > today) problems.push({ field: 'givenOn', code: 'DATE_IN_FUTURE', message: 'givenOn must not be in the future' });
    const expiresOn = input.expiresOn ?? defaultExpiry(input.givenOn);
    if (expiresOn < input.givenOn) problems.push({ field: 'expiresOn', code: 'DATE_ORDER', message: 'expiresOn must not be before givenOn' });
    if (problems.length) throw new DomainError('VALIDATION_FAILED', 'invalid', 'The consent has invalid fields', problems);

    const id = await this.db.transaction(async (m) => {
      let documentId: string | null = null;
      if (document) {
        const [doc] = (await m.query(
          `INSERT INTO consent_document (case_id, media_type, byte_size, content, uploaded_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [caseId, document.mediaType, document.content.length, document.content, actor.id],
        )) as Array<{ id: string }>;
        documentId = doc!.id;
      }
      const [row] = (await m.query(
        `INSERT INTO consent (case_id, organisation_id, categories, purpose, given_how, given_on, expires_on, document_id, recorded_by)
         VALUES ($1, $2, $3::fact_category[], $4, $5, $6, $7, $8, $9) RETURNING id`,
        [caseId, organisation.id, [...new Set(input.categories)], input.purpose, input.givenHow, input.givenOn, expiresOn, documentId, actor.id],
      )) as Array<{ id: string }>;
      await this.audit.record(m, {
        ...workerOf(actor),
        eventType: 'consent.given',
        outcome: 'allowed',
        action: 'record',
        caseId,
        subject: 'consent',
        category: [...new Set(input.categories)].sort().join(','),
        consentId: row!.id,
        purpose: input.purpose,
      });
      return row!.id;
    });
    return this.get(ability, id);
  }

  async get(ability: AppAbility, id: string): Promise<ConsentView> {
    if (!UUID.test(id)) throw new NotFoundError('Consent');
    const [row] = (await this.db.query(`${CONSENT_SELECT} WHERE k.id = $1`, [id])) as ConsentRow[];
    if (!row) throw new NotFoundError('Consent');
    await caseForWork(this.cases, ability, 'read', 'Consent', row.case_id).catch(() => {
      throw new NotFoundError('Consent');
    });
    return toView(row, this.clock.today());
  }

  /** Withdrawal is a record of its own, effective on the very next request of the partner. */
  async withdraw(ability: AppAbility, actor: AuthenticatedUser, id: string, note?: string): Promise<ConsentView> {
    const consent = await this.get(ability, id);
    await caseForWork(this.cases, ability, 'update', 'Consent', consent.caseId);
    if (consent.withdrawnAt) throw new DomainError('ALREADY_WITHDRAWN', 'conflict', 'This consent was already withdrawn');
    await this.db.transaction(async (m) => {
      const inserted = (await m.query(`INSERT INTO consent_withdrawal (consent_id, recorded_by, note) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING consent_id`, [
        id,
        actor.id,
        note ?? null,
      ])) as unknown[];
      if (inserted.length === 0) return;
      await this.audit.record(m, {
        ...workerOf(actor),
        eventType: 'consent.withdrawn',
        outcome: 'allowed',
        action: 'withdraw',
        caseId: consent.caseId,
        subject: 'consent',
        category: [...consent.categories].sort().join(','),
        consentId: id,
        purpose: consent.purpose,
      });
    });
    return this.get(ability, id);
  }

  /** Attaches the signed consent form (PDF or image, already checked by type and size). */
  async attachDocument(ability: AppAbility, actor: AuthenticatedUser, id: string, document: ConsentDocument): Promise<ConsentView> {
    const consent = await this.get(ability, id);
    await caseForWork(this.cases, ability, 'update', 'Consent', consent.caseId);
    await this.db.transaction(async (m) => {
      const [doc] = (await m.query(
        `INSERT INTO consent_document (case_id, media_type, byte_size, content, uploaded_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [consent.caseId, document.mediaType, document.content.length, document.content, actor.id],
      )) as Array<{ id: string }>;
      await m.query(`UPDATE consent SET document_id = $2 WHERE id = $1`, [id, doc!.id]);
    });
    return this.get(ability, id);
  }

  /** The signed consent form, for the worker only. */
  async document(ability: AppAbility, id: string): Promise<ConsentDocument> {
    await this.get(ability, id);
    const [row] = (await this.db.query(
      `SELECT d.media_type, d.content FROM consent k JOIN consent_document d ON d.id = k.document_id WHERE k.id = $1`,
      [id],
    )) as Array<{ media_type: string; content: Buffer }>;
    if (!row) throw new NotFoundError('Consent document');
    return { mediaType: row.media_type, content: row.content };
  }

  /** The legal basis for the guidance itself (voluntary, imposed by the court, agreed with the landlord). */
  async setLegalBasis(ability: AppAbility, caseId: string, legalBasis: LegalBasis): Promise<void> {
    await caseForWork(this.cases, ability, 'update', 'Consent', caseId);
    await this.db.query(`UPDATE case_file SET legal_basis = $2, updated_at = now() WHERE id = $1`, [caseId, legalBasis]);
  }
}
