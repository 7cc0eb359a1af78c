// Staff routes for cases: the inbox, one case, its workflow actions, correction requests, messages and
// notes, attachments, bulk actions and export. Every request passes the policy decision point
// (authorize) and is audited; a case of another department answers 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createZoneClassifier } from '../../../platform/access/zones.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { type FieldError, summaryRows } from '../../../platform/forms/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { baseUrl, requestMeta as meta, seeOther, sendPage } from '../../../platform/http/respond.ts';
import { t } from '../../../platform/i18n/i18n.ts';
import { encodeCsvUtf8Bom, encodeShiftJis } from '../../../platform/ja/csv.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { pageContext } from '../../../platform/pages/server-pages.ts';
import { authorize, type StaffContext, staffOrRedirect } from '../../identity/index.ts';
import { documentsFor, formatVerificationCode } from '../../issuance/index.ts';
import { getProcedure } from '../../procedures/index.ts';
import { casePage, inboxPage } from '../pages/staff.ts';
import { attachmentsOf, historyOf, loadApplication, messagesOf } from '../queries.ts';
import { assignCases } from '../use-cases/assign-cases.ts';
import { casesCsv, casesJson } from '../use-cases/export-cases.ts';
import { type CaseFilter, listCases } from '../use-cases/list-cases.ts';
import { withLivePayment } from '../use-cases/live-payment.ts';
import { type CaseMove, internalFields, moveCase } from '../use-cases/move-case.ts';
import { onlineApplicationRate } from '../use-cases/online-application-rate.ts';
import { openApplication } from '../use-cases/open-application.ts';
import { postMessage } from '../use-cases/post-message.ts';
import { requestCorrection } from '../use-cases/request-correction.ts';

const page = { hide: true };

type Q = {
  status?: string;
  assigned?: string;
  overdue?: string;
  procedure?: string;
  notice?: string;
  encoding?: string;
};

function filterOf(q: Q): CaseFilter {
  const statuses = [
    'open',
    'submitted',
    'in_review',
    'correction_requested',
    'resubmitted',
    'approved',
    'rejected',
    'issued',
    'closed',
    'withdrawn',
  ];
  return {
    status: statuses.includes(q.status ?? '') ? (q.status as CaseFilter['status']) : undefined,
    assigned: q.assigned === 'me' || q.assigned === 'none' ? q.assigned : undefined,
    overdue: q.overdue === '1',
    procedureCode: q.procedure && /^[a-z0-9-]{1,64}$/.test(q.procedure) ? q.procedure : undefined,
  };
}

function errorsOf(error: unknown): FieldError[] | undefined {
  if (!(error instanceof AppError) || error.status >= 500 || error.code === 'csrf_failed' || error.code === 'forbidden')
    return undefined;
  return error.errors.length > 0 ? error.errors : [{ field: 'actions', message: error.detail ?? error.message }];
}

