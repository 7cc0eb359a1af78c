// The HTTP server: one Fastify app, every module registered as its own plugin, errors answered as
// problem+json on /api and as Japanese pages elsewhere, security headers on every response.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { type Lang, resolveLang } from '../i18n/i18n.ts';
import { createHttpMetrics } from '../metrics/metrics.ts';
import type { CityModule, HomeLink, PlatformDeps } from '../module.ts';
import type { Tenant, TenantDirectory } from '../tenancy/tenants.ts';
import { registerCsrf } from './csrf.ts';
import { errorCodes } from './error-codes.ts';
import { AppError, problemResponse, problemSchema, toProblem } from './errors.ts';
import { fieldErrorsFromAjv } from './validation.ts';

declare module 'fastify' {
  interface FastifyInstance {
    homeLinks: HomeLink[];
  }
  interface FastifyRequest {
    tenant: Tenant;
    lang: Lang;
    /** HMAC token every page form sends back as `_csrf` (see csrf.ts). */
    csrfToken: string;
    /** Who is looking, for the page header; set by the identity module's hooks. */
    viewer: Viewer | undefined;
    /** Other origins this page's forms may post to or be redirected to (e.g. a payment provider). */
    formActions: string[] | null;
  }
}

export interface Viewer {
  name: string;
  kind: 'resident' | 'staff';
  /** Set while a proxy acts for someone: that person's name. */
  actingFor?: string;
}

/** How the platform renders its own error pages (provided by src/platform/pages). */
export interface ErrorPages {
  notFound(request: FastifyRequest): string;
  serverError(request: FastifyRequest, requestId: string): string;
  /** Any other error on a page, with its Japanese title and detail. */
  error(request: FastifyRequest, status: number, title: string, detail: string | undefined): string;
  /** The API reference page, from the OpenAPI document. */
  apiDocs(request: FastifyRequest, document: unknown): string;
}

export interface ServerState {
  ready: boolean;
  /** Why the service is not ready, for /readyz. */
  reason: string;
}

export interface ServerOptions {
  config: Config;
  log: Logger;
  deps: PlatformDeps;
  modules: CityModule[];
  tenants: TenantDirectory;
  pages: ErrorPages;
  state: ServerState;
  assets: { prefix: string; root: string }[];
  /** Checks the database and migrations for /readyz; throws with a Japanese reason when not ready. */
  readiness: () => Promise<void>;
}

const csp = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08006',
]);

function isDatabaseDown(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    (e.code !== undefined && unavailableCodes.has(e.code)) ||
    /Connection terminated|timeout exceeded when trying to connect/.test(e.message ?? '')
  );
}

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url === '/api';
}

