// Cross-site request forgery: every form carries a token bound to an HttpOnly cookie (signed double
// submit), and every state-changing request from another site is refused by its Origin /
// Sec-Fetch-Site headers. JSON requests cannot be sent cross-site without a CORS preflight, which this
// server never grants, so the API needs only the origin check.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readCookie, setCookie } from './cookies.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * 'url-token': the request is authorised by a token in its own address, not by the CSRF cookie.
     * 'header-token': by a token in a request header (an API token) and never by cookies, so a forged
     * cross-site form, which cannot set headers, has nothing to ride on.
     */
    csrf?: 'url-token' | 'header-token';
  }
}

export const csrfCookie = 'csrf';
export const csrfField = '_csrf';

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function tokenFor(key: Buffer, cookie: string): string {
  return createHmac('sha256', key).update(cookie).digest('base64url');
}

function sameOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site') return false;
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return origin !== 'null';
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

function isForm(request: FastifyRequest): boolean {
  const type = request.headers['content-type'] ?? '';
  return type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
}

/** Whether `sent` is this session's CSRF token (compared in constant time). */
function csrfTokenMatches(request: FastifyRequest, sent: unknown): boolean {
  const expected = request.csrfToken;
  return (
    typeof sent === 'string' &&
    expected !== '' &&
    sent.length === expected.length &&
    timingSafeEqual(Buffer.from(sent), Buffer.from(expected))
  );
}

/** The page's CSRF token header a script sends with a JSON POST (`X-CSRF-Token`); refuses a missing or wrong one. */
export function requireCsrfHeader(request: FastifyRequest): void {
  if (!csrfTokenMatches(request, request.headers['x-csrf-token'])) {
    throw new AppError(
      'csrf_failed',
      'ページの有効期限が切れました。ページを再読み込みしてから、もう一度お試しください。',
    );
  }
}

export function registerCsrf(app: FastifyInstance, key: Buffer): void {
  app.decorateRequest('csrfToken', '');

  app.addHook('onRequest', async (request, reply) => {
    if (!request.tenant) return; // health checks, metrics and static assets carry no forms
    let cookie = readCookie(request, csrfCookie);
    if (!cookie || !/^[A-Za-z0-9_-]{32,64}$/.test(cookie)) {
      // Only pages need one; a JSON client never reads it.
      if (request.method !== 'GET' || request.url.startsWith('/api/')) return;
      cookie = randomBytes(32).toString('base64url');
      setCookie(request, reply, csrfCookie, cookie);
    }
    request.csrfToken = tokenFor(key, cookie);
  });

  app.addHook('preValidation', async (request) => {
    if (!unsafe.has(request.method)) return;
    if (!sameOrigin(request)) {
      throw new AppError('csrf_failed', '他のサイトから送られたリクエストは受け付けられません。');
    }
    if (!isForm(request)) return;
    // A route whose form is authorised by a secret token in its own address (the RFC 8058 one-click stop
    // link a mail program POSTs to, with no cookie) declares `config: { csrf: 'url-token' }`.
    if (request.routeOptions.config.csrf !== undefined) return;
    if (!csrfTokenMatches(request, (request.body as Record<string, unknown> | undefined)?.[csrfField])) {
      throw new AppError(
        'csrf_failed',
        'ページの有効期限が切れたか、別のサイトから送信されました。前のページに戻り、再読み込みしてからもう一度送信してください。',
      );
    }
  });
}
