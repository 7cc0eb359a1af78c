// /demo/line: a simulated phone for each demo LINE user — their state with the city's account (友だち,
// ブロック中, リンク済み), buttons to follow and block, a message field (for a link code or 「配信停止」), and
// their chat, newest first. Plain forms that POST and come back with a notice; no JavaScript.
import { t, th } from '../../../platform/i18n/i18n.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { errorSummary } from '../../../platform/pages/components/error-summary/error-summary.ts';
import { notificationBanner } from '../../../platform/pages/components/notification-banner/notification-banner.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { textInput } from '../../../platform/pages/components/text-input/text-input.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import { dateTime, settingsPath } from '../pages/resident.ts';
import type { DemoLineUserKey } from './channel.ts';
import { k } from './messages.ts';
import type { ChatEntry, DemoPhone } from './read-demo-phones.ts';
import type { DemoLineOutcome } from './send-as-demo-user.ts';

export const demoLinePath = '/demo/line';
export const demoLineActionPath = (user: DemoLineUserKey, action: 'follow' | 'unfollow' | 'text') =>
  `${demoLinePath}/${user}/${action}`;

export interface DemoLineState {
  notice?: { outcome: DemoLineOutcome; user: DemoLineUserKey } | undefined;
  /** A refused message: the user it was for, what was typed, and why. */
  error?: { user: DemoLineUserKey; text: string; message: string } | undefined;
}

const textId = (user: DemoLineUserKey) => `text-${user}`;

function chatEntry(ctx: PageContext, entry: ChatEntry): SafeHtml {
  const said =
    entry.from === 'city'
      ? entry.text
      : entry.kind === 'follow'
        ? t(ctx.lang, k('youFollowed'))
        : entry.kind === 'unfollow'
          ? t(ctx.lang, k('youUnfollowed'))
          : (entry.text ?? '');
  return html`<li data-chat="${entry.from}"><p><time datetime="${entry.at.toISOString()}">${dateTime(entry.at)}</time> ${th(ctx.lang, k(entry.from === 'city' ? 'fromCity' : 'fromYou'))}</p>
<p class="mail__body">${said}</p></li>`;
}

function phone(ctx: PageContext, p: DemoPhone, state: DemoLineState): SafeHtml {
  // Three phones, each with the same buttons: a screen reader hears whose they are.
  const who = html`<span class="visually-hidden">（${t(ctx.lang, k('user'), { name: p.key })}）</span>`;
  const titleId = `phone-${p.key}-title`;
  const error = state.error?.user === p.key ? state.error : undefined;
  return html`<section class="card" id="phone-${p.key}" aria-labelledby="${titleId}" data-phone="${p.key}">
<h2 id="${titleId}">${th(ctx.lang, k('user'), { name: p.key })}</h2>
<dl class="summary-list">
<div><dt>${th(ctx.lang, k('userId'))}</dt><dd><code>${p.userId}</code></dd></div>
<div><dt>${th(ctx.lang, k('state'))}</dt><dd><span class="status-tag" data-status="${p.status}">${th(ctx.lang, k(`status_${p.status}`))}</span> ${
    p.linked
      ? html`<span class="status-tag" data-linked>${th(ctx.lang, k('linked'))}</span>`
      : html`<span>${th(ctx.lang, k('notLinked'))}</span>`
  }</dd></div>
</dl>
<div class="button-group">
<form method="post" action="${demoLineActionPath(p.key, 'follow')}">
${csrfInput(ctx)}
<button class="button button--secondary" type="submit">${th(ctx.lang, k('followButton'))}${who}</button>
</form>
<form method="post" action="${demoLineActionPath(p.key, 'unfollow')}">
${csrfInput(ctx)}
<button class="button button--secondary" type="submit">${th(ctx.lang, k('unfollowButton'))}${who}</button>
</form>
</div>
<form method="post" action="${demoLineActionPath(p.key, 'text')}" novalidate>
${csrfInput(ctx)}
${textInput({
  id: textId(p.key),
  name: 'text',
  label: t(ctx.lang, k('fieldText')),
  hint: t(ctx.lang, k('fieldTextHint')),
  value: error?.text ?? '',
  autocomplete: 'off',
  ...(error ? { error: error.message } : {}),
})}
${button({ text: t(ctx.lang, k('sendButton')) })}
</form>
<h3>${th(ctx.lang, k('talkTitle'))}</h3>
${
  p.chat.length === 0
    ? html`<p>${th(ctx.lang, k('talkEmpty'))}</p>`
    : html`<ol class="timeline">${p.chat.map((entry) => chatEntry(ctx, entry))}</ol>`
}
</section>`;
}

export function demoLinePage(ctx: PageContext, phones: DemoPhone[], state: DemoLineState = {}): string {
  const title = t(ctx.lang, k('title'));
  const notice = state.notice;
  return renderPage(ctx, {
    title: state.error ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title,
    breadcrumbs: [{ text: t(ctx.lang, 'platform.home'), href: '/' }],
    body: html`${errorSummary({
      title: t(ctx.lang, 'platform.errorSummaryTitle'),
      errors: state.error ? [{ text: state.error.message, href: `#${textId(state.error.user)}` }] : [],
    })}${
      notice
        ? notificationBanner({
            kind: notice.outcome === 'codeRejected' ? 'info' : 'success',
            title: t(ctx.lang, k(`notice_${notice.outcome}`), { name: notice.user }),
            body: '',
          })
        : ''
    }${pageHeading({ text: title, lead: th(ctx.lang, k('lead')) })}
<p>${th(ctx.lang, k('howTo'))}</p>
<p><a href="${settingsPath}">${th(ctx.lang, k('settingsLink'))}</a></p>
<p>${th(ctx.lang, k('talkSince'))}</p>
${phones.map((p) => phone(ctx, p, state))}`,
  });
}
