// Residents' proxy (代理) and business (事業者) pages.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { type BusinessView, type GrantView, renderBusinesses, renderProxies } from '../pages/delegation.ts';
import type { Session } from '../sessions.ts';
import { actAsBusiness } from '../use-cases/act-as-business.ts';
import { actFor } from '../use-cases/act-for.ts';
import { addBusinessMember } from '../use-cases/add-business-member.ts';
import { createBusiness } from '../use-cases/create-business.ts';
import { grantProxy } from '../use-cases/grant-proxy.ts';
import { revokeProxy } from '../use-cases/revoke-proxy.ts';
import {
  type Body,
  bodyOf,
  handleForm,
  meta,
  page,
  pageContext,
  residentOrRedirect,
  seeOther,
  sendPage,
} from './common.ts';

async function loadGrants(deps: PlatformDeps, tenantId: string, accountId: string) {
  return withTenant(deps.db, tenantId, async (trx) => {
    const rows = await trx
      .selectFrom('proxy_grants as g')
      .innerJoin('accounts as p', (j) =>
        j.onRef('p.tenant_id', '=', 'g.tenant_id').onRef('p.id', '=', 'g.principal_id'),
      )
      .innerJoin('accounts as x', (j) => j.onRef('x.tenant_id', '=', 'g.tenant_id').onRef('x.id', '=', 'g.proxy_id'))
      .select([
        'g.id',
        'g.principal_id',
        'g.proxy_id',
        'p.display_name as principal_name',
        'x.display_name as proxy_name',
        'g.relationship',
        'g.procedures',
        sql<string>`to_char(g.valid_until, 'YYYY-MM-DD')`.as('valid_until'),
        'g.granted_by_kind',
      ])
      .where((eb) => eb.or([eb('g.principal_id', '=', accountId), eb('g.proxy_id', '=', accountId)]))
      .where('g.revoked_at', 'is', null)
      .where('g.valid_until', '>=', sql<string>`(now() at time zone 'Asia/Tokyo')::date`)
      .orderBy('g.created_at')
      .execute();
    const view = (r: (typeof rows)[number], given: boolean): GrantView => ({
      id: r.id,
      otherName: given ? r.proxy_name : r.principal_name,
      otherId: given ? r.proxy_id : r.principal_id,
      relationship: r.relationship,
      procedures: r.procedures,
      validUntil: r.valid_until,
      byStaff: r.granted_by_kind === 'staff',
    });
    return {
      given: rows.filter((r) => r.principal_id === accountId).map((r) => view(r, true)),
      received: rows.filter((r) => r.proxy_id === accountId).map((r) => view(r, false)),
    };
  });
}

async function loadBusinesses(deps: PlatformDeps, tenantId: string, accountId: string): Promise<BusinessView[]> {
  return withTenant(deps.db, tenantId, async (trx) => {
    const mine = await trx
      .selectFrom('business_members as m')
      .innerJoin('businesses as b', (j) =>
        j.onRef('b.tenant_id', '=', 'm.tenant_id').onRef('b.id', '=', 'm.business_id'),
      )
      .select(['b.id', 'b.name', 'b.corporate_number', 'm.role'])
      .where('m.account_id', '=', accountId)
      .orderBy('b.name')
      .execute();
    if (mine.length === 0) return [];
    const members = await trx
      .selectFrom('business_members as m')
      .innerJoin('accounts as a', (j) => j.onRef('a.tenant_id', '=', 'm.tenant_id').onRef('a.id', '=', 'm.account_id'))
      .select(['m.business_id', 'a.display_name', 'm.role'])
      .where(
        'm.business_id',
        'in',
        mine.map((b) => b.id),
      )
      .orderBy('m.added_at')
      .execute();
    return mine.map((b) => ({
      id: b.id,
      name: b.name,
      corporateNumber: b.corporate_number,
      role: b.role,
      members: members.filter((m) => m.business_id === b.id).map((m) => ({ name: m.display_name, role: m.role })),
    }));
  });
}