export async function staffCaseRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const zoneOf = createZoneClassifier(deps.config.networkZones);

  /** The case, if it belongs to one of the staff member's departments; authorized and audited. */
  const caseFor = async (
    request: FastifyRequest,
    staff: StaffContext,
    id: string,
    action: 'read' | 'update' | 'decide',
    auditAction: string,
  ) => {
    const found = await withTenant(deps.db, request.tenant.id, (trx) => loadApplication(trx, id));
    if (!found || found.status === 'draft' || !staff.session.staff.departments.includes(found.department)) {
      throw new AppError('not_found', '案件が見つかりません。');
    }
    await authorize(deps, request, staff, {
      action,
      resource: {
        type: 'application',
        id: found.id,
        dataClass: found.hasSecrets ? 'my_number' : 'personal',
        department: found.department,
        ...(found.wardCode ? { ward: found.wardCode } : {}),
      },
      auditAction,
    });
    return found;
  };

  const renderCase = async (
    request: FastifyRequest,
    staff: StaffContext,
    id: string,
    errors: FieldError[] = [],
    notice?: string,
  ) => {
    const opened = await openApplication(deps, { tenantId: request.tenant.id, session: null, applicationId: id });
    const extra = await withTenant(deps.db, request.tenant.id, async (trx) => ({
      history: (await historyOf(trx, id)) as any[],
      messages: (await messagesOf(trx, id, true)) as any[],
      attachments: (await attachmentsOf(trx, id)) as any[],
    }));
    const documents = await documentsFor(deps, { tenantId: request.tenant.id, applicationIds: [id] });
    // Staff see My Numbers masked too; the full number is for the few screens that need it (none here).
    const rows = summaryRows({
      lang: request.lang,
      form: opened.procedure.form!,
      answers: opened.application.answers,
      errors: [],
      fileNames: opened.fileNames,
    });
    return casePage(pageContext(request), {
      application: await withLivePayment(deps, request.tenant.id, opened.application),
      procedure: opened.procedure,
      rows,
      ...extra,
      documents: documents.map((d) => ({
        title: d.title,
        href: `/documents/${d.id}.pdf`,
        verificationCode: formatVerificationCode(d.verificationCode),
        revokedAt: d.revokedAt,
      })),
      staffId: staff.session.accountId,
      errors,
      notice,
      internalFields: internalFields(opened.procedure),
    });
  };

  const inboxScope = async (
    request: FastifyRequest,
    staff: StaffContext,
    action: 'read' | 'export',
    auditAction: string,
  ) => {
    const departments = staff.session.staff.departments;
    await authorize(deps, request, staff, {
      action,
      resource: { type: 'case_inbox', dataClass: 'personal', department: departments[0] ?? '(none)' },
      auditAction,
    });
    return departments;
  };

  app.get<{ Querystring: Q }>('/staff/cases', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const departments = await inboxScope(request, staff, 'read', 'case.list');
    const filter = filterOf(request.query);
    const { total, cases } = await listCases(deps, {
      tenantId: request.tenant.id,
      departments,
      staffId: staff.session.accountId,
      filter,
      limit: 200,
    });
    const kpi = await onlineApplicationRate(deps, { tenantId: request.tenant.id });
    const notice =
      request.query.notice && /^\d{1,4}$/.test(request.query.notice)
        ? t(request.lang, 'applications.bulkDone', { n: request.query.notice })
        : undefined;
    return sendPage(
      reply,
      inboxPage(pageContext(request), { cases, total, filter, staffId: staff.session.accountId, notice, kpi }),
    );
  });

  app.post<{ Body: { ids?: string | string[]; action?: string } }>(
    '/staff/cases/bulk',
    { schema: page },
    async (request, reply) => {
      const staff = await staffOrRedirect(deps, zoneOf, request, reply);
      if (!staff) return reply;
      const departments = await inboxScope(request, staff, 'read', 'case.bulk');
      const ids = ([] as string[]).concat(request.body?.ids ?? []).filter((x) => typeof x === 'string');
      let done = 0;
      if (request.body?.action === 'assign') {
        done = await assignCases(deps, {
          tenantId: request.tenant.id,
          staffId: staff.session.accountId,
          applicationIds: ids,
          assignee: staff.session.accountId,
          departments,
          meta: meta(request),
        });
      } else if (request.body?.action === 'start_review') {
        for (const id of ids.slice(0, 200)) {
          try {
            const found = await caseFor(request, staff, id, 'update', 'case.start_review');
            const procedure = await getProcedure(deps, { tenantId: request.tenant.id, code: found.procedureCode });
            if (!procedure) continue;
            await moveCase(deps, {
              tenantId: request.tenant.id,
              staffId: staff.session.accountId,
              applicationId: id,
              move: 'start_review',
              procedure,
              meta: meta(request),
            });
            done++;
          } catch (error) {
            if (!(error instanceof AppError) || error.status >= 500) throw error;
          }
        }
      }
      return seeOther(reply, `/staff/cases?notice=${done}`);
    },
  );

  app.get<{ Params: { id: string } }>('/staff/cases/:id', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const found = await caseFor(request, staff, request.params.id, 'read', 'case.read');
    return sendPage(reply, await renderCase(request, staff, found.id));
  });

  app.post<{ Params: { id: string }; Body: Record<string, string | undefined> }>(
    '/staff/cases/:id/move',
    { schema: page },
    async (request, reply) => {
      const staff = await staffOrRedirect(deps, zoneOf, request, reply);
      if (!staff) return reply;
      const move = request.body?.move ?? '';
      if (move === 'assign') {
        const found = await caseFor(request, staff, request.params.id, 'update', 'case.assign');
        await assignCases(deps, {
          tenantId: request.tenant.id,
          staffId: staff.session.accountId,
          applicationIds: [found.id],
          assignee: staff.session.accountId,
          departments: [found.department],
          meta: meta(request),
        });
        return seeOther(reply, `/staff/cases/${found.id}`);
      }
      if (!['start_review', 'approve', 'reject', 'close'].includes(move))
        throw new AppError('bad_request', '操作が正しくありません。');
      const found = await caseFor(
        request,
        staff,
        request.params.id,
        move === 'approve' || move === 'reject' ? 'decide' : 'update',
        `case.${move}`,
      );
      const procedure = await getProcedure(deps, { tenantId: request.tenant.id, code: found.procedureCode });
      if (!procedure) throw new AppError('not_found', '手続が見つかりません。');
      try {
        await moveCase(deps, {
          tenantId: request.tenant.id,
          staffId: staff.session.accountId,
          applicationId: found.id,
          move: move as CaseMove,
          procedure,
          ...(move === 'approve'
            ? { feePaid: (await withLivePayment(deps, request.tenant.id, found)).paymentStatus === 'paid' }
            : {}),
          reason: request.body?.reason,
          internal: Object.fromEntries(
            Object.entries(request.body ?? {})
              .filter(([k, v]) => k.startsWith('internal.') && typeof v === 'string')
              .map(([k, v]) => [k.slice('internal.'.length), v as string]),
          ),
          publicBaseUrl: baseUrl(request),
          meta: meta(request),
        });
        return seeOther(reply, `/staff/cases/${found.id}`);
      } catch (error) {
        const errors = errorsOf(error);
        if (!errors) throw error;
        return sendPage(reply, await renderCase(request, staff, found.id, errors), (error as AppError).status);
      }
    },
  );

  app.post<{ Params: { id: string }; Body: Record<string, string> }>(
    '/staff/cases/:id/correction',
    { schema: page },
    async (request, reply) => {
      const staff = await staffOrRedirect(deps, zoneOf, request, reply);
      if (!staff) return reply;
      const found = await caseFor(request, staff, request.params.id, 'update', 'case.request_correction');
      const procedure = await getProcedure(deps, { tenantId: request.tenant.id, code: found.procedureCode });
      if (!procedure) throw new AppError('not_found', '手続が見つかりません。');
      const body = request.body ?? {};
      const fields = Object.fromEntries(
        Object.entries(body)
          .filter(([k, v]) => k.startsWith('fix.') && typeof v === 'string' && v.trim() !== '')
          .map(([k, v]) => [k.slice(4), v]),
      );
      try {
        await requestCorrection(deps, {
          tenantId: request.tenant.id,
          staffId: staff.session.accountId,
          applicationId: found.id,
          procedure,
          message: typeof body.message === 'string' ? body.message : '',
          fields,
          meta: meta(request),
        });
        return seeOther(reply, `/staff/cases/${found.id}`);
      } catch (error) {
        const errors = errorsOf(error);
        if (!errors) throw error;
        return sendPage(reply, await renderCase(request, staff, found.id, errors), (error as AppError).status);
      }
    },
  );

  app.post<{ Params: { id: string }; Body: { body?: string; internal?: string } }>(
    '/staff/cases/:id/messages',
    { schema: page },
    async (request, reply) => {
      const staff = await staffOrRedirect(deps, zoneOf, request, reply);
      if (!staff) return reply;
      const found = await caseFor(request, staff, request.params.id, 'update', 'case.message');
      try {
        await postMessage(deps, {
          tenantId: request.tenant.id,
          applicationId: found.id,
          authorId: staff.session.accountId,
          authorKind: 'staff',
          internal: request.body?.internal === 'true',
          body: typeof request.body?.body === 'string' ? request.body.body : '',
          guard: () => undefined,
        });
        return seeOther(reply, `/staff/cases/${found.id}`);
      } catch (error) {
        const errors = errorsOf(error);
        if (!errors) throw error;
        return sendPage(reply, await renderCase(request, staff, found.id, errors), (error as AppError).status);
      }
    },
  );

  app.get<{ Params: { id: string; file: string } }>(
    '/staff/cases/:id/attachments/:file',
    { schema: page },
    async (request, reply) => {
      const staff = await staffOrRedirect(deps, zoneOf, request, reply);
      if (!staff) return reply;
      const found = await caseFor(request, staff, request.params.id, 'read', 'case.read_attachment');
      const files = await withTenant(deps.db, request.tenant.id, (trx) => attachmentsOf(trx, found.id));
      const file = files.find((f) => f.id === request.params.file);
      if (!file) throw new AppError('not_found', '添付ファイルが見つかりません。');
      const stream = await deps.files.get(file.storageKey as string);
      return reply
        .type(file.contentType as string)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename as string)}`)
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );

  for (const format of ['csv', 'json'] as const) {
    app.get<{ Querystring: Q }>(`/staff/cases/export.${format}`, { schema: page }, async (request, reply) => {
      const staff = await staffOrRedirect(deps, zoneOf, request, reply);
      if (!staff) return reply;
      const departments = await inboxScope(request, staff, 'export', 'case.export');
      const { cases } = await listCases(deps, {
        tenantId: request.tenant.id,
        departments,
        staffId: staff.session.accountId,
        filter: filterOf(request.query),
        limit: 10_000,
      });
      if (format === 'json')
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', 'attachment; filename="cases.json"')
          .send(casesJson(cases));
      const text = casesCsv(cases);
      const sjis = request.query.encoding === 'shift_jis';
      return reply
        .type(sjis ? 'text/csv; charset=Shift_JIS' : 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="cases${sjis ? '-sjis' : ''}.csv"`)
        .send(sjis ? encodeShiftJis(text).buffer : encodeCsvUtf8Bom(text));
    });
  }
}
