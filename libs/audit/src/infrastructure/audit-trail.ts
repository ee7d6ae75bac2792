import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@woonbrug/kernel';
import { DataSource } from 'typeorm';
import type { AuditEvent } from '../domain/audit-event';
import { AuditLog } from './audit-log';

/** Who asks, and from where: what every event of one request shares. */
export interface AuditActor {
  /** Null for an attempt by someone not (yet) known, such as a failed login. */
  readonly userId: string | null;
  readonly role: string | null;
  readonly organisationId: string | null;
  readonly portal: string | null;
  readonly clientAddress: string | null;
  readonly correlationId: string | null;
}

/**
 * Records the events of an access before its data leaves: when the log cannot be written, the
 * access does not happen (503, `AUDIT_UNAVAILABLE`), and the caller sends nothing.
 */
@Injectable()
export class AuditTrail {
  private readonly logger = new Logger('Audit');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly log: AuditLog,
  ) {}

  async record(actor: AuditActor, events: ReadonlyArray<Omit<AuditEvent, 'userId' | 'role' | 'organisationId' | 'portal' | 'clientAddress' | 'correlationId'>>): Promise<void> {
    if (events.length === 0) return;
    try {
      // One statement, no transaction around it: the chain lock is held for that statement only.
      await this.log.append(this.db, events.map((event) => ({ ...event, ...actor })));
    } catch (error) {
      // The error names no values (events carry none); log its kind for the operator.
      this.logger.error({ err: { name: (error as Error).name, code: (error as { code?: string }).code } }, 'audit write failed; access refused');
      throw new DomainError('AUDIT_UNAVAILABLE', 'unavailable', 'The access could not be logged and was refused');
    }
  }
}
