// Small answers every page route gives: an HTML page with its status, a see-other redirect after a POST
// (so a reload does not send the form again), a safe same-site `next`, and the request facts an audit
// entry carries.
import type { FastifyReply, FastifyRequest } from 'fastify';

export function sendPage(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

export function seeOther(reply: FastifyReply, location: string): FastifyReply {
  return reply.status(303).header('location', location).send();
}

/** Only same-site paths: `next=https://evil.example` or `//evil.example` would be an open redirect. */
export function safeNext(next: unknown, fallback: string): string {
  return typeof next === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(next) ? next : fallback;
}

export interface RequestMeta {
  ip: string;
  requestId: string;
  userAgent: string;
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  return { ip: request.ip, requestId: request.id, userAgent: request.headers['user-agent'] ?? '' };
}

export function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
