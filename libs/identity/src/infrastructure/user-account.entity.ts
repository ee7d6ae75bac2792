import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ROLES, type Role } from '../domain/role';
import { OrganisationEntity } from './organisation.entity';

@Entity({ name: 'user_account' })
export class UserAccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-case; unique. */
  @Index('user_account_email_key', { unique: true })
  @Column({ type: 'text' })
  email!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'enum', enum: ROLES, enumName: 'user_role' })
  role!: Role;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity | null;

  /** argon2id PHC string. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  /** TOTP secret (base32, RFC 6238); null until the user enrols. */
  @Column({ name: 'second_factor_secret', type: 'text', nullable: true })
  secondFactorSecret!: string | null;

  /** The last TOTP time step accepted (bigint, as text): a code of this step or an earlier one is refused. */
  @Column({ name: 'second_factor_last_step', type: 'bigint', nullable: true })
  secondFactorLastStep!: string | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
