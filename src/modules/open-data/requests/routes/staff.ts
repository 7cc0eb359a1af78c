// Staff pages of /staff/open-data/requests: the list and one request with the answer and moderation
// forms. Requests are answered for the whole city by the DX office (somu-kikaku.digital) or a dx_admin;
// other staff are refused (and the refusal audited). The answer is public data; the requester's e-mail is
// personal, so it is shown only when the policy decision point allows a personal read (audited).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Action } from '../../../../platform/access/policy.ts';
import { createZoneClassifier } from '../../../../platform/access/zones.ts';
import { recordAudit } from '../../../../platform/audit/audit.ts';
import { AppError } from '../../../../platform/http/errors.ts';
import { seeOther, sendPage } from '../../../../platform/http/respond.ts';
import type { PlatformDeps } from '../../../../platform/module.ts';
import { pageContext } from '../../../../platform/pages/server-pages.ts';
import { authorize, type StaffContext, staffOrRedirect } from '../../../identity/staff-access.ts';
import { answeringDepartment, type StaffActor } from '../audit.ts';
import {
  type ContactView,
  type StaffFormState,
  type StaffNotice,
  staffListPage,
  staffRequestPage,
} from '../pages/staff.ts';
import { answerDataRequest } from '../use-cases/answer-data-request.ts';
import { getStaffDataRequest } from '../use-cases/get-staff-data-request.ts';
import { hideDataRequest } from '../use-cases/hide-data-request.ts';
import { listStaffDataRequests } from '../use-cases/list-staff-data-requests.ts';
import { listFilter } from './public.ts';
import { type ListQuery, listQuery, numberParams } from './schemas.ts';

const page = { hide: true };
const staffPageSize = 50;
const notices: readonly StaffNotice[] = ['saved', 'unchanged', 'hidden', 'shown'];
type Body = Record<string, unknown>;
const str = (body: Body, name: string) => (typeof body[name] === 'string' ? (body[name] as string) : undefined);

