import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ORGANISATION_KINDS, type OrganisationKind } from '../domain/role';

@Entity({ name: 'organisation' })
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  name!: string;

  @Column({ type: 'enum', enum: ORGANISATION_KINDS, enumName: 'organisation_kind' })
  kind!: OrganisationKind;

  /** The municipality the organisation serves (an OCMW's own; a landlord's seat). */
  @Column({ type: 'text' })
  municipality!: string;

  /** Whether its staff are bound by professional secrecy (OCMW social workers are, landlord staff are not). */
  @Column({ name: 'bound_by_professional_secrecy', type: 'boolean' })
  boundByProfessionalSecrecy!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
