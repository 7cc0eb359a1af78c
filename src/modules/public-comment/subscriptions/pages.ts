// The subscription pages: the sign-up form, "mail sent", the confirm and stop pages (one button each,
// so following a link never changes anything by itself) and the pages that say how it ended. All work
// without JavaScript.
import { type Lang, t, th } from '../../../platform/i18n/i18n.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { errorSummary } from '../../../platform/pages/components/error-summary/error-summary.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { textInput } from '../../../platform/pages/components/text-input/text-input.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import type { EmailProblem } from './subscribe.ts';

const ns = 'publicCommentSubscribe';
const m = (lang: Lang, key: string) => t(lang, `${ns}.${key}`);
const mh = (lang: Lang, key: string) => th(lang, `${ns}.${key}`);

const crumbs = (ctx: PageContext) => [
  { text: t(ctx.lang, 'platform.home'), href: '/' },
  { text: m(ctx.lang, 'listCrumb'), href: '/public-comments' },
];

function page(ctx: PageContext, titleKey: string, body: SafeHtml, errorTitle = false): string {
  const title = m(ctx.lang, titleKey);
  return renderPage(ctx, {
    title: errorTitle ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title,
    breadcrumbs: crumbs(ctx),
    body,
  });
}

export interface SubscribeForm {
  email?: string;
  problem?: EmailProblem;
}

export function renderSubscribe(ctx: PageContext, form: SubscribeForm = {}): string {
  const error = form.problem ? m(ctx.lang, form.problem) : undefined;
  return page(
    ctx,
    'subscribeTitle',
    html`${errorSummary({
      title: t(ctx.lang, 'platform.errorSummaryTitle'),
      errors: error ? [{ text: error, href: '#email' }] : [],
    })}
${pageHeading({ text: mh(ctx.lang, 'subscribeTitle'), lead: mh(ctx.lang, 'subscribeLead') })}
<p>${mh(ctx.lang, 'subscribeHow')}</p>
<form method="post" action="/public-comments/subscribe" novalidate>
${csrfInput(ctx)}
${textInput({
  id: 'email',
  name: 'email',
  type: 'email',
  label: m(ctx.lang, 'email'),
  hint: m(ctx.lang, 'emailHint'),
  value: form.email ?? '',
  required: true,
  requiredLabel: m(ctx.lang, 'required'),
  autocomplete: 'email',
  inputmode: 'email',
  ...(error ? { error } : {}),
})}
${button({ text: m(ctx.lang, 'subscribeSubmit') })}
</form>
<section aria-labelledby="feed-title">
<h2 id="feed-title">${mh(ctx.lang, 'feedTitle')}</h2>
<p>${mh(ctx.lang, 'feedBody')}</p>
<ul>
<li><a href="/public-comments/feed.atom" type="application/atom+xml">${mh(ctx.lang, 'feedAtom')}</a></li>
<li><a href="/public-comments/feed.rss" type="application/rss+xml">${mh(ctx.lang, 'feedRss')}</a></li>
</ul>
</section>`,
    error !== undefined,
  );
}

export function renderSent(ctx: PageContext): string {
  return page(
    ctx,
    'sentTitle',
    html`${pageHeading({ text: mh(ctx.lang, 'sentTitle') })}
<p>${mh(ctx.lang, 'sentBody')}</p>
<p>${mh(ctx.lang, 'sentNotArrived')}</p>
<p><a href="/public-comments">${mh(ctx.lang, 'backToList')}</a></p>`,
  );
}

/** A page with one button that posts the token: GET shows it, only the POST acts. */
function oneButton(
  ctx: PageContext,
  keys: { title: string; body: string; submit: string },
  action: string,
  token: string,
) {
  return page(
    ctx,
    keys.title,
    html`${pageHeading({ text: mh(ctx.lang, keys.title) })}
<p>${mh(ctx.lang, keys.body)}</p>
<form method="post" action="${action}">
${csrfInput(ctx)}
<input type="hidden" name="token" value="${token}">
${button({ text: m(ctx.lang, keys.submit) })}
</form>`,
  );
}

export function renderConfirm(ctx: PageContext, token: string): string {
  return oneButton(
    ctx,
    { title: 'confirmTitle', body: 'confirmBody', submit: 'confirmSubmit' },
    '/public-comments/subscribe/confirm',
    token,
  );
}

export function renderUnsubscribe(ctx: PageContext, token: string): string {
  return oneButton(
    ctx,
    { title: 'unsubscribeTitle', body: 'unsubscribeBody', submit: 'unsubscribeSubmit' },
    '/public-comments/unsubscribe',
    token,
  );
}

export type Outcome = 'confirmed' | 'alreadyConfirmed' | 'stopped' | 'unknown' | 'unsubscribed' | 'alreadyStopped';

/** How a link ended: done, done before, or a link that does not work (a page, not an error). */
export function renderOutcome(ctx: PageContext, outcome: Outcome): string {
  const again = outcome === 'stopped' || outcome === 'unknown' || outcome === 'unsubscribed';
  return page(
    ctx,
    `${outcome}Title`,
    html`${pageHeading({ text: mh(ctx.lang, `${outcome}Title`) })}
<p data-outcome="${outcome}">${mh(ctx.lang, `${outcome}Body`)}</p>
${again ? html`<p><a href="/public-comments/subscribe">${mh(ctx.lang, 'subscribeAgain')}</a></p>` : ''}
<p><a href="/public-comments">${mh(ctx.lang, 'backToList')}</a></p>`,
  );
}
