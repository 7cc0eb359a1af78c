// Staff pages of a consultation, all plain HTML forms: the list, the outline (with documents and opening),
// the submissions (registering paper ones, splitting into opinions, writing each opinion), the analysis
// help, and the result (texts, changes, what blocks publication, a preview and the publish button).
// Several forms share a page; each form's fields have ids prefixed by the form, so an error summary
// entry lands on the right field.
import { t, th } from '../../../platform/i18n/i18n.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { choices } from '../../../platform/pages/components/choices/choices.ts';
import { errorSummary } from '../../../platform/pages/components/error-summary/error-summary.ts';
import { fileInput } from '../../../platform/pages/components/file-input/file-input.ts';
import { notificationBanner } from '../../../platform/pages/components/notification-banner/notification-banner.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { textInput } from '../../../platform/pages/components/text-input/text-input.ts';
import { textarea } from '../../../platform/pages/components/textarea/textarea.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import type { Consultation, Opinion, Submission } from '../model.ts';
import { renderReportHtml } from '../report/render-html.ts';
import type { ResultReport } from '../report/types.ts';
import type { StaffConsultation } from '../use-cases/get-staff-consultation.ts';
import type { ListedConsultation } from '../use-cases/list-public-consultations.ts';
import { k, periodText, phaseTag } from './public.ts';

export interface StaffFormState {
  /** Which form the values and errors belong to: 'outline', 'register', 'opinion-<id>', 'new-opinion-<id>' … */
  form?: string;
  values?: Record<string, string | string[] | undefined>;
  errors?: { field: string; message: string }[];
  notice?: string;
}

export type Tab = 'outline' | 'submissions' | 'analysis' | 'result';

const idOf = (form: string, field: string) => `${form}-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function errorOf(state: StaffFormState, form: string, field: string): string | undefined {
  return state.form === form ? state.errors?.find((e) => e.field === field)?.message : undefined;
}

function formValue(state: StaffFormState, form: string, field: string, fallback = ''): string {
  if (state.form !== form || !state.values) return fallback;
  const v = state.values[field];
  return typeof v === 'string' ? v : fallback;
}

function summaryOfErrors(ctx: PageContext, state: StaffFormState): SafeHtml {
  return errorSummary({
    title: t(ctx.lang, 'platform.errorSummaryTitle'),
    errors: (state.errors ?? []).map((e) => ({
      text: e.message,
      // Problems found at publication point at the submissions page; other entries at this page's fields.
      href: /^#(submission|opinion)-/.test(e.field)
        ? `submissions${e.field}`
        : e.field.startsWith('#')
          ? e.field
          : `#${idOf(state.form ?? 'form', e.field)}`,
    })),
  });
}

function input(
  ctx: PageContext,
  state: StaffFormState,
  form: string,
  name: string,
  labelKey: string,
  opts: { hint?: string; value?: string; required?: boolean } = {},
): SafeHtml {
  const error = errorOf(state, form, name);
  return textInput({
    id: idOf(form, name),
    name,
    label: t(ctx.lang, k(labelKey)),
    ...(opts.hint ? { hint: t(ctx.lang, k(opts.hint)) } : {}),
    value: formValue(state, form, name, opts.value ?? ''),
    required: opts.required ?? false,
    requiredLabel: t(ctx.lang, 'platform.apiRequired'),
    ...(error ? { error } : {}),
  });
}

function area(
  ctx: PageContext,
  state: StaffFormState,
  form: string,
  name: string,
  labelKey: string,
  opts: { hint?: string; value?: string; required?: boolean; rows?: number } = {},
): SafeHtml {
  const error = errorOf(state, form, name);
  return textarea({
    id: idOf(form, name),
    name,
    label: t(ctx.lang, k(labelKey)),
    ...(opts.hint ? { hint: t(ctx.lang, k(opts.hint)) } : {}),
    value: formValue(state, form, name, opts.value ?? ''),
    required: opts.required ?? false,
    requiredLabel: t(ctx.lang, 'platform.apiRequired'),
    rows: opts.rows ?? 4,
    ...(error ? { error } : {}),
  });
}

