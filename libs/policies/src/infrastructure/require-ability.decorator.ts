import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { Action, AppAbility, SubjectName } from '../domain/app-ability';

export const REQUIRED_ABILITY_KEY = 'woonbrug:required-ability';

export interface RequiredAbility {
  readonly action: Action;
  readonly subject: SubjectName;
}

/**
 * Declares what a route needs. The policies guard refuses every non-public route without it, and
 * the authorization-matrix test fails on it, so that a route cannot be added without a policy.
 * Whether the caller may act on a particular record is checked again by the use case. The
 * OpenAPI document learns from the same declaration that the route answers 403.
 */
export const RequireAbility = (action: Action, subject: SubjectName): MethodDecorator =>
  applyDecorators(
    SetMetadata(REQUIRED_ABILITY_KEY, { action, subject } satisfies RequiredAbility),
    ApiForbiddenResponse({ description: `The caller’s role may not ${action} ${subject} at all (code FORBIDDEN).` }),
  );

/** Marks a route that only needs a signed-in user of the portal (e.g. the start page). */
export const SIGNED_IN_KEY = 'woonbrug:signed-in';
export const SignedIn = (): MethodDecorator => SetMetadata(SIGNED_IN_KEY, true);

/** The ability the policies guard built for this request. */
export const UserAbility = createParamDecorator((_data: unknown, ctx: ExecutionContext): AppAbility => {
  const ability = ctx.switchToHttp().getRequest<{ ability?: AppAbility }>().ability;
  if (!ability) throw new Error('UserAbility used on a route without @RequireAbility');
  return ability;
});
