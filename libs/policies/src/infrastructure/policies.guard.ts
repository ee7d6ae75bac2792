import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@woonbrug/kernel';
import { IS_PUBLIC_KEY } from '@woonbrug/web';
import { buildAbility, type PolicyActor } from '../domain/ability.factory';
import type { AppAbility } from '../domain/app-ability';
import { REQUIRED_ABILITY_KEY, SIGNED_IN_KEY, type RequiredAbility } from './require-ability.decorator';

/**
 * Global guard, after authentication: builds the request's ability and checks the route's
 * declared requirement. The request's ability holds no partner grants (they belong to one case:
 * a use case on a case asks the consent context for that case's ability, PartnerGrants.abilityFor),
 * so that its cost does not grow with a partner's caseload. A route that
 * declares nothing is refused (deny by default).
 */
@Injectable()
export class PoliciesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<{ user?: PolicyActor; ability?: AppAbility }>();
    if (!request.user) return false;
    const required = this.reflector.getAllAndOverride<RequiredAbility | undefined>(REQUIRED_ABILITY_KEY, targets);
    if (required) {
      request.ability = buildAbility(request.user);
      if (request.ability.can(required.action, required.subject)) return true;
      throw new DomainError('FORBIDDEN', 'forbidden', 'Not allowed');
    }
    if (this.reflector.getAllAndOverride<boolean>(SIGNED_IN_KEY, targets)) return true;
    throw new DomainError('FORBIDDEN', 'forbidden', 'Route has no declared policy');
  }
}
