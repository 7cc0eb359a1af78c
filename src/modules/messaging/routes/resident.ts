import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireCsrfHeader } from '../../../platform/http/csrf.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { formList, formValues } from '../../../platform/http/form-body.ts';
import { baseUrl, requestMeta, seeOther, sendPage } from '../../../platform/http/respond.ts';
import { t } from '../../../platform/i18n/i18n.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { pageContext } from '../../../platform/pages/server-pages.ts';
import { residentOrRedirect, type Session } from '../../identity/index.ts';
import { listWards } from '../../organisation/index.ts';
import type { Language } from '../delivery/segment.ts';
import { lineChannelFor, usesDemoLine } from '../demo-line/channel.ts';
import { demoLinePath } from '../demo-line/page.ts';
import {
  confirmOutcomePage,
  confirmPage,
  emailSentPage,
  emailSentPath,
  type FormState,
  inboxMessagePage,
  inboxNotFoundPage,
  inboxPage,
  inboxPath,
  lineCodePath,
  pushPath,
  pushScriptPath,
  type SettingsView,
  serviceWorkerPath,
  settingsPage,
  settingsPath,
  unsubscribePage,
  unsubscribeUnknownPage,
} from '../pages/resident.ts';
import { k } from '../pages/resident-messages.ts';
import { unsubscribePath } from '../unsubscribe-link.ts';
import { confirmEmail, confirmPath, readEmailConfirmation } from '../use-cases/confirm-email.ts';
import { issueLineLinkCode } from '../use-cases/issue-line-link-code.ts';
import { listInbox } from '../use-cases/list-inbox.ts';
import { readInboxMessage } from '../use-cases/read-inbox-message.ts';
import { checkSettings, type Problem, readPreferences, savePreferences } from '../use-cases/save-preferences.ts';
import { savePushSubscription } from '../use-cases/save-push-subscription.ts';
import { subscribeEmail } from '../use-cases/subscribe-email.ts';
import { readUnsubscribe, unsubscribe } from '../use-cases/unsubscribe.ts';
import { vapidFor } from '../vapid.ts';

const page = { hide: true };
const notices = ['saved', 'emailSent'];
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Body = Record<string, unknown>;
type TokenParams = { Params: { token: string } };

