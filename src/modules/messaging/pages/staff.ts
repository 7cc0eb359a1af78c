// Staff pages of /staff/messages, all plain HTML forms: the list of messages, the compose form (new and
// edit of a draft) whose 「対象人数を確認」 button re-renders it with the audience per channel and what each
// language group will read, and one message with its segment in words, the send and schedule forms while
// it is a draft, and the delivery report with what went wrong in words once it is sent.
import { t, th } from '../../../platform/i18n/i18n.ts';
import { japanDateTime } from '../../../platform/ja/today.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { choices } from '../../../platform/pages/components/choices/choices.ts';
import { errorSummary } from '../../../platform/pages/components/error-summary/error-summary.ts';
import { notificationBanner } from '../../../platform/pages/components/notification-banner/notification-banner.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { textInput } from '../../../platform/pages/components/text-input/text-input.ts';
import { textarea } from '../../../platform/pages/components/textarea/textarea.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import { type Channel, channels, type Language, languages, type Segment, topics } from '../delivery/segment.ts';
import { textFor } from '../delivery/send-batch.ts';
import type { DeliveryReport } from '../use-cases/delivery-report.ts';
import type { StaffMessage } from '../use-cases/get-message.ts';
import type { ListedMessage } from '../use-cases/list-messages.ts';
import { topicKey } from './resident-messages.ts';
import { k } from './staff-messages.ts';

export const messagesPath = '/staff/messages';
export const messagePath = (id: string) => `${messagesPath}/${id}`;

export interface Ward {
  code: string;
  nameJa: string;
  nameEn: string;
}

export interface FormState {
  /** Which form the values and errors belong to: 'message' (compose), 'schedule', 'page' (the message's own). */
  form?: string;
  values?: Record<string, string | string[] | undefined>;
  errors?: { field: string; message: string }[];
  /** A key of notice_* shown as a success banner. */
  notice?: string;
}

const idOf = (form: string, field: string) => `${form}-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function errorOf(state: FormState, form: string, field: string): string | undefined {
  if (state.form !== form) return undefined;
  const found = state.errors?.filter((e) => e.field === field).map((e) => e.message) ?? [];
  return found.length > 0 ? found.join(' ') : undefined;
}

function formValue(state: FormState, form: string, field: string, fallback = ''): string {
  if (state.form !== form || !state.values) return fallback;
  const v = state.values[field];
  return typeof v === 'string' ? v : fallback;
}

function formValues(state: FormState, form: string, field: string, fallback: string[]): string[] {
  if (state.form !== form || !state.values) return fallback;
  return ([] as string[]).concat(state.values[field] ?? []);
}

function summaryOfErrors(ctx: PageContext, state: FormState): SafeHtml {
  return errorSummary({
    title: t(ctx.lang, 'platform.errorSummaryTitle'),
    errors: (state.errors ?? []).map((e) => ({
      text: e.message,
      href: e.field.startsWith('#') ? e.field : `#${idOf(state.form ?? 'message', e.field)}`,
    })),
  });
}

const titled = (ctx: PageContext, state: FormState, title: string) =>
  state.errors?.length ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title;

function noticeBanner(ctx: PageContext, state: FormState): SafeHtml | string {
  return state.notice
    ? notificationBanner({ kind: 'success', title: t(ctx.lang, k(`notice_${state.notice}`)), body: '' })
    : '';
}

const crumbs = (ctx: PageContext, withList = true) => [
  { text: t(ctx.lang, 'identity.staffHomeTitle'), href: '/staff' },
  ...(withList ? [{ text: t(ctx.lang, k('title')), href: messagesPath }] : []),
];

/** 2026-04-01 09:30, Japan time. */
export const dateTime = japanDateTime;
/** The value a datetime-local input takes: 2026-04-01T09:30, Japan time. */
export const dateTimeLocal = (at: Date) => japanDateTime(at).replace(' ', 'T');
const number = (n: number) => n.toLocaleString('ja-JP');

