// Public pages of /open-data/requests: the list, the form to ask for a dataset and one request with its
// support button. No account is needed for any of them; they work with no JavaScript (forms post and
// redirect with 303, a form that fails re-renders with 400 and a linked error summary).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkFormToken, issueFormToken } from '../../../../platform/forms/form-token.ts';
import { readCookie, setCookie } from '../../../../platform/http/cookies.ts';
import { AppError } from '../../../../platform/http/errors.ts';
import { seeOther, sendPage } from '../../../../platform/http/respond.ts';
import { t } from '../../../../platform/i18n/i18n.ts';
import type { PlatformDeps } from '../../../../platform/module.ts';
import { pageContext } from '../../../../platform/pages/server-pages.ts';
import { isRequestStatus, type RequestSort } from '../model.ts';
import {
  type FormState,
  k,
  type ListFilter,
  listPage,
  newRequestPage,
  type RequestNotice,
  requestPage,
} from '../pages/public.ts';
import { issueSupporterCookie, readSupporterCookie, supporterCookie, supporterCookieMaxAge } from '../supporter.ts';
import { createDataRequest } from '../use-cases/create-data-request.ts';
import { getDataRequest } from '../use-cases/get-data-request.ts';
import { listDataRequests, pageSize } from '../use-cases/list-data-requests.ts';
import { supportDataRequest } from '../use-cases/support-data-request.ts';
import { type ListQuery, listQuery, numberParams } from './schemas.ts';

const page = { hide: true };
const notices: readonly RequestNotice[] = ['created', 'repeated', 'supported', 'already'];
type Body = Record<string, unknown>;
const text = (body: Body, name: string) => (typeof body[name] === 'string' ? (body[name] as string) : undefined);

export function listFilter(query: ListQuery, defaultSort: RequestSort): ListFilter {
  return {
    status: isRequestStatus(query.status) ? query.status : undefined,
    sort: query.sort === 'new' || query.sort === 'supports' ? query.sort : defaultSort,
    page: query.page ? Number(query.page) : 1,
  };
}

export async function publicRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const tokenKey = deps.secrets.derive('open-data.request-form');
  const cookieKey = deps.secrets.derive('open-data.supporter-cookie');
  const scope = (request: FastifyRequest) => `open-data-request:${request.tenant.id}`;

  /** The visitor's supporter id, issuing (and remembering) a new one when `issue` is set. */
  function supporterOf(request: FastifyRequest, reply: FastifyReply, issue: boolean): string | undefined {
    const id = readSupporterCookie(cookieKey, readCookie(request, supporterCookie));
    if (!issue) return id;
    const value = id ? readCookie(request, supporterCookie)! : issueSupporterCookie(cookieKey);
    setCookie(request, reply, supporterCookie, value, {
      maxAgeSeconds: supporterCookieMaxAge,
      path: '/open-data/requests',
    });
    return value.split('.')[0]!;
  }

  app.get<{ Querystring: ListQuery }>(
    '/open-data/requests',
    { schema: { ...page, querystring: listQuery } },
    async (request, reply) => {
      const filter = listFilter(request.query, 'new');
      const result = await listDataRequests(deps, {
        tenantId: request.tenant.id,
        status: filter.status,
        sort: filter.sort,
        limit: pageSize,
        offset: (filter.page - 1) * pageSize,
      });
      return sendPage(reply, listPage(pageContext(request), result, filter));
    },
  );

  app.get('/open-data/requests/new', { schema: page }, async (request, reply) => {
    return sendPage(
      reply,
      newRequestPage(pageContext(request), { token: issueFormToken(tokenKey, scope(request)), state: {} }),
    );
  });

  app.post('/open-data/requests', { schema: page }, async (request, reply) => {
    const body = (request.body ?? {}) as Body;
    const ctx = pageContext(request);
    const values = {
      title: text(body, 'title'),
      description: text(body, 'description'),
      purpose: text(body, 'purpose'),
      contactEmail: text(body, 'contactEmail'),
    };
    const again = (errors: FormState['errors'], status = 400) =>
      sendPage(
        reply,
        newRequestPage(ctx, { token: issueFormToken(tokenKey, scope(request)), state: { values, errors } }),
        status,
      );
    const check = checkFormToken(tokenKey, scope(request), body.formToken);
    // The trap field is hidden from people (and from screen readers); only a script fills it in.
    if (!check.ok || (text(body, 'website') ?? '') !== '') {
      const key = check.ok
        ? 'formInvalid'
        : check.reason === 'too_fast'
          ? 'tooFast'
          : check.reason === 'expired'
            ? 'formExpired'
            : 'formInvalid';
      return again([{ field: 'form', message: t(ctx.lang, k(key)) }]);
    }
    try {
      const result = await createDataRequest(deps, {
        tenantId: request.tenant.id,
        ...values,
        idempotencyKey: check.nonce,
        sender: request.ip,
        supporterId: supporterOf(request, reply, true),
      });
      return seeOther(reply, `/open-data/requests/${result.number}?notice=${result.repeated ? 'repeated' : 'created'}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'validation_failed') return again(error.errors);
      // Too many sends or a reused form: said on the form, with what was typed still there.
      if (error.code === 'too_many_requests' || error.code === 'conflict') {
        for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
        return again([{ field: 'form', message: error.message }], error.status);
      }
      throw error;
    }
  });

  app.get<{ Params: { number: string }; Querystring: { notice?: string } }>(
    '/open-data/requests/:number',
    { schema: { ...page, params: numberParams } },
    async (request, reply) => {
      const view = await getDataRequest(deps, {
        tenantId: request.tenant.id,
        number: Number(request.params.number),
        supporterId: supporterOf(request, reply, false),
      });
      const notice = notices.find((n) => n === request.query.notice);
      return sendPage(reply, requestPage(pageContext(request), view, notice));
    },
  );

  app.post<{ Params: { number: string } }>(
    '/open-data/requests/:number/supports',
    { schema: { ...page, params: numberParams } },
    async (request, reply) => {
      const number = Number(request.params.number);
      const result = await supportDataRequest(deps, {
        tenantId: request.tenant.id,
        number,
        supporterId: supporterOf(request, reply, true)!,
        sender: request.ip,
      });
      return seeOther(reply, `/open-data/requests/${number}?notice=${result.supported ? 'supported' : 'already'}`);
    },
  );
}
