// The API reference as a server-rendered page (no JavaScript, axe-clean, in the visitor's language),
// built from the same OpenAPI 3.1 document that /api/openapi.json serves.
import { t, th } from '../i18n/i18n.ts';
import { html, type SafeHtml } from '../pages/html.ts';
import { type PageContext, renderPage } from '../pages/layout.ts';

interface Schema {
  $ref?: string;
  type?: string | string[];
  [key: string]: unknown;
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
}
interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
}
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const methods = ['get', 'post', 'put', 'patch', 'delete'];

function anchor(method: string, path: string): string {
  return `op-${method}-${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}`;
}

function schemaName(schema: Schema | undefined): SafeHtml {
  if (!schema) return html``;
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    return html`<a href="#schema-${name}">${name}</a>`;
  }
  return html`<code>${JSON.stringify(schema)}</code>`;
}

function operation(ctx: PageContext, method: string, path: string, op: Operation): SafeHtml {
  const params = op.parameters ?? [];
  const body = op.requestBody?.content ?? {};
  return html`<section class="api-op" aria-labelledby="${anchor(method, path)}">
<h3 id="${anchor(method, path)}"><code>${method.toUpperCase()} ${path}</code></h3>
${op.summary ? html`<p>${op.summary}</p>` : ''}
${
  params.length
    ? html`<div class="table-scroll"><table><caption>${th(ctx.lang, 'platform.apiParameters')}</caption>
<thead><tr><th scope="col">${th(ctx.lang, 'platform.apiName')}</th><th scope="col">${th(ctx.lang, 'platform.apiIn')}</th><th scope="col">${th(ctx.lang, 'platform.apiRequired')}</th><th scope="col">${th(ctx.lang, 'platform.apiDescription')}</th></tr></thead>
<tbody>${params.map(
        (p) =>
          html`<tr><th scope="row"><code>${p.name}</code></th><td>${p.in}</td><td>${p.required ? t(ctx.lang, 'platform.apiYes') : t(ctx.lang, 'platform.apiNo')}</td><td>${p.description ?? ''} ${p.schema ? html`<code>${JSON.stringify(p.schema)}</code>` : ''}</td></tr>`,
      )}</tbody></table></div>`
    : ''
}
${Object.entries(body).map(([type, c]) => html`<p>${th(ctx.lang, 'platform.apiRequestBody')} (<code>${type}</code>): ${schemaName(c.schema)}</p>`)}
<dl class="api-responses">${Object.entries(op.responses ?? {}).map(
    ([status, r]) =>
      html`<dt>${status}</dt><dd>${Object.entries(r.content ?? {}).map(([type, c]) => html`<code>${type}</code> ${schemaName(c.schema)} `)}</dd>`,
  )}</dl>
</section>`;
}

export function renderApiDocs(ctx: PageContext, doc: OpenApiDocument): string {
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    methods.filter((m) => item[m]).map((m) => ({ method: m, path, op: item[m]! })),
  );
  const tags = [...new Set(ops.map((o) => o.op.tags?.[0] ?? 'other'))];
  return renderPage(ctx, {
    title: t(ctx.lang, 'platform.apiTitle'),
    breadcrumbs: [{ text: t(ctx.lang, 'platform.home'), href: '/' }],
    body: html`<h1>${th(ctx.lang, 'platform.apiTitle')}</h1>
<p class="lead">${th(ctx.lang, 'platform.apiLead')}</p>
<p><a href="/api/openapi.json">${th(ctx.lang, 'platform.apiDownload')}</a> (OpenAPI ${doc.openapi}, ${doc.info.title} ${doc.info.version})</p>
<nav aria-labelledby="api-contents"><h2 id="api-contents">${th(ctx.lang, 'platform.apiContents')}</h2>
<ul>${ops.map((o) => html`<li><a href="#${anchor(o.method, o.path)}"><code>${o.method.toUpperCase()} ${o.path}</code></a> ${o.op.summary ?? ''}</li>`)}</ul></nav>
${tags.map(
  (tag) =>
    html`<h2>${tag}</h2>${ops.filter((o) => (o.op.tags?.[0] ?? 'other') === tag).map((o) => operation(ctx, o.method, o.path, o.op))}`,
)}
<h2>${th(ctx.lang, 'platform.apiSchemas')}</h2>
${Object.entries(doc.components?.schemas ?? {}).map(
  ([name, schema]) =>
    html`<h3 id="schema-${name}">${name}</h3><pre class="api-schema" tabindex="0">${JSON.stringify(schema, null, 2)}</pre>`,
)}`,
  });
}
