// Staff pages: the department inbox with filters and bulk actions, and one case with its answers,
// attachments, timeline, messages, internal notes and the workflow's actions.
import type { FieldError, SummaryRow } from '../../../platform/forms/index.ts';
import { t, th } from '../../../platform/i18n/i18n.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { errorSummary } from '../../../platform/pages/components/error-summary/error-summary.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { html } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import type { Procedure } from '../../procedures/definition.ts';
import { statusLabel } from '../messages.ts';
import { type Application, canMove, type Status } from '../model.ts';
import type { CaseFilter } from '../use-cases/list-cases.ts';
import { japanDate, japanDateTime, yen } from './resident.ts';

const staffCrumbs = (ctx: PageContext) => [{ text: t(ctx.lang, 'identity.staffHomeTitle'), href: '/staff' }];
const statuses: Status[] = [
  'submitted',
  'in_review',
  'correction_requested',
  'resubmitted',
  'approved',
  'rejected',
  'issued',
  'closed',
  'withdrawn',
];

export function inboxPage(
  ctx: PageContext,
  p: {
    cases: (Application & { overdue: boolean })[];
    total: number;
    filter: CaseFilter;
    staffId: string;
    notice?: string | undefined;
    kpi?: { online: number; total: number } | undefined;
  },
): string {
  const f = p.filter;
  const query = new URLSearchParams(
    Object.entries({
      status: f.status ?? '',
      assigned: f.assigned ?? '',
      overdue: f.overdue ? '1' : '',
      procedure: f.procedureCode ?? '',
    }).filter(([, v]) => v),
  ).toString();
  return renderPage(ctx, {
    title: t(ctx.lang, 'applications.inboxTitle'),
    breadcrumbs: staffCrumbs(ctx),
    body: html`${p.notice ? html`<div class="notification notification--success" role="status"><p>${p.notice}</p></div>` : ''}
${pageHeading({ text: t(ctx.lang, 'applications.inboxTitle') })}
<p>${th(ctx.lang, 'applications.inboxLead')}</p>
${p.kpi ? html`<p>${th(ctx.lang, 'applications.kpiOnline', { rate: p.kpi.total > 0 ? `${((p.kpi.online / p.kpi.total) * 100).toFixed(1)}%` : '—', online: p.kpi.online, total: p.kpi.total })}</p>` : ''}
<form method="get" action="/staff/cases" class="filters">
<div class="form-field"><label class="form-field__label" for="status">${th(ctx.lang, 'applications.filterStatus')}</label>
<select class="form-field__select" id="status" name="status"><option value="">${th(ctx.lang, 'applications.filterAll')}</option><option value="open"${f.status === 'open' ? html` selected` : ''}>${th(ctx.lang, 'applications.filterOpen')}</option>${statuses.map((s) => html`<option value="${s}"${f.status === s ? html` selected` : ''}>${statusLabel(ctx.lang, s)}</option>`)}</select></div>
<div class="form-field"><label class="form-field__label" for="assigned">${th(ctx.lang, 'applications.filterAssigned')}</label>
<select class="form-field__select" id="assigned" name="assigned"><option value="">${th(ctx.lang, 'applications.filterAll')}</option><option value="me"${f.assigned === 'me' ? html` selected` : ''}>${th(ctx.lang, 'applications.filterMine')}</option><option value="none"${f.assigned === 'none' ? html` selected` : ''}>${th(ctx.lang, 'applications.filterUnassigned')}</option></select></div>
<div class="form-field"><label class="form-field__label" for="procedure">${th(ctx.lang, 'applications.filterProcedure')}</label><input class="form-field__input form-field__input--short" id="procedure" name="procedure" value="${f.procedureCode ?? ''}"></div>
<div class="form-choice"><input class="form-choice__input" type="checkbox" id="overdue" name="overdue" value="1"${f.overdue ? html` checked` : ''}><label class="form-choice__label" for="overdue">${th(ctx.lang, 'applications.filterOverdue')}</label></div>
${button({ text: t(ctx.lang, 'applications.filterApply'), variant: 'secondary' })}
</form>
<p><a href="/staff/cases/export.csv?${query}">${th(ctx.lang, 'applications.exportCsv')}</a> ・ <a href="/staff/cases/export.csv?${query}${query ? '&' : ''}encoding=shift_jis">${th(ctx.lang, 'applications.exportSjis')}</a> ・ <a href="/staff/cases/export.json?${query}">${th(ctx.lang, 'applications.exportJson')}</a></p>
${
  p.cases.length === 0
    ? html`<p>${th(ctx.lang, 'applications.noCases')}</p>`
    : html`<form method="post" action="/staff/cases/bulk">${csrfInput(ctx)}
<div class="table-scroll"><table><caption>${th(ctx.lang, 'applications.inboxTitle')}（${p.total}件）</caption>
<thead><tr><th scope="col"><span class="visually-hidden">選択</span></th><th scope="col">${th(ctx.lang, 'applications.colReceipt')}</th><th scope="col">${th(ctx.lang, 'applications.colProcedure')}</th><th scope="col">${th(ctx.lang, 'applications.colApplicant')}</th><th scope="col">${th(ctx.lang, 'applications.colStatus')}</th><th scope="col">${th(ctx.lang, 'applications.colDue')}</th><th scope="col">${th(ctx.lang, 'applications.colAssigned')}</th><th scope="col">${th(ctx.lang, 'applications.colChannel')}</th><th scope="col">${th(ctx.lang, 'applications.colPayment')}</th></tr></thead>
<tbody>${p.cases.map(
        (c) => html`<tr${c.overdue ? html` class="row--overdue"` : ''}>
<td><input class="form-choice__input" type="checkbox" name="ids" value="${c.id}" id="select-${c.id}" aria-label="${t(ctx.lang, 'applications.selectCase', { receipt: c.receiptNumber ?? c.id })}"></td>
<td><a href="/staff/cases/${c.id}">${c.receiptNumber}</a></td><td>${c.procedureName}</td><td>${c.applicantName}</td>
<td><span class="status-tag">${statusLabel(ctx.lang, c.status)}</span></td>
<td>${japanDate(c.dueDate)}${c.overdue ? html` <span class="status-tag status-tag--overdue">${th(ctx.lang, 'applications.overdue')}</span>` : ''}</td>
<td>${c.assignedTo === null ? th(ctx.lang, 'applications.unassigned') : c.assignedTo === p.staffId ? th(ctx.lang, 'applications.assignedMe') : th(ctx.lang, 'applications.assignedOther')}</td>
<td>${t(ctx.lang, `applications.channel.${c.channel}`)}</td>
<td>${c.feeAmount > 0 ? html`${yen(c.feeAmount)} ${th(ctx.lang, c.paymentStatus === 'paid' ? 'applications.paid' : 'applications.paymentPending')}` : '—'}</td></tr>`,
      )}</tbody></table></div>
<div class="button-group">${button({ text: t(ctx.lang, 'applications.bulkAssign'), variant: 'secondary', name: 'action', value: 'assign' })}${button({ text: t(ctx.lang, 'applications.bulkReview'), variant: 'secondary', name: 'action', value: 'start_review' })}</div>
</form>`
}`,
  });
}

