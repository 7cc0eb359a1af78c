// Staff pages of push-type services (/staff/eligibility), run by the DX office: every page and action is
// `administer` on personal data of デジタル化施策推進室, decided and audited by the policy point. Actions are
// plain forms that redirect (303) with a notice; a refusal (a run or a comparison already going, a version not
// previewed or whose examples fail) re-renders the page with the reason in an error summary. Long work (a run
// over everyone, a comparison) is queued: the page says it started, and shows the result once it is done.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createZoneClassifier } from '../../../platform/access/zones.ts';
import { publicOrigin } from '../../../platform/config/config.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { seeOther, sendPage } from '../../../platform/http/respond.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { pageContext } from '../../../platform/pages/server-pages.ts';
import { authorize, type StaffContext, staffOrRedirect } from '../../identity/index.ts';
import '../messages.ts';
import { japanToday } from '../../../platform/ja/today.ts';
import { overviewPath, type PageState, rulePath } from '../pages/common.ts';
import { overviewPage, populationRunPath } from '../pages/overview.ts';
import { rulePage } from '../pages/rule.ts';
import { findRule } from '../registry.ts';
import { activateVersion } from '../use-cases/activate-version.ts';
import { approveOutreach } from '../use-cases/approve-outreach.ts';
import { requestPopulationRun } from '../use-cases/request-population-run.ts';
import { requestPreview } from '../use-cases/request-preview.ts';
import { ruleDetail } from '../use-cases/rule-detail.ts';
import { ruleOverview } from '../use-cases/rule-overview.ts';
import { eligibilityDepartment } from '../use-cases/staff-change.ts';
import { withdrawStandingApproval } from '../use-cases/withdraw-standing-approval.ts';

const page = { hide: true };
const notices = new Set([
  'runRequested',
  'approved',
  'approvedStanding',
  'alreadyQueued',
  'nobodyWaiting',
  'nobodyWaitingStanding',
  'standingWithdrawn',
  'standingNone',
  'previewStarted',
  'activated',
  'alreadyActive',
]);

type RuleParams = { id: string };
type VersionParams = { id: string; version: string };

const noticeOf = (query: unknown): string | undefined => {
  const notice = (query as { notice?: unknown } | undefined)?.notice;
  return typeof notice === 'string' && notices.has(notice) ? notice : undefined;
};

/** A refusal the page explains (conflict, failed checks); anything else is the error pages'. */
const isRefusal = (error: unknown): error is AppError =>
  error instanceof AppError && (error.code === 'conflict' || error.code === 'validation_failed');

