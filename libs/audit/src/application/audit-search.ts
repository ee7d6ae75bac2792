import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { spreadsheetCsv } from '@woonbrug/kernel';
import { DataSource } from 'typeorm';

export interface AuditSearch {
  readonly caseReference?: string;
  readonly userEmail?: string;
  readonly organisationId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly outcome?: 'allowed' | 'denied';
}

/** An event as the privacy officer reads it: who, whose case (by reference), what, when — no content. */
export interface AuditEventView {
  readonly id: string;
  readonly occurredAt: string;
  readonly eventType: string;
  readonly outcome: string;
  readonly action: string;
  readonly user: string | null;
  readonly role: string | null;
  readonly organisation: string | null;
  readonly caseReference: string | null;
  readonly subject: string | null;
  readonly category: string | null;
  readonly fields: readonly string[];
  readonly consentId: string | null;
  readonly portal: string | null;
  readonly clientAddress: string | null;
}

const LIMIT = 500;

/** The privacy officer's search of the disclosure log, newest first (at most 500 events). */
@Injectable()
export class AuditSearchService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `limit: null` returns every match (the tenant's overview must be complete). */
  async search(filter: AuditSearch, limit: number | null = LIMIT): Promise<AuditEventView[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.caseReference) add('c.reference = ?', filter.caseReference.trim());
    if (filter.userEmail) add('u.email = ?', filter.userEmail.trim().toLowerCase());
    if (filter.organisationId) add('e.organisation_id = ?', filter.organisationId);
    if (filter.from) add(`e.occurred_at >= ?::date`, filter.from);
    if (filter.to) add(`e.occurred_at < (?::date + 1)`, filter.to);
    if (filter.outcome) add('e.outcome = ?', filter.outcome);
    params.push(limit);
    const rows = (await this.db.query(
      `SELECT e.id::text AS id, e.occurred_at, e.event_type, e.outcome, e.action, u.email AS user_email, e.role, o.name AS organisation_name,
              c.reference, e.subject, e.category, e.fields, e.consent_id, e.portal, e.client_address
         FROM audit_event e
         LEFT JOIN user_account u ON u.id = e.user_id
         LEFT JOIN organisation o ON o.id = e.organisation_id
         LEFT JOIN case_file c ON c.id = e.case_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.id DESC LIMIT $${params.length}`,
      params,
    )) as Array<{
      id: string;
      occurred_at: Date;
      event_type: string;
      outcome: string;
      action: string;
      user_email: string | null;
      role: string | null;
      organisation_name: string | null;
      reference: string | null;
      subject: string | null;
      category: string | null;
      fields: string[];
      consent_id: string | null;
      portal: string | null;
      client_address: string | null;
    }>;
    return rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at.toISOString(),
      eventType: r.event_type,
      outcome: r.outcome,
      action: r.action,
      user: r.user_email,
      role: r.role,
      organisation: r.organisation_name,
      caseReference: r.reference,
      subject: r.subject,
      category: r.category,
      fields: r.fields,
      consentId: r.consent_id,
      portal: r.portal,
      clientAddress: r.client_address,
    }));
  }
}

/** CSV of events for a spreadsheet; formula-like cells are neutralised ({@link spreadsheetCsv}). */
export function auditEventsCsv(events: readonly AuditEventView[]): string {
  const header = ['id', 'occurredAt', 'eventType', 'outcome', 'action', 'user', 'role', 'organisation', 'caseReference', 'subject', 'category', 'fields', 'consentId', 'portal', 'clientAddress'] as const;
  return spreadsheetCsv([header, ...events.map((e) => header.map((h) => (e as unknown as Record<string, unknown>)[h]))]);
}