function select(
  ctx: PageContext,
  state: StaffFormState,
  form: string,
  name: string,
  labelKey: string,
  options: { value: string; label: string }[],
  current: string,
  extra: SafeHtml | string = '',
): SafeHtml {
  const error = errorOf(state, form, name);
  const id = idOf(form, name);
  const chosen = formValue(state, form, name, current);
  return html`<div class="form-field${error ? ' form-field--error' : ''}">
<label class="form-field__label" for="${id}">${th(ctx.lang, k(labelKey))}</label>
${extra}
${error ? html`<p class="form-field__error" id="${id}-error">${error}</p>` : ''}
<select class="form-field__select" id="${id}" name="${name}"${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}>
${options.map((o) => html`<option value="${o.value}"${o.value === chosen ? html` selected` : ''}>${o.label}</option>`)}
</select>
</div>`;
}

const staffCrumbs = (ctx: PageContext) => [
  { text: t(ctx.lang, 'identity.staffHomeTitle'), href: '/staff' },
  { text: t(ctx.lang, k('staffTitle')), href: '/staff/public-comments' },
];

function noticeBanner(ctx: PageContext, state: StaffFormState): SafeHtml | string {
  return state.notice ? notificationBanner({ kind: 'success', title: t(ctx.lang, k(state.notice)), body: '' }) : '';
}

export function staffListPage(ctx: PageContext, items: ListedConsultation[]): string {
  return renderPage(ctx, {
    title: t(ctx.lang, k('staffTitle')),
    breadcrumbs: [{ text: t(ctx.lang, 'identity.staffHomeTitle'), href: '/staff' }],
    body: html`${pageHeading({ text: th(ctx.lang, k('staffTitle')) })}
<p>${th(ctx.lang, k('staffLead'))}</p>
<p>${button({ text: t(ctx.lang, k('staffNew')), href: '/staff/public-comments/new' })} <a href="/staff/public-comments/classes">${th(ctx.lang, k('classesTitle'))}</a></p>
<div class="table-scroll"><table class="table">
<caption class="visually-hidden">${th(ctx.lang, k('staffTitle'))}</caption>
<thead><tr><th scope="col">${th(ctx.lang, k('colNumber'))}</th><th scope="col">${th(ctx.lang, k('colTitle'))}</th><th scope="col">${th(ctx.lang, k('colPhase'))}</th><th scope="col">${th(ctx.lang, k('colPeriod'))}</th><th scope="col">${th(ctx.lang, k('colSubmissions'))}</th><th scope="col">${th(ctx.lang, k('colOpinions'))}</th></tr></thead>
<tbody>${items.map(
      (c) =>
        html`<tr><td>${String(c.number)}</td><td><a href="/staff/public-comments/${c.id}">${c.title}</a></td><td>${phaseTag(ctx, c.phase)}</td><td>${periodText(ctx, c)}</td><td>${String(c.submissionCount)}</td><td>${String(c.opinionCount)}</td></tr>`,
    )}</tbody>
</table></div>`,
  });
}

function methodChoices(ctx: PageContext, state: StaffFormState, form: string, current: string[]): SafeHtml {
  const chosen = state.form === form ? ([] as string[]).concat(state.values?.methods ?? []) : current;
  const error = errorOf(state, form, 'methods');
  return choices({
    id: idOf(form, 'methods'),
    name: 'methods',
    legend: t(ctx.lang, k('fieldMethods')),
    type: 'checkbox',
    options: [
      { value: 'web', label: t(ctx.lang, k('methodWeb')) },
      { value: 'post', label: t(ctx.lang, k('methodPost')) },
      { value: 'fax', label: t(ctx.lang, k('methodFax')) },
      { value: 'in_person', label: t(ctx.lang, k('methodInPerson')) },
    ],
    chosen,
    required: true,
    requiredLabel: t(ctx.lang, 'platform.apiRequired'),
    ...(error ? { error } : {}),
  });
}

