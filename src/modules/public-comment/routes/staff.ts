// Staff pages of /staff/public-comments. Every page and action goes through staffOrRedirect and the
// policy decision point, scoped to the consultation's department (submissions hold names and contacts,
// so the data class is personal); another department's consultation answers 404. Forms that fail
// validation re-render with 400 and an error summary; successful posts redirect (303).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createZoneClassifier } from '../../../platform/access/zones.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { formList, formText } from '../../../platform/http/form-body.ts';
import { seeOther, sendPage } from '../../../platform/http/respond.ts';
import { isUploadedFile } from '../../../platform/http/server.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { pageContext } from '../../../platform/pages/server-pages.ts';
import { authorize, type StaffContext, staffOrRedirect } from '../../identity/staff-access.ts';
import { getDepartment } from '../../organisation/index.ts';
import type { StaffActor } from '../audit.ts';
import { japanToday } from '../model.ts';
import {
  analysisPage,
  newConsultationPage,
  outlinePage,
  responseClassesPage,
  resultTabPage,
  type StaffFormState,
  staffListPage,
  submissionsPage,
  type Tab,
} from '../pages/staff.ts';
import { loadConsultation, loadDocumentFile, loadSubmission, tenantResponseClasses } from '../queries.ts';
import { buildResultReport } from '../report/build-report.ts';
import { addDocument } from '../use-cases/add-document.ts';
import { createConsultation } from '../use-cases/create-consultation.ts';
import { deleteChange } from '../use-cases/delete-change.ts';
import { deleteOpinion } from '../use-cases/delete-opinion.ts';
import { excludeSubmission } from '../use-cases/exclude-submission.ts';
import { getStaffConsultation, type StaffConsultation } from '../use-cases/get-staff-consultation.ts';
import { listStaffConsultations } from '../use-cases/list-public-consultations.ts';
import { openConsultation } from '../use-cases/open-consultation.ts';
import { publishResult, reportInputOf } from '../use-cases/publish-result.ts';
import { redactOpinion } from '../use-cases/redact-opinion.ts';
import { registerSubmission } from '../use-cases/register-submission.ts';
import { removeDocument } from '../use-cases/remove-document.ts';
import { saveChange } from '../use-cases/save-change.ts';
import { saveOpinion } from '../use-cases/save-opinion.ts';
import { setResponseClasses } from '../use-cases/set-response-classes.ts';
import { splitSubmission } from '../use-cases/split-submission.ts';
import { startAnalysis } from '../use-cases/start-analysis.ts';
import { updateConsultation } from '../use-cases/update-consultation.ts';

const page = { hide: true };
type Body = Record<string, unknown>;
type Action = 'read' | 'create' | 'update' | 'decide';

const str = formText;
const list = formList;
const file = (body: Body, name: string) => (isUploadedFile(body[name]) ? body[name] : undefined);
const textValues = (body: Body) =>
  Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string' || Array.isArray(v))) as Record<
    string,
    string | string[]
  >;

