// Staff pages: sign-in with a mandatory second factor, then every page through the policy decision point.
import type { FastifyInstance } from 'fastify';
import { createZoneClassifier } from '../../../platform/access/zones.ts';
import { type AuditQuery, auditCsv, searchAudit } from '../../../platform/audit/search.ts';
import { isValidMyNumber } from '../../../platform/crypto/my-number.ts';
import { setCookie } from '../../../platform/http/cookies.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { encodeCsvUtf8Bom } from '../../../platform/ja/csv.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { html } from '../../../platform/pages/html.ts';
import { findResidentByMyNumber, searchResidents } from '../../residents/index.ts';
import { fields } from '../pages/form.ts';
import { renderSignIn } from '../pages/sign-in.ts';
import {
  renderAudit,
  renderResidentSearch,
  renderSimpleStaffForm,
  renderStaffHome,
  renderTotp,
} from '../pages/staff.ts';
import { startSession } from '../sessions.ts';
import { authorize, deviceCookie, staffOrRedirect } from '../staff-access.ts';
import { beginTotpEnrollment } from '../use-cases/begin-totp-enrollment.ts';
import { grantProxy } from '../use-cases/grant-proxy.ts';
import { registerDevice } from '../use-cases/register-device.ts';
import { verifyStaffSecondFactor } from '../use-cases/verify-staff-second-factor.ts';
import { bodyOf, handleForm, meta, page, pageContext, safeNext, seeOther, sendPage } from './common.ts';
import { passwordSignIn } from './password-sign-in.ts';