function outlineFields(ctx: PageContext, state: StaffFormState, c: Consultation | undefined): SafeHtml {
  const f = 'outline';
  return html`${input(ctx, state, f, 'title', 'fieldTitle', { hint: 'fieldTitleHint', value: c?.title, required: true })}
${input(ctx, state, f, 'subject', 'fieldSubject', { hint: 'fieldSubjectHint', value: c?.subject, required: true })}
${area(ctx, state, f, 'summary', 'fieldSummary', { value: c?.summary, rows: 5 })}
${input(ctx, state, f, 'opensOn', 'fieldOpensOn', { hint: 'fieldDateHint', value: c?.opensOn, required: true })}
${input(ctx, state, f, 'closesOn', 'fieldClosesOn', { hint: 'fieldClosesOnHint', value: c?.closesOn })}
${methodChoices(ctx, state, f, c?.methods ?? ['web', 'post', 'fax', 'in_person'])}
${area(ctx, state, f, 'announcements', 'fieldAnnouncements', { hint: 'fieldAnnouncementsHint', value: c?.announcements.join('\n') })}
${area(ctx, state, f, 'sendTo', 'fieldSendTo', { hint: 'fieldSendToHint', value: c?.sendTo, rows: 3 })}
${area(ctx, state, f, 'topics', 'fieldTopics', {
  hint: 'fieldTopicsHint',
  value: c?.topics.map((tp) => `${tp.code} ${tp.title}`).join('\n'),
  required: true,
})}`;
}

export function newConsultationPage(ctx: PageContext, state: StaffFormState): string {
  const title = t(ctx.lang, k('staffNew'));
  return renderPage(ctx, {
    title: state.errors?.length ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title,
    breadcrumbs: staffCrumbs(ctx),
    body: html`${summaryOfErrors(ctx, state)}${pageHeading({ text: title })}
<form method="post" action="/staff/public-comments" novalidate>
${csrfInput(ctx)}
${outlineFields(ctx, state, undefined)}
${button({ text: t(ctx.lang, k('create')) })}
</form>`,
  });
}

function tabs(ctx: PageContext, c: Consultation, current: Tab): SafeHtml {
  const items: { tab: Tab; key: string; href: string }[] = [
    { tab: 'outline', key: 'tabOutline', href: `/staff/public-comments/${c.id}` },
    { tab: 'submissions', key: 'tabSubmissions', href: `/staff/public-comments/${c.id}/submissions` },
    { tab: 'analysis', key: 'tabAnalysis', href: `/staff/public-comments/${c.id}/analysis` },
    { tab: 'result', key: 'tabResult', href: `/staff/public-comments/${c.id}/result` },
  ];
  return html`<nav class="tab-nav" aria-label="${t(ctx.lang, k('tabsLabel'))}"><ul>${items.map(
    (i) =>
      html`<li><a href="${i.href}"${i.tab === current ? html` aria-current="page"` : ''}>${th(ctx.lang, k(i.key))}</a></li>`,
  )}</ul></nav>`;
}

function shell(ctx: PageContext, v: StaffConsultation, tab: Tab, state: StaffFormState, body: SafeHtml): string {
  const c = v.consultation;
  const title = `${c.title}（${t(ctx.lang, k(`tab${tab[0]!.toUpperCase()}${tab.slice(1)}`))}）`;
  return renderPage(ctx, {
    title: state.errors?.length ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title,
    breadcrumbs: staffCrumbs(ctx),
    body: html`${summaryOfErrors(ctx, state)}${noticeBanner(ctx, state)}
${pageHeading({ text: c.title })}
<p>${phaseTag(ctx, v.phase)} ${th(ctx.lang, k('period'))}: ${periodText(ctx, c)}${c.status !== 'draft' ? html` ・ <a href="/public-comments/${String(c.number)}">${th(ctx.lang, k('viewPublic'))}</a>` : ''}</p>
${tabs(ctx, c, tab)}
${body}`,
  });
}