function statusTag(ctx: PageContext, status: string, urgent: boolean): SafeHtml {
  return html`<span class="status-tag" data-status="${status}">${th(ctx.lang, k(`status_${status}`))}</span>${
    urgent ? html` <span class="status-tag status-tag--overdue" data-urgent>${th(ctx.lang, k('urgentTag'))}</span>` : ''
  }`;
}

export interface ListView {
  items: ListedMessage[];
  count: number;
  page: number;
  pageSize: number;
}

function pager(ctx: PageContext, v: ListView): SafeHtml | string {
  const pages = Math.max(1, Math.ceil(v.count / v.pageSize));
  if (pages <= 1) return '';
  const href = (page: number) => `${messagesPath}?page=${page}`;
  return html`<nav aria-label="${t(ctx.lang, k('pagination'))}"><ul class="link-list">
${v.page > 1 ? html`<li><a href="${href(v.page - 1)}" rel="prev">${th(ctx.lang, k('pagePrev'))}</a></li>` : ''}
${v.page < pages ? html`<li><a href="${href(v.page + 1)}" rel="next">${th(ctx.lang, k('pageNext'))}</a></li>` : ''}
</ul></nav>`;
}

export function listPage(ctx: PageContext, v: ListView, state: FormState = {}): string {
  const title = t(ctx.lang, k('title'));
  const started = (m: ListedMessage) =>
    m.startedAt
      ? dateTime(m.startedAt)
      : m.status === 'scheduled' && m.scheduledAt
        ? th(ctx.lang, k('scheduledFor'), { at: dateTime(m.scheduledAt) })
        : '—';
  return renderPage(ctx, {
    title,
    breadcrumbs: crumbs(ctx, false),
    body: html`${noticeBanner(ctx, state)}${pageHeading({ text: title, lead: th(ctx.lang, k('lead')) })}
<p>${button({ text: t(ctx.lang, k('create')), href: `${messagesPath}/new` })}</p>
${
  v.items.length === 0
    ? html`<p>${th(ctx.lang, k('listNone'))}</p>`
    : html`<div class="table-scroll"><table class="table" data-messages>
<caption>${th(ctx.lang, k('listCaption'), { count: number(v.count) })}</caption>
<thead><tr><th scope="col">${th(ctx.lang, k('colTitle'))}</th><th scope="col">${th(ctx.lang, k('colKind'))}</th><th scope="col">${th(ctx.lang, k('colStatus'))}</th><th scope="col">${th(ctx.lang, k('colAudience'))}</th><th scope="col">${th(ctx.lang, k('colCreated'))}</th><th scope="col">${th(ctx.lang, k('colStarted'))}</th></tr></thead>
<tbody>${v.items.map(
        (m) => html`<tr data-message="${m.id}"><td><a href="${messagePath(m.id)}">${m.title}</a></td>
<td>${th(ctx.lang, k(`kind_${m.kind}`))}</td>
<td>${statusTag(ctx, m.status, m.urgent)}</td>
<td>${m.audience === null ? '—' : th(ctx.lang, k('people'), { count: number(m.audience) })}</td>
<td>${dateTime(m.createdAt)}</td>
<td>${started(m)}</td></tr>`,
      )}</tbody>
</table></div>`
}
${pager(ctx, v)}`,
  });
}

/** The audience per channel (audienceSize) shown after 「対象人数を確認」 and on a draft. */
export interface Audience {
  total: number;
  byChannel: Record<string, number>;
}

