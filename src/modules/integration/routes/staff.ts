// Staff pages of /staff/integration: every action through staffOrRedirect + the policy decision point
// (administer, scoped to the department of the token or endpoint; city-wide ones are the DX office's).

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createZoneClassifier } from '../../../platform/access/zones.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { seeOther, sendPage } from '../../../platform/http/respond.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { pageContext } from '../../../platform/pages/server-pages.ts';
import { authorize, type StaffContext, staffOrRedirect } from '../../identity/staff-access.ts';
import type { StaffActor } from '../audit.ts';
import { type FormState, renderDeliveries, renderIntegration, type Shown } from '../pages/integration.ts';
import { createSystemToken } from '../use-cases/create-system-token.ts';
import { createWebhookEndpoint } from '../use-cases/create-webhook-endpoint.ts';
import { disableWebhookEndpoint } from '../use-cases/disable-webhook-endpoint.ts';
import { getSystemToken } from '../use-cases/get-system-token.ts';
import { getWebhookEndpoint } from '../use-cases/get-webhook-endpoint.ts';
import { endpointOfDelivery, listDeliveries, listIntegration } from '../use-cases/list-integration.ts';
import { replayDelivery, replayEvent } from '../use-cases/replay-webhooks.ts';
import { revokeSystemToken } from '../use-cases/revoke-system-token.ts';
import { rotateSystemToken } from '../use-cases/rotate-system-token.ts';

const page = { hide: true };

type Body = Record<string, string | string[] | undefined>;

function bodyOf(request: FastifyRequest): Body {
  const body = request.body;
  if (!body || typeof body !== 'object') return {};
  const out: Body = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

const text = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);
const list = (v: string | string[] | undefined) => (v === undefined ? [] : ([] as string[]).concat(v));

const isDx = (staff: StaffContext) => staff.session.staff.roles.includes('dx_admin');