const post = (ctx: PageContext, action: string, label: string, variant: 'primary' | 'secondary' = 'secondary') =>
  html`<form method="post" action="${action}" class="inline-form">${csrfInput(ctx)}${button({ text: label, variant })}</form>`;

export function outlinePage(ctx: PageContext, v: StaffConsultation, state: StaffFormState): string {
  const c = v.consultation;
  const base = `/staff/public-comments/${c.id}`;
  const editable = c.status !== 'published';
  return shell(
    ctx,
    v,
    'outline',
    state,
    html`<h2>${th(ctx.lang, k('lifecycle'))}</h2>
${
  c.status === 'draft'
    ? html`<p>${th(ctx.lang, k('openHint'))}</p>${post(ctx, `${base}/open`, t(ctx.lang, k('openNow')), 'primary')}`
    : v.phase === 'closed'
      ? html`<p>${th(ctx.lang, k('startAnalysisHint'))}</p>${post(ctx, `${base}/start-analysis`, t(ctx.lang, k('startAnalysis')), 'primary')}`
      : html`<p>${phaseTag(ctx, v.phase)}</p>`
}
<h2>${th(ctx.lang, k('documents'))}</h2>
${
  v.documents.length === 0
    ? html`<p>${th(ctx.lang, k('documentsNone'))}</p>`
    : html`<ul>${v.documents.map(
        (d) =>
          html`<li><a href="${base}/documents/${d.id}">${d.title}</a> (${d.fileName})${editable ? post(ctx, `${base}/documents/${d.id}/delete`, t(ctx.lang, k('removeDocument'))) : ''}</li>`,
      )}</ul>`
}
${
  editable
    ? html`<form method="post" action="${base}/documents" enctype="multipart/form-data" novalidate>
${csrfInput(ctx)}
${input(ctx, state, 'document', 'documentTitle', 'documentTitle', { required: true })}
${fileInput({
  id: idOf('document', 'documentFile'),
  name: 'documentFile',
  label: t(ctx.lang, k('documentFile')),
  hint: t(ctx.lang, k('documentFileHint')),
  accept: 'application/pdf,text/html,.pdf,.html,.htm',
  required: true,
  requiredLabel: t(ctx.lang, 'platform.apiRequired'),
  ...(errorOf(state, 'document', 'documentFile') ? { error: errorOf(state, 'document', 'documentFile')! } : {}),
})}
${button({ text: t(ctx.lang, k('addDocument')), variant: 'secondary' })}
</form>
<h2>${th(ctx.lang, k('tabOutline'))}</h2>
<form method="post" action="${base}" novalidate>
${csrfInput(ctx)}
${outlineFields(ctx, state, c)}
${button({ text: t(ctx.lang, k('save')) })}
</form>`
    : html`<p>${th(ctx.lang, k('notEditable'))}</p>`
}`,
  );
}