function audienceSection(ctx: PageContext, audience: Audience, chosen: readonly Channel[]): SafeHtml {
  return html`<section aria-labelledby="audience-title" data-audience>
<h2 id="audience-title">${th(ctx.lang, k('audienceTitle'))}</h2>
${
  audience.total === 0
    ? html`<p>${th(ctx.lang, k('audienceNone'))}</p>`
    : html`<p data-audience-total>${th(ctx.lang, k('audienceTotal'), { count: number(audience.total) })}</p>`
}
<div class="table-scroll"><table class="table">
<caption class="visually-hidden">${th(ctx.lang, k('audienceTitle'))}</caption>
<thead><tr><th scope="col">${th(ctx.lang, k('colChannel'))}</th><th scope="col">${th(ctx.lang, k('colPeople'))}</th></tr></thead>
<tbody>${chosen.map(
    (c) =>
      html`<tr data-channel="${c}"><th scope="row">${th(ctx.lang, k(`channel_${c}`))}</th><td>${th(ctx.lang, k('people'), { count: number(audience.byChannel[c] ?? 0) })}</td></tr>`,
  )}</tbody>
</table></div>
</section>`;
}

/** The texts as the form or the message holds them. */
export interface Texts {
  title: string;
  bodyJa: string;
  bodyEasy: string;
  bodyEn: string;
}

const languageName = (ctx: PageContext, l: Language) => t(ctx.lang, k(`lang_${l}`));

/** What each language group reads: on LINE the title, a blank line and the body (their language or Japanese). */
function previewSection(ctx: PageContext, texts: Texts, chosen: readonly Language[]): SafeHtml {
  const row = {
    title: texts.title,
    body_ja: texts.bodyJa,
    body_easy: texts.bodyEasy || null,
    body_en: texts.bodyEn || null,
  };
  const own = { ja: texts.bodyJa, 'ja-easy': texts.bodyEasy, en: texts.bodyEn } as const;
  return html`<section aria-labelledby="preview-title" data-preview>
<h2 id="preview-title">${th(ctx.lang, k('previewTitle'))}</h2>
<p>${th(ctx.lang, k('previewLead'))}</p>
${chosen.map((l) => {
  const text = textFor(row, l);
  const over = text.length > 5000;
  return html`<div class="card" data-preview-language="${l}">
<h3>${th(ctx.lang, k('previewFor'), { language: languageName(ctx, l) })}</h3>
${own[l] ? '' : html`<p>${th(ctx.lang, k('previewFallback'), { language: languageName(ctx, l) })}</p>`}
<pre class="mail__body" lang="${l === 'en' && own.en ? 'en' : 'ja'}">${text}</pre>
<p class="form-field__hint">${th(ctx.lang, k('previewLength'), { count: number(text.length) })}${
    over ? html` <strong>${th(ctx.lang, k('previewOver'))}</strong>` : ''
  }</p>
</div>`;
})}
</section>`;
}

export interface ComposeView {
  wards: Ward[];
  /** Editing this draft; undefined when composing a new one. */
  message?: StaffMessage | undefined;
  /** After 「対象人数を確認」: the audience and the preview of what the form holds. */
  audience?: Audience | undefined;
  segment?: Segment | undefined;
}

/** The props a message field shares, whether a one-line title or a body (textarea). */
function fieldProps(
  ctx: PageContext,
  state: FormState,
  name: string,
  labelKey: string,
  hintKey: string,
  value: string,
  required: boolean,
) {
  const error = errorOf(state, 'message', name);
  return {
    id: idOf('message', name),
    name,
    label: t(ctx.lang, k(labelKey)),
    hint: t(ctx.lang, k(hintKey)),
    value: formValue(state, 'message', name, value),
    required,
    requiredLabel: t(ctx.lang, 'platform.apiRequired'),
    ...(error ? { error } : {}),
  };
}

const textField = (...args: Parameters<typeof fieldProps>): SafeHtml => textInput(fieldProps(...args));
const bodyField = (...args: Parameters<typeof fieldProps>): SafeHtml => textarea({ ...fieldProps(...args), rows: 8 });

function checkboxes(
  ctx: PageContext,
  state: FormState,
  name: string,
  legendKey: string,
  hintKey: string | undefined,
  options: { value: string; label: string }[],
  current: string[],
): SafeHtml {
  const error = errorOf(state, 'message', name);
  return choices({
    id: idOf('message', name),
    name,
    legend: t(ctx.lang, k(legendKey)),
    type: 'checkbox',
    options,
    chosen: formValues(state, 'message', name, current),
    ...(hintKey ? { hint: t(ctx.lang, k(hintKey)) } : {}),
    ...(error ? { error } : {}),
  });
}

