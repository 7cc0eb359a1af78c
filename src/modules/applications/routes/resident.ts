// The applicant's routes: apply step by step, check, submit (once, whatever the clicks), pay, follow the
// status, answer a correction, message the office, withdraw; and the list of one's applications.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { withTenant } from '../../../platform/db/tenant.ts';
import { type Body, type FieldError, stepById, summaryRows } from '../../../platform/forms/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { baseUrl, requestMeta as meta, seeOther, sendPage } from '../../../platform/http/respond.ts';
import { t } from '../../../platform/i18n/i18n.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { pageContext } from '../../../platform/pages/server-pages.ts';
import { meetsAssurance, residentOrRedirect, type Session } from '../../identity/index.ts';
import { documentsFor, formatVerificationCode } from '../../issuance/index.ts';
import { providerFor, startPayment } from '../../payments/index.ts';
import { getProcedure } from '../../procedures/index.ts';
import { checkPage, myApplicationsPage, startPage, statusPage, stepPage } from '../pages/resident.ts';
import { assertOwnApplication, findDraft, historyOf, loadApplication, messagesOf } from '../queries.ts';
import { listMyApplications } from '../use-cases/list-cases.ts';
import { withLivePayment } from '../use-cases/live-payment.ts';
import { openApplication } from '../use-cases/open-application.ts';
import { postMessage } from '../use-cases/post-message.ts';
import { resubmitApplication } from '../use-cases/resubmit-application.ts';
import { saveStep } from '../use-cases/save-step.ts';
import { startApplication } from '../use-cases/start-application.ts';
import { feeFor, signedContentFor, submitDraft } from '../use-cases/submit-application.ts';
import { withdrawApplication } from '../use-cases/withdraw-application.ts';

const page = { hide: true };

type Params = { id: string; step: string; code: string };

function fieldErrors(error: unknown): FieldError[] | undefined {
  if (!(error instanceof AppError) || error.status >= 500 || error.code === 'csrf_failed') return undefined;
  return error.errors.length > 0
    ? error.errors.map((e) => ({ field: e.field, message: e.message }))
    : [{ field: 'page', message: error.detail ?? error.message }];
}

function principalOf(session: Session): string {
  return session.actingFor?.id ?? session.accountId;
}