function submissionBlock(ctx: PageContext, v: StaffConsultation, s: Submission, state: StaffFormState): SafeHtml {
  const c = v.consultation;
  const base = `/staff/public-comments/${c.id}`;
  const duplicate = v.analysis.duplicates.get(s.id);
  const original = duplicate ? v.submissions.find((x) => x.id === duplicate.duplicateOf) : undefined;
  const opinions = v.opinions.filter((o) => o.submissionId === s.id);
  const open = c.status !== 'draft' && c.status !== 'published';
  return html`<section class="submission" id="submission-${s.id}" aria-labelledby="submission-${s.id}-title" data-submission="${s.receiptNumber}">
<h3 id="submission-${s.id}-title">${th(ctx.lang, k('submission'), { number: s.receiptNumber })}</h3>
<dl class="summary-list">
<div><dt>${th(ctx.lang, k('fieldChannel'))}</dt><dd>${th(ctx.lang, k(`channel_${s.channel}`))}</dd></div>
<div><dt>${th(ctx.lang, k('receivedOn'))}</dt><dd>${s.receivedOn}</dd></div>
<div><dt>${th(ctx.lang, k('submitter'))}</dt><dd>${[s.name, s.contact].filter(Boolean).join(' / ') || t(ctx.lang, k('anonymous'))}</dd></div>
${s.scanFileName ? html`<div><dt>${th(ctx.lang, k('scan'))}</dt><dd><a href="${base}/submissions/${s.id}/scan">${s.scanFileName}</a></dd></div>` : ''}
</dl>
${original ? html`<p class="status-tag" data-duplicate>${th(ctx.lang, k(duplicate!.exact ? 'duplicateExact' : 'duplicateNear'), { number: original.receiptNumber })}</p>` : ''}
${s.excludedReason ? html`<p class="status-tag" data-excluded>${th(ctx.lang, k('excluded'), { reason: s.excludedReason })}</p>` : ''}
<blockquote class="submission__body">${s.body.split(/\n+/).map((p) => html`<p>${p}</p>`)}</blockquote>
${
  open && !s.excludedReason
    ? html`${opinions.length === 0 ? post(ctx, `${base}/submissions/${s.id}/split`, t(ctx.lang, k('split')), 'primary') : ''}
<h4>${th(ctx.lang, k('opinionsOf'))}</h4>
${opinions.map((o) => opinionForm(ctx, v, o, state))}
<details${state.form === `new-${s.id}` ? html` open` : ''}><summary>${th(ctx.lang, k('addOpinion'))}</summary>
${opinionFields(ctx, v, `new-${s.id}`, undefined, state, `${base}/submissions/${s.id}/opinions`)}
</details>
${
  opinions.length === 0
    ? html`<details${state.form === `exclude-${s.id}` ? html` open` : ''}><summary>${th(ctx.lang, k('exclude'))}</summary>
<form method="post" action="${base}/submissions/${s.id}/exclude" novalidate>${csrfInput(ctx)}
${input(ctx, state, `exclude-${s.id}`, 'reason', 'excludeReason', { required: true })}
${button({ text: t(ctx.lang, k('exclude')), variant: 'secondary' })}</form></details>`
    : ''
}`
    : open && s.excludedReason
      ? post(ctx, `${base}/submissions/${s.id}/include`, t(ctx.lang, k('include')))
      : html`${opinions.map((o) => html`<p>${o.topicCode ?? ''} ${o.summary}</p>`)}`
}
</section>`;
}

function opinionFields(
  ctx: PageContext,
  v: StaffConsultation,
  form: string,
  o: Opinion | undefined,
  state: StaffFormState,
  action: string,
): SafeHtml {
  const c = v.consultation;
  const suggestion = o ? v.analysis.suggestions.get(o.id) : undefined;
  return html`<form method="post" action="${action}" novalidate>
${csrfInput(ctx)}
${select(
  ctx,
  state,
  form,
  'topicCode',
  'fieldTopic',
  [
    { value: '', label: t(ctx.lang, k('fieldTopicNone')) },
    ...c.topics.map((tp) => ({ value: tp.code, label: `${tp.code} ${tp.title}` })),
  ],
  o?.topicCode ?? '',
  o && !o.topicConfirmed
    ? html`<p class="form-field__hint">${th(ctx.lang, k('topicUnconfirmed'))}${suggestion ? html` — ${th(ctx.lang, k('suggested'), { code: suggestion.code, terms: suggestion.terms.join('、') })}` : ''}</p>`
    : '',
)}
${area(ctx, state, form, 'summary', 'fieldOpinionSummary', { value: o?.summary, required: true, rows: 4 })}
${area(ctx, state, form, 'response', 'fieldResponse', { value: o?.response, rows: 4 })}
${select(
  ctx,
  state,
  form,
  'classCode',
  'fieldClass',
  [
    { value: '', label: t(ctx.lang, k('fieldTopicNone')) },
    ...c.classes.map((cl) => ({ value: cl.code, label: `${cl.code} ${cl.label}` })),
  ],
  o?.classCode ?? '',
)}
${
  v.changes.length > 0
    ? select(
        ctx,
        state,
        form,
        'changeId',
        'fieldChange',
        [
          { value: '', label: t(ctx.lang, k('fieldChangeNone')) },
          ...v.changes.map((ch, i) => ({ value: ch.id, label: `${i + 1} ${ch.summary.slice(0, 40)}` })),
        ],
        o?.changeId ?? '',
      )
    : ''
}
${button({ text: t(ctx.lang, k('save')), variant: 'secondary' })}
</form>`;
}

