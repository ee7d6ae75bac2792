import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '../infrastructure/audit-trail';

/** The signed-in user of the request, as the disclosure log records them. */
export const CurrentAuditActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuditActor => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest & { user?: { id: string; role: string; organisationId: string | null }; portal?: string }>();
  const user = request.user;
  if (!user) throw new Error('CurrentAuditActor on a route without a signed-in user');
  return {
    userId: user.id,
    role: user.role,
    organisationId: user.organisationId,
    portal: request.portal ?? null,
    clientAddress: request.ip ?? null,
    correlationId: typeof request.id === 'string' ? request.id : String(request.id ?? ''),
  };
});
