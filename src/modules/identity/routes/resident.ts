// Residents' pages: sign up, verify e-mail, sign in and out, recover, my page, assurance levels.
import type { FastifyInstance } from 'fastify';
import { withTenant } from '../../../platform/db/tenant.ts';
import { readCookie } from '../../../platform/http/cookies.ts';
import { th } from '../../../platform/i18n/i18n.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { html } from '../../../platform/pages/html.ts';
import { csrfInput, renderPage } from '../../../platform/pages/layout.ts';
import { achievedLevel } from '../assurance.ts';
import { renderAccount } from '../pages/account.ts';
import { renderAssurance } from '../pages/assurance.ts';
import { type FieldSpec, renderFormPage } from '../pages/form.ts';
import { renderMailbox } from '../pages/mailbox.ts';
import { renderSignIn } from '../pages/sign-in.ts';
import { endSessionCookie, hashToken, revokeSession, sessionCookie, startSession } from '../sessions.ts';
import { requestRecovery } from '../use-cases/request-recovery.ts';
import { resetPassword } from '../use-cases/reset-password.ts';
import { signOutEverywhere } from '../use-cases/sign-out-everywhere.ts';
import { signUp } from '../use-cases/sign-up.ts';
import { verifyEmail } from '../use-cases/verify-email.ts';
import {
  baseUrl,
  bodyOf,
  handleForm,
  meta,
  page,
  pageContext,
  residentOrRedirect,
  safeNext,
  seeOther,
  sendPage,
} from './common.ts';
import { passwordSignIn } from './password-sign-in.ts';

const signUpFields: FieldSpec[] = [
  { name: 'displayName', labelKey: 'displayName', hintKey: 'displayNameHint', autocomplete: 'name' },
  { name: 'email', labelKey: 'email', type: 'email', autocomplete: 'email', inputmode: 'email' },
  {
    name: 'password',
    labelKey: 'password',
    hintKey: 'passwordHint',
    type: 'password',
    autocomplete: 'new-password',
    secret: true,
  },
];

const notices = new Set([
  'signedOut',
  'signedOutEverywhere',
  'resetDone',
  'accountVerified',
  'accountPasskeyAdded',
  'jpkiDone',
]);
const notice = (value: unknown) => (typeof value === 'string' && notices.has(value) ? value : undefined);