/** Age inputs: short, numeric keyboard, empty for no limit. */
function ageField(ctx: PageContext, state: FormState, name: string, labelKey: string, value: number | null): SafeHtml {
  const id = idOf('message', name);
  const error = errorOf(state, 'message', name);
  return html`<div class="form-field${error ? ' form-field--error' : ''}">
<label class="form-field__label" for="${id}">${th(ctx.lang, k(labelKey))}</label>
${error ? html`<p class="form-field__error" id="${id}-error">${error}</p>` : ''}
<input class="form-field__input form-field__input--short" id="${id}" name="${name}" type="text" inputmode="numeric" value="${formValue(state, 'message', name, value === null ? '' : String(value))}" aria-describedby="message-age-hint${error ? ` ${id}-error` : ''}"${error ? html` aria-invalid="true"` : ''}>
</div>`;
}

export function composePage(ctx: PageContext, v: ComposeView, state: FormState = {}): string {
  const m = v.message;
  const title = m ? t(ctx.lang, k('editTitle'), { title: m.title }) : t(ctx.lang, k('newTitle'));
  const segment = m?.segment;
  const texts: Texts = {
    title: formValue(state, 'message', 'title', m?.title ?? ''),
    bodyJa: formValue(state, 'message', 'bodyJa', m?.bodyJa ?? ''),
    bodyEasy: formValue(state, 'message', 'bodyEasy', m?.bodyEasy ?? ''),
    bodyEn: formValue(state, 'message', 'bodyEn', m?.bodyEn ?? ''),
  };
  const wardName = (w: Ward) => (ctx.lang === 'en' ? w.nameEn : w.nameJa);
  const checked = v.audience && v.segment ? { audience: v.audience, segment: v.segment } : undefined;
  return renderPage(ctx, {
    title: titled(ctx, state, title),
    breadcrumbs: crumbs(ctx),
    body: html`${summaryOfErrors(ctx, state)}${pageHeading({ text: title, lead: th(ctx.lang, k('composeLead')) })}
<form method="post" action="${m ? messagePath(m.id) : messagesPath}" novalidate>
${csrfInput(ctx)}
${textField(ctx, state, 'title', 'fieldTitle', 'fieldTitleHint', m?.title ?? '', true)}
${bodyField(ctx, state, 'bodyJa', 'fieldBodyJa', 'fieldBodyJaHint', m?.bodyJa ?? '', true)}
${bodyField(ctx, state, 'bodyEasy', 'fieldBodyEasy', 'fieldBodyEasyHint', m?.bodyEasy ?? '', false)}
${bodyField(ctx, state, 'bodyEn', 'fieldBodyEn', 'fieldBodyEnHint', m?.bodyEn ?? '', false)}
${checkboxes(
  ctx,
  state,
  'urgent',
  'fieldUrgent',
  'fieldUrgentHint',
  [{ value: 'on', label: t(ctx.lang, k('urgentOption')) }],
  m?.urgent ? ['on'] : [],
)}
<h2>${th(ctx.lang, k('segmentTitle'))}</h2>
${checkboxes(
  ctx,
  state,
  'topics',
  'fieldTopics',
  'fieldTopicsHint',
  topics.map((topic) => ({ value: topic, label: t(ctx.lang, topicKey(topic)) })),
  segment?.topics ?? [],
)}
${checkboxes(
  ctx,
  state,
  'wards',
  'fieldWards',
  'fieldWardsHint',
  v.wards.map((w) => ({ value: w.code, label: wardName(w) })),
  segment?.wards ?? [],
)}
<fieldset class="form-field__fieldset">
<legend class="form-field__label">${th(ctx.lang, k('fieldAge'))}</legend>
<p class="form-field__hint" id="message-age-hint">${th(ctx.lang, k('fieldAgeHint'))}</p>
${ageField(ctx, state, 'ageMin', 'fieldAgeMin', segment?.ageMin ?? null)}
${ageField(ctx, state, 'ageMax', 'fieldAgeMax', segment?.ageMax ?? null)}
</fieldset>
${checkboxes(
  ctx,
  state,
  'languages',
  'fieldLanguages',
  'fieldLanguagesHint',
  languages.map((l) => ({ value: l, label: languageName(ctx, l) })),
  segment?.languages ?? [...languages],
)}
${checkboxes(
  ctx,
  state,
  'channels',
  'fieldChannels',
  'fieldChannelsHint',
  channels.map((c) => ({ value: c, label: t(ctx.lang, k(`channel_${c}`)) })),
  segment?.channels ?? [...channels],
)}
<p>${button({ text: t(ctx.lang, k('countButton')), variant: 'secondary', name: 'action', value: 'count' })}</p>
${checked ? audienceSection(ctx, checked.audience, checked.segment.channels) : ''}
${checked ? previewSection(ctx, texts, checked.segment.languages) : ''}
<div class="button-group">
${button({ text: t(ctx.lang, k('saveButton')), name: 'action', value: 'save' })}
<a href="${m ? messagePath(m.id) : messagesPath}">${th(ctx.lang, k('back'))}</a>
</div>
</form>`,
  });
}

