// Staff pages of /staff/messages: compose a message for a segment, check who it reaches and how it reads,
// send it now or at a time, cancel it before it goes, and read its delivery report. Sending to residents
// city-wide is the DX office's and departments' administrators' work, so every page asks the policy for
// `administer` (audited); a resident is sent to the staff sign-in and counter staff are refused. Forms
// work without JavaScript; a form that fails re-renders with 400 and an error summary linking to its
// fields; successful posts redirect (303), so a reload never sends twice, and a send or schedule pressed
// again finds the message already on its way and does nothing more.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createZoneClassifier } from '../../../platform/access/zones.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { formList, formText, formValues } from '../../../platform/http/form-body.ts';
import { seeOther, sendPage } from '../../../platform/http/respond.ts';
import { t } from '../../../platform/i18n/i18n.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { pageContext } from '../../../platform/pages/server-pages.ts';
import { authorize, type StaffContext, staffOrRedirect } from '../../identity/staff-access.ts';
import { listWards } from '../../organisation/index.ts';
import type { MessagingActor } from '../audit.ts';
import { parseSegment } from '../delivery/segment.ts';
import {
  composePage,
  dateTime,
  type FormState,
  listPage,
  messagePage,
  messagePath,
  messagesPath,
  type Ward,
} from '../pages/staff.ts';
import { k } from '../pages/staff-messages.ts';
import { audienceSize } from '../use-cases/audience-size.ts';
import { cancelMessage } from '../use-cases/cancel-message.ts';
import { createMessage, type MessageFields } from '../use-cases/create-message.ts';
import { deliveryReport } from '../use-cases/delivery-report.ts';
import { getMessage, type StaffMessage } from '../use-cases/get-message.ts';
import { listMessages } from '../use-cases/list-messages.ts';
import { startDelivery } from '../use-cases/start-delivery.ts';
import { updateMessage } from '../use-cases/update-message.ts';

const page = { hide: true };
const pageSize = 50;
const notices = ['saved', 'updated', 'sending', 'scheduled', 'cancelled'];
type Body = Record<string, unknown>;
type Params = { Params: { id: string } };

const str = formText;
const list = formList;
const textValues = formValues;
const isFormError = (error: unknown): error is AppError =>
  error instanceof AppError && (error.code === 'validation_failed' || error.code === 'conflict');
const errorsOf = (error: AppError) =>
  error.errors.length > 0 ? error.errors : [{ field: '#main', message: error.message }];

/** The compose form's fields as createMessage and updateMessage take them. */
function messageFields(body: Body): MessageFields {
  return {
    title: str(body, 'title') ?? '',
    bodyJa: str(body, 'bodyJa') ?? '',
    bodyEasy: str(body, 'bodyEasy') ?? '',
    bodyEn: str(body, 'bodyEn') ?? '',
    urgent: str(body, 'urgent') === 'on',
    segment: {
      topics: list(body, 'topics'),
      wards: list(body, 'wards'),
      ageMin: str(body, 'ageMin') ?? null,
      ageMax: str(body, 'ageMax') ?? null,
      languages: list(body, 'languages'),
      channels: list(body, 'channels'),
    },
  };
}

/** Schedules may be made up to a year ahead; a time a few seconds away would already have passed. */
const scheduleWindowMs = { min: 5_000, max: 366 * 24 * 3600_000 };

/**
 * A datetime-local value (2026-04-01T09:30, as the browser sends it; a space or seconds are taken too)
 * read as Japan time. Undefined when it is not a real date and time.
 */
export function parseJapanDateTime(value: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.normalize('NFKC').trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls 2026-02-30 over to March: a date that does not come back unchanged does not exist.
  if (
    asUtc.getUTCFullYear() !== y ||
    asUtc.getUTCMonth() !== mo - 1 ||
    asUtc.getUTCDate() !== d ||
    asUtc.getUTCHours() !== h ||
    asUtc.getUTCMinutes() !== mi
  ) {
    return undefined;
  }
  return new Date(asUtc.getTime() - 9 * 3600_000);
}

