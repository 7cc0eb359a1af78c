// The page every screen sits in: skip link, city header, language switch, main, footer.
import { htmlLang, type Lang, t, th } from '../i18n/i18n.ts';
import { html, type SafeHtml } from './html.ts';

export interface PageContext {
  lang: Lang;
  /** Path and query of the current page, for the language switch. */
  url: string;
  tenant: { name: string; nameEn: string } | undefined;
  /** Who is signed in (header shows the name and a sign-out button). */
  viewer?: { name: string; kind: 'resident' | 'staff'; actingFor?: string } | undefined;
  /** Token every form must send back as `_csrf`. */
  csrfToken?: string;
}

/** The hidden CSRF field every POST form carries. */
export function csrfInput(ctx: PageContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrfToken ?? ''}">`;
}

function accountArea(ctx: PageContext): SafeHtml {
  if (!ctx.viewer) {
    return html`<nav class="account-nav" aria-label="${t(ctx.lang, 'platform.accountNav')}"><a href="/sign-in">${th(ctx.lang, 'platform.signIn')}</a></nav>`;
  }
  const home = ctx.viewer.kind === 'staff' ? '/staff' : '/account';
  return html`<nav class="account-nav" aria-label="${t(ctx.lang, 'platform.accountNav')}">
<a href="${home}">${ctx.viewer.kind === 'staff' ? html`${th(ctx.lang, 'platform.staffArea')}: ` : ''}${th(ctx.lang, 'platform.signedInAs', { name: ctx.viewer.name })}</a>
${ctx.viewer.actingFor ? html`<span class="account-nav__acting">${th(ctx.lang, 'platform.actingFor', { name: ctx.viewer.actingFor })}</span>` : ''}
<form method="post" action="/sign-out">${csrfInput(ctx)}<button class="link-button" type="submit">${th(ctx.lang, 'platform.signOut')}</button></form>
</nav>`;
}

export interface PageOptions {
  title: string;
  body: SafeHtml;
  breadcrumbs?: { text: string; href: string }[];
}

function withLang(url: string, lang: Lang): string {
  const [path, query = ''] = url.split('?');
  const params = new URLSearchParams(query);
  params.set('lang', lang);
  return `${path}?${params.toString()}`;
}

function languageSwitch(ctx: PageContext): SafeHtml {
  const options: { lang: Lang; key: string; htmlLang: string }[] = [
    { lang: 'ja', key: 'platform.langJa', htmlLang: 'ja' },
    { lang: 'ja-easy', key: 'platform.langEasy', htmlLang: 'ja' },
    { lang: 'en', key: 'platform.langEn', htmlLang: 'en' },
  ];
  return html`<nav class="lang-switch" aria-label="${t(ctx.lang, 'platform.languageNav')}"><ul>${options.map(
    (o) =>
      html`<li><a href="${withLang(ctx.url, o.lang)}" lang="${o.htmlLang}"${o.lang === ctx.lang ? html` aria-current="true"` : ''}>${t(o.lang, o.key)}</a></li>`,
  )}</ul></nav>`;
}

export function renderPage(ctx: PageContext, page: PageOptions): string {
  const city = ctx.tenant ? (ctx.lang === 'en' ? ctx.tenant.nameEn : ctx.tenant.name) : '';
  const site = [city, t(ctx.lang, 'platform.product')].filter(Boolean).join(' ');
  const crumbs = page.breadcrumbs?.length
    ? html`<nav class="breadcrumbs" aria-label="${t(ctx.lang, 'platform.breadcrumbs')}"><ol>${page.breadcrumbs.map(
        (c) => html`<li><a href="${c.href}">${c.text}</a></li>`,
      )}<li aria-current="page">${page.title}</li></ol></nav>`
    : '';
  return `<!doctype html>\n${html`<html lang="${htmlLang(ctx.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} | ${site}</title>
<link rel="stylesheet" href="/assets/dads/tokens.css">
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<a class="skip-link" href="#main">${th(ctx.lang, 'platform.skipLink')}</a>
<header class="site-header">
<div class="container site-header__inner">
<a class="site-header__home" href="/"><span class="site-header__city">${city}</span> <span class="site-header__product">${th(ctx.lang, 'platform.product')}</span></a>
${languageSwitch(ctx)}
${accountArea(ctx)}
</div>
</header>
<div class="container">${crumbs}</div>
<main id="main" class="container" tabindex="-1">
${page.body}
</main>
<footer class="site-footer">
<div class="container">
<ul class="site-footer__links"><li><a href="/accessibility">${th(ctx.lang, 'platform.footerAccessibility')}</a></li></ul>
<p>${th(ctx.lang, 'platform.footerNote')}</p>
</div>
</footer>
</body>
</html>`}`;
}
