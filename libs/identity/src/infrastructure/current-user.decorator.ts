import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { NotAuthenticatedError } from '../domain/identity.errors';
import type { AuthenticatedRequest } from './session-auth.guard';

/** The signed-in user of a non-public route. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthenticatedUser => {
  const user = ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new NotAuthenticatedError();
  return user;
});