export async function residentRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const statusView = async (
    request: FastifyRequest,
    session: Session,
    id: string,
    extra: { justSubmitted?: boolean; notice?: string; errors?: FieldError[] } = {},
  ) => {
    const tenantId = request.tenant.id;
    const data = await withTenant(deps.db, tenantId, async (trx) => {
      const application = assertOwnApplication(await loadApplication(trx, id), session);
      return {
        application,
        history: (await historyOf(trx, application.id)) as any[],
        messages: (await messagesOf(trx, application.id, false)) as any[],
      };
    });
    const procedure = await getProcedure(deps, { tenantId, code: data.application.procedureCode });
    const documents = data.application.receiptNumber
      ? await documentsFor(deps, { tenantId, applicationIds: [data.application.id] })
      : [];
    return statusPage(pageContext(request), {
      ...data,
      // Asked outside the transaction above: payments reads through its own connection.
      application: await withLivePayment(deps, tenantId, data.application),
      procedure,
      documents: documents.map((d) => ({
        title: d.title,
        href: d.href,
        verificationCode: formatVerificationCode(d.verificationCode),
        revokedAt: d.revokedAt,
      })),
      justSubmitted: extra.justSubmitted ?? false,
      notice: extra.notice,
      errors: extra.errors ?? [],
    });
  };

  /** The pay form's POST ends in a redirect to the provider's checkout: the page's CSP must allow it. */
  const allowProvider = async (request: FastifyRequest) => {
    try {
      request.formActions = [new URL((await providerFor(deps, app)).baseUrl).origin];
    } catch {
      // No provider configured: pressing the button explains that (counter payment only).
    }
  };

  app.get<{ Params: Params }>('/apply/:code', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    const procedure = await getProcedure(deps, { tenantId: request.tenant.id, code: request.params.code });
    if (!procedure?.form) throw new AppError('not_found', t(request.lang, 'applications.notFoundProcedure'));
    const draft = await withTenant(deps.db, request.tenant.id, (trx) =>
      findDraft(trx, { procedureCode: procedure.code, actorId: session.accountId, onBehalfOf: principalOf(session) }),
    );
    const needsJpki =
      !session.actingFor &&
      (procedure.assurance === 'jpki_identity' || procedure.assurance === 'jpki_signature') &&
      !meetsAssurance(session.assurance, 'jpki_identity');
    return sendPage(reply, startPage(pageContext(request), { procedure, draftId: draft, needsJpki }));
  });

  app.post<{ Params: Params }>('/apply/:code', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    const procedure = await getProcedure(deps, { tenantId: request.tenant.id, code: request.params.code });
    if (!procedure?.form) throw new AppError('not_found', t(request.lang, 'applications.notFoundProcedure'));
    try {
      const { id } = await startApplication(deps, { tenantId: request.tenant.id, session, procedure });
      return seeOther(reply, `/applications/${id}/steps/${procedure.form.steps[0]!.id}`);
    } catch (error) {
      const errors = fieldErrors(error);
      if (!errors) throw error;
      return sendPage(
        reply,
        startPage(pageContext(request), { procedure, draftId: undefined, needsJpki: false, errors }),
        (error as AppError).status,
      );
    }
  });

  app.get<{ Params: Params }>('/applications/:id/steps/:step', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    const opened = await openApplication(deps, {
      tenantId: request.tenant.id,
      session,
      applicationId: request.params.id,
    });
    const step = stepById(opened.procedure.form!, request.params.step);
    if (!step) throw new AppError('not_found', '入力のページが見つかりません。');
    const correcting = opened.application.status === 'correction_requested';
    if (opened.application.status !== 'draft' && !correcting)
      return seeOther(reply, `/applications/${opened.application.id}`);
    return sendPage(
      reply,
      stepPage(pageContext(request), {
        ...opened,
        step,
        errors: [],
        ...(correcting ? { correction: opened.application.correction?.fields ?? {} } : {}),
      }),
    );
  });

  app.post<{ Params: Params }>('/applications/:id/steps/:step', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    const tenantId = request.tenant.id;
    const current = await withTenant(deps.db, tenantId, (trx) => loadApplication(trx, request.params.id));
    const own = assertOwnApplication(current, session);
    if (own.status !== 'draft' && own.status !== 'correction_requested')
      return seeOther(reply, `/applications/${own.id}`);
    const correction = own.status === 'correction_requested' ? (own.correction?.fields ?? {}) : undefined;
    const saved = await saveStep(deps, {
      tenantId,
      session,
      applicationId: own.id,
      stepId: request.params.step,
      body: (request.body ?? {}) as Body,
      lang: request.lang,
      ...(correction ? { onlyFields: Object.keys(correction) } : {}),
    });
    const form = saved.procedure.form!;
    if (saved.action.kind === 'save' && saved.errors.length === 0) {
      return seeOther(reply, '/my/applications?saved=1');
    }
    if (saved.action.kind === 'next' && saved.errors.length === 0) {
      if (correction) return seeOther(reply, `/applications/${own.id}`);
      const index = form.steps.findIndex((s) => s.id === saved.step.id);
      const next = form.steps[index + 1];
      return seeOther(reply, next ? `/applications/${own.id}/steps/${next.id}` : `/applications/${own.id}/check`);
    }
    return sendPage(
      reply,
      stepPage(pageContext(request), {
        application: own,
        procedure: saved.procedure,
        step: saved.step,
        answers: saved.answers,
        errors: saved.errors,
        fileNames: saved.fileNames,
        ...(correction ? { correction } : {}),
      }),
      saved.errors.length > 0 ? 400 : 200,
    );
  });

  const renderCheck = async (request: FastifyRequest, session: Session, errors: FieldError[]) => {
    const opened = await openApplication(deps, {
      tenantId: request.tenant.id,
      session,
      applicationId: (request.params as Params).id,
    });
    const ctx = {
      lang: request.lang,
      form: opened.procedure.form!,
      answers: opened.answers,
      errors: [],
      fileNames: opened.fileNames,
    };
    return {
      opened,
      html: checkPage(pageContext(request), {
        application: opened.application,
        procedure: opened.procedure,
        rows: summaryRows(ctx),
        fee: feeFor(opened.procedure, opened.answers),
        signContent: opened.procedure.jpkiSignature
          ? signedContentFor(opened.application.id, opened.answers)
          : undefined,
        errors,
      }),
    };
  };

  app.get<{ Params: Params }>('/applications/:id/check', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    const { opened, html } = await renderCheck(request, session, []);
    if (opened.application.status !== 'draft') return seeOther(reply, `/applications/${opened.application.id}`);
    return sendPage(reply, html);
  });

  app.post<{ Params: Params; Body: { signature?: string } }>(
    '/applications/:id/submit',
    { schema: page },
    async (request, reply) => {
      const session = residentOrRedirect(request, reply);
      if (!session) return reply;
      const opened = await openApplication(deps, {
        tenantId: request.tenant.id,
        session,
        applicationId: request.params.id,
      });
      try {
        const { application } = await submitDraft(deps, {
          tenantId: request.tenant.id,
          session,
          applicationId: opened.application.id,
          procedure: opened.procedure,
          answers: opened.answers,
          signature: typeof request.body?.signature === 'string' ? request.body.signature : undefined,
          lang: request.lang,
          meta: meta(request),
        });
        return seeOther(reply, `/applications/${application.id}?submitted=1`);
      } catch (error) {
        const errors = fieldErrors(error);
        if (!errors) throw error;
        const mapped = errors.map((e) =>
          (error as AppError).code === 'jpki_invalid' ? { field: 'signature', message: e.message } : e,
        );
        return sendPage(reply, (await renderCheck(request, session, mapped)).html, (error as AppError).status);
      }
    },
  );

  app.get<{ Params: Params; Querystring: { submitted?: string; paid?: string } }>(
    '/applications/:id',
    { schema: page },
    async (request, reply) => {
      const session = residentOrRedirect(request, reply);
      if (!session) return reply;
      const html = await statusView(request, session, request.params.id, {
        justSubmitted: request.query.submitted === '1',
      });
      if (html.includes(`action="/applications/${request.params.id}/pay"`)) await allowProvider(request);
      return sendPage(reply, html);
    },
  );

  app.post<{ Params: Params }>('/applications/:id/pay', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    const application = assertOwnApplication(
      await withTenant(deps.db, request.tenant.id, (trx) => loadApplication(trx, request.params.id)),
      session,
    );
    if (application.feeAmount <= 0 || application.paymentStatus !== 'pending' || !application.receiptNumber) {
      return seeOther(reply, `/applications/${application.id}`);
    }
    const procedure = await getProcedure(deps, { tenantId: request.tenant.id, code: application.procedureCode });
    try {
      const provider = await providerFor(deps, app);
      const started = await startPayment(
        { db: deps.db, events: deps.events, provider },
        {
          tenantId: request.tenant.id,
          applicationId: application.id,
          receiptNumber: application.receiptNumber,
          amount: application.feeAmount,
          description: `${application.procedureName}（受付番号 ${application.receiptNumber}）`,
          payer: session.accountId,
          returnUrl: `${baseUrl(request)}/applications/${application.id}`,
          methods: procedure?.paymentMethods ?? ['card', 'paypay'],
          department: application.department,
          meta: meta(request),
        },
      );
      return seeOther(reply, started.redirectUrl);
    } catch (error) {
      const errors = fieldErrors(error);
      if (!errors) throw error;
      return sendPage(
        reply,
        await statusView(request, session, application.id, {
          errors: errors.map((e) => ({ ...e, field: 'pay-title' })),
        }),
        (error as AppError).status,
      );
    }
  });

  app.post<{ Params: Params }>('/applications/:id/resubmit', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    try {
      await resubmitApplication(deps, {
        tenantId: request.tenant.id,
        session,
        applicationId: request.params.id,
        lang: request.lang,
        meta: meta(request),
      });
      return seeOther(reply, `/applications/${request.params.id}`);
    } catch (error) {
      const errors = fieldErrors(error);
      if (!errors) throw error;
      return sendPage(
        reply,
        await statusView(request, session, request.params.id, {
          errors: errors.map((e) => ({ ...e, field: 'correction-title' })),
        }),
        400,
      );
    }
  });

  app.post<{ Params: Params; Body: { body?: string } }>(
    '/applications/:id/messages',
    { schema: page },
    async (request, reply) => {
      const session = residentOrRedirect(request, reply);
      if (!session) return reply;
      try {
        await postMessage(deps, {
          tenantId: request.tenant.id,
          applicationId: request.params.id,
          authorId: session.accountId,
          authorKind: 'resident',
          internal: false,
          body: typeof request.body?.body === 'string' ? request.body.body : '',
          guard: (found) => void assertOwnApplication(found, session),
        });
        return seeOther(reply, `/applications/${request.params.id}#body`);
      } catch (error) {
        const errors = fieldErrors(error);
        if (!errors) throw error;
        return sendPage(
          reply,
          await statusView(request, session, request.params.id, { errors }),
          (error as AppError).status,
        );
      }
    },
  );

  app.post<{ Params: Params }>('/applications/:id/withdraw', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    const result = await withdrawApplication(deps, {
      tenantId: request.tenant.id,
      session,
      applicationId: request.params.id,
      meta: meta(request),
    });
    return seeOther(reply, result.receiptNumber ? `/applications/${result.id}` : '/my/applications');
  });

  app.get<{ Querystring: { saved?: string } }>('/my/applications', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    const applications = await listMyApplications(deps, {
      tenantId: request.tenant.id,
      accountId: principalOf(session),
    });
    return sendPage(
      reply,
      myApplicationsPage(pageContext(request), {
        applications,
        ...(request.query.saved === '1' ? { notice: t(request.lang, 'applications.savedDraft') } : {}),
      }) as string,
    );
  });
}

export type { FastifyReply };
