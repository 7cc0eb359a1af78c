// Wires the page layer into the HTTP server: error pages in the visitor's language, and static assets.

import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyRequest } from 'fastify';
import { type OpenApiDocument, renderApiDocs } from '../http/api-docs.ts';
import type { ErrorPages } from '../http/server.ts';
import { registerMessages, t, th } from '../i18n/i18n.ts';
import { platformMessages } from '../i18n/messages.ts';
import { pageHeading } from './components/page-heading/page-heading.ts';
import { html } from './html.ts';
import { type PageContext, renderPage } from './layout.ts';

registerMessages('platform', platformMessages);

export function pageContext(request: FastifyRequest): PageContext {
  return {
    lang: request.lang,
    url: request.url,
    tenant: request.tenant ?? undefined,
    viewer: request.viewer,
    csrfToken: request.csrfToken,
  };
}

export const errorPages: ErrorPages = {
  notFound(request) {
    const ctx = pageContext(request);
    return renderPage(ctx, {
      title: t(ctx.lang, 'platform.notFoundTitle'),
      body: html`${pageHeading({ text: th(ctx.lang, 'platform.notFoundTitle') })}
<p>${th(ctx.lang, 'platform.notFoundBody')}</p>
<p><a href="/">${th(ctx.lang, 'platform.errorBackHome')}</a></p>`,
    });
  },
  serverError(request, requestId) {
    const ctx = pageContext(request);
    return renderPage(ctx, {
      title: t(ctx.lang, 'platform.serverErrorTitle'),
      body: html`${pageHeading({ text: th(ctx.lang, 'platform.serverErrorTitle') })}
<p>${th(ctx.lang, 'platform.serverErrorBody')}</p>
<p>${th(ctx.lang, 'platform.serverErrorReference', { id: requestId })}</p>
<p><a href="/">${th(ctx.lang, 'platform.errorBackHome')}</a></p>`,
    });
  },
  apiDocs(request, document) {
    return renderApiDocs(pageContext(request), document as OpenApiDocument);
  },
  error(request, _status, title, detail) {
    const ctx = pageContext(request);
    return renderPage(ctx, {
      title,
      body: html`${pageHeading({ text: title })}${detail ? html`<p>${detail}</p>` : ''}
<p><a href="/">${th(ctx.lang, 'platform.errorBackHome')}</a></p>`,
    });
  },
};

const require = createRequire(import.meta.url);
const tokensDir = path.dirname(require.resolve('@digital-go-jp/design-tokens/dist/tokens.css'));

export const assets = [
  { prefix: '/assets/', root: fileURLToPath(new URL('./assets/', import.meta.url)) },
  { prefix: '/assets/dads/', root: tokensDir },
];