/** The segment in words: every row says what it chooses, or that it does not narrow. */
function segmentWords(ctx: PageContext, s: Segment, wards: Ward[]): SafeHtml {
  const all = th(ctx.lang, k('all'));
  const sep = t(ctx.lang, k('listSeparator'));
  const named = (list: string[]) => list.join(sep);
  const wardNames = new Map(wards.map((w) => [w.code, ctx.lang === 'en' ? w.nameEn : w.nameJa]));
  const age =
    s.ageMin !== null && s.ageMax !== null
      ? th(ctx.lang, k('ageRange'), { min: s.ageMin, max: s.ageMax })
      : s.ageMin !== null
        ? th(ctx.lang, k('ageFrom'), { min: s.ageMin })
        : s.ageMax !== null
          ? th(ctx.lang, k('ageTo'), { max: s.ageMax })
          : th(ctx.lang, k('ageAny'));
  const row = (labelKey: string, value: SafeHtml | string, name: string) =>
    html`<div data-segment="${name}"><dt>${th(ctx.lang, k(labelKey))}</dt><dd>${value}</dd></div>`;
  return html`<dl class="summary-list">
${row('fieldTopics', s.topics.length ? named(s.topics.map((x) => t(ctx.lang, topicKey(x)))) : all, 'topics')}
${row('fieldWards', s.wards.length ? named(s.wards.map((w) => wardNames.get(w) ?? w)) : all, 'wards')}
${row('fieldAge', age, 'age')}
${row('fieldLanguages', s.languages.length < languages.length ? named(s.languages.map((l) => languageName(ctx, l))) : all, 'languages')}
${row('fieldChannels', s.channels.length < channels.length ? named(s.channels.map((c) => t(ctx.lang, k(`channel_${c}`)))) : all, 'channels')}
</dl>`;
}

const reportColumns = ['sent', 'failed', 'blocked', 'unsubscribed', 'gone', 'pending'] as const;