function pathPattern(url: string): RegExp {
  const body = url
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${body}/?$`);
}

export function toAppError(error: FastifyError | AppError | Error): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError;
  if (e.validation) {
    return new AppError('validation_failed', '入力内容を確認してください。', {
      errors: fieldErrorsFromAjv(e.validation as never, e.validationContext),
    });
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('payload_too_large', '送信できるデータの大きさの上限を超えています。');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(
        'unsupported_media_type',
        'Content-Type は application/json または application/x-www-form-urlencoded にしてください。',
      );
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('bad_request', '本文が正しい JSON ではありません。');
  }
  // A broken multipart body (cut off, no boundary) fails inside the parser without a status code.
  if (/multipart|boundary/i.test(error.message ?? '') && /busboy|multipart/.test(error.stack ?? '')) {
    return new AppError('bad_request', '送信されたフォームのデータが壊れています。もう一度送信してください。', {
      cause: error,
    });
  }
  if (isDatabaseDown(error)) {
    return new AppError('unavailable', 'データベースに接続できません。しばらくしてからもう一度お試しください。', {
      headers: { 'retry-after': '5' },
    });
  }
  if (e.statusCode === 429)
    return new AppError('too_many_requests', 'しばらく時間をおいてから、もう一度お試しください。');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError('bad_request', 'リクエストの形式が正しくありません。', { cause: error });
  }
  return new AppError('internal', undefined, { cause: error });
}

/** A file from a multipart form, as routes find it in request.body. */
export interface UploadedFile {
  filename: string;
  mimetype: string;
  data: Buffer;
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as UploadedFile).data);
}

/**
 * A file a route with `config: { largeUploads: { limitBytes } }` receives: streamed to a temporary file
 * instead of memory (open data CSVs of a gigabyte), removed when the response has been sent.
 */
export interface SpooledFile {
  filename: string;
  mimetype: string;
  path: string;
  bytes: number;
}

export function isSpooledFile(value: unknown): value is SpooledFile {
  return typeof value === 'object' && value !== null && typeof (value as SpooledFile).path === 'string';
}

/** The route option that makes uploads stream to disk, with their own size limit. */
export interface LargeUploads {
  limitBytes: number;
}

/** Above any route's own limit: the multipart parser stops a file here whatever the route says. */
const largestUpload = 4 * 1024 * 1024 * 1024;

function tooLarge(limit: number): AppError {
  const size = limit >= 1024 * 1024 ? `${Math.floor(limit / 1024 / 1024)}MB` : `${Math.floor(limit / 1024)}KB`;
  return new AppError('payload_too_large', `ファイルが大きすぎます。${size}までのファイルを選んでください。`);
}

async function readLimited(stream: AsyncIterable<Buffer>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    bytes += chunk.length;
    if (bytes > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function spool(
  request: FastifyRequest,
  stream: AsyncIterable<Buffer>,
  limit: number,
): Promise<{ path: string; bytes: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cityhall-upload-'));
  const holder = request as unknown as { spooledDirs?: string[] };
  holder.spooledDirs = [...(holder.spooledDirs ?? []), dir];
  const file = path.join(dir, 'upload');
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback(bytes > limit ? tooLarge(limit) : null, chunk);
    },
  });
  await pipeline(stream, counter, createWriteStream(file, { mode: 0o600 }));
  return { path: file, bytes };
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { config, log, deps, modules, tenants, pages, state } = options;
  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array' } },
    routerOptions: { ignoreTrailingSlash: true },
  });

  app.decorate(
    'homeLinks',
    modules.flatMap((m) => m.homeLinks ?? []),
  );
  app.decorateRequest('tenant', null as unknown as Tenant);
  app.decorateRequest('lang', 'ja');
  app.decorateRequest('viewer', undefined);
  app.decorateRequest('formActions', null);
  app.addSchema(problemSchema);
  await app.register(formbody);
  // No-JS file uploads (attachments, PDF verification): fields and files land in request.body, so the CSRF
  // check and the routes read them like any form. Files arrive as {filename, mimetype, data}.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: largestUpload, files: 10, fields: 1000, fieldSize: 200_000, parts: 1010 },
    async onFile(this: FastifyRequest, part) {
      const large = (this.routeOptions.config as { largeUploads?: LargeUploads } | undefined)?.largeUploads;
      if (large) {
        const spooled = await spool(this, part.file, large.limitBytes);
        (part as unknown as { value: SpooledFile }).value = {
          filename: part.filename,
          mimetype: part.mimetype,
          ...spooled,
        };
        return;
      }
      (part as unknown as { value: UploadedFile }).value = {
        filename: part.filename,
        mimetype: part.mimetype,
        data: await readLimited(part.file, config.uploadLimitBytes),
      };
    },
  });

  const routes: { method: string; pattern: RegExp }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of ([] as string[]).concat(route.method))
      routes.push({ method, pattern: pathPattern(route.url) });
  });

  const metrics = createHttpMetrics();
  const openPaths = ['/healthz', '/readyz', '/metrics', '/assets/', '/api/openapi.json'];

  app.addHook('onRequest', async (request, reply) => {
    const { lang, fromQuery } = resolveLang({
      query: request.query,
      cookie: request.headers.cookie,
      acceptLanguage: request.headers['accept-language'],
    });
    request.lang = lang;
    if (fromQuery) reply.header('set-cookie', `lang=${lang}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly`);
    const open = openPaths.some((p) => request.url.startsWith(p));
    if (!state.ready && !open) {
      throw new AppError('unavailable', `起動処理中です（${state.reason}）。しばらくしてからもう一度お試しください。`, {
        headers: { 'retry-after': '5' },
      });
    }
    if (!open) {
      const tenant = await tenants.forHost(request.hostname);
      if (!tenant) throw new AppError('not_found', 'この自治体は登録されていません。');
      request.tenant = tenant;
    }
  });

  registerCsrf(app, deps.secrets.derive('csrf'));

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    reply.header(
      'content-security-policy',
      request.formActions?.length
        ? csp.replace("form-action 'self'", `form-action 'self' ${request.formActions.join(' ')}`)
        : csp,
    );
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.addHook('onResponse', async (request) => {
    const spooled = (request as unknown as { spooledDirs?: string[] }).spooledDirs;
    for (const dir of spooled ?? []) await rm(dir, { recursive: true, force: true });
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    log[level](
      {
        reqId: request.id,
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  function sendError(error: AppError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
    for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
    reply.status(error.status);
    if (isApi(request) || !(request.headers.accept ?? '').includes('text/html') || !request.tenant) {
      return reply.type('application/problem+json; charset=utf-8').send(toProblem(error, request.id, request.url));
    }
    const html =
      error.code === 'not_found'
        ? pages.notFound(request)
        : error.status >= 500 && error.code !== 'unavailable'
          ? pages.serverError(request, request.id)
          : pages.error(request, error.status, errorCodes[error.code].title, error.detail);
    return reply.type('text/html; charset=utf-8').send(html);
  }

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500 && appError.code !== 'unavailable')
      request.log.error({ err: error, reqId: request.id }, 'internal error');
    return sendError(appError, request, reply);
  });

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const allowed = [
      ...new Set(routes.filter((r) => r.method !== request.method && r.pattern.test(path)).map((r) => r.method)),
    ];
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '));
      return sendError(
        new AppError('method_not_allowed', `このURLで使える方法は ${allowed.join(', ')} です。`),
        request,
        reply,
      );
    }
    if (!request.tenant && !openPaths.some((p) => request.url.startsWith(p))) {
      const tenant = await tenants.forHost(request.hostname).catch(() => undefined);
      if (tenant) request.tenant = tenant;
    }
    return sendError(new AppError('not_found', 'お探しのページやデータは見つかりませんでした。'), request, reply);
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'デジタル市役所 API',
        version: '0.1.0',
        description: 'Digital City Hall JSON API. Errors are RFC 9457 problem+json with Japanese title and detail.',
      },
      tags: [{ name: 'platform', description: '稼働状況' }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });

  for (const asset of options.assets) {
    await app.register(fastifyStatic, {
      root: asset.root,
      prefix: asset.prefix,
      decorateReply: false,
      cacheControl: true,
      maxAge: '1h',
    });
  }

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/docs', { schema: { hide: true } }, async (request, reply) =>
    reply.type('text/html; charset=utf-8').send(pages.apiDocs(request, app.swagger())),
  );

  app.get(
    '/healthz',
    {
      schema: {
        tags: ['platform'],
        summary: 'プロセスの稼働確認',
        response: {
          200: { type: 'object', properties: { status: { type: 'string' } }, required: ['status'] },
        },
      },
    },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['platform'],
        summary: 'データベース接続とマイグレーションの確認',
        response: {
          200: { type: 'object', properties: { status: { type: 'string' } }, required: ['status'] },
          503: problemResponse('データベースに接続できない、またはマイグレーションが未適用'),
        },
      },
    },
    async () => {
      if (!state.ready)
        throw new AppError('unavailable', `起動処理中です（${state.reason}）。`, {
          headers: { 'retry-after': '5' },
        });
      try {
        await options.readiness();
      } catch (error) {
        throw new AppError('unavailable', error instanceof Error ? error.message : String(error), {
          headers: { 'retry-after': '5' },
        });
      }
      return { status: 'ready' };
    },
  );

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(metrics.contentType);
    return metrics.render();
  });

  for (const module of modules) await module.requestHooks?.(app, deps);
  for (const module of modules) {
    const routesOf = module.routes;
    if (routesOf) await app.register(async (scope) => routesOf(scope, deps));
  }
  return app;
}
