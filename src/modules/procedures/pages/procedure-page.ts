// /procedures/:code: everything a resident needs before starting — what it is, who files it, how it is
// done (and when not fully online, why and what can still be done online), fee, identity, proxy,
// attachments, 標準処理期間, and either the start button (/apply/<code>) or where to go.
import { type Lang, t, th } from '../../../platform/i18n/i18n.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import type { Procedure } from '../definition.ts';
import { availabilityBadge, type Department, departmentName, feeText, localized } from './common.ts';

function section(lang: Lang, headingKey: string, body: SafeHtml): SafeHtml {
  return html`<h2>${th(lang, headingKey)}</h2>\n${body}`;
}

function how(lang: Lang, p: Procedure): SafeHtml {
  const visit = p.notOnline
    ? html`<h3>${th(lang, 'procedures.whyVisitHeading')}: ${th(lang, `procedures.reason.${p.notOnline.reason}`)}</h3>
<p>${localized(lang, p.notOnline.detail)}</p>
<h3>${th(lang, 'procedures.onlinePartsHeading')}</h3>
<p>${localized(lang, p.notOnline.onlineParts)}</p>`
    : '';
  return section(
    lang,
    'procedures.howHeading',
    html`<p>${availabilityBadge(lang, p.availability)}</p>
<p>${th(lang, `procedures.how.${p.availability}`)}</p>
${visit}`,
  );
}

function fee(lang: Lang, p: Procedure): SafeHtml {
  const methods = p.paymentMethods.map((m) => t(lang, `procedures.payment.${m}`)).join(lang === 'en' ? ', ' : '、');
  return section(
    lang,
    'procedures.feeHeading',
    html`<p>${feeText(lang, p.fee)}</p>${methods ? html`<p>${th(lang, 'procedures.paymentMethods', { methods })}</p>` : ''}`,
  );
}

function attachments(lang: Lang, p: Procedure): SafeHtml {
  const body =
    p.attachments.length === 0
      ? html`<p>${th(lang, 'procedures.attachmentsNone')}</p>`
      : html`<ul>${p.attachments.map(
          (a) =>
            html`<li>${a.label}${a.required ? '' : html` ${th(lang, 'procedures.attachmentOptional')}`}${a.hint ? html`<br>${a.hint}` : ''}</li>`,
        )}</ul>`;
  return section(lang, 'procedures.attachmentsHeading', body);
}

export function renderProcedurePage(ctx: PageContext, p: Procedure, departments: Department[]): string {
  const { lang } = ctx;
  const name = lang === 'en' ? p.nameEn : p.name;
  const department = departmentName(lang, p.department, departments);
  const days =
    p.processingDays === 0
      ? t(lang, 'procedures.processingSameDay')
      : t(lang, 'procedures.processingDays', { days: p.processingDays });
  const action = p.form
    ? html`<p>${button({ text: t(lang, 'procedures.startButton'), href: `/apply/${p.code}` })}</p>`
    : section(lang, 'procedures.whereHeading', html`<p>${th(lang, 'procedures.whereText', { department })}</p>`);
  return renderPage(ctx, {
    title: name,
    breadcrumbs: [
      { text: t(lang, 'platform.home'), href: '/' },
      { text: t(lang, 'procedures.title'), href: '/procedures' },
    ],
    body: html`${pageHeading({ text: name, caption: department, lead: localized(lang, p.description) })}
${lang === 'en' ? '' : html`<p lang="ja">${p.nameKana}</p>`}
${action}
${section(lang, 'procedures.whoHeading', html`<p>${th(lang, `procedures.filer.${p.filer}`)}</p>`)}
${how(lang, p)}
${fee(lang, p)}
${section(lang, 'procedures.identityHeading', html`<p>${th(lang, `procedures.assurance.${p.assurance}`)}</p>`)}
${section(lang, 'procedures.proxyHeading', html`<p>${th(lang, p.proxyAllowed ? 'procedures.proxyAllowed' : 'procedures.proxyNotAllowed')}</p>`)}
${attachments(lang, p)}
${section(lang, 'procedures.processingHeading', html`<p>${days}</p>`)}
${section(lang, 'procedures.departmentHeading', html`<p>${department}</p>`)}`,
  });
}
