// The public pages: the list of consultations, one consultation with its documents and the opinion form
// (works with no JavaScript), the receipt, and the published result.
import { t, th } from '../../../platform/i18n/i18n.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { errorSummary } from '../../../platform/pages/components/error-summary/error-summary.ts';
import { notificationBanner } from '../../../platform/pages/components/notification-banner/notification-banner.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { textInput } from '../../../platform/pages/components/text-input/text-input.ts';
import { textarea } from '../../../platform/pages/components/textarea/textarea.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import { bodyLimit, type Consultation, type ConsultationDocument, type ConsultationPhase } from '../model.ts';
import { formatDateWithWeekday, submissionMethodLabels } from '../report/build-report.ts';
import { renderReportHtml } from '../report/render-html.ts';
import type { ResultReport } from '../report/types.ts';
import type { PublicConsultation } from '../use-cases/get-public-consultation.ts';
import type { ListedConsultation } from '../use-cases/list-public-consultations.ts';

export const k = (key: string) => `publicComment.${key}`;

export interface FormState {
  values?: Record<string, string | undefined>;
  errors?: { field: string; message: string }[];
}

const fieldIds: Record<string, string> = { body: 'opinion-body', name: 'opinion-name', contact: 'opinion-contact' };

export function periodText(ctx: PageContext, c: { opensOn: string; closesOn: string }): string {
  return t(ctx.lang, k('periodValue'), {
    from: formatDateWithWeekday(c.opensOn),
    to: formatDateWithWeekday(c.closesOn),
  });
}

export function phaseTag(ctx: PageContext, phase: ConsultationPhase): SafeHtml {
  return html`<span class="status-tag" data-phase="${phase}">${th(ctx.lang, k(`phase_${phase}`))}</span>`;
}

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const crumbs = (ctx: PageContext) => [{ text: t(ctx.lang, k('title')), href: '/public-comments' }];

export function listPage(ctx: PageContext, items: ListedConsultation[]): string {
  const sections: { key: string; phases: ConsultationPhase[] }[] = [
    { key: 'sectionOpen', phases: ['open'] },
    { key: 'sectionUpcoming', phases: ['upcoming'] },
    { key: 'sectionClosed', phases: ['closed', 'analysing'] },
    { key: 'sectionPublished', phases: ['published'] },
  ];
  return renderPage(ctx, {
    title: t(ctx.lang, k('title')),
    body: html`${pageHeading({ text: th(ctx.lang, k('title')) })}
<p class="lead">${th(ctx.lang, k('lead'))}</p>
<p><a href="/public-comments/subscribe">${th(ctx.lang, k('subscribe'))}</a> ・ <a href="/public-comments/feed.atom" type="application/atom+xml">${th(ctx.lang, k('feeds'))}</a></p>
${sections.map((s) => {
  const rows = items.filter((c) => s.phases.includes(c.phase));
  return html`<section aria-labelledby="section-${s.key}">
<h2 id="section-${s.key}">${th(ctx.lang, k(s.key))}</h2>
${
  rows.length === 0
    ? html`<p>${th(ctx.lang, k('none'))}</p>`
    : html`<ul class="item-list">${rows.map(
        (
          c,
        ) => html`<li data-consultation="${String(c.number)}"><a href="/public-comments/${String(c.number)}">${c.title}</a> ${phaseTag(ctx, c.phase)}
<br><span class="item-list__meta">${th(ctx.lang, k('period'))}: ${periodText(ctx, c)}</span></li>`,
      )}</ul>`
}
</section>`;
})}`,
  });
}

function documentList(ctx: PageContext, number: number, documents: ConsultationDocument[]): SafeHtml {
  if (documents.length === 0) return html`<p>${th(ctx.lang, k('documentsNone'))}</p>`;
  return html`<ul>${documents.map(
    (d) =>
      html`<li><a href="/public-comments/${String(number)}/documents/${d.id}">${d.title}</a>（${t(
        ctx.lang,
        k('documentSize'),
        {
          type: d.contentType === 'application/pdf' ? 'PDF' : 'HTML',
          size: fileSize(d.size),
        },
      )}）</li>`,
  )}</ul>`;
}

function opinionForm(ctx: PageContext, c: Consultation, token: string, state: FormState): SafeHtml {
  const errorOf = (name: string) => state.errors?.find((e) => e.field === name)?.message;
  const value = (name: string) => state.values?.[name] ?? '';
  const bodyError = errorOf('body');
  const nameError = errorOf('name');
  const contactError = errorOf('contact');
  return html`<section aria-labelledby="form-title">
<h2 id="form-title">${th(ctx.lang, k('formTitle'))}</h2>
<p>${th(ctx.lang, k('formLead'))}</p>
<form method="post" action="/public-comments/${String(c.number)}" novalidate>
${csrfInput(ctx)}
<input type="hidden" name="formToken" value="${token}">
${textarea({
  id: fieldIds.body!,
  name: 'body',
  label: t(ctx.lang, k('bodyLabel')),
  hint: t(ctx.lang, k('bodyHint'), { limit: bodyLimit.toLocaleString('ja-JP') }),
  value: value('body'),
  rows: 12,
  maxlength: bodyLimit,
  required: true,
  requiredLabel: t(ctx.lang, 'platform.apiRequired'),
  ...(bodyError ? { error: bodyError } : {}),
})}
${textInput({
  id: fieldIds.name!,
  name: 'name',
  label: t(ctx.lang, k('nameLabel')),
  value: value('name'),
  autocomplete: 'name',
  ...(nameError ? { error: nameError } : {}),
})}
${textInput({
  id: fieldIds.contact!,
  name: 'contact',
  label: t(ctx.lang, k('contactLabel')),
  hint: t(ctx.lang, k('contactHint')),
  value: value('contact'),
  autocomplete: 'email',
  ...(contactError ? { error: contactError } : {}),
})}
<div hidden><label for="opinion-website">${th(ctx.lang, k('trapLabel'))}</label><input id="opinion-website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<p class="form-note">${th(ctx.lang, k('privacy'))}</p>
${button({ text: t(ctx.lang, k('submit')) })}
</form>
</section>`;
}