export async function staffRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const zoneOf = createZoneClassifier(deps.config.networkZones);
  const actorOf = (request: FastifyRequest, staff: StaffContext): StaffActor => ({
    accountId: staff.session.accountId,
    ip: request.ip,
    requestId: request.id,
  });

  /** Signed-in staff of the answering office; anyone else is refused with the reason, and audited. */
  async function guard(
    request: FastifyRequest,
    reply: FastifyReply,
    action: Action,
    auditAction: string,
  ): Promise<StaffContext | undefined> {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return undefined;
    const { departments, roles } = staff.session.staff;
    const number = (request.params as { number?: string }).number;
    // Public data is in everyone's scope for the policy; who answers for the city is this module's rule.
    if (!departments.includes(answeringDepartment) && !roles.includes('dx_admin')) {
      await recordAudit(deps, {
        tenantId: request.tenant.id,
        action: auditAction,
        actor: staff.session.accountId,
        actorKind: 'staff',
        resourceType: 'open_data_request',
        department: answeringDepartment,
        dataClass: 'public',
        decision: 'deny',
        reason: 'not_answering_department',
        zone: staff.zone,
        ip: request.ip,
        requestId: request.id,
        details: { number: number ?? null, policyAction: action },
      });
      throw new AppError(
        'forbidden',
        'データの要望への回答は、総務企画局デジタル化施策推進室の職員が行います。必要な場合は同室に相談してください。',
      );
    }
    await authorize(deps, request, staff, {
      action,
      resource: { type: 'open_data_request', dataClass: 'public', department: answeringDepartment },
      auditAction,
      ...(number ? { details: { number: Number(number) } } : {}),
    });
    return staff;
  }

  /** The request, with its e-mail when this staff member may read personal data from here. */
  async function load(request: FastifyRequest, staff: StaffContext, number: number) {
    const tenantId = request.tenant.id;
    const r = await getStaffDataRequest(deps, { tenantId, number, withContact: false });
    if (!r.hasContact) return { r, contact: { shown: false, reason: '' } as ContactView };
    try {
      await authorize(deps, request, staff, {
        action: 'read',
        resource: { type: 'open_data_request', id: r.id, dataClass: 'personal', department: answeringDepartment },
        auditAction: 'open_data.request.contact.read',
        details: { number },
      });
    } catch (error) {
      if (error instanceof AppError && error.code === 'forbidden') {
        return { r, contact: { shown: false, reason: error.message } as ContactView };
      }
      throw error;
    }
    return {
      r: await getStaffDataRequest(deps, { tenantId, number, withContact: true }),
      contact: { shown: true } as ContactView,
    };
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    staff: StaffContext,
    number: number,
    view: { state?: StaffFormState; notice?: StaffNotice | undefined } = {},
    status = 200,
  ) {
    const { r, contact } = await load(request, staff, number);
    return sendPage(reply, staffRequestPage(pageContext(request), r, { contact, ...view }), status);
  }

  app.get<{ Querystring: ListQuery }>(
    '/staff/open-data/requests',
    { schema: { ...page, querystring: listQuery } },
    async (request, reply) => {
      const staff = await guard(request, reply, 'read', 'open_data.request.list');
      if (!staff) return reply;
      // Staff look at what residents want most first.
      const filter = listFilter(request.query, 'supports');
      const result = await listStaffDataRequests(deps, {
        tenantId: request.tenant.id,
        status: filter.status,
        sort: filter.sort,
        limit: staffPageSize,
        offset: (filter.page - 1) * staffPageSize,
      });
      return sendPage(reply, staffListPage(pageContext(request), result, filter));
    },
  );

  app.get<{ Params: { number: string }; Querystring: { notice?: string } }>(
    '/staff/open-data/requests/:number',
    { schema: { ...page, params: numberParams } },
    async (request, reply) => {
      const staff = await guard(request, reply, 'read', 'open_data.request.view');
      if (!staff) return reply;
      const notice = notices.find((n) => n === request.query.notice);
      return render(request, reply, staff, Number(request.params.number), { notice });
    },
  );

  app.post<{ Params: { number: string } }>(
    '/staff/open-data/requests/:number',
    { schema: { ...page, params: numberParams } },
    async (request, reply) => {
      const staff = await guard(request, reply, 'update', 'open_data.request.answer');
      if (!staff) return reply;
      const number = Number(request.params.number);
      const body = (request.body ?? {}) as Body;
      try {
        const { changed } = await answerDataRequest(deps, {
          tenantId: request.tenant.id,
          actor: actorOf(request, staff),
          number,
          status: str(body, 'status'),
          answer: str(body, 'answer'),
          datasetName: str(body, 'datasetName'),
          revision: str(body, 'revision'),
        });
        return seeOther(reply, `/staff/open-data/requests/${number}?notice=${changed ? 'saved' : 'unchanged'}`);
      } catch (error) {
        if (!(error instanceof AppError) || !['validation_failed', 'conflict'].includes(error.code)) throw error;
        const values = {
          status: str(body, 'status'),
          answer: str(body, 'answer'),
          datasetName: str(body, 'datasetName'),
        };
        const errors =
          error.errors.length > 0 ? error.errors : [{ field: '#answer-form-title', message: error.message }];
        return render(request, reply, staff, number, { state: { form: 'answer', values, errors } }, error.status);
      }
    },
  );

  app.post<{ Params: { number: string } }>(
    '/staff/open-data/requests/:number/visibility',
    { schema: { ...page, params: numberParams } },
    async (request, reply) => {
      const visible = str((request.body ?? {}) as Body, 'visible') === '1';
      const staff = await guard(
        request,
        reply,
        'update',
        visible ? 'open_data.request.show' : 'open_data.request.hide',
      );
      if (!staff) return reply;
      const number = Number(request.params.number);
      const reason = str((request.body ?? {}) as Body, 'hiddenReason');
      try {
        await hideDataRequest(deps, {
          tenantId: request.tenant.id,
          actor: actorOf(request, staff),
          number,
          hide: !visible,
          reason,
        });
        return seeOther(reply, `/staff/open-data/requests/${number}?notice=${visible ? 'shown' : 'hidden'}`);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
        return render(
          request,
          reply,
          staff,
          number,
          { state: { form: 'hide', values: { hiddenReason: reason }, errors: error.errors } },
          400,
        );
      }
    },
  );
}
