import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditLog, type AuditEventType } from '@woonbrug/audit';
import { In, IsNull, Repository, type EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { CurrentPasswordIncorrectError, InvalidCredentialsError, InvalidSecondFactorCodeError, NotAuthenticatedError, UnknownAccountError, WeakPasswordError, WrongPortalError } from '../domain/identity.errors';
import { passwordProblems } from '../domain/password-policy';
import { portalAccepts, portalOf, type OrganisationKind, type Portal, type Role } from '../domain/role';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../infrastructure/password-hasher';
import { matchingTimeStep } from '../infrastructure/totp';
import { OrganisationEntity } from '../infrastructure/organisation.entity';
import { PORTAL } from '../infrastructure/portal.token';
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

/** E-mail addresses are stored lower-case. */
function normalisedEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The sessions of one user (`$1`), signed in or waiting for the second factor: connect-pg-simple
 * keeps the session as JSON; `session_user_idx` and `session_pending_user_idx` index both ids.
 */
const SESSION_OF_USER = `(sess ->> 'userId' = $1 OR sess ->> 'pendingUserId' = $1)`;

/** Who people are and which organisation they act for. */
@Injectable()
export class IdentityService {
  constructor(
    @InjectRepository(UserAccountEntity) private readonly users: Repository<UserAccountEntity>,
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
    private readonly audit: AuditLog,
    /** The portal serving the request; absent in the operator commands (`cli`). */
    @Optional() @Inject(PORTAL) private readonly portal?: Portal,
  ) {}

  /**
   * Logs a change to an account's credentials or access in the caller's transaction (the change
   * and its event are stored together or not at all): the account, which part changed, from
   * which portal or operator command. Never a value.
   */
  private async logAccountChange(
    db: Pick<EntityManager, 'query'>,
    account: { id: string; role: string; organisationId: string | null },
    eventType: AuditEventType,
    fields: readonly string[],
    outcome: 'allowed' | 'denied' = 'allowed',
  ): Promise<void> {
    await this.audit.append(db, [
      { eventType, outcome, action: 'change', userId: account.id, role: account.role, organisationId: account.organisationId, portal: this.portal ?? 'cli', subject: 'user_account', fields },
    ]);
  }

  /**
   * Checks e-mail and password, then whether the account belongs on this portal. The password is
   * checked first, so a refusal for the wrong portal never tells a stranger that an e-mail exists.
   */
  async authenticate(email: string, password: string, portal: Portal): Promise<AuthenticatedUser> {
    const user = await this.activeUser('u.email = :email', { email: normalisedEmail(email) });
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !valid) throw new InvalidCredentialsError();
    if (!portalAccepts(portal, user.role)) throw new WrongPortalError(portalOf(user.role));
    return toAuthenticatedUser(user);
  }

  /**
   * The active user behind a session, or null when it was disabled or removed. Every request asks
   * this, so it is one plain statement reading only what a request needs (never the password hash
   * or the second-factor secret).
   */
  async findActiveUser(id: string): Promise<AuthenticatedUser | null> {
    const [row] = (await this.users.manager.query(
      `SELECT u.id, u.email, u.display_name, u.role, u.organisation_id, o.kind AS organisation_kind, o.name AS organisation_name
         FROM user_account u LEFT JOIN organisation o ON o.id = u.organisation_id
        WHERE u.id = $1 AND u.disabled_at IS NULL`,
      [id],
    )) as Array<{ id: string; email: string; display_name: string; role: Role; organisation_id: string | null; organisation_kind: OrganisationKind | null; organisation_name: string | null }>;
    return row
      ? {
          id: row.id,
          email: row.email,
          displayName: row.display_name,
          role: row.role,
          organisationId: row.organisation_id,
          organisationKind: row.organisation_kind,
          organisationName: row.organisation_name,
        }
      : null;
  }

  /**
   * An active account with its organisation, in one statement (`findOne` with a relation costs two:
   * a DISTINCT id query for its LIMIT, then the join).
   */
  private activeUser(condition: string, params: Record<string, string>): Promise<UserAccountEntity | null> {
    return this.users.createQueryBuilder('u').leftJoinAndSelect('u.organisation', 'o').where('u.disabled_at IS NULL').andWhere(condition, params).getOne();
  }

  /**
   * Self-service password change: the current password proves it is the user at the keyboard (not
   * someone at an unlocked screen), the policy checks the new one, and every other session of the
   * user ends in the same transaction; the caller's own session (`keepSessionId`) stays.
   */
  async changePassword(userId: string, currentPassword: string, newPassword: string, keepSessionId: string): Promise<void> {
    const user = await this.activeUser('u.id = :id', { id: userId });
    if (!user) throw new NotAuthenticatedError();
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      await this.logAccountChange(this.users.manager, user, 'account.password_changed', ['password'], 'denied');
      throw new CurrentPasswordIncorrectError();
    }
    await this.storePassword(user, newPassword, keepSessionId, 'account.password_changed');
  }

  /** Operator's reset (`npm run users:set-password`): the same policy; all sessions of the account end. */
  async setPassword(email: string, newPassword: string): Promise<void> {
    const user = await this.users.findOne({ where: { email: normalisedEmail(email) } });
    if (!user) throw new UnknownAccountError();
    await this.storePassword(user, newPassword, null, 'account.password_reset');
  }

  /**
   * Disables an account (`npm run users:disable`) and deletes its sessions in the same transaction,
   * so that it is signed out everywhere at once (the session guard's per-request check is the second
   * line). Disabling a disabled account keeps its first date and ends any session left.
   */
  async disableUser(email: string): Promise<{ readonly userId: string; readonly sessionsEnded: number }> {
    return this.users.manager.transaction(async (m) => {
      const [user] = (await m.query(
        `WITH u AS (UPDATE user_account SET disabled_at = COALESCE(disabled_at, now()) WHERE email = $1 RETURNING id, role, organisation_id) SELECT * FROM u`,
        [normalisedEmail(email)],
      )) as Array<{ id: string; role: Role; organisation_id: string | null }>;
      if (!user) throw new UnknownAccountError();
      await this.logAccountChange(m, { id: user.id, role: user.role, organisationId: user.organisation_id }, 'account.disabled', ['disabled_at']);
      const [ended] = (await m.query(`WITH gone AS (DELETE FROM session WHERE ${SESSION_OF_USER} RETURNING 1) SELECT count(*)::int AS n FROM gone`, [user.id])) as Array<{ n: number }>;
      return { userId: user.id, sessionsEnded: ended?.n ?? 0 };
    });
  }

  /** Whether the user has a TOTP secret (else the second step is an enrolment). */
  async secondFactorEnrolled(userId: string): Promise<boolean> {
    const user = await this.users.findOne({ where: { id: userId, disabledAt: IsNull() }, select: { id: true, secondFactorSecret: true } });
    return !!user?.secondFactorSecret;
  }

  /**
   * The second step of a login: a TOTP code (RFC 6238, ±1 step) of the user's secret, or, while
   * enrolling, of the new secret shown to them (stored once a code proves the app has it). Each
   * code is single-use: its time step must be later than the last one accepted, and the update that
   * records it is conditional, so that of two concurrent uses of one code only one succeeds.
   */
  async verifySecondFactor(userId: string, code: string, enrolmentSecret: string | null, now = Date.now()): Promise<AuthenticatedUser> {
    const user = await this.activeUser('u.id = :id', { id: userId });
    if (!user) throw new NotAuthenticatedError();
    const secret = user.secondFactorSecret ?? enrolmentSecret;
    if (!secret) throw new NotAuthenticatedError();
    const step = matchingTimeStep(secret, code, now);
    if (step === null) throw new InvalidSecondFactorCodeError();
    const enrolling = !user.secondFactorSecret;
    const accepted = await this.users.manager.transaction(async (m) => {
      const rows = (await m.query(
        enrolling
          ? `WITH u AS (UPDATE user_account SET second_factor_secret = $3, second_factor_last_step = $2
               WHERE id = $1 AND disabled_at IS NULL AND second_factor_secret IS NULL RETURNING id)
             SELECT id FROM u`
          : `WITH u AS (UPDATE user_account SET second_factor_last_step = $2
               WHERE id = $1 AND disabled_at IS NULL AND second_factor_secret = $3 AND (second_factor_last_step IS NULL OR second_factor_last_step < $2) RETURNING id)
             SELECT id FROM u`,
        [user.id, step, secret],
      )) as unknown[];
      // The first code that proves the app has the new secret stores it: the enrolment is logged with it.
      if (rows.length > 0 && enrolling) await this.logAccountChange(m, user, 'account.second_factor_enrolled', ['second_factor']);
      return rows.length > 0;
    });
    if (!accepted) throw new InvalidSecondFactorCodeError();
    return toAuthenticatedUser(user);
  }

  /**
   * Operator's reset of a lost authenticator (`npm run users:reset-second-factor`): forgets the
   * secret and ends the account's sessions in one transaction; the next login enrols a new one.
   */
  async resetSecondFactor(email: string): Promise<void> {
    await this.users.manager.transaction(async (m) => {
      const [user] = (await m.query(
        `WITH u AS (UPDATE user_account SET second_factor_secret = NULL, second_factor_last_step = NULL WHERE email = $1 RETURNING id, role, organisation_id) SELECT * FROM u`,
        [normalisedEmail(email)],
      )) as Array<{ id: string; role: Role; organisation_id: string | null }>;
      if (!user) throw new UnknownAccountError();
      await this.logAccountChange(m, { id: user.id, role: user.role, organisationId: user.organisation_id }, 'account.second_factor_reset', ['second_factor']);
      await m.query(`DELETE FROM session WHERE ${SESSION_OF_USER}`, [user.id]);
    });
  }

  private async storePassword(user: UserAccountEntity, newPassword: string, keepSessionId: string | null, eventType: AuditEventType): Promise<void> {
    const problems = passwordProblems(newPassword, { email: user.email });
    if (problems.length > 0) throw new WeakPasswordError(problems);
    const passwordHash = await hashPassword(newPassword);
    await this.users.manager.transaction(async (m) => {
      await m.update(UserAccountEntity, { id: user.id }, { passwordHash });
      await m.query(`DELETE FROM session WHERE (${SESSION_OF_USER}) AND sid IS DISTINCT FROM $2`, [user.id, keepSessionId]);
      await this.logAccountChange(m, user, eventType, ['password']);
    });
  }

  async findUsers(ids: readonly string[]): Promise<UserSummary[]> {
    if (ids.length === 0) return [];
    const rows = (await this.users.manager.query(`SELECT id, display_name, email, phone, role FROM user_account WHERE id = ANY ($1::uuid[])`, [[...ids]])) as Array<{
      id: string;
      display_name: string;
      email: string;
      phone: string | null;
      role: Role;
    }>;
    return rows.map((u) => ({ id: u.id, displayName: u.display_name, email: u.email, phone: u.phone, role: u.role }));
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
