// Helpers shared by identity's routes: request metadata, safe redirects, the form loop, guards.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/http/errors.ts';
import { pageContext } from '../../../platform/pages/server-pages.ts';
import type { Session } from '../sessions.ts';

export const page = { hide: true };

export { baseUrl, requestMeta as meta, safeNext, seeOther, sendPage } from '../../../platform/http/respond.ts';

import { seeOther, sendPage } from '../../../platform/http/respond.ts';

export type Body = Record<string, string | undefined>;

export function bodyOf(request: FastifyRequest): Body {
  const body = request.body;
  if (!body || typeof body !== 'object') return {};
  const out: Body = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/**
 * Runs a form's use case; on a validation error (or another 4xx the person can fix) re-renders the
 * form with status 400 and the error summary instead of an error page.
 */
export async function handleForm(
  reply: FastifyReply,
  run: () => Promise<FastifyReply>,
  /** Builds the page again with the errors; may load data, so the success path loads nothing extra. */
  rerender: (errors: { field: string; message: string }[]) => string | Promise<string>,
  fallbackField: string,
): Promise<FastifyReply> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500 || error.code === 'csrf_failed') throw error;
    if (error.code === 'too_many_requests') {
      for (const [k, v] of Object.entries(error.headers)) reply.header(k, v);
    }
    const errors =
      error.errors.length > 0 ? error.errors : [{ field: fallbackField, message: error.detail ?? error.message }];
    return sendPage(reply, await rerender(errors), error.code === 'validation_failed' ? 400 : error.status);
  }
}

/** The signed-in resident's session, or a redirect to the sign-in page that comes back here. */
export function residentOrRedirect(request: FastifyRequest, reply: FastifyReply): Session | undefined {
  const session = request.session;
  if (session && !session.mfaPending && session.kind === 'resident') return session;
  void seeOther(reply, `/sign-in?next=${encodeURIComponent(request.url)}`);
  return undefined;
}

export function requireApiSession(request: FastifyRequest): Session {
  const session = request.session;
  if (!session || session.mfaPending) throw new AppError('unauthorized', 'サインインしてください。');
  return session;
}

export { pageContext };