function opinionForm(ctx: PageContext, v: StaffConsultation, o: Opinion, state: StaffFormState): SafeHtml {
  const base = `/staff/public-comments/${v.consultation.id}/opinions/${o.id}`;
  const form = `opinion-${o.id}`;
  return html`<div class="opinion" id="opinion-${o.id}" data-opinion="${o.id}">
${opinionFields(ctx, v, form, o, state, base)}
<details${state.form === `redact-${o.id}` ? html` open` : ''}><summary>${th(ctx.lang, k('redact'))}</summary>
<form method="post" action="${base}/redact" novalidate>${csrfInput(ctx)}
${input(ctx, state, `redact-${o.id}`, 'redact', 'redactLabel', { hint: 'redactHint', required: true })}
${button({ text: t(ctx.lang, k('redact')), variant: 'secondary' })}</form></details>
${post(ctx, `${base}/delete`, t(ctx.lang, k('deleteOpinion')))}
</div>`;
}

export function submissionsPage(
  ctx: PageContext,
  v: StaffConsultation,
  state: StaffFormState,
  registerToken: string,
): string {
  const c = v.consultation;
  const base = `/staff/public-comments/${c.id}`;
  const paper = c.methods.filter((m) => m !== 'web');
  const canRegister = c.status !== 'draft' && c.status !== 'published' && paper.length > 0;
  const f = 'register';
  return shell(
    ctx,
    v,
    'submissions',
    state,
    html`${
      canRegister
        ? html`<details${state.form === f ? html` open` : ''}><summary>${th(ctx.lang, k('registerTitle'))}</summary>
<form method="post" action="${base}/submissions" enctype="multipart/form-data" novalidate>
${csrfInput(ctx)}
<input type="hidden" name="idempotencyKey" value="${registerToken}">
${choices({
  id: idOf(f, 'channel'),
  name: 'channel',
  legend: t(ctx.lang, k('fieldChannel')),
  type: 'radio',
  options: paper.map((m) => ({ value: m, label: t(ctx.lang, k(`channel_${m}`)) })),
  chosen: [formValue(state, f, 'channel')],
  required: true,
  requiredLabel: t(ctx.lang, 'platform.apiRequired'),
  ...(errorOf(state, f, 'channel') ? { error: errorOf(state, f, 'channel')! } : {}),
})}
${input(ctx, state, f, 'receivedOn', 'fieldReceivedOn', { hint: 'fieldDateHint', required: true })}
${area(ctx, state, f, 'body', 'fieldBody', { required: true, rows: 8 })}
${input(ctx, state, f, 'name', 'nameLabel')}
${input(ctx, state, f, 'contact', 'contactLabel')}
${fileInput({
  id: idOf(f, 'scan'),
  name: 'scan',
  label: t(ctx.lang, k('fieldScan')),
  accept: 'application/pdf,image/jpeg,image/png',
  ...(errorOf(state, f, 'scan') ? { error: errorOf(state, f, 'scan')! } : {}),
})}
${button({ text: t(ctx.lang, k('register')) })}
</form></details>`
        : ''
    }
<h2>${th(ctx.lang, k('tabSubmissions'))}（${String(v.submissions.length)}）</h2>
${v.submissions.length === 0 ? html`<p>${th(ctx.lang, k('submissionsNone'))}</p>` : v.submissions.map((s) => submissionBlock(ctx, v, s, state))}`,
  );
}

