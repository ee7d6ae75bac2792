import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { pageContextOf, type PageContext } from './page-context';

/** Injects the {@link PageContext} (translations, language, user) into a page handler. */
export const Page = createParamDecorator((_data: unknown, ctx: ExecutionContext): PageContext =>
  pageContextOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
