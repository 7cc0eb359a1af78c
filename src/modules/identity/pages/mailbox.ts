// デモ用メールボックス: the e-mails the demo sent, with their links clickable.

import { t, th } from '../../../platform/i18n/i18n.ts';
import type { ReceivedMail } from '../../../platform/mail/demo-mailbox.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { type PageContext, renderPage } from '../../../platform/pages/layout.ts';

function linkify(text: string): SafeHtml[] {
  return text
    .split(/(https?:\/\/[^\s]+)/)
    .map((part, i) => (i % 2 === 1 ? html`<a href="${part}">${part}</a>` : html`${part}`));
}

export function renderMailbox(ctx: PageContext, mails: ReceivedMail[]): string {
  return renderPage(ctx, {
    title: t(ctx.lang, 'identity.mailboxTitle'),
    body: html`${pageHeading({ text: th(ctx.lang, 'identity.mailboxTitle'), lead: th(ctx.lang, 'identity.mailboxLead') })}
${mails.length === 0 ? html`<p>${th(ctx.lang, 'identity.mailboxEmpty')}</p>` : ''}
${mails.map(
  (m) => html`<article class="card mail" aria-labelledby="mail-${m.id}">
<h2 id="mail-${m.id}">${m.subject}</h2>
<p>${th(ctx.lang, 'identity.mailboxTo')}: ${m.to} / ${m.receivedAt.toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' })}</p>
<pre class="mail__body">${linkify(m.text)}</pre>
</article>`,
)}`,
  });
}
