// Pages of the e-mail notices: /public-comments/subscribe (form, sent, confirm) and
// /public-comments/unsubscribe (one-button page, form POST and the RFC 8058 one-click POST).
// Routes parse, call a use case and render; every POST is redirected (303) so a reload sends nothing twice.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { baseUrl, requestMeta, seeOther, sendPage } from '../../../platform/http/respond.ts';
import { registerMessages, t } from '../../../platform/i18n/i18n.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { pageContext } from '../../../platform/pages/server-pages.ts';
import { confirmSubscription } from './confirm-subscription.ts';
import { messages } from './messages.ts';
import { renderConfirm, renderOutcome, renderSent, renderSubscribe, renderUnsubscribe } from './pages.ts';
import { readSubscription } from './read-subscription.ts';
import { emailProblem, normaliseEmail, subscribe } from './subscribe.ts';
import { unsubscribe } from './unsubscribe.ts';

registerMessages('publicCommentSubscribe', messages);

const page = { hide: true };

const field = (source: unknown, name: string): string | undefined => {
  const value = (source as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
};

export async function subscriptionRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  // Links in mails go to the city's public address when one is configured, not to whatever Host was sent.
  const origin = (request: FastifyRequest) => deps.config.publicUrl ?? baseUrl(request);

  app.get('/public-comments/subscribe', { schema: page }, async (request, reply) =>
    sendPage(reply, renderSubscribe(pageContext(request))),
  );

  app.post('/public-comments/subscribe', { schema: page }, async (request, reply) => {
    const raw = field(request.body, 'email') ?? '';
    const problem = emailProblem(normaliseEmail(raw));
    if (problem) return sendPage(reply, renderSubscribe(pageContext(request), { email: raw, problem }), 400);
    await subscribe(deps, {
      tenantId: request.tenant.id,
      email: raw,
      baseUrl: origin(request),
      meta: requestMeta(request),
    });
    return seeOther(reply, '/public-comments/subscribe/sent');
  });

  app.get('/public-comments/subscribe/sent', { schema: page }, async (request, reply) =>
    sendPage(reply, renderSent(pageContext(request))),
  );

  app.get('/public-comments/subscribe/confirm', { schema: page }, async (request, reply) => {
    const token = field(request.query, 'token');
    const state = await readSubscription(deps, { tenantId: request.tenant.id, token });
    const ctx = pageContext(request);
    if (state === 'pending') return sendPage(reply, renderConfirm(ctx, token!));
    return sendPage(reply, renderOutcome(ctx, state === 'confirmed' ? 'alreadyConfirmed' : state));
  });

  app.post('/public-comments/subscribe/confirm', { schema: page }, async (request, reply) => {
    const outcome = await confirmSubscription(deps, {
      tenantId: request.tenant.id,
      token: field(request.body, 'token'),
      meta: requestMeta(request),
    });
    if (outcome === 'confirmed') return seeOther(reply, '/public-comments/subscribe/confirmed');
    return sendPage(reply, renderOutcome(pageContext(request), outcome === 'already' ? 'alreadyConfirmed' : outcome));
  });

  app.get('/public-comments/subscribe/confirmed', { schema: page }, async (request, reply) =>
    sendPage(reply, renderOutcome(pageContext(request), 'confirmed')),
  );

  app.get('/public-comments/unsubscribe', { schema: page }, async (request, reply) => {
    const token = field(request.query, 'token');
    const state = await readSubscription(deps, { tenantId: request.tenant.id, token });
    const ctx = pageContext(request);
    if (state === 'pending' || state === 'confirmed') return sendPage(reply, renderUnsubscribe(ctx, token!));
    return sendPage(reply, renderOutcome(ctx, state === 'stopped' ? 'alreadyStopped' : 'unknown'));
  });

  // The token in the link is what authorises a stop (a mail program's one-click POST has no cookie).
  app.post('/public-comments/unsubscribe', { schema: page, config: { csrf: 'url-token' } }, async (request, reply) => {
    // RFC 8058: the mail program POSTs `List-Unsubscribe=One-Click` to the URI of the List-Unsubscribe
    // header, the token in its query. It reads no page, so it gets a short answer whatever the token.
    if (field(request.body, 'List-Unsubscribe') === 'One-Click') {
      await unsubscribe(deps, {
        tenantId: request.tenant.id,
        token: field(request.query, 'token'),
        oneClick: true,
        meta: requestMeta(request),
      });
      return reply.type('text/plain; charset=utf-8').send(t(request.lang, 'publicCommentSubscribe.oneClickDone'));
    }
    const outcome = await unsubscribe(deps, {
      tenantId: request.tenant.id,
      token: field(request.body, 'token'),
      meta: requestMeta(request),
    });
    if (outcome === 'stopped') return seeOther(reply, '/public-comments/unsubscribe/done');
    return sendPage(reply, renderOutcome(pageContext(request), outcome === 'already' ? 'alreadyStopped' : 'unknown'));
  });

  app.get('/public-comments/unsubscribe/done', { schema: page }, async (request, reply) =>
    sendPage(reply, renderOutcome(pageContext(request), 'unsubscribed')),
  );
}