export function analysisPage(ctx: PageContext, v: StaffConsultation, state: StaffFormState): string {
  const c = v.consultation;
  const opinionById = new Map(v.opinions.map((o) => [o.id, o]));
  const submissionById = new Map(v.submissions.map((s) => [s.id, s]));
  const unconfirmed = v.opinions.filter((o) => !o.topicConfirmed);
  return shell(
    ctx,
    v,
    'analysis',
    state,
    html`<p>${th(ctx.lang, k('analysisLead'))}</p>
<h2>${th(ctx.lang, k('suggestions'))}</h2>
${
  unconfirmed.length === 0
    ? html`<p>${th(ctx.lang, k('suggestionsNone'))}</p>`
    : html`<ul data-suggestions>${unconfirmed.map((o) => {
        const s = v.analysis.suggestions.get(o.id);
        return html`<li data-opinion="${o.id}"><a href="/staff/public-comments/${c.id}/submissions#opinion-${o.id}">${o.summary.slice(0, 60)}</a>
${s ? html`<br>${th(ctx.lang, k('suggested'), { code: s.code, terms: s.terms.join('、') })} ${post(ctx, `/staff/public-comments/${c.id}/opinions/${o.id}/topic?code=${encodeURIComponent(s.code)}`, t(ctx.lang, k('acceptSuggestion'), { code: s.code }))}` : ''}</li>`;
      })}</ul>`
}
<h2>${th(ctx.lang, k('groups'))}</h2>
${
  v.analysis.groups.length === 0
    ? html`<p>${th(ctx.lang, k('groupsNone'))}</p>`
    : v.analysis.groups.map(
        (g, i) => html`<section class="group" aria-labelledby="group-${String(i)}" data-group>
<h3 id="group-${String(i)}">${th(ctx.lang, k('groupTerms'), { terms: g.terms.join('、') })}（${String(g.ids.length)}）</h3>
<ul>${g.ids.map((id) => {
          const o = opinionById.get(id);
          return o
            ? html`<li><a href="/staff/public-comments/${c.id}/submissions#opinion-${o.id}">${o.topicCode ?? '—'} ${o.summary.slice(0, 80)}</a></li>`
            : '';
        })}</ul></section>`,
      )
}
<h2>${th(ctx.lang, k('duplicates'))}</h2>
${
  v.analysis.duplicates.size === 0
    ? html`<p>${th(ctx.lang, k('duplicatesNone'))}</p>`
    : html`<ul data-duplicates>${[...v.analysis.duplicates.entries()].map(([id, d]) => {
        const s = submissionById.get(id);
        const original = submissionById.get(d.duplicateOf);
        return s && original
          ? html`<li><a href="/staff/public-comments/${c.id}/submissions#submission-${s.id}">${th(ctx.lang, k('submission'), { number: s.receiptNumber })}</a>: ${th(ctx.lang, k(d.exact ? 'duplicateExact' : 'duplicateNear'), { number: original.receiptNumber })}</li>`
          : '';
      })}</ul>`
}`,
  );
}

