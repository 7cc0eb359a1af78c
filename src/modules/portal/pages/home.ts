import { t, th } from '../../../platform/i18n/i18n.ts';
import type { HomeLink } from '../../../platform/module.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { html } from '../../../platform/pages/html.ts';
import { type PageContext, renderPage } from '../../../platform/pages/layout.ts';

export function renderHome(ctx: PageContext, links: HomeLink[]): string {
  const city = ctx.tenant ? (ctx.lang === 'en' ? ctx.tenant.nameEn : ctx.tenant.name) : '';
  const heading = pageHeading({
    text: th(ctx.lang, 'portal.homeTitle', { city }),
    lead: th(ctx.lang, 'portal.homeLead', { city }),
  });
  return renderPage(ctx, {
    title: t(ctx.lang, 'portal.homeTitle', { city }),
    body: html`${heading}
<h2>${th(ctx.lang, 'portal.homeServices')}</h2>
<ul class="link-list">${links.map(
      (l) => html`<li><a href="${l.href}">${th(ctx.lang, l.titleKey)}<p>${th(ctx.lang, l.descriptionKey)}</p></a></li>`,
    )}</ul>`,
  });
}