export interface CaseView {
  application: Application;
  procedure: Procedure;
  rows: SummaryRow[];
  attachments: { id: string; filename: string; bytes: number; sha256: string }[];
  history: { at: Date; actorKind: string; from: string | null; to: string; note: string | null }[];
  messages: { at: Date; authorKind: string; internal: boolean; body: string }[];
  documents: { title: string; href: string; verificationCode: string; revokedAt: Date | null }[];
  staffId: string;
  errors: FieldError[];
  notice?: string | undefined;
  /** Staff-only fields the issued document needs, filled at approval. */
  internalFields: { field: string; title: string; maxLength: number }[];
}

export function casePage(ctx: PageContext, v: CaseView): string {
  const app = v.application;
  const can = (to: Parameters<typeof canMove>[2]) => canMove(v.procedure.workflow, app.status, to);
  const topFields = v.procedure.form!.steps.flatMap((s) => s.fields);
  const labelOf = (field: string) =>
    v.rows.find((r) => r.field === field || r.field.startsWith(`${field}.`))?.label.split(' の')[0] ?? field;
  const fieldTitle = (field: string) => {
    const schema = (v.procedure.form!.schema as { properties?: Record<string, { title?: string }> }).properties?.[
      field
    ];
    return schema?.title ?? labelOf(field);
  };
  return renderPage(ctx, {
    title: t(ctx.lang, 'applications.caseTitle', { receipt: app.receiptNumber ?? '' }),
    breadcrumbs: [...staffCrumbs(ctx), { text: t(ctx.lang, 'applications.inboxTitle'), href: '/staff/cases' }],
    body: html`${errorSummary({ title: t(ctx.lang, 'platform.errorSummaryTitle'), errors: v.errors.map((e) => ({ text: e.message, href: `#${e.field}` })) })}
${v.notice ? html`<div class="notification notification--success" role="status"><p>${v.notice}</p></div>` : ''}
${pageHeading({ text: app.procedureName, caption: t(ctx.lang, 'applications.caseTitle', { receipt: app.receiptNumber ?? '' }) })}
<dl class="summary-list">
<div><dt>${th(ctx.lang, 'applications.colStatus')}</dt><dd><span class="status-tag" id="case-status">${statusLabel(ctx.lang, app.status)}</span></dd></div>
<div><dt>${th(ctx.lang, 'applications.applicantTitle')}</dt><dd>${app.applicantName}${app.viaProxyGrant ? html`（${th(ctx.lang, 'applications.proxyNote')}）` : ''}${app.businessId ? html`（${th(ctx.lang, 'applications.businessNote')}）` : ''}${app.jpkiSignature ? html`（${th(ctx.lang, 'applications.signedNote')}）` : ''}</dd></div>
<div><dt>${th(ctx.lang, 'applications.colChannel')}</dt><dd>${t(ctx.lang, `applications.channel.${app.channel}`)}</dd></div>
<div><dt>${th(ctx.lang, 'applications.dueDate')}</dt><dd>${japanDate(app.dueDate)}</dd></div>
<div><dt>${th(ctx.lang, 'applications.colAssigned')}</dt><dd>${app.assignedTo === null ? th(ctx.lang, 'applications.unassigned') : app.assignedTo === v.staffId ? th(ctx.lang, 'applications.assignedMe') : th(ctx.lang, 'applications.assignedOther')}</dd></div>
${app.feeAmount > 0 ? html`<div><dt>${th(ctx.lang, 'applications.colPayment')}</dt><dd id="case-payment">${yen(app.feeAmount)}（${th(ctx.lang, app.paymentStatus === 'paid' ? 'applications.paid' : app.paymentStatus === 'refunded' ? 'applications.refunded' : 'applications.paymentPending')}）</dd></div>` : ''}
</dl>
<h2>${th(ctx.lang, 'applications.actions')}</h2>
<form method="post" action="/staff/cases/${app.id}/move" id="actions">${csrfInput(ctx)}
${v.internalFields.length > 0 && can('approved') ? html`<fieldset class="form-group"><legend class="form-group__legend">${th(ctx.lang, 'applications.internalFields')}</legend>${v.internalFields.map((f) => html`<div class="form-field${v.errors.some((e) => e.field === `internal-${f.field}`) ? ' form-field--error' : ''}"><label class="form-field__label" for="internal-${f.field}">${f.title}</label><input class="form-field__input" id="internal-${f.field}" name="internal.${f.field}" maxlength="${f.maxLength}"></div>`)}</fieldset>` : ''}
<div class="form-field"><label class="form-field__label" for="reason">${th(ctx.lang, 'applications.reason')}</label><textarea class="form-field__textarea" id="reason" name="reason" rows="2" maxlength="2000"></textarea></div>
<div class="button-group">
${app.assignedTo !== v.staffId ? button({ text: t(ctx.lang, 'applications.assignToMe'), variant: 'secondary', name: 'move', value: 'assign' }) : ''}
${can('in_review') ? button({ text: t(ctx.lang, 'applications.startReview'), name: 'move', value: 'start_review' }) : ''}
${can('approved') ? button({ text: t(ctx.lang, 'applications.approve'), name: 'move', value: 'approve' }) : ''}
${can('rejected') ? button({ text: t(ctx.lang, 'applications.reject'), variant: 'secondary', name: 'move', value: 'reject' }) : ''}
${can('closed') ? button({ text: t(ctx.lang, 'applications.close'), variant: 'secondary', name: 'move', value: 'close' }) : ''}
</div></form>
${
  can('correction_requested')
    ? html`<details${v.errors.some((e) => e.field === 'fields' || e.field === 'message') ? html` open` : ''}><summary>${th(ctx.lang, 'applications.requestCorrection')}</summary>
<form method="post" action="/staff/cases/${app.id}/correction">${csrfInput(ctx)}
<fieldset class="form-group" id="fields"><legend class="form-group__legend">${th(ctx.lang, 'applications.correctionFields')}</legend>
${topFields.map(
  (field) =>
    html`<div class="form-field"><label class="form-field__label" for="fix-${field}">${fieldTitle(field)}</label><input class="form-field__input" id="fix-${field}" name="fix.${field}" maxlength="500"></div>`,
)}</fieldset>
<div class="form-field"><label class="form-field__label" for="message">${th(ctx.lang, 'applications.correctionMessage')}</label><textarea class="form-field__textarea" id="message" name="message" rows="3" maxlength="2000"></textarea></div>
${button({ text: t(ctx.lang, 'applications.requestCorrection') })}
</form></details>`
    : ''
}
<h2>${th(ctx.lang, 'applications.answers')}</h2>
<dl class="summary-list" id="answers">${v.rows.map((r) => html`<div><dt>${r.label}</dt><dd>${r.value}</dd></div>`)}</dl>
${v.attachments.length > 0 ? html`<h2>${th(ctx.lang, 'applications.attachments')}</h2><ul>${v.attachments.map((a) => html`<li><a href="/staff/cases/${app.id}/attachments/${a.id}">${a.filename}</a>（${Math.ceil(a.bytes / 1024)}KB, SHA-256 ${a.sha256.slice(0, 16)}…）</li>`)}</ul>` : ''}
${v.documents.length > 0 ? html`<h2>${th(ctx.lang, 'applications.documents')}</h2><ul>${v.documents.map((d) => html`<li><a href="${d.href}">${d.title}</a>（${d.verificationCode}）${d.revokedAt ? '（失効）' : ''}</li>`)}</ul>` : ''}
<h2>${th(ctx.lang, 'applications.timeline')}</h2>
<ol class="timeline">${v.history.map((h) => html`<li><time>${japanDateTime(h.at)}</time> ${h.from === h.to && h.note ? h.note : html`${statusLabel(ctx.lang, h.to as Status)}${h.note ? html`：${h.note}` : ''}`}</li>`)}</ol>
<h2>${th(ctx.lang, 'applications.messagesTitle')}</h2>
<ul class="card-list">${v.messages.filter((m) => !m.internal).map((m) => html`<li class="card"><p><strong>${th(ctx.lang, m.authorKind === 'staff' ? 'applications.messageFromStaff' : 'applications.applicantTitle')}</strong> <time>${japanDateTime(m.at)}</time></p><p>${m.body}</p></li>`)}</ul>
<form method="post" action="/staff/cases/${app.id}/messages">${csrfInput(ctx)}<input type="hidden" name="internal" value="false">
<div class="form-field"><label class="form-field__label" for="reply">${th(ctx.lang, 'applications.replyField')}</label><textarea class="form-field__textarea" id="reply" name="body" rows="3" maxlength="4000"></textarea></div>
${button({ text: t(ctx.lang, 'applications.sendReply'), variant: 'secondary' })}</form>
<h2>${th(ctx.lang, 'applications.notesTitle')}</h2>
<ul class="card-list">${v.messages.filter((m) => m.internal).map((m) => html`<li class="card"><p><time>${japanDateTime(m.at)}</time></p><p>${m.body}</p></li>`)}</ul>
<form method="post" action="/staff/cases/${app.id}/messages">${csrfInput(ctx)}<input type="hidden" name="internal" value="true">
<div class="form-field"><label class="form-field__label" for="note">${th(ctx.lang, 'applications.noteField')}</label><textarea class="form-field__textarea" id="note" name="body" rows="3" maxlength="4000"></textarea></div>
${button({ text: t(ctx.lang, 'applications.addNote'), variant: 'secondary' })}</form>`,
  });
}
