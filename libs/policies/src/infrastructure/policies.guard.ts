import { Inject, Injectable, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@woonbrug/kernel';
import { IS_PUBLIC_KEY } from '@woonbrug/web';
import { buildAbility, type PolicyActor } from '../domain/ability.factory';
import type { AppAbility } from '../domain/app-ability';
import { NO_PARTNER_CONTEXT } from '../domain/partner-grant';
import { PARTNER_CONTEXT_SOURCE, type PartnerContextSource } from './partner-context.source';
import { REQUIRED_ABILITY_KEY, SIGNED_IN_KEY, type RequiredAbility } from './require-ability.decorator';

const PARTNER_ROLES = new Set(['landlord_agent', 'ocmw_agent']);

/**
 * Global guard, after authentication: builds the request's ability (for partners from their
 * current consents and disclosures) and checks the route's declared requirement. A route that
 * declares nothing is refused (deny by default).
 */
@Injectable()
export class PoliciesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(PARTNER_CONTEXT_SOURCE) private readonly partnerContext?: PartnerContextSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<{ user?: PolicyActor; ability?: AppAbility }>();
    if (!request.user) return false;
    const required = this.reflector.getAllAndOverride<RequiredAbility | undefined>(REQUIRED_ABILITY_KEY, targets);
    if (required) {
      const partner = PARTNER_ROLES.has(request.user.role) && this.partnerContext ? await this.partnerContext.load(request.user) : NO_PARTNER_CONTEXT;
      request.ability = buildAbility(request.user, partner);
      if (request.ability.can(required.action, required.subject)) return true;
      throw new DomainError('FORBIDDEN', 'forbidden', 'Not allowed');
    }
    if (this.reflector.getAllAndOverride<boolean>(SIGNED_IN_KEY, targets)) return true;
    throw new DomainError('FORBIDDEN', 'forbidden', 'Route has no declared policy');
  }
}