function reportSection(ctx: PageContext, m: StaffMessage, report: DeliveryReport): SafeHtml {
  const rows = channels.filter((c) => report.byChannel[c]);
  const sum = (c: Record<string, number> | undefined, col?: string) =>
    col ? (c?.[col] ?? 0) : Object.values(c ?? {}).reduce((a, b) => a + b, 0);
  const totals = Object.fromEntries(
    reportColumns.map((col) => [col, rows.reduce((n, c) => n + sum(report.byChannel[c], col), 0)]),
  );
  const channelName = (c: string) => t(ctx.lang, k(`channel_${c}`));
  return html`<section aria-labelledby="report-title" data-report>
<h2 id="report-title">${th(ctx.lang, k('reportTitle'))}</h2>
<p><a href="${messagePath(m.id)}" data-reload>${th(ctx.lang, k('reload'))}</a></p>
${
  rows.length === 0
    ? html`<p>${th(ctx.lang, k('reportNone'))}</p>`
    : html`<div class="table-scroll"><table class="table report-table">
<caption>${th(ctx.lang, k('reportCaption'), { count: number(report.audience) })}</caption>
<thead><tr><th scope="col">${th(ctx.lang, k('colChannel'))}</th>${reportColumns.map((col) => html`<th scope="col" class="report-table__number">${th(ctx.lang, k(`col_${col}`))}</th>`)}<th scope="col" class="report-table__number">${th(ctx.lang, k('colTotal'))}</th></tr></thead>
<tbody>${rows.map(
        (c) =>
          html`<tr data-report-channel="${c}"><th scope="row">${channelName(c)}</th>${reportColumns.map(
            (col) =>
              html`<td class="report-table__number" data-count="${col}">${number(sum(report.byChannel[c], col))}</td>`,
          )}<td class="report-table__number">${number(sum(report.byChannel[c]))}</td></tr>`,
      )}</tbody>
<tfoot><tr><th scope="row">${th(ctx.lang, k('colTotal'))}</th>${reportColumns.map((col) => html`<td class="report-table__number">${number(totals[col] ?? 0)}</td>`)}<td class="report-table__number">${number(report.audience)}</td></tr></tfoot>
</table></div>
<p class="form-field__hint">${th(ctx.lang, k('reportLegend'))}</p>`
}
<h3>${th(ctx.lang, k('problemsTitle'))}</h3>
${
  m.problems.length === 0
    ? html`<p data-problems-none>${th(ctx.lang, k('problemsNone'))}</p>`
    : html`<ul data-problems>${m.problems.map(
        (p) =>
          html`<li data-problem="${p.channel}">${
            p.kind === 'failed'
              ? th(ctx.lang, k('problemFailed'), {
                  channel: channelName(p.channel),
                  count: number(p.recipients),
                  error: p.error || t(ctx.lang, k('problemUnknown')),
                })
              : th(ctx.lang, k('problemRetrying'), {
                  channel: channelName(p.channel),
                  count: number(p.recipients),
                  attempts: number(p.attempts ?? 1),
                  error: p.error,
                })
          }</li>`,
      )}</ul>`
}
</section>`;
}

export interface MessageView {
  message: StaffMessage;
  wards: Ward[];
  /** Before sending: who it would reach now. */
  audience?: Audience | undefined;
  /** Once sending has started. */
  report?: DeliveryReport | undefined;
  /** For the schedule form: now in Japan time, the earliest it takes. */
  now: Date;
}

function sendSection(ctx: PageContext, v: MessageView, state: FormState): SafeHtml {
  const m = v.message;
  const atError = errorOf(state, 'schedule', 'at');
  const atId = idOf('schedule', 'at');
  return html`<section aria-labelledby="send-title" data-send>
<h2 id="send-title">${th(ctx.lang, k('sendTitle'))}</h2>
<p>${th(ctx.lang, k(m.urgent ? 'sendLeadUrgent' : 'sendLead'))}</p>
<form method="post" action="${messagePath(m.id)}/send" novalidate>
${csrfInput(ctx)}
${button({ text: t(ctx.lang, k('sendNow')) })}
</form>
<h3>${th(ctx.lang, k('scheduleTitle'))}</h3>
<form method="post" action="${messagePath(m.id)}/schedule" novalidate>
${csrfInput(ctx)}
<div class="form-field${atError ? ' form-field--error' : ''}">
<label class="form-field__label" for="${atId}">${th(ctx.lang, k('fieldAt'))}</label>
<p class="form-field__hint" id="${atId}-hint">${th(ctx.lang, k('fieldAtHint'), { now: dateTime(v.now) })}</p>
${atError ? html`<p class="form-field__error" id="${atId}-error">${atError}</p>` : ''}
<input class="form-field__input" id="${atId}" name="at" type="datetime-local" min="${dateTimeLocal(v.now)}" value="${formValue(state, 'schedule', 'at')}" aria-describedby="${atId}-hint${atError ? ` ${atId}-error` : ''}"${atError ? html` aria-invalid="true"` : ''}>
</div>
${button({ text: t(ctx.lang, k('scheduleButton')), variant: 'secondary' })}
</form>
</section>`;
}

