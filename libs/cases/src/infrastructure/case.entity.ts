import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CASE_OUTCOMES, CASE_STATES, type CaseOutcome, type CaseState } from '../domain/case-state';

/** A trajectory (begeleidingstraject) for one tenant household. Table `case_file`: `case` is SQL. */
@Entity({ name: 'case_file' })
@Index('case_file_open_tenant_idx', ['tenantNameKey'])
@Index('case_file_open_address_idx', ['addressKey', 'municipality'])
@Index('case_file_worker_state_idx', ['assignedWorkerId', 'state'])
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Human case number, e.g. `2026-0042`. */
  @Column({ type: 'text', unique: true })
  reference!: string;

  @Index('case_file_outreach_organisation_idx')
  @Column({ name: 'outreach_organisation_id', type: 'uuid' })
  outreachOrganisationId!: string;

  @Index('case_file_state_idx')
  @Column({ type: 'enum', enum: CASE_STATES, enumName: 'case_state' })
  state!: CaseState;

  @Column({ name: 'tenant_name', type: 'text' })
  tenantName!: string;

  /** Lower-cased, space-folded tenant name, for finding a household's open case. */
  @Column({ name: 'tenant_name_key', type: 'text' })
  tenantNameKey!: string;

  @Column({ type: 'text' })
  address!: string;

  @Column({ name: 'address_key', type: 'text' })
  addressKey!: string;

  @Column({ type: 'text' })
  municipality!: string;

  @Column({ name: 'assigned_worker_id', type: 'uuid', nullable: true })
  assignedWorkerId!: string | null;

  /** Date the case was accepted: the start of the trajectory, the year it counts in. */
  @Column({ name: 'started_on', type: 'date', nullable: true })
  startedOn!: string | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;

  @Column({ type: 'enum', enum: CASE_OUTCOMES, enumName: 'case_outcome', nullable: true })
  outcome!: CaseOutcome | null;

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason!: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