export async function eligibilityStaffRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const zoneOf = createZoneClassifier(deps.config.networkZones);

  async function guard(request: FastifyRequest, reply: FastifyReply, auditAction: string, ruleId?: string) {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return undefined;
    await authorize(deps, request, staff, {
      action: 'administer',
      resource: {
        type: 'eligibility_rule',
        ...(ruleId ? { id: ruleId } : {}),
        dataClass: 'personal',
        department: eligibilityDepartment,
      },
      auditAction,
    });
    return {
      staff,
      tenantId: request.tenant.id,
      actor: { accountId: staff.session.accountId, ip: request.ip, requestId: request.id },
    };
  }

  /** A rule this installation knows (any version), or 404 before anything else is read. */
  function knownRule(id: string): string {
    if (!findRule(id)) throw new AppError('not_found', '規則が見つかりません。');
    return id;
  }

  const viewerOf = (staff: StaffContext) => staff.session.accountId;

  async function renderOverview(
    request: FastifyRequest,
    reply: FastifyReply,
    g: { staff: StaffContext; tenantId: string },
    state: PageState,
    status = 200,
  ) {
    const v = await ruleOverview(deps, { tenantId: g.tenantId });
    return sendPage(reply, overviewPage(pageContext(request), v, viewerOf(g.staff), state), status);
  }

  async function renderRule(
    request: FastifyRequest,
    reply: FastifyReply,
    g: { staff: StaffContext; tenantId: string },
    ruleId: string,
    state: PageState,
    status = 200,
  ) {
    const v = await ruleDetail(deps, {
      tenantId: g.tenantId,
      ruleId,
      on: japanToday(),
      origin: publicOrigin(deps.config),
    });
    return sendPage(reply, rulePage(pageContext(request), v, viewerOf(g.staff), state), status);
  }

  const refusalState = (error: AppError): PageState => ({
    errors: error.errors.length > 0 ? error.errors : [{ field: '#main', message: error.message }],
  });

  app.get('/staff/eligibility', { schema: page }, async (request, reply) => {
    const g = await guard(request, reply, 'eligibility.overview');
    if (!g) return reply;
    return renderOverview(request, reply, g, { notice: noticeOf(request.query) });
  });

  app.post(populationRunPath, { schema: page }, async (request, reply) => {
    const g = await guard(request, reply, 'eligibility.population_run.request');
    if (!g) return reply;
    try {
      await requestPopulationRun(deps, { tenantId: g.tenantId, actor: g.actor });
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return renderOverview(request, reply, g, refusalState(error), error.status);
    }
    return seeOther(reply, `${overviewPath}?notice=runRequested`);
  });

  app.get<{ Params: RuleParams }>('/staff/eligibility/rules/:id', { schema: page }, async (request, reply) => {
    const g = await guard(request, reply, 'eligibility.rule.read', request.params.id);
    if (!g) return reply;
    const ruleId = knownRule(request.params.id);
    return renderRule(request, reply, g, ruleId, { notice: noticeOf(request.query) });
  });

  app.post<{ Params: RuleParams }>('/staff/eligibility/rules/:id/approve', { schema: page }, async (request, reply) => {
    const g = await guard(request, reply, 'eligibility.outreach.approve', request.params.id);
    if (!g) return reply;
    const ruleId = knownRule(request.params.id);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const result = await approveOutreach(deps, {
      tenantId: g.tenantId,
      ruleId,
      actor: g.actor,
      standing: body.standing === 'on',
    });
    const notice =
      result.outcome === 'queued'
        ? body.standing === 'on'
          ? 'approvedStanding'
          : 'approved'
        : result.outcome === 'nobodyWaiting' && body.standing === 'on'
          ? 'nobodyWaitingStanding'
          : result.outcome;
    return seeOther(reply, `${rulePath(ruleId)}?notice=${notice}`);
  });

  app.post<{ Params: RuleParams }>(
    '/staff/eligibility/rules/:id/standing/withdraw',
    { schema: page },
    async (request, reply) => {
      const g = await guard(request, reply, 'eligibility.outreach.withdraw_standing', request.params.id);
      if (!g) return reply;
      const ruleId = knownRule(request.params.id);
      const { withdrawn } = await withdrawStandingApproval(deps, { tenantId: g.tenantId, ruleId, actor: g.actor });
      return seeOther(reply, `${rulePath(ruleId)}?notice=${withdrawn ? 'standingWithdrawn' : 'standingNone'}`);
    },
  );

  app.post<{ Params: VersionParams }>(
    '/staff/eligibility/rules/:id/versions/:version/preview',
    { schema: page },
    async (request, reply) => {
      const g = await guard(request, reply, 'eligibility.version.preview', request.params.id);
      if (!g) return reply;
      const ruleId = knownRule(request.params.id);
      const version = versionOf(ruleId, request.params.version);
      try {
        await requestPreview(deps, { tenantId: g.tenantId, ruleId, version, on: japanToday(), actor: g.actor });
      } catch (error) {
        if (!isRefusal(error)) throw error;
        return renderRule(request, reply, g, ruleId, refusalState(error), error.status);
      }
      return seeOther(reply, `${rulePath(ruleId)}?notice=previewStarted#version-${version}-section`);
    },
  );

  app.post<{ Params: VersionParams }>(
    '/staff/eligibility/rules/:id/versions/:version/activate',
    { schema: page },
    async (request, reply) => {
      const g = await guard(request, reply, 'eligibility.version.activate', request.params.id);
      if (!g) return reply;
      const ruleId = knownRule(request.params.id);
      const version = versionOf(ruleId, request.params.version);
      try {
        const result = await activateVersion(deps, { tenantId: g.tenantId, ruleId, version, actor: g.actor });
        return seeOther(reply, `${rulePath(ruleId)}?notice=${result.changed ? 'activated' : 'alreadyActive'}`);
      } catch (error) {
        if (!isRefusal(error)) throw error;
        return renderRule(request, reply, g, ruleId, refusalState(error), error.status);
      }
    },
  );
}

/** The version in the address, one this installation knows of the rule, or 404. */
function versionOf(ruleId: string, raw: string): number {
  const version = /^[1-9]\d{0,3}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!findRule(ruleId, version)) throw new AppError('not_found', '規則の版が見つかりません。');
  return version;
}