export function resultTabPage(
  ctx: PageContext,
  v: StaffConsultation,
  state: StaffFormState,
  preview: ResultReport | undefined,
): string {
  const c = v.consultation;
  const base = `/staff/public-comments/${c.id}`;
  const editable = c.status !== 'draft' && c.status !== 'published';
  const f = 'result';
  return shell(
    ctx,
    v,
    'result',
    state,
    html`${
      c.status === 'published'
        ? html`<p>${th(ctx.lang, k('published'))} <a href="/public-comments/${String(c.number)}/result">${th(ctx.lang, k('resultLink'))}</a></p>`
        : ''
    }
${
  editable
    ? html`<h2 id="result-texts">${th(ctx.lang, k('resultTexts'))}</h2>
<form method="post" action="${base}/result-texts" novalidate>
${csrfInput(ctx)}
${area(ctx, state, f, 'background', 'fieldBackground', { hint: 'fieldBackgroundHint', value: c.background, rows: 5 })}
${area(ctx, state, f, 'overview', 'fieldOverview', { value: c.overview, rows: 5 })}
${area(ctx, state, f, 'changesNote', 'fieldChangesNote', { hint: 'fieldChangesNoteHint', value: c.changesNote, rows: 2 })}
${area(ctx, state, f, 'schedule', 'fieldSchedule', { hint: 'fieldScheduleHint', value: c.schedule.map((s) => `${s.when} ${s.what}`).join('\n'), rows: 3 })}
${button({ text: t(ctx.lang, k('save')), variant: 'secondary' })}
</form>
<h2>${th(ctx.lang, k('changes'))}</h2>
${v.changes.length === 0 ? html`<p>${th(ctx.lang, k('changesNone'))}</p>` : ''}
${v.changes.map(
  (ch, i) => html`<div class="change" id="change-${ch.id}"><h3>No.${String(i + 1)}</h3>
<form method="post" action="${base}/changes/${ch.id}" novalidate>${csrfInput(ctx)}
${area(ctx, state, `change-${ch.id}`, 'changeSummary', 'fieldChangeSummary', { value: ch.summary, required: true, rows: 2 })}
${area(ctx, state, `change-${ch.id}`, 'changeAfter', 'fieldChangeAfter', { value: ch.after, required: true, rows: 3 })}
${area(ctx, state, `change-${ch.id}`, 'changeBefore', 'fieldChangeBefore', { value: ch.before, rows: 3 })}
${button({ text: t(ctx.lang, k('save')), variant: 'secondary' })}</form>
${post(ctx, `${base}/changes/${ch.id}/delete`, t(ctx.lang, k('deleteChange')))}</div>`,
)}
<details${state.form === 'change-new' ? html` open` : ''}><summary>${th(ctx.lang, k('addChange'))}</summary>
<form method="post" action="${base}/changes" novalidate>${csrfInput(ctx)}
${area(ctx, state, 'change-new', 'changeSummary', 'fieldChangeSummary', { required: true, rows: 2 })}
${area(ctx, state, 'change-new', 'changeAfter', 'fieldChangeAfter', { required: true, rows: 3 })}
${area(ctx, state, 'change-new', 'changeBefore', 'fieldChangeBefore', { rows: 3 })}
${button({ text: t(ctx.lang, k('addChange')), variant: 'secondary' })}</form></details>
<h2>${th(ctx.lang, k('problems'))}</h2>
${
  v.problems.length === 0
    ? html`<p data-problems="0">${th(ctx.lang, k('problemsNone'))}</p>`
    : html`<ul data-problems="${String(v.problems.length)}">${v.problems.map((p) => html`<li><a href="${p.href.startsWith('#result') ? p.href : `${base}/submissions${p.href}`}">${p.message}</a></li>`)}</ul>`
}
${
  c.status === 'analysing'
    ? html`<p>${th(ctx.lang, k('publishHint'))}</p>${post(ctx, `${base}/publish`, t(ctx.lang, k('publish')), 'primary')}`
    : html`<p>${th(ctx.lang, k('startAnalysisHint'))}</p>`
}`
    : ''
}
${preview ? html`<h2>${th(ctx.lang, k('preview'))}</h2><div class="report report--preview" lang="ja">${renderReportHtml(preview)}</div>` : ''}`,
  );
}

export function responseClassesPage(
  ctx: PageContext,
  classes: { code: string; label: string }[],
  state: StaffFormState,
): string {
  const title = t(ctx.lang, k('classesTitle'));
  return renderPage(ctx, {
    title: state.errors?.length ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title,
    breadcrumbs: staffCrumbs(ctx),
    body: html`${summaryOfErrors(ctx, state)}${noticeBanner(ctx, state)}${pageHeading({ text: title })}
<p>${th(ctx.lang, k('classesLead'))}</p>
<form method="post" action="/staff/public-comments/classes" novalidate>
${csrfInput(ctx)}
${area(ctx, state, 'classes', 'classes', 'fieldClasses', {
  hint: 'fieldClassesHint',
  value: classes.map((c) => `${c.code} ${c.label}`).join('\n'),
  required: true,
  rows: 7,
})}
${button({ text: t(ctx.lang, k('save')) })}
</form>`,
  });
}