export function consultationPage(
  ctx: PageContext,
  view: PublicConsultation,
  form: { token: string; state: FormState },
): string {
  const { consultation: c, documents, phase } = view;
  const errors = form.state.errors ?? [];
  const title = errors.length > 0 ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${c.title}` : c.title;
  const canSubmit = phase === 'open' && c.methods.includes('web');
  return renderPage(ctx, {
    title,
    breadcrumbs: crumbs(ctx),
    body: html`${errorSummary({
      title: t(ctx.lang, 'platform.errorSummaryTitle'),
      errors: errors.map((e) => ({ text: e.message, href: `#${fieldIds[e.field] ?? 'opinion-body'}` })),
    })}
${pageHeading({ text: c.title })}
<p>${phaseTag(ctx, phase)}</p>
<dl class="summary-list">
<div><dt>${th(ctx.lang, k('period'))}</dt><dd data-period>${periodText(ctx, c)}</dd></div>
<div><dt>${th(ctx.lang, k('methods'))}</dt><dd>${c.methods.map((m) => submissionMethodLabels[m]).join('、')}</dd></div>
</dl>
${phase === 'published' ? html`<p><a class="button button--primary" href="/public-comments/${String(c.number)}/result">${th(ctx.lang, k('resultLink'))}</a></p>` : ''}
${c.summary ? html`<h2>${th(ctx.lang, k('summary'))}</h2>${c.summary.split(/\n+/).map((p) => html`<p>${p}</p>`)}` : ''}
<h2>${th(ctx.lang, k('documents'))}</h2>
${documentList(ctx, c.number, documents)}
${c.announcements.length > 0 ? html`<h2>${th(ctx.lang, k('announcements'))}</h2><p>${c.announcements.join('、')}</p>` : ''}
${c.sendTo && c.methods.some((m) => m !== 'web') ? html`<h2>${th(ctx.lang, k('sendTo'))}</h2>${c.sendTo.split(/\n+/).map((p) => html`<p>${p}</p>`)}` : ''}
${
  canSubmit
    ? opinionForm(ctx, c, form.token, form.state)
    : phase === 'upcoming'
      ? notificationBanner({
          title: t(ctx.lang, k('notOpenUpcoming'), { date: formatDateWithWeekday(c.opensOn) }),
          body: '',
        })
      : phase === 'open'
        ? html`<p>${th(ctx.lang, k('noWeb'))}</p>`
        : notificationBanner({
            title: t(ctx.lang, k('notOpenClosed'), { date: formatDateWithWeekday(c.closesOn) }),
            body: '',
          })
}`,
  });
}

export function receivedPage(
  ctx: PageContext,
  v: { number: number; title: string; receiptNumber: string; repeated: boolean },
): string {
  return renderPage(ctx, {
    title: t(ctx.lang, k('receivedTitle')),
    breadcrumbs: crumbs(ctx),
    body: html`${notificationBanner({
      kind: 'success',
      title: t(ctx.lang, k('receivedTitle')),
      body: html`<p>${th(ctx.lang, k('receivedBody'), { title: v.title })}</p>
<p>${th(ctx.lang, k('receivedNumber'))}: <strong data-receipt-number>${v.receiptNumber}</strong></p>
${v.repeated ? html`<p>${th(ctx.lang, k('receivedRepeated'))}</p>` : ''}`,
    })}
<h1 class="visually-hidden">${th(ctx.lang, k('receivedTitle'))}</h1>
<p>${th(ctx.lang, k('receivedNext'))}</p>
<p><a href="/public-comments/${String(v.number)}">${th(ctx.lang, k('backToConsultation'))}</a></p>`,
  });
}

export function downloadLinks(ctx: PageContext, base: string): SafeHtml {
  return html`<ul class="download-list">
<li><a href="${base}.pdf" type="application/pdf">${th(ctx.lang, k('downloadPdf'))}</a></li>
<li><a href="${base}.csv" type="text/csv">${th(ctx.lang, k('downloadCsv'))}</a></li>
<li><a href="${base}-counts.csv" type="text/csv">${th(ctx.lang, k('downloadCountsCsv'))}</a></li>
<li><a href="${base}.json" type="application/json">${th(ctx.lang, k('downloadJson'))}</a></li>
</ul>`;
}

export function resultPage(ctx: PageContext, c: Consultation, report: ResultReport): string {
  const base = `/public-comments/${String(c.number)}/result`;
  return renderPage(ctx, {
    title: report.title,
    breadcrumbs: [...crumbs(ctx), { text: c.title, href: `/public-comments/${String(c.number)}` }],
    body: html`<div lang="ja">${pageHeading({ text: report.title })}</div>
<h2 class="visually-hidden">${th(ctx.lang, k('downloads'))}</h2>
${downloadLinks(ctx, base)}
<div lang="ja" class="report">${renderReportHtml(report)}</div>`,
  });
}