function day(value: string | undefined, offsetDays = 0): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00+09:00`);
  if (Number.isNaN(d.getTime())) return undefined;
  return new Date(d.getTime() + offsetDays * 86_400_000);
}

export async function staffRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const zoneOf = createZoneClassifier(deps.config.networkZones);
  const totpKey = deps.secrets.derive('staff-totp');

  app.get('/staff/sign-in', { schema: page }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    return sendPage(
      reply,
      renderSignIn(pageContext(request), {
        next: safeNext(query.next, '/staff'),
        ...(query.notice === 'signedOut' ? { notice: 'signedOut' } : {}),
        myNumber: false,
        staff: true,
      }),
    );
  });

  app.post('/staff/sign-in', { schema: page }, async (request, reply) => {
    const body = bodyOf(request);
    const ctx = pageContext(request);
    return handleForm(
      reply,
      async () => {
        // The password alone opens nothing: the session waits for the second factor.
        await passwordSignIn(deps, request, reply, {
          email: body.email ?? '',
          password: body.password ?? '',
          kind: 'staff',
        });
        return seeOther(reply, '/staff/sign-in/totp');
      },
      (errors) =>
        renderSignIn(
          ctx,
          { next: '/staff', myNumber: false, staff: true },
          { values: { email: body.email ?? '' }, errors },
        ),
      'email',
    );
  });

  const pendingStaff = (request: Parameters<typeof pageContext>[0]) => {
    const session = request.session;
    return session?.kind === 'staff' && session.mfaPending ? session : undefined;
  };

  const enrollment = async (tenantId: string, accountId: string, email: string | null, enrolled: boolean) =>
    enrolled
      ? undefined
      : beginTotpEnrollment(deps, {
          tenantId,
          accountId,
          issuer: 'デジタル市役所',
          label: email ?? accountId,
          key: totpKey,
        });

  app.get('/staff/sign-in/totp', { schema: page }, async (request, reply) => {
    const session = pendingStaff(request);
    if (!session) return seeOther(reply, '/staff/sign-in');
    const enroll = await enrollment(
      request.tenant.id,
      session.accountId,
      session.email,
      session.staff?.totpEnrolled ?? false,
    );
    return sendPage(reply, renderTotp(pageContext(request), enroll));
  });

  app.post('/staff/sign-in/totp', { schema: page }, async (request, reply) => {
    const session = pendingStaff(request);
    if (!session) return seeOther(reply, '/staff/sign-in');
    const body = bodyOf(request);
    return handleForm(
      reply,
      async () => {
        await verifyStaffSecondFactor(deps, {
          tenantId: request.tenant.id,
          accountId: session.accountId,
          code: body.code ?? '',
          key: totpKey,
          meta: meta(request),
        });
        // A new token once both factors are in: the half-signed-in token is worthless from here on.
        await startSession(deps, request, reply, {
          accountId: session.accountId,
          method: 'password+totp',
          assurance: 'account',
        });
        return seeOther(reply, '/staff');
      },
      async (errors) =>
        renderTotp(
          pageContext(request),
          await enrollment(request.tenant.id, session.accountId, session.email, session.staff?.totpEnrolled ?? false),
          { errors },
        ),
      'code',
    );
  });

  app.get('/staff', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const notice = (request.query as Record<string, string>).notice;
    return sendPage(
      reply,
      renderStaffHome(
        pageContext(request),
        staff,
        notice === 'deviceRegisteredDone' || notice === 'accountPasskeyAdded' ? notice : undefined,
      ),
    );
  });

  const residentScope = (staff: { session: { staff: { wards: string[] } } }) => {
    const ward = staff.session.staff.wards[0];
    if (!ward) throw new AppError('forbidden', '担当する区が設定されていないため、住民記録を照会できません。');
    return { department: `ward-${ward}.kumin`, ward };
  };

  app.get('/staff/residents', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const query = String((request.query as Record<string, unknown>).q ?? '').slice(0, 50);
    await authorize(deps, request, staff, {
      action: 'read',
      resource: { type: 'resident', dataClass: 'personal', ...residentScope(staff) },
      auditAction: query ? 'resident.search' : 'resident.search_form',
      details: query ? { query } : {},
    });
    const results = query
      ? await searchResidents(deps, { tenantId: request.tenant.id, query, wards: staff.session.staff.wards })
      : undefined;
    return sendPage(reply, renderResidentSearch(pageContext(request), { query, myNumber: '' }, results));
  });

  // 個人番号 travels in a POST body, never in a URL (logs, history, the language links would keep it).
  app.post('/staff/residents/by-my-number', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const myNumber = String(bodyOf(request).myNumber ?? '').slice(0, 30);
    // Its own data class, so the LGWAN-only and designated-role rules apply.
    await authorize(deps, request, staff, {
      action: 'read',
      resource: { type: 'resident', dataClass: 'my_number', ...residentScope(staff) },
      auditAction: 'resident.search_by_my_number',
    });
    if (!isValidMyNumber(myNumber)) {
      return sendPage(
        reply,
        renderResidentSearch(
          pageContext(request),
          { query: '', myNumber: '', error: '個人番号は12桁の数字です（検査用数字が一致しません）。' },
          undefined,
        ),
        400,
      );
    }
    const found = await findResidentByMyNumber(deps, {
      tenantId: request.tenant.id,
      myNumber,
      wards: staff.session.staff.wards,
    });
    return sendPage(
      reply,
      renderResidentSearch(pageContext(request), { query: '', myNumber: '' }, found ? [found] : []),
    );
  });

  const auditQuery = (request: { query: unknown }) => {
    const q = request.query as Record<string, string | undefined>;
    const decision: 'allow' | 'deny' | undefined =
      q.decision === 'allow' || q.decision === 'deny' ? q.decision : undefined;
    return {
      values: Object.fromEntries(
        Object.entries({ from: q.from, to: q.to, actor: q.actor, action: q.action }).filter(([, v]) => v),
      ) as Record<string, string>,
      search: {
        ...(day(q.from) ? { from: day(q.from)! } : {}),
        ...(day(q.to, 1) ? { to: day(q.to, 1)! } : {}),
        ...(q.actor ? { actor: q.actor } : {}),
        ...(q.action ? { action: q.action } : {}),
        ...(decision ? { decision } : {}),
      } satisfies AuditQuery,
    };
  };

  app.get('/staff/audit', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    await authorize(deps, request, staff, {
      action: 'audit_read',
      resource: { type: 'audit_log', dataClass: 'personal' },
      auditAction: 'audit.search',
    });
    const { values, search } = auditQuery(request);
    const records = await searchAudit(deps.db, request.tenant.id, { ...search, limit: 200 });
    return sendPage(reply, renderAudit(pageContext(request), values, records));
  });

  app.get('/staff/audit.csv', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    await authorize(deps, request, staff, {
      action: 'audit_read',
      resource: { type: 'audit_log', dataClass: 'personal' },
      auditAction: 'audit.export',
    });
    const { search } = auditQuery(request);
    const records = await searchAudit(deps.db, request.tenant.id, { ...search, limit: 10_000 });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-log.csv"`)
      .send(encodeCsvUtf8Bom(auditCsv(records)));
  });

  const proxyFields = (
    ctx: ReturnType<typeof pageContext>,
    state: { values?: Record<string, string | undefined>; errors?: { field: string; message: string }[] },
  ) =>
    html`${fields(
      ctx,
      [
        { name: 'principalEmail', labelKey: 'principalEmail', type: 'email' },
        { name: 'proxyEmail', labelKey: 'proxyEmail', type: 'email' },
        { name: 'validUntil', labelKey: 'proxyValidUntil', hintKey: 'proxyValidUntilHint', type: 'date' },
        { name: 'basis', labelKey: 'proxyBasis', hintKey: 'proxyBasisHint' },
      ],
      state,
    )}<input type="hidden" name="relationship" value="guardian">`;
  const proxyPage = {
    titleKey: 'staffProxyTitle',
    leadKey: 'staffProxyLead',
    action: '/staff/proxies',
    submitKey: 'proxyGrant',
  };

  app.get('/staff/proxies', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const ctx = pageContext(request);
    const done = (request.query as Record<string, string>).notice === 'staffProxyDone';
    return sendPage(
      reply,
      renderSimpleStaffForm(ctx, {
        ...proxyPage,
        fields: proxyFields(ctx, {}),
        ...(done ? { notice: 'staffProxyDone' } : {}),
      }),
    );
  });

  app.post('/staff/proxies', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const ward = staff.session.staff.wards[0];
    await authorize(deps, request, staff, {
      action: 'create',
      resource: {
        type: 'proxy_grant',
        dataClass: 'personal',
        ...(ward ? { department: `ward-${ward}.kumin`, ward } : {}),
      },
      auditAction: 'proxy.register_from_documents',
    });
    const body = bodyOf(request);
    const ctx = pageContext(request);
    return handleForm(
      reply,
      async () => {
        await grantProxy(deps, {
          tenantId: request.tenant.id,
          principal: { email: body.principalEmail ?? '' },
          proxyEmail: body.proxyEmail ?? '',
          relationship: 'guardian',
          procedures: '',
          validUntil: body.validUntil ?? '',
          grantedBy: { kind: 'staff', accountId: staff.session.accountId },
          basis: body.basis ?? '',
          meta: meta(request),
        });
        return seeOther(reply, '/staff/proxies?notice=staffProxyDone');
      },
      (errors) =>
        renderSimpleStaffForm(ctx, { ...proxyPage, fields: proxyFields(ctx, { values: body, errors }) }, { errors }),
      'principalEmail',
    );
  });

  const devicePage = {
    titleKey: 'deviceRegisterTitle',
    leadKey: 'deviceRegisterLead',
    action: '/staff/devices',
    submitKey: 'deviceRegisterSubmit',
  };
  const deviceFields = (
    ctx: ReturnType<typeof pageContext>,
    state: { values?: Record<string, string | undefined>; errors?: { field: string; message: string }[] },
  ) => fields(ctx, [{ name: 'label', labelKey: 'deviceLabel' }], state);

  app.get('/staff/devices', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const ctx = pageContext(request);
    return sendPage(reply, renderSimpleStaffForm(ctx, { ...devicePage, fields: deviceFields(ctx, {}) }));
  });

  app.post('/staff/devices', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    await authorize(deps, request, staff, {
      action: 'administer',
      resource: { type: 'device', dataClass: 'public' },
      auditAction: 'device.register_attempt',
    });
    const body = bodyOf(request);
    const ctx = pageContext(request);
    return handleForm(
      reply,
      async () => {
        const { token } = await registerDevice(deps, {
          tenantId: request.tenant.id,
          accountId: staff.session.accountId,
          label: body.label ?? '',
          meta: meta(request),
        });
        setCookie(request, reply, deviceCookie, token, { maxAgeSeconds: 365 * 86_400, sameSite: 'Strict' });
        return seeOther(reply, '/staff?notice=deviceRegisteredDone');
      },
      (errors) =>
        renderSimpleStaffForm(ctx, { ...devicePage, fields: deviceFields(ctx, { values: body, errors }) }, { errors }),
      'label',
    );
  });
}