export async function residentRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const signUpPage = {
    titleKey: 'signUpTitle',
    leadKey: 'signUpLead',
    action: '/sign-up',
    fields: signUpFields,
    submitKey: 'signUpSubmit',
  };

  app.get('/sign-up', { schema: page }, async (request, reply) =>
    sendPage(reply, renderFormPage(pageContext(request), signUpPage)),
  );

  app.post('/sign-up', { schema: page }, async (request, reply) => {
    const body = bodyOf(request);
    const ctx = pageContext(request);
    return handleForm(
      reply,
      async () => {
        await signUp(deps, {
          tenantId: request.tenant.id,
          cityName: request.tenant.name,
          baseUrl: baseUrl(request),
          email: body.email ?? '',
          displayName: body.displayName ?? '',
          password: body.password ?? '',
          meta: meta(request),
        });
        return sendPage(
          reply,
          renderPage(ctx, {
            title: th(ctx.lang, 'identity.signUpSentTitle').toString(),
            body: html`${pageHeading({ text: th(ctx.lang, 'identity.signUpSentTitle') })}<p>${th(ctx.lang, 'identity.signUpSentBody', { email: body.email ?? '' })}</p>`,
          }),
        );
      },
      (errors) => renderFormPage(ctx, signUpPage, { values: body, errors }),
      'email',
    );
  });

  // A GET only shows a button: mail scanners that pre-open links must not use up the token.
  app.get('/verify-email', { schema: page }, async (request, reply) => {
    const ctx = pageContext(request);
    const token = String((request.query as Record<string, unknown>).token ?? '');
    return sendPage(
      reply,
      renderPage(ctx, {
        title: th(ctx.lang, 'identity.signUpTitle').toString(),
        body: html`${pageHeading({ text: th(ctx.lang, 'identity.signUpTitle') })}
<form method="post" action="/verify-email">${csrfInput(ctx)}<input type="hidden" name="token" value="${token}">${button({ text: th(ctx.lang, 'identity.signUpSubmit').toString() })}</form>`,
      }),
    );
  });

  app.post('/verify-email', { schema: page }, async (request, reply) => {
    const { accountId } = await verifyEmail(deps, {
      tenantId: request.tenant.id,
      token: bodyOf(request).token ?? '',
      meta: meta(request),
    });
    await startSession(deps, request, reply, { accountId, method: 'password', assurance: 'account' });
    return seeOther(reply, '/account?notice=accountVerified');
  });

  app.get('/sign-in', { schema: page }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    return sendPage(
      reply,
      renderSignIn(pageContext(request), {
        next: safeNext(query.next, '/account'),
        ...(notice(query.notice) ? { notice: notice(query.notice)! } : {}),
        myNumber: deps.config.oidc !== undefined,
      }),
    );
  });

  app.post('/sign-in', { schema: page }, async (request, reply) => {
    const body = bodyOf(request);
    const next = safeNext(body.next, '/account');
    const ctx = pageContext(request);
    return handleForm(
      reply,
      async () => {
        await passwordSignIn(deps, request, reply, {
          email: body.email ?? '',
          password: body.password ?? '',
          kind: 'resident',
        });
        return seeOther(reply, next);
      },
      (errors) =>
        renderSignIn(
          ctx,
          { next, myNumber: deps.config.oidc !== undefined },
          { values: { email: body.email ?? '' }, errors },
        ),
      'email',
    );
  });

  app.post('/sign-out', { schema: page }, async (request, reply) => {
    const token = readCookie(request, sessionCookie);
    const staff = request.session?.kind === 'staff';
    if (token) await withTenant(deps.db, request.tenant.id, (trx) => revokeSession(trx, hashToken(token)));
    endSessionCookie(request, reply);
    return seeOther(reply, staff ? '/staff/sign-in?notice=signedOut' : '/sign-in?notice=signedOut');
  });

  app.get('/account', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    const [passkeys, account] = await withTenant(deps.db, request.tenant.id, (trx) =>
      Promise.all([
        trx
          .selectFrom('passkeys')
          .select(['label', 'created_at', 'last_used_at'])
          .where('account_id', '=', session.accountId)
          .orderBy('created_at')
          .execute(),
        trx
          .selectFrom('accounts')
          .select('jpki_verified_at')
          .where('id', '=', session.accountId)
          .executeTakeFirstOrThrow(),
      ]),
    );
    const n = notice((request.query as Record<string, unknown>).notice);
    return sendPage(
      reply,
      renderAccount(pageContext(request), {
        session,
        passkeys: passkeys.map((p) => ({ label: p.label, createdAt: p.created_at, lastUsedAt: p.last_used_at })),
        ...(n ? { notice: n } : {}),
        myNumber: deps.config.oidc !== undefined,
        jpkiVerified: account.jpki_verified_at !== null,
      }),
    );
  });

  app.post('/account/sign-out-everywhere', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    await signOutEverywhere(deps, {
      tenantId: request.tenant.id,
      accountId: session.accountId,
      kind: session.kind,
      meta: meta(request),
    });
    endSessionCookie(request, reply);
    return seeOther(reply, '/sign-in?notice=signedOutEverywhere');
  });

  const recoverPage = {
    titleKey: 'recoverTitle',
    leadKey: 'recoverLead',
    action: '/account/recover',
    fields: [
      { name: 'email', labelKey: 'email', type: 'email', autocomplete: 'email', inputmode: 'email' },
    ] as FieldSpec[],
    submitKey: 'recoverSubmit',
  };
  app.get('/account/recover', { schema: page }, async (request, reply) =>
    sendPage(reply, renderFormPage(pageContext(request), recoverPage)),
  );
  app.post('/account/recover', { schema: page }, async (request, reply) => {
    const body = bodyOf(request);
    const ctx = pageContext(request);
    return handleForm(
      reply,
      async () => {
        await requestRecovery(deps, {
          tenantId: request.tenant.id,
          cityName: request.tenant.name,
          baseUrl: baseUrl(request),
          email: body.email ?? '',
          meta: meta(request),
        });
        return sendPage(
          reply,
          renderPage(ctx, {
            title: th(ctx.lang, 'identity.recoverTitle').toString(),
            body: html`${pageHeading({ text: th(ctx.lang, 'identity.recoverTitle') })}<p>${th(ctx.lang, 'identity.recoverSentBody', { email: body.email ?? '' })}</p>`,
          }),
        );
      },
      (errors) => renderFormPage(ctx, recoverPage, { values: body, errors }),
      'email',
    );
  });

  // The token travels in the form's action URL, so the form needs no extra hidden field.
  const resetPage = (token: string) => ({
    titleKey: 'resetTitle',
    action: `/account/recover/reset?token=${encodeURIComponent(token)}`,
    fields: [
      {
        name: 'password',
        labelKey: 'newPassword',
        hintKey: 'passwordHint',
        type: 'password',
        autocomplete: 'new-password',
        secret: true,
      },
    ] as FieldSpec[],
    submitKey: 'resetSubmit',
  });
  app.get('/account/recover/reset', { schema: page }, async (request, reply) => {
    const token = String((request.query as Record<string, unknown>).token ?? '');
    return sendPage(reply, renderFormPage(pageContext(request), resetPage(token)));
  });
  app.post('/account/recover/reset', { schema: page }, async (request, reply) => {
    const body = bodyOf(request);
    const token = String((request.query as Record<string, unknown>).token ?? '');
    const ctx = pageContext(request);
    return handleForm(
      reply,
      async () => {
        await resetPassword(deps, {
          tenantId: request.tenant.id,
          token,
          password: body.password ?? '',
          meta: meta(request),
        });
        endSessionCookie(request, reply);
        return seeOther(reply, '/sign-in?notice=resetDone');
      },
      (errors) => renderFormPage(ctx, resetPage(token), { errors }),
      'password',
    );
  });

  const mailbox = deps.demoMailbox;
  if (mailbox) {
    app.get('/demo/mailbox', { schema: page }, async (request, reply) =>
      sendPage(reply, renderMailbox(pageContext(request), mailbox.messages())),
    );
  }

  app.get('/assurance', { schema: page }, async (request, reply) =>
    sendPage(
      reply,
      renderAssurance(pageContext(request), request.session ? achievedLevel(request.session) : undefined),
    ),
  );
}