export async function staffRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const zoneOf = createZoneClassifier(deps.config.networkZones);

  const actorOf = (request: FastifyRequest, staff: StaffContext): StaffActor => ({
    accountId: staff.session.accountId,
    ip: request.ip,
    requestId: request.id,
  });

  /** The policy decides on the department of what is touched; null (city-wide) only the DX office may. */
  const allow = (
    request: FastifyRequest,
    staff: StaffContext,
    department: string | null,
    auditAction: string,
    resource: { type: string; id?: string } = { type: 'integration' },
  ) =>
    authorize(deps, request, staff, {
      action: 'administer',
      resource: { ...resource, dataClass: 'personal', ...(department ? { department } : {}) },
      auditAction,
    });

  const home = async (
    request: FastifyRequest,
    reply: FastifyReply,
    staff: StaffContext,
    extra: { state?: FormState; shown?: Shown; notice?: string } = {},
    status = 200,
  ) => {
    const data = await listIntegration(deps, {
      tenantId: request.tenant.id,
      departments: isDx(staff) ? 'all' : staff.session.staff.departments,
    });
    const defaultDepartment = isDx(staff) ? '' : (staff.session.staff.departments[0] ?? '');
    return sendPage(reply, renderIntegration(pageContext(request), { ...data, defaultDepartment }, extra), status);
  };

  /** Validation errors re-render the form (400); other refusals go to the error page. */
  const formError = async (
    request: FastifyRequest,
    reply: FastifyReply,
    staff: StaffContext,
    form: FormState['form'],
    values: Body,
    error: unknown,
  ) => {
    if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
    return home(request, reply, staff, { state: { form, values, errors: error.errors } }, 400);
  };

  app.get('/staff/integration', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    await allow(request, staff, isDx(staff) ? null : (staff.session.staff.departments[0] ?? null), 'integration.view');
    const notice = (request.query as Record<string, string>).notice;
    return home(request, reply, staff, notice === 'tokenRevoked' || notice === 'webhookDisabled' ? { notice } : {});
  });

  app.post('/staff/integration/tokens', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const body = bodyOf(request);
    const department = text(body.department)?.trim() || null;
    await allow(request, staff, department, 'integration.token.create');
    const days = text(body.expiresInDays)?.trim();
    try {
      const created = await createSystemToken(deps, {
        tenantId: request.tenant.id,
        actor: actorOf(request, staff),
        name: text(body.name),
        department,
        scopes: list(body.scopes),
        expiresInDays: days ? Number(days) : undefined,
      });
      return home(request, reply, staff, {
        shown: {
          titleKey: 'tokenCreatedTitle',
          bodyKey: 'tokenCreatedBody',
          labelKey: 'tokenLabel',
          value: created.token,
        },
      });
    } catch (error) {
      return formError(request, reply, staff, 'token', body, error);
    }
  });

  app.post('/staff/integration/tokens/:id/rotate', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const { id } = request.params as { id: string };
    const token = await getSystemToken(deps, { tenantId: request.tenant.id, tokenId: id });
    await allow(request, staff, token.department, 'integration.token.rotate', { type: 'system_token', id });
    const rotated = await rotateSystemToken(deps, {
      tenantId: request.tenant.id,
      actor: actorOf(request, staff),
      tokenId: id,
    });
    return home(request, reply, staff, {
      shown: {
        titleKey: 'tokenRotatedTitle',
        bodyKey: 'tokenRotatedBody',
        params: { until: rotated.oldExpiresAt.toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' }) },
        labelKey: 'tokenLabel',
        value: rotated.token,
      },
    });
  });

  app.post('/staff/integration/tokens/:id/revoke', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const { id } = request.params as { id: string };
    const token = await getSystemToken(deps, { tenantId: request.tenant.id, tokenId: id });
    await allow(request, staff, token.department, 'integration.token.revoke', { type: 'system_token', id });
    await revokeSystemToken(deps, { tenantId: request.tenant.id, actor: actorOf(request, staff), tokenId: id });
    return seeOther(reply, '/staff/integration?notice=tokenRevoked');
  });

  app.post('/staff/integration/webhooks', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const body = bodyOf(request);
    const department = text(body.department)?.trim() || null;
    await allow(request, staff, department, 'integration.webhook.create');
    try {
      const created = await createWebhookEndpoint(deps, {
        tenantId: request.tenant.id,
        actor: actorOf(request, staff),
        department,
        url: text(body.url),
        eventTypes: text(body.eventTypes),
      });
      return home(request, reply, staff, {
        shown: {
          titleKey: 'webhookCreatedTitle',
          bodyKey: 'webhookCreatedBody',
          labelKey: 'secretLabel',
          value: created.secret,
        },
      });
    } catch (error) {
      return formError(request, reply, staff, 'webhook', body, error);
    }
  });

  app.post('/staff/integration/webhooks/:id/disable', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const { id } = request.params as { id: string };
    const endpoint = await getWebhookEndpoint(deps, { tenantId: request.tenant.id, endpointId: id });
    await allow(request, staff, endpoint.department, 'integration.webhook.disable', { type: 'webhook_endpoint', id });
    await disableWebhookEndpoint(deps, { tenantId: request.tenant.id, actor: actorOf(request, staff), endpointId: id });
    return seeOther(reply, '/staff/integration?notice=webhookDisabled');
  });

  const deliveriesPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    endpointId: string,
    extra: Parameters<typeof renderDeliveries>[3] = {},
    status = 200,
  ) => {
    const endpoint = await getWebhookEndpoint(deps, { tenantId: request.tenant.id, endpointId });
    const deliveries = await listDeliveries(deps, { tenantId: request.tenant.id, endpointId });
    return sendPage(reply, renderDeliveries(pageContext(request), endpoint, deliveries, extra), status);
  };

  app.get('/staff/integration/webhooks/:id', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const { id } = request.params as { id: string };
    const endpoint = await getWebhookEndpoint(deps, { tenantId: request.tenant.id, endpointId: id });
    await allow(request, staff, endpoint.department, 'integration.webhook.deliveries', {
      type: 'webhook_endpoint',
      id,
    });
    const notice = (request.query as Record<string, string>).notice;
    return deliveriesPage(request, reply, id, notice === 'replayed' ? { notice } : {});
  });

  app.post('/staff/integration/deliveries/:id/replay', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const { id } = request.params as { id: string };
    const endpointId = await endpointOfDelivery(deps, { tenantId: request.tenant.id, deliveryId: id });
    if (!endpointId) throw new AppError('not_found', '配信記録が見つかりません。');
    const endpoint = await getWebhookEndpoint(deps, { tenantId: request.tenant.id, endpointId });
    await allow(request, staff, endpoint.department, 'integration.webhook.replay', { type: 'webhook_delivery', id });
    await replayDelivery(deps, { tenantId: request.tenant.id, actor: actorOf(request, staff), deliveryId: id });
    return seeOther(reply, `/staff/integration/webhooks/${endpointId}?notice=replayed`);
  });

  app.post('/staff/integration/webhooks/:id/replay-event', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const { id } = request.params as { id: string };
    const endpoint = await getWebhookEndpoint(deps, { tenantId: request.tenant.id, endpointId: id });
    await allow(request, staff, endpoint.department, 'integration.event.replay', { type: 'webhook_endpoint', id });
    const body = bodyOf(request);
    const eventId = (text(body.eventId) ?? '').trim();
    try {
      const count = await replayEvent(deps, {
        tenantId: request.tenant.id,
        actor: actorOf(request, staff),
        eventId,
        department: endpoint.department,
      });
      return deliveriesPage(request, reply, id, { notice: 'replayEventDone', noticeParams: { count } });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
      const errors = [
        { field: 'eventId', message: 'このイベント ID のイベントは見つかりません。ID を確認してください。' },
      ];
      return deliveriesPage(request, reply, id, { state: { form: 'replayEvent', values: { eventId }, errors } }, 400);
    }
  });
}