function cancelSection(ctx: PageContext, m: StaffMessage): SafeHtml {
  return html`<section aria-labelledby="cancel-title" data-cancel>
<h2 id="cancel-title">${th(ctx.lang, k('cancelTitle'))}</h2>
<p>${th(ctx.lang, k('cancelLead'))}</p>
<form method="post" action="${messagePath(m.id)}/cancel" novalidate>
${csrfInput(ctx)}
${button({ text: t(ctx.lang, k(m.status === 'scheduled' ? 'cancelScheduled' : 'cancelDraft')), variant: 'secondary' })}
</form>
</section>`;
}

export function messagePage(ctx: PageContext, v: MessageView, state: FormState = {}): string {
  const m = v.message;
  const row = (labelKey: string, value: SafeHtml | string, name: string) =>
    html`<div data-row="${name}"><dt>${th(ctx.lang, k(labelKey))}</dt><dd>${value}</dd></div>`;
  const texts: Texts = { title: m.title, bodyJa: m.bodyJa, bodyEasy: m.bodyEasy ?? '', bodyEn: m.bodyEn ?? '' };
  const beforeSending = m.status === 'draft' || m.status === 'scheduled';
  return renderPage(ctx, {
    title: titled(ctx, state, m.title),
    breadcrumbs: crumbs(ctx),
    body: html`${summaryOfErrors(ctx, state)}${noticeBanner(ctx, state)}${pageHeading({ text: m.title, caption: t(ctx.lang, k('title')) })}
<dl class="summary-list">
${row('rowStatus', statusTag(ctx, m.status, m.urgent), 'status')}
${row('colKind', th(ctx.lang, k(`kind_${m.kind}`)), 'kind')}
${m.status === 'scheduled' && m.scheduledAt ? row('rowScheduled', dateTime(m.scheduledAt), 'scheduled') : ''}
${row('colCreated', dateTime(m.createdAt), 'created')}
${m.startedAt ? row('colStarted', dateTime(m.startedAt), 'started') : ''}
${m.finishedAt ? row('rowFinished', dateTime(m.finishedAt), 'finished') : ''}
</dl>
${m.urgent ? html`<p>${th(ctx.lang, k('urgentNote'))}</p>` : ''}
<h2>${th(ctx.lang, k('segmentTitle'))}</h2>
${
  m.kind === 'personal'
    ? html`<p>${th(ctx.lang, k('personalRecipients'), { count: number(m.accounts ?? 0) })}</p>`
    : segmentWords(ctx, m.segment, v.wards)
}
${v.audience ? audienceSection(ctx, v.audience, m.segment.channels) : ''}
${m.kind === 'segment' ? previewSection(ctx, texts, m.segment.languages) : ''}
${m.status === 'draft' ? html`<p><a href="${messagePath(m.id)}/edit">${th(ctx.lang, k('editLink'))}</a></p>` : ''}
${m.status === 'draft' ? sendSection(ctx, v, state) : ''}
${m.status === 'scheduled' && m.scheduledAt ? html`<p data-scheduled>${th(ctx.lang, k('scheduledNote'), { at: dateTime(m.scheduledAt) })}</p>` : ''}
${beforeSending ? cancelSection(ctx, m) : ''}
${v.report && !beforeSending && m.status !== 'cancelled' ? reportSection(ctx, m, v.report) : ''}
<p><a href="${messagesPath}">${th(ctx.lang, k('backToList'))}</a></p>`,
  });
}