export async function delegationRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const proxiesPage = async (request: FastifyRequest, session: Session, notice?: string) => {
    const grants = await loadGrants(deps, request.tenant.id, session.accountId);
    return { ...grants, actingFor: session.actingFor !== undefined, ...(notice ? { notice } : {}) };
  };

  app.get('/account/proxies', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    const n = (request.query as Record<string, string>).notice;
    const notice = n === 'proxyGranted' || n === 'proxyRevoked' ? n : undefined;
    return sendPage(reply, renderProxies(pageContext(request), await proxiesPage(request, session, notice)));
  });

  app.post('/account/proxies', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    const body = bodyOf(request);
    return handleForm(
      reply,
      async () => {
        await grantProxy(deps, {
          tenantId: request.tenant.id,
          principal: { accountId: session.accountId },
          proxyEmail: body.proxyEmail ?? '',
          relationship: body.relationship ?? '',
          procedures: body.procedures ?? '',
          validUntil: body.validUntil ?? '',
          grantedBy: { kind: 'principal', accountId: session.accountId },
          meta: meta(request),
        });
        return seeOther(reply, '/account/proxies?notice=proxyGranted');
      },
      async (errors) =>
        renderProxies(pageContext(request), await proxiesPage(request, session), { values: body, errors }),
      'proxyEmail',
    );
  });

  app.post('/account/proxies/:id/revoke', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    await revokeProxy(deps, {
      tenantId: request.tenant.id,
      grantId: (request.params as { id: string }).id,
      accountId: session.accountId,
      meta: meta(request),
    });
    return seeOther(reply, '/account/proxies?notice=proxyRevoked');
  });

  app.post('/account/acting-for', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    const principal = bodyOf(request).principal || null;
    await actFor(deps, {
      tenantId: request.tenant.id,
      tokenHash: session.tokenHash,
      accountId: session.accountId,
      principalId: principal,
      meta: meta(request),
    });
    return seeOther(reply, principal ? '/account/proxies' : '/account');
  });

  app.get('/account/businesses', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    const businesses = await loadBusinesses(deps, request.tenant.id, session.accountId);
    return sendPage(reply, renderBusinesses(pageContext(request), { businesses, actingAs: session.actingAsBusiness }));
  });

  // Both business forms: run the use case, back to the list; on an error, the list again with the form.
  const businessForm =
    (field: string, run: (request: FastifyRequest, session: Session, body: Body) => Promise<unknown>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const session = residentOrRedirect(request, reply);
      if (!session) return reply;
      const body = bodyOf(request);
      return handleForm(
        reply,
        async () => {
          await run(request, session, body);
          return seeOther(reply, '/account/businesses');
        },
        async (errors) =>
          renderBusinesses(
            pageContext(request),
            {
              businesses: await loadBusinesses(deps, request.tenant.id, session.accountId),
              actingAs: session.actingAsBusiness,
            },
            { values: body, errors },
          ),
        field,
      );
    };

  app.post(
    '/account/businesses',
    { schema: page },
    businessForm('name', (request, session, body) =>
      createBusiness(deps, {
        tenantId: request.tenant.id,
        accountId: session.accountId,
        name: body.name ?? '',
        corporateNumber: body.corporateNumber ?? '',
        address: body.address ?? '',
        meta: meta(request),
      }),
    ),
  );

  app.post(
    '/account/businesses/:id/members',
    { schema: page },
    businessForm('email', (request, session, body) =>
      addBusinessMember(deps, {
        tenantId: request.tenant.id,
        businessId: (request.params as { id: string }).id,
        accountId: session.accountId,
        email: body.email ?? '',
        role: body.role ?? '',
        meta: meta(request),
      }),
    ),
  );

  app.post('/account/businesses/:id/act', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    await actAsBusiness(deps, {
      tenantId: request.tenant.id,
      tokenHash: session.tokenHash,
      accountId: session.accountId,
      businessId: (request.params as { id: string }).id,
      meta: meta(request),
    });
    return seeOther(reply, '/account/businesses');
  });
}
