import { t, th } from '../../../platform/i18n/i18n.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { html } from '../../../platform/pages/html.ts';
import { type PageContext, renderPage } from '../../../platform/pages/layout.ts';

export function renderAccessibility(ctx: PageContext): string {
  const city = ctx.tenant ? (ctx.lang === 'en' ? ctx.tenant.nameEn : ctx.tenant.name) : '';
  const section = (heading: string, body: string) =>
    html`<h2>${th(ctx.lang, `portal.${heading}`)}</h2><p>${th(ctx.lang, `portal.${body}`, { city })}</p>`;
  return renderPage(ctx, {
    title: t(ctx.lang, 'portal.a11yTitle'),
    breadcrumbs: [{ text: t(ctx.lang, 'platform.home'), href: '/' }],
    body: html`${pageHeading({ text: th(ctx.lang, 'portal.a11yTitle') })}
<p>${th(ctx.lang, 'portal.a11yIntro', { city })}</p>
${section('a11yTargetHeading', 'a11yTarget')}
${section('a11yScopeHeading', 'a11yScope')}
${section('a11yPracticeHeading', 'a11yPractice')}
${section('a11yContactHeading', 'a11yContact')}`,
  });
}
