import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { REFERRAL_REASONS, type ReferralReason } from '../domain/referral-reason';

/** A referral (aanmelding) by a landlord or an OCMW, as the referrer submitted it. */
@Entity({ name: 'referral' })
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The case it belongs to; several referrals of one household share one case. */
  @Index('referral_case_idx')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Index('referral_referrer_organisation_idx')
  @Column({ name: 'referrer_organisation_id', type: 'uuid' })
  referrerOrganisationId!: string;

  @Column({ name: 'referrer_user_id', type: 'uuid' })
  referrerUserId!: string;

  @Column({ name: 'landlord_organisation_id', type: 'uuid' })
  landlordOrganisationId!: string;

  @Column({ name: 'tenant_name', type: 'text' })
  tenantName!: string;

  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'text' })
  municipality!: string;

  @Column({ type: 'enum', enum: REFERRAL_REASONS, enumName: 'referral_reason' })
  reason!: ReferralReason;

  @Column({ name: 'notice_date', type: 'date' })
  noticeDate!: string;

  @Column({ name: 'claim_filed_on', type: 'date', nullable: true })
  claimFiledOn!: string | null;

  @Column({ name: 'hearing_date', type: 'date', nullable: true })
  hearingDate!: string | null;

  @Column({ name: 'eviction_date', type: 'date', nullable: true })
  evictionDate!: string | null;

  @Column({ name: 'referrer_contact_name', type: 'text' })
  referrerContactName!: string;

  @Column({ name: 'referrer_contact_phone', type: 'text', nullable: true })
  referrerContactPhone!: string | null;

  @Column({ name: 'referrer_contact_email', type: 'text', nullable: true })
  referrerContactEmail!: string | null;

  @Column({ type: 'text', nullable: true })
  context!: string | null;

  /** Whether the referrer told the tenant about the referral, as it is expected to. */
  @Column({ name: 'tenant_informed', type: 'boolean' })
  tenantInformed!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
