import type { FastifyReply } from 'fastify';

/** Sends a rendered page. */
export function html(reply: FastifyReply, page: string | Promise<string>, status = 200): Promise<FastifyReply> {
  return Promise.resolve(page).then((body) =>
    reply.status(status).header('Content-Type', 'text/html; charset=utf-8').header('Cache-Control', 'no-store').send(body),
  );
}

/** Post/redirect/get: after a form post, the browser loads the next page with GET. */
export function redirect(reply: FastifyReply, location: string): FastifyReply {
  return reply.status(303).redirect(location);
}
