import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { InvalidCredentialsError, WrongPortalError } from '../domain/identity.errors';
import { portalAccepts, portalOf, type OrganisationKind, type Portal, type Role } from '../domain/role';
import { dummyPasswordHash, verifyPassword } from '../infrastructure/password-hasher';
import { OrganisationEntity } from '../infrastructure/organisation.entity';
import { UserAccountEntity } from '../infrastructure/user-account.entity';

/** An organisation as other contexts see it. */
export interface OrganisationView {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly municipality: string;
  readonly boundByProfessionalSecrecy: boolean;
}

/** A colleague as shown in pick lists and contact blocks. */
export interface UserSummary {
  readonly id: string;
  readonly displayName: string;
  readonly email: string;
  readonly phone: string | null;
  readonly role: Role;
}

function toAuthenticatedUser(user: UserAccountEntity): AuthenticatedUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    organisationId: user.organisationId,
    organisationKind: user.organisation?.kind ?? null,
    organisationName: user.organisation?.name ?? null,
  };
}

function toOrganisationView(o: OrganisationEntity): OrganisationView {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    municipality: o.municipality,
    boundByProfessionalSecrecy: o.boundByProfessionalSecrecy,
  };
}

/** Who people are and which organisation they act for. */
@Injectable()
export class IdentityService {
  constructor(
    @InjectRepository(UserAccountEntity) private readonly users: Repository<UserAccountEntity>,
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
  ) {}

  /**
   * Checks e-mail and password, then whether the account belongs on this portal. The password is
   * checked first, so a refusal for the wrong portal never tells a stranger that an e-mail exists.
   */
  async authenticate(email: string, password: string, portal: Portal): Promise<AuthenticatedUser> {
    const user = await this.activeUser('u.email = :email', { email: email.trim().toLowerCase() });
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !valid) throw new InvalidCredentialsError();
    if (!portalAccepts(portal, user.role)) throw new WrongPortalError(portalOf(user.role));
    return toAuthenticatedUser(user);
  }

  /** The active user behind a session, or null when it was disabled or removed. */
  async findActiveUser(id: string): Promise<AuthenticatedUser | null> {
    const user = await this.activeUser('u.id = :id', { id });
    return user ? toAuthenticatedUser(user) : null;
  }

  /**
   * An active account with its organisation, in one statement: every request looks its user up,
   * and `findOne` with a relation costs two (a DISTINCT id query for its LIMIT, then the join).
   */
  private activeUser(condition: string, params: Record<string, string>): Promise<UserAccountEntity | null> {
    return this.users.createQueryBuilder('u').leftJoinAndSelect('u.organisation', 'o').where('u.disabled_at IS NULL').andWhere(condition, params).getOne();
  }

  async findUsers(ids: readonly string[]): Promise<UserSummary[]> {
    if (ids.length === 0) return [];
    const rows = await this.users.find({ where: { id: In([...ids]) } });
    return rows.map((u) => ({ id: u.id, displayName: u.displayName, email: u.email, phone: u.phone, role: u.role }));
  }

  /** Active users of one organisation with one of the given roles, by name. */
  async listColleagues(organisationId: string, roles: readonly Role[]): Promise<UserSummary[]> {
    const rows = await this.users.find({
      where: { organisationId, role: In([...roles]), disabledAt: IsNull() },
      order: { displayName: 'ASC' },
    });
    return rows.map((u) => ({ id: u.id, displayName: u.displayName, email: u.email, phone: u.phone, role: u.role }));
  }

  async listOrganisations(kind?: OrganisationKind): Promise<OrganisationView[]> {
    const rows = await this.organisations.find({ where: kind ? { kind } : {}, order: { name: 'ASC' } });
    return rows.map(toOrganisationView);
  }

  async findOrganisation(id: string): Promise<OrganisationView | null> {
    const row = await this.organisations.findOne({ where: { id } });
    return row ? toOrganisationView(row) : null;
  }
}