export async function staffRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const zoneOf = createZoneClassifier(deps.config.networkZones);
  const actorOf = (request: FastifyRequest, staff: StaffContext): StaffActor => ({
    accountId: staff.session.accountId,
    ip: request.ip,
    requestId: request.id,
  });

  /** The consultation's department decides; one outside the staff member's scope is 404, not 403. */
  async function guard(request: FastifyRequest, reply: FastifyReply, action: Action, auditAction: string) {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return undefined;
    const { id } = request.params as { id: string };
    const c = /^[0-9a-f-]{36}$/.test(id)
      ? await withTenant(deps.db, request.tenant.id, (trx) => loadConsultation(trx, { id }))
      : undefined;
    if (!c || !staff.session.staff.departments.includes(c.department)) {
      throw new AppError('not_found', 'パブリックコメントが見つかりません。');
    }
    await authorize(deps, request, staff, {
      action,
      resource: { type: 'consultation', id: c.id, dataClass: 'personal', department: c.department },
      auditAction,
    });
    return {
      staff,
      consultation: c,
      input: { tenantId: request.tenant.id, actor: actorOf(request, staff), consultationId: c.id },
    };
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    tab: Tab,
    state: StaffFormState = {},
    status = 200,
  ) {
    const ctx = pageContext(request);
    const v = await getStaffConsultation(deps, {
      tenantId: request.tenant.id,
      consultationId: id,
      analysis: {
        groups: tab === 'analysis',
        duplicates: tab === 'analysis' || tab === 'submissions',
        suggestions: tab === 'analysis' || tab === 'submissions',
      },
    });
    const body =
      tab === 'outline'
        ? outlinePage(ctx, v, state)
        : tab === 'submissions'
          ? submissionsPage(ctx, v, state, randomBytes(12).toString('base64url'))
          : tab === 'analysis'
            ? analysisPage(ctx, v, state)
            : resultTabPage(ctx, v, state, await previewOf(request, v));
    return sendPage(reply, body, status);
  }

  async function names(request: FastifyRequest, department: string) {
    const bureau = department.split('.')[0]!;
    const found = await getDepartment(deps, { tenantId: request.tenant.id, code: bureau }).catch(() => undefined);
    return { cityName: request.tenant.name, departmentName: found?.nameJa ?? department };
  }

  async function previewOf(request: FastifyRequest, v: StaffConsultation) {
    if (v.consultation.status === 'draft') return undefined;
    try {
      const { submissions, opinions, changes } = v;
      return buildResultReport(
        reportInputOf(
          v.consultation,
          await names(request, v.consultation.department),
          { submissions, opinions, changes },
          japanToday(),
        ),
      );
    } catch {
      // Opinions without a topic or class cannot be counted yet; the problems list says which.
      return undefined;
    }
  }

  /** Runs a form's use case; a validation failure re-renders `tab` with the form's values and errors. */
  async function formAction(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    opts: { tab: Tab; form: string; next: string; notice?: string },
    run: () => Promise<unknown>,
  ) {
    try {
      await run();
    } catch (error) {
      if (error instanceof AppError && (error.code === 'validation_failed' || error.code === 'conflict')) {
        const body = (request.body ?? {}) as Body;
        const errors = error.errors.length > 0 ? error.errors : [{ field: '#main', message: error.message }];
        return render(
          request,
          reply,
          id,
          opts.tab,
          { form: opts.form, values: textValues(body), errors },
          error.code === 'conflict' ? 409 : 400,
        );
      }
      throw error;
    }
    return seeOther(reply, opts.next);
  }

  const base = (id: string) => `/staff/public-comments/${id}`;

  app.get('/staff/public-comments', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    await authorize(deps, request, staff, {
      action: 'read',
      resource: { type: 'consultation', dataClass: 'personal', department: staff.session.staff.departments[0] },
      auditAction: 'public_comment.list',
    });
    const items = await listStaffConsultations(deps, {
      tenantId: request.tenant.id,
      departments: staff.session.staff.departments,
    });
    return sendPage(reply, staffListPage(pageContext(request), items));
  });

  // The city's list of response classes: a city-wide setting, so the DX office's (administer).
  const classesGuard = async (request: FastifyRequest, reply: FastifyReply, auditAction: string) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return undefined;
    await authorize(deps, request, staff, {
      action: 'administer',
      resource: { type: 'response_classes', dataClass: 'public' },
      auditAction,
    });
    return staff;
  };

  app.get<{ Querystring: { notice?: string } }>(
    '/staff/public-comments/classes',
    { schema: page },
    async (request, reply) => {
      const staff = await classesGuard(request, reply, 'public_comment.response_classes.view');
      if (!staff) return reply;
      const classes = await withTenant(deps.db, request.tenant.id, (trx) => tenantResponseClasses(trx));
      return sendPage(
        reply,
        responseClassesPage(pageContext(request), classes, request.query.notice === 'saved' ? { notice: 'saved' } : {}),
      );
    },
  );

  app.post('/staff/public-comments/classes', { schema: page }, async (request, reply) => {
    const staff = await classesGuard(request, reply, 'public_comment.response_classes.set');
    if (!staff) return reply;
    const body = (request.body ?? {}) as Body;
    try {
      await setResponseClasses(deps, {
        tenantId: request.tenant.id,
        actor: actorOf(request, staff),
        classes: str(body, 'classes'),
      });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      return sendPage(
        reply,
        responseClassesPage(pageContext(request), [], {
          form: 'classes',
          values: textValues(body),
          errors: error.errors,
        }),
        400,
      );
    }
    return seeOther(reply, '/staff/public-comments/classes?notice=saved');
  });

  app.get('/staff/public-comments/new', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    return sendPage(reply, newConsultationPage(pageContext(request), {}));
  });

  app.post('/staff/public-comments', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const department = staff.session.staff.departments[0];
    if (!department) throw new AppError('forbidden', '所属部署のない職員は意見募集を作れません。');
    await authorize(deps, request, staff, {
      action: 'create',
      resource: { type: 'consultation', dataClass: 'personal', department },
      auditAction: 'public_comment.consultation.create',
    });
    const body = (request.body ?? {}) as Body;
    try {
      const created = await createConsultation(deps, {
        tenantId: request.tenant.id,
        actor: actorOf(request, staff),
        department,
        fields: {
          title: str(body, 'title'),
          subject: str(body, 'subject'),
          summary: str(body, 'summary'),
          opensOn: str(body, 'opensOn'),
          closesOn: str(body, 'closesOn'),
          methods: list(body, 'methods'),
          announcements: str(body, 'announcements'),
          sendTo: str(body, 'sendTo'),
          topics: str(body, 'topics'),
        },
      });
      return seeOther(reply, base(created.id));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      return sendPage(
        reply,
        newConsultationPage(pageContext(request), { form: 'outline', values: textValues(body), errors: error.errors }),
        400,
      );
    }
  });

  const tabRoutes: [string, Tab][] = [
    ['', 'outline'],
    ['/submissions', 'submissions'],
    ['/analysis', 'analysis'],
    ['/result', 'result'],
  ];
  for (const [suffix, tab] of tabRoutes) {
    app.get<{ Params: { id: string }; Querystring: { notice?: string } }>(
      `/staff/public-comments/:id${suffix}`,
      { schema: page },
      async (request, reply) => {
        const g = await guard(request, reply, 'read', `public_comment.view.${tab}`);
        if (!g) return reply;
        const notice =
          request.query.notice === 'saved' ? 'saved' : request.query.notice === 'published' ? 'published' : undefined;
        return render(request, reply, g.consultation.id, tab, notice ? { notice } : {});
      },
    );
  }

  app.post<{ Params: { id: string } }>('/staff/public-comments/:id', { schema: page }, async (request, reply) => {
    const g = await guard(request, reply, 'update', 'public_comment.consultation.update');
    if (!g) return reply;
    const body = (request.body ?? {}) as Body;
    return formAction(
      request,
      reply,
      g.consultation.id,
      { tab: 'outline', form: 'outline', next: `${base(g.consultation.id)}?notice=saved` },
      () =>
        updateConsultation(deps, {
          ...g.input,
          part: 'outline',
          fields: {
            title: str(body, 'title'),
            subject: str(body, 'subject'),
            summary: str(body, 'summary'),
            opensOn: str(body, 'opensOn'),
            closesOn: str(body, 'closesOn'),
            methods: list(body, 'methods'),
            announcements: str(body, 'announcements'),
            sendTo: str(body, 'sendTo'),
            topics: str(body, 'topics'),
          },
        }),
    );
  });

  app.post<{ Params: { id: string } }>(
    '/staff/public-comments/:id/documents',
    { schema: page },
    async (request, reply) => {
      const g = await guard(request, reply, 'update', 'public_comment.document.add');
      if (!g) return reply;
      const body = (request.body ?? {}) as Body;
      return formAction(
        request,
        reply,
        g.consultation.id,
        { tab: 'outline', form: 'document', next: `${base(g.consultation.id)}?notice=saved` },
        () => addDocument(deps, { ...g.input, title: str(body, 'documentTitle'), file: file(body, 'documentFile') }),
      );
    },
  );

  app.get<{ Params: { id: string; documentId: string } }>(
    '/staff/public-comments/:id/documents/:documentId',
    { schema: page },
    async (request, reply) => {
      const g = await guard(request, reply, 'read', 'public_comment.document.read');
      if (!g) return reply;
      const doc = await withTenant(deps.db, request.tenant.id, (trx) =>
        loadDocumentFile(trx, g.consultation.id, request.params.documentId),
      );
      if (!doc) throw new AppError('not_found', '資料が見つかりません。');
      return reply
        .type(doc.contentType === 'text/html' ? 'text/html; charset=utf-8' : 'application/pdf')
        .header(
          'content-security-policy',
          "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'",
        )
        .send(await deps.files.get(doc.fileKey));
    },
  );

  app.post<{ Params: { id: string; documentId: string } }>(
    '/staff/public-comments/:id/documents/:documentId/delete',
    { schema: page },
    async (request, reply) => {
      const g = await guard(request, reply, 'update', 'public_comment.document.remove');
      if (!g) return reply;
      return formAction(
        request,
        reply,
        g.consultation.id,
        { tab: 'outline', form: 'document', next: `${base(g.consultation.id)}?notice=saved` },
        () => removeDocument(deps, { ...g.input, documentId: request.params.documentId }),
      );
    },
  );

  app.post<{ Params: { id: string } }>('/staff/public-comments/:id/open', { schema: page }, async (request, reply) => {
    const g = await guard(request, reply, 'decide', 'public_comment.consultation.open');
    if (!g) return reply;
    return formAction(
      request,
      reply,
      g.consultation.id,
      { tab: 'outline', form: 'open', next: `${base(g.consultation.id)}?notice=saved` },
      () => openConsultation(deps, g.input),
    );
  });

  app.post<{ Params: { id: string } }>(
    '/staff/public-comments/:id/start-analysis',
    { schema: page },
    async (request, reply) => {
      const g = await guard(request, reply, 'update', 'public_comment.consultation.start_analysis');
      if (!g) return reply;
      return formAction(
        request,
        reply,
        g.consultation.id,
        { tab: 'outline', form: 'analysis', next: `${base(g.consultation.id)}/submissions` },
        () => startAnalysis(deps, g.input),
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    '/staff/public-comments/:id/submissions',
    { schema: page },
    async (request, reply) => {
      const g = await guard(request, reply, 'create', 'public_comment.submission.register');
      if (!g) return reply;
      const body = (request.body ?? {}) as Body;
      return formAction(
        request,
        reply,
        g.consultation.id,
        { tab: 'submissions', form: 'register', next: `${base(g.consultation.id)}/submissions?notice=saved` },
        () =>
          registerSubmission(deps, {
            ...g.input,
            channel: str(body, 'channel'),
            receivedOn: str(body, 'receivedOn'),
            body: str(body, 'body'),
            name: str(body, 'name'),
            contact: str(body, 'contact'),
            scan: file(body, 'scan'),
            idempotencyKey: str(body, 'idempotencyKey'),
          }),
      );
    },
  );

  app.get<{ Params: { id: string; sid: string } }>(
    '/staff/public-comments/:id/submissions/:sid/scan',
    { schema: page },
    async (request, reply) => {
      const g = await guard(request, reply, 'read', 'public_comment.submission.scan_read');
      if (!g) return reply;
      const s = /^[0-9a-f-]{36}$/.test(request.params.sid)
        ? await withTenant(deps.db, request.tenant.id, (trx) => loadSubmission(trx, g.consultation, request.params.sid))
        : undefined;
      if (!s?.scanFileKey) throw new AppError('not_found', '読み取り画像が見つかりません。');
      return reply
        .type(s.scanContentType ?? 'application/octet-stream')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', 'inline')
        .send(await deps.files.get(s.scanFileKey));
    },
  );

  const submissionAction = (
    path: string,
    auditAction: string,
    form: (sid: string) => string,
    run: (g: NonNullable<Awaited<ReturnType<typeof guard>>>, sid: string, body: Body) => Promise<unknown>,
  ) =>
    app.post<{ Params: { id: string; sid: string } }>(
      `/staff/public-comments/:id/submissions/:sid/${path}`,
      { schema: page },
      async (request, reply) => {
        const g = await guard(request, reply, 'update', auditAction);
        if (!g) return reply;
        const sid = request.params.sid;
        return formAction(
          request,
          reply,
          g.consultation.id,
          { tab: 'submissions', form: form(sid), next: `${base(g.consultation.id)}/submissions#submission-${sid}` },
          () => run(g, sid, (request.body ?? {}) as Body),
        );
      },
    );

  submissionAction(
    'split',
    'public_comment.submission.split',
    (sid) => `split-${sid}`,
    (g, sid) => splitSubmission(deps, { ...g.input, submissionId: sid }),
  );
  submissionAction(
    'exclude',
    'public_comment.submission.exclude',
    (sid) => `exclude-${sid}`,
    (g, sid, body) => excludeSubmission(deps, { ...g.input, submissionId: sid, reason: str(body, 'reason') }),
  );
  submissionAction(
    'include',
    'public_comment.submission.include',
    (sid) => `exclude-${sid}`,
    (g, sid) => excludeSubmission(deps, { ...g.input, submissionId: sid, reason: undefined, include: true }),
  );
  submissionAction(
    'opinions',
    'public_comment.opinion.create',
    (sid) => `new-${sid}`,
    (g, sid, body) => saveOpinion(deps, { ...g.input, submissionId: sid, fields: opinionFields(body) }),
  );

  const opinionFields = (body: Body) => ({
    topicCode: str(body, 'topicCode'),
    summary: str(body, 'summary'),
    response: str(body, 'response'),
    classCode: str(body, 'classCode'),
    changeId: str(body, 'changeId'),
  });

  const opinionAction = (
    path: string,
    auditAction: string,
    form: (oid: string) => string,
    run: (g: NonNullable<Awaited<ReturnType<typeof guard>>>, oid: string, request: FastifyRequest) => Promise<unknown>,
    next: (id: string, oid: string) => string = (id, oid) => `${base(id)}/submissions#opinion-${oid}`,
  ) =>
    app.post<{ Params: { id: string; oid: string } }>(
      `/staff/public-comments/:id/opinions/:oid${path}`,
      { schema: page },
      async (request, reply) => {
        const g = await guard(request, reply, 'update', auditAction);
        if (!g) return reply;
        const oid = request.params.oid;
        return formAction(
          request,
          reply,
          g.consultation.id,
          { tab: 'submissions', form: form(oid), next: next(g.consultation.id, oid) },
          () => run(g, oid, request),
        );
      },
    );

  opinionAction(
    '',
    'public_comment.opinion.update',
    (oid) => `opinion-${oid}`,
    (g, oid, request) =>
      saveOpinion(deps, { ...g.input, opinionId: oid, fields: opinionFields((request.body ?? {}) as Body) }),
  );
  opinionAction(
    '/delete',
    'public_comment.opinion.delete',
    (oid) => `opinion-${oid}`,
    (g, oid) => deleteOpinion(deps, { ...g.input, opinionId: oid }),
  );
  opinionAction(
    '/redact',
    'public_comment.opinion.redact',
    (oid) => `redact-${oid}`,
    (g, oid, request) =>
      redactOpinion(deps, { ...g.input, opinionId: oid, text: str((request.body ?? {}) as Body, 'redact') }),
  );
  // The analysis page's one-click confirmation of a suggested topic keeps the opinion's other fields.
  opinionAction(
    '/topic',
    'public_comment.opinion.confirm_topic',
    (oid) => `opinion-${oid}`,
    async (g, oid, request) => {
      const v = await getStaffConsultation(deps, {
        tenantId: g.input.tenantId,
        consultationId: g.consultation.id,
        analysis: {},
      });
      const o = v.opinions.find((x) => x.id === oid);
      if (!o) throw new AppError('not_found', '意見が見つかりません。');
      const code = (request.query as { code?: string }).code;
      return saveOpinion(deps, {
        ...g.input,
        opinionId: oid,
        fields: {
          topicCode: code,
          summary: o.summary,
          response: o.response,
          classCode: o.classCode ?? '',
          changeId: o.changeId ?? '',
        },
      });
    },
    (id) => `${base(id)}/analysis`,
  );

  app.post<{ Params: { id: string } }>(
    '/staff/public-comments/:id/result-texts',
    { schema: page },
    async (request, reply) => {
      const g = await guard(request, reply, 'update', 'public_comment.result_texts.update');
      if (!g) return reply;
      const body = (request.body ?? {}) as Body;
      return formAction(
        request,
        reply,
        g.consultation.id,
        { tab: 'result', form: 'result', next: `${base(g.consultation.id)}/result?notice=saved` },
        () =>
          updateConsultation(deps, {
            ...g.input,
            part: 'result',
            fields: {
              background: str(body, 'background'),
              overview: str(body, 'overview'),
              changesNote: str(body, 'changesNote'),
              schedule: str(body, 'schedule'),
            },
          }),
      );
    },
  );

  const changeFields = (body: Body) => ({
    summary: str(body, 'changeSummary'),
    after: str(body, 'changeAfter'),
    before: str(body, 'changeBefore'),
  });

  app.post<{ Params: { id: string } }>(
    '/staff/public-comments/:id/changes',
    { schema: page },
    async (request, reply) => {
      const g = await guard(request, reply, 'update', 'public_comment.change.create');
      if (!g) return reply;
      return formAction(
        request,
        reply,
        g.consultation.id,
        { tab: 'result', form: 'change-new', next: `${base(g.consultation.id)}/result?notice=saved` },
        () => saveChange(deps, { ...g.input, fields: changeFields((request.body ?? {}) as Body) }),
      );
    },
  );

  app.post<{ Params: { id: string; cid: string } }>(
    '/staff/public-comments/:id/changes/:cid',
    { schema: page },
    async (request, reply) => {
      const g = await guard(request, reply, 'update', 'public_comment.change.update');
      if (!g) return reply;
      const cid = request.params.cid;
      return formAction(
        request,
        reply,
        g.consultation.id,
        { tab: 'result', form: `change-${cid}`, next: `${base(g.consultation.id)}/result?notice=saved` },
        () => saveChange(deps, { ...g.input, changeId: cid, fields: changeFields((request.body ?? {}) as Body) }),
      );
    },
  );

  app.post<{ Params: { id: string; cid: string } }>(
    '/staff/public-comments/:id/changes/:cid/delete',
    { schema: page },
    async (request, reply) => {
      const g = await guard(request, reply, 'update', 'public_comment.change.delete');
      if (!g) return reply;
      return formAction(
        request,
        reply,
        g.consultation.id,
        { tab: 'result', form: `change-${request.params.cid}`, next: `${base(g.consultation.id)}/result?notice=saved` },
        () => deleteChange(deps, { ...g.input, changeId: request.params.cid }),
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    '/staff/public-comments/:id/publish',
    { schema: page },
    async (request, reply) => {
      const g = await guard(request, reply, 'decide', 'public_comment.result.publish');
      if (!g) return reply;
      const n = await names(request, g.consultation.department);
      return formAction(
        request,
        reply,
        g.consultation.id,
        { tab: 'result', form: 'publish', next: `${base(g.consultation.id)}/result?notice=published` },
        () => publishResult(deps, { ...g.input, ...n }),
      );
    },
  );
}