export async function staffMessagingRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const zoneOf = createZoneClassifier(deps.config.networkZones);
  const actorOf = (request: FastifyRequest, staff: StaffContext): MessagingActor => ({
    accountId: staff.session.accountId,
    ip: request.ip,
    requestId: request.id,
  });

  /** Signed-in staff whom the policy lets administer the city's messages; undefined when redirected. */
  async function guard(request: FastifyRequest, reply: FastifyReply, auditAction: string, id?: string) {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return undefined;
    const department = staff.session.staff.departments[0];
    await authorize(deps, request, staff, {
      action: 'administer',
      resource: { type: 'message', ...(id ? { id } : {}), dataClass: 'public', ...(department ? { department } : {}) },
      auditAction,
    });
    return { staff, tenantId: request.tenant.id, actor: actorOf(request, staff) };
  }

  const wardsOf = async (request: FastifyRequest): Promise<Ward[]> => listWards(deps, { tenantId: request.tenant.id });

  const noticeOf = (request: FastifyRequest) => {
    const notice = (request.query as { notice?: unknown }).notice;
    return typeof notice === 'string' && notices.includes(notice) ? { notice } : {};
  };

  async function renderMessage(
    request: FastifyRequest,
    reply: FastifyReply,
    message: StaffMessage,
    state: FormState = {},
    status = 200,
  ) {
    const tenantId = request.tenant.id;
    const beforeSending = message.status === 'draft' || message.status === 'scheduled';
    const [wards, audience, report] = await Promise.all([
      wardsOf(request),
      beforeSending && message.kind === 'segment'
        ? audienceSize(deps, { tenantId, segment: message.segment })
        : undefined,
      beforeSending || message.status === 'cancelled'
        ? undefined
        : deliveryReport(deps, { tenantId, messageId: message.id }),
    ]);
    return sendPage(
      reply,
      messagePage(pageContext(request), { message, wards, audience, report, now: new Date() }, state),
      status,
    );
  }

  /**
   * When the compose form asked 「対象人数を確認」: answers with the form again holding the values sent,
   * the audience per channel and the preview (200), or the segment's problems named (400), and returns
   * true. False for any other button. (A reply is thenable, so it is not handed back through an await.)
   */
  async function answerCount(
    request: FastifyRequest,
    reply: FastifyReply,
    message: StaffMessage | undefined,
    body: Body,
  ): Promise<boolean> {
    if (str(body, 'action') !== 'count') return false;
    const ctx = pageContext(request);
    const values = textValues(body);
    const wards = await wardsOf(request);
    const fields = messageFields(body);
    try {
      const audience = await audienceSize(deps, { tenantId: request.tenant.id, segment: fields.segment ?? {} });
      const segment = parseSegment(fields.segment ?? {}).value;
      sendPage(reply, composePage(ctx, { wards, message, audience, segment }, { form: 'message', values }));
    } catch (error) {
      if (!isFormError(error)) throw error;
      sendPage(reply, composePage(ctx, { wards, message }, { form: 'message', values, errors: errorsOf(error) }), 400);
    }
    return true;
  }

  app.get<{ Querystring: { page?: string } }>(messagesPath, { schema: page }, async (request, reply) => {
    const g = await guard(request, reply, 'messaging.message.list');
    if (!g) return reply;
    const current = Math.max(1, Math.min(10_000, Number.parseInt(request.query.page ?? '1', 10) || 1));
    const found = await listMessages(deps, { tenantId: g.tenantId, page: current, pageSize });
    return sendPage(reply, listPage(pageContext(request), { ...found, page: current, pageSize }, noticeOf(request)));
  });

  app.get(`${messagesPath}/new`, { schema: page }, async (request, reply) => {
    const g = await guard(request, reply, 'messaging.message.compose');
    if (!g) return reply;
    return sendPage(reply, composePage(pageContext(request), { wards: await wardsOf(request) }));
  });

  app.post(messagesPath, { schema: page }, async (request, reply) => {
    const g = await guard(request, reply, 'messaging.message.create');
    if (!g) return reply;
    const body = (request.body ?? {}) as Body;
    if (await answerCount(request, reply, undefined, body)) return reply;
    let id: string;
    try {
      ({ id } = await createMessage(deps, { tenantId: g.tenantId, actor: g.actor, fields: messageFields(body) }));
    } catch (error) {
      if (!isFormError(error)) throw error;
      return sendPage(
        reply,
        composePage(
          pageContext(request),
          { wards: await wardsOf(request) },
          { form: 'message', values: textValues(body), errors: errorsOf(error) },
        ),
        400,
      );
    }
    return seeOther(reply, `${messagePath(id)}?notice=saved`);
  });

  app.get<Params>(`${messagesPath}/:id`, { schema: page }, async (request, reply) => {
    const g = await guard(request, reply, 'messaging.message.view', request.params.id);
    if (!g) return reply;
    const message = await getMessage(deps, { tenantId: g.tenantId, messageId: request.params.id });
    return renderMessage(request, reply, message, noticeOf(request));
  });

  app.get<Params>(`${messagesPath}/:id/edit`, { schema: page }, async (request, reply) => {
    const g = await guard(request, reply, 'messaging.message.compose', request.params.id);
    if (!g) return reply;
    const message = await getMessage(deps, { tenantId: g.tenantId, messageId: request.params.id });
    // Only a draft changes; anything else shows as it was approved.
    if (message.status !== 'draft' || message.kind !== 'segment') return seeOther(reply, messagePath(message.id));
    return sendPage(reply, composePage(pageContext(request), { wards: await wardsOf(request), message }));
  });

  app.post<Params>(`${messagesPath}/:id`, { schema: page }, async (request, reply) => {
    const g = await guard(request, reply, 'messaging.message.update', request.params.id);
    if (!g) return reply;
    const message = await getMessage(deps, { tenantId: g.tenantId, messageId: request.params.id });
    const body = (request.body ?? {}) as Body;
    if (await answerCount(request, reply, message, body)) return reply;
    try {
      await updateMessage(deps, {
        tenantId: g.tenantId,
        actor: g.actor,
        messageId: message.id,
        fields: messageFields(body),
      });
    } catch (error) {
      if (!isFormError(error)) throw error;
      return sendPage(
        reply,
        composePage(
          pageContext(request),
          { wards: await wardsOf(request), message },
          { form: 'message', values: textValues(body), errors: errorsOf(error) },
        ),
        error.code === 'conflict' ? 409 : 400,
      );
    }
    return seeOther(reply, `${messagePath(message.id)}?notice=updated`);
  });

  app.post<Params>(`${messagesPath}/:id/send`, { schema: page }, async (request, reply) => {
    const g = await guard(request, reply, 'messaging.message.send', request.params.id);
    if (!g) return reply;
    const message = await getMessage(deps, { tenantId: g.tenantId, messageId: request.params.id });
    if (message.status === 'cancelled') {
      const error = { field: '#main', message: t(request.lang, k('cancelledConflict')) };
      return renderMessage(request, reply, message, { form: 'page', errors: [error] }, 409);
    }
    // Pressed again (or retried by the browser): the first press started it; startDelivery would do nothing.
    if (message.status === 'sending' || message.status === 'sent') return seeOther(reply, messagePath(message.id));
    await startDelivery(deps, { tenantId: g.tenantId, actor: g.actor, messageId: message.id });
    return seeOther(reply, `${messagePath(message.id)}?notice=sending`);
  });

  app.post<Params>(`${messagesPath}/:id/schedule`, { schema: page }, async (request, reply) => {
    const g = await guard(request, reply, 'messaging.message.schedule', request.params.id);
    if (!g) return reply;
    const message = await getMessage(deps, { tenantId: g.tenantId, messageId: request.params.id });
    const body = (request.body ?? {}) as Body;
    if (message.status === 'cancelled') {
      const error = { field: '#main', message: t(request.lang, k('cancelledConflict')) };
      return renderMessage(request, reply, message, { form: 'page', errors: [error] }, 409);
    }
    // Already scheduled or on its way: a second press must not turn a schedule into sending now.
    if (message.status !== 'draft') return seeOther(reply, messagePath(message.id));
    const raw = (str(body, 'at') ?? '').trim();
    const at = parseJapanDateTime(raw);
    const now = Date.now();
    const problem =
      raw === ''
        ? t(request.lang, k('atRequired'))
        : !at
          ? t(request.lang, k('atInvalid'))
          : at.getTime() < now + scheduleWindowMs.min
            ? t(request.lang, k('atPast'), { now: dateTime(new Date(now)) })
            : at.getTime() > now + scheduleWindowMs.max
              ? t(request.lang, k('atTooFar'))
              : undefined;
    if (problem !== undefined || at === undefined) {
      const state = { form: 'schedule', values: textValues(body), errors: [{ field: 'at', message: problem ?? '' }] };
      return renderMessage(request, reply, message, state, 400);
    }
    await startDelivery(deps, { tenantId: g.tenantId, actor: g.actor, messageId: message.id, at });
    return seeOther(reply, `${messagePath(message.id)}?notice=scheduled`);
  });

  app.post<Params>(`${messagesPath}/:id/cancel`, { schema: page }, async (request, reply) => {
    const g = await guard(request, reply, 'messaging.message.cancel', request.params.id);
    if (!g) return reply;
    const message = await getMessage(deps, { tenantId: g.tenantId, messageId: request.params.id });
    try {
      await cancelMessage(deps, { tenantId: g.tenantId, actor: g.actor, messageId: message.id });
    } catch (error) {
      if (!isFormError(error)) throw error;
      return renderMessage(request, reply, message, { form: 'page', errors: errorsOf(error) }, 409);
    }
    return seeOther(reply, `${messagePath(message.id)}?notice=cancelled`);
  });
}