const str = (body: Body, name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
const list = formList;
const textValues = formValues;

/** The signed-in resident, if any (staff and half-signed-in sessions see the anonymous page). */
function residentOf(request: FastifyRequest): Session | undefined {
  const s = request.session;
  return s && !s.mfaPending && s.kind === 'resident' ? s : undefined;
}

const scripts = {
  push: new URL('../assets/push.js', import.meta.url),
  worker: new URL('../assets/sw.js', import.meta.url),
};

export async function residentMessagingRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const [pushScript, workerScript] = await Promise.all([readFile(scripts.push), readFile(scripts.worker)]);
  // Links in mails go to the city's public address when one is configured, not to whatever Host was sent.
  const origin = (request: FastifyRequest) => deps.config.publicUrl ?? baseUrl(request);
  const wardsOf = (request: FastifyRequest) => listWards(deps, { tenantId: request.tenant.id });

  async function settingsView(
    request: FastifyRequest,
    resident: Session | undefined,
    code?: { code: string; expiresAt: Date },
  ): Promise<SettingsView> {
    const [wards, account, line] = await Promise.all([
      wardsOf(request),
      resident ? readPreferences(deps, { tenantId: request.tenant.id, accountId: resident.accountId }) : undefined,
      lineChannelFor(deps),
    ]);
    return {
      wards,
      account,
      defaultLanguage: request.lang as Language,
      line: {
        available: line !== undefined,
        code,
        // The demo's phone page serves the default tenant (demo-line/routes.ts).
        ...(usesDemoLine(deps) && request.tenant.id === deps.config.defaultTenant ? { demoPath: demoLinePath } : {}),
      },
      push: { publicKey: vapidFor(deps).publicKey },
    };
  }

  async function renderSettings(request: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) {
    const resident = residentOf(request);
    return sendPage(reply, settingsPage(pageContext(request), await settingsView(request, resident), state), status);
  }

  const localised = (request: FastifyRequest, problems: Problem[]) =>
    problems.map((p) => ({ field: p.field, message: t(request.lang, k(p.key), p.params ?? {}) }));

  app.get(pushScriptPath, { schema: page }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(pushScript),
  );

  // The worker must come from this origin; no-cache so a new version is picked up on the next visit.
  app.get(serviceWorkerPath, { schema: page }, async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('service-worker-allowed', `${settingsPath}/`)
      .send(workerScript),
  );

  app.get<{ Querystring: { notice?: string } }>(settingsPath, { schema: page }, async (request, reply) => {
    const notice = notices.includes(request.query.notice ?? '') ? request.query.notice : undefined;
    return renderSettings(request, reply, { notice });
  });

  app.post(settingsPath, { schema: page }, async (request, reply) => {
    const body = (request.body ?? {}) as Body;
    const resident = residentOf(request);
    const form = {
      topics: list(body, 'topics'),
      ward: str(body, 'ward'),
      language: str(body, 'language'),
      birthYear: str(body, 'birthYear'),
    };
    const input = {
      form,
      email: str(body, 'email'),
      channels: list(body, 'channels'),
      personal: list(body, 'personal'),
    };
    const wards = await wardsOf(request);
    const checked = checkSettings(
      { ...input, emailRequired: !resident },
      wards.map((w) => w.code),
    );
    const values = textValues(body);
    if (checked.problems.length > 0) {
      return renderSettings(request, reply, { values, errors: localised(request, checked.problems) }, 400);
    }
    const meta = requestMeta(request);
    try {
      if (resident) {
        const saved = await savePreferences(deps, {
          tenantId: request.tenant.id,
          accountId: resident.accountId,
          ...input,
          shown: list(body, 'shown'),
          origin: origin(request),
          meta,
        });
        return seeOther(reply, `${settingsPath}?notice=${saved.emailRequested ? 'emailSent' : 'saved'}`);
      }
      await subscribeEmail(deps, {
        tenantId: request.tenant.id,
        email: checked.email,
        accountId: null,
        preferences: checked.preferences,
        personal: true,
        origin: origin(request),
        meta,
      });
      return seeOther(reply, emailSentPath);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      for (const [name, v] of Object.entries(error.headers)) reply.header(name, v);
      const errors = error.errors.length > 0 ? error.errors : [{ field: '#main', message: error.message }];
      return renderSettings(request, reply, { values, errors }, error.status);
    }
  });

  app.get(emailSentPath, { schema: page }, async (request, reply) =>
    sendPage(reply, emailSentPage(pageContext(request))),
  );

  app.post(lineCodePath, { schema: page }, async (request, reply) => {
    const resident = residentOf(request);
    if (!resident) return seeOther(reply, `/sign-in?next=${encodeURIComponent(settingsPath)}`);
    // The code is shown once, on this answer: a reload asks for a new one, which replaces it.
    const code = await issueLineLinkCode(deps, { tenantId: request.tenant.id, accountId: resident.accountId });
    return sendPage(reply, settingsPage(pageContext(request), await settingsView(request, resident, code)));
  });

  // The island's POST: JSON, so no cross-site form can send it; the page's token in a header as well.
  app.post(pushPath, { schema: page }, async (request, reply) => {
    requireCsrfHeader(request);
    const body = (request.body ?? {}) as Body;
    await savePushSubscription(deps, {
      tenantId: request.tenant.id,
      accountId: residentOf(request)?.accountId ?? null,
      body,
      meta: requestMeta(request),
    });
    return reply.status(201).send({ status: 'saved' });
  });

  app.get<TokenParams>(`${confirmPath}/:token`, { schema: page }, async (request, reply) => {
    const found = await readEmailConfirmation(deps, { tenantId: request.tenant.id, token: request.params.token });
    const ctx = pageContext(request);
    if (found.state === 'pending') {
      return sendPage(
        reply,
        confirmPage(ctx, {
          token: request.params.token,
          address: found.address ?? '',
          topics: found.topics ?? [],
          wardCode: found.wardCode ?? null,
          language: found.language ?? 'ja',
          forAccount: found.forAccount,
          wards: await wardsOf(request),
        }),
      );
    }
    const status = found.state === 'unknown' ? 404 : found.state === 'expired' ? 410 : 200;
    return sendPage(reply, confirmOutcomePage(ctx, found.state), status);
  });

  app.post<TokenParams>(`${confirmPath}/:token`, { schema: page }, async (request, reply) => {
    const outcome = await confirmEmail(deps, {
      tenantId: request.tenant.id,
      token: request.params.token,
      meta: requestMeta(request),
    });
    const status = outcome === 'unknown' ? 404 : outcome === 'expired' ? 410 : 200;
    return sendPage(reply, confirmOutcomePage(pageContext(request), outcome), status);
  });

  app.get<TokenParams>(`${unsubscribePath}/:token`, { schema: page }, async (request, reply) => {
    const target = await readUnsubscribe(deps, { tenantId: request.tenant.id, token: request.params.token });
    const ctx = pageContext(request);
    if (!target) return sendPage(reply, unsubscribeUnknownPage(ctx), 404);
    return sendPage(reply, unsubscribePage(ctx, target));
  });

  // The token in the address is the authority: a mail program's one-click POST has no cookie and no page.
  app.post<TokenParams>(
    `${unsubscribePath}/:token`,
    { schema: page, config: { csrf: 'url-token' } },
    async (request, reply) => {
      const body = (request.body ?? {}) as Body;
      const oneClick = str(body, 'List-Unsubscribe') === 'One-Click';
      const outcome = await unsubscribe(deps, {
        tenantId: request.tenant.id,
        token: request.params.token,
        oneClick,
        meta: requestMeta(request),
      });
      if (oneClick) {
        // RFC 8058: the mail program reads no page; a short answer, 404 only when the link names nobody.
        return reply
          .status(outcome === 'unknown' ? 404 : 200)
          .type('text/plain; charset=utf-8')
          .send(t(request.lang, k(outcome === 'unknown' ? 'unknownTitle' : 'oneClickDone')));
      }
      if (outcome === 'unknown') return sendPage(reply, unsubscribeUnknownPage(pageContext(request)), 404);
      return seeOther(reply, `${unsubscribePath}/${request.params.token}`);
    },
  );

  // Where a Web Push notification of a resident's own notice leads.
  app.get<{ Params: { id: string } }>(`${settingsPath}/:id`, { schema: page }, async (request, reply) => {
    if (!uuid.test(request.params.id)) throw new AppError('not_found', 'ページが見つかりません。');
    return seeOther(reply, `${inboxPath}/${request.params.id}`);
  });

  app.get(inboxPath, { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    const found = await listInbox(deps, { tenantId: request.tenant.id, accountId: session.accountId });
    return sendPage(reply, inboxPage(pageContext(request), found));
  });

  app.get<{ Params: { id: string } }>(`${inboxPath}/:id`, { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    try {
      const message = await readInboxMessage(deps, {
        tenantId: request.tenant.id,
        accountId: session.accountId,
        messageId: request.params.id,
      });
      return sendPage(reply, inboxMessagePage(pageContext(request), message));
    } catch (error) {
      // Another account's notice is "not found" like one that never was.
      if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
      return sendPage(reply, inboxNotFoundPage(pageContext(request)), 404);
    }
  });
}
