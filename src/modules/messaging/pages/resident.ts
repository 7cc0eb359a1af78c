// Residents' messaging pages, all plain HTML forms that work without JavaScript: the settings of
// /notifications (topics, ward, language, year of birth, the ways to receive and which carry personal
// notices; for an anonymous visitor, e-mail only), the Web Push island beside it (a button only where the
// browser can do it), LINE (how to follow, a link code), the e-mail confirmation and one-step unsubscribe
// pages, and the inbox of /my/inbox.
import { t, th } from '../../../platform/i18n/i18n.ts';
import { japanDateTime } from '../../../platform/ja/today.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { choices } from '../../../platform/pages/components/choices/choices.ts';
import { errorSummary } from '../../../platform/pages/components/error-summary/error-summary.ts';
import { notificationBanner } from '../../../platform/pages/components/notification-banner/notification-banner.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { textInput } from '../../../platform/pages/components/text-input/text-input.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import { type Language, languages, topics } from '../delivery/segment.ts';
import { linkCodeMinutes } from '../use-cases/issue-line-link-code.ts';
import type { InboxItem } from '../use-cases/list-inbox.ts';
import type { InboxMessage } from '../use-cases/read-inbox-message.ts';
import type { AccountChannels } from '../use-cases/save-preferences.ts';
import type { UnsubscribeTarget } from '../use-cases/unsubscribe.ts';
import { k, topicKey } from './resident-messages.ts';

export const settingsPath = '/notifications';
export const inboxPath = '/my/inbox';
export const pushPath = '/notifications/push';
export const lineCodePath = '/notifications/line/code';
export const emailSentPath = '/notifications/email/sent';
export const serviceWorkerPath = '/notifications/sw.js';
export const pushScriptPath = '/assets/messaging/push.js';

export interface Ward {
  code: string;
  nameJa: string;
  nameKana: string;
  nameEn: string;
}

export interface FormState {
  values?: Record<string, string | string[] | undefined>;
  errors?: { field: string; message: string }[];
  /** A key of notice_* shown as a success banner. */
  notice?: string | undefined;
}

/** The element each field's error summary entry links to. */
const fieldIds: Record<string, string> = {
  topics: 'topics',
  ward: 'ward',
  language: 'language',
  birthYear: 'birth-year',
  email: 'email',
  channels: 'channels',
  personal: 'personal',
};

/** 2026-04-01 09:30, Japan time. */
export const dateTime = japanDateTime;

const home = (ctx: PageContext) => ({ text: t(ctx.lang, 'platform.home'), href: '/' });

function summary(ctx: PageContext, state: FormState): SafeHtml {
  return errorSummary({
    title: t(ctx.lang, 'platform.errorSummaryTitle'),
    errors: (state.errors ?? []).map((e) => ({
      text: e.message,
      href: e.field.startsWith('#') ? e.field : `#${fieldIds[e.field] ?? e.field}`,
    })),
  });
}

const titled = (ctx: PageContext, state: FormState, title: string) =>
  state.errors?.length ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title;

function errorOf(state: FormState, field: string): string | undefined {
  const found = state.errors?.filter((e) => e.field === field).map((e) => e.message) ?? [];
  return found.length > 0 ? found.join(' ') : undefined;
}

const value = (state: FormState, field: string, fallback: string): string => {
  if (!state.values) return fallback;
  const v = state.values[field];
  return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? '') : '';
};

const values = (state: FormState, field: string, fallback: string[]): string[] =>
  state.values ? ([] as string[]).concat(state.values[field] ?? []) : fallback;

export const wardName = (ctx: PageContext, w: Ward) =>
  ctx.lang === 'en' ? w.nameEn : ctx.lang === 'ja-easy' ? `${w.nameJa}（${w.nameKana}）` : w.nameJa;

const languageName = (ctx: PageContext, l: Language) => t(ctx.lang, k(`lang_${l}`));

export interface SettingsView {
  wards: Ward[];
  /** The signed-in resident's channels and saved preferences; undefined for an anonymous visitor. */
  account?: AccountChannels | undefined;
  /** The language a first-time visitor's notices default to: the page's. */
  defaultLanguage: Language;
  line: {
    available: boolean;
    code?: { code: string; expiresAt: Date } | undefined;
    /** The demo's simulated phone (/demo/line), when this process's LINE is the demo stand-in. */
    demoPath?: string;
  };
  push: { publicKey: string };
}

function wardSelect(ctx: PageContext, state: FormState, wards: Ward[], current: string): SafeHtml {
  const error = errorOf(state, 'ward');
  const chosen = value(state, 'ward', current);
  const describedBy = ['ward-hint', ...(error ? ['ward-error'] : [])].join(' ');
  return html`<div class="form-field${error ? ' form-field--error' : ''}">
<label class="form-field__label" for="ward">${th(ctx.lang, k('fieldWard'))}</label>
<p class="form-field__hint" id="ward-hint">${th(ctx.lang, k('fieldWardHint'))}</p>
${error ? html`<p class="form-field__error" id="ward-error">${error}</p>` : ''}
<select class="form-field__select" id="ward" name="ward" aria-describedby="${describedBy}"${error ? html` aria-invalid="true"` : ''}>
<option value=""${chosen === '' ? html` selected` : ''}>${t(ctx.lang, k('wardNone'))}</option>
${wards.map((w) => html`<option value="${w.code}"${chosen === w.code ? html` selected` : ''}>${wardName(ctx, w)}</option>`)}
</select>
</div>`;
}

function withError<T extends object>(params: T, error: string | undefined): T {
  return error ? { ...params, error } : params;
}

function whatFields(ctx: PageContext, state: FormState, v: SettingsView): SafeHtml {
  const saved = v.account?.preferences;
  return html`<h2>${th(ctx.lang, k('sectionWhat'))}</h2>
${choices(
  withError(
    {
      id: 'topics',
      name: 'topics',
      legend: t(ctx.lang, k('fieldTopics')),
      hint: t(ctx.lang, k('fieldTopicsHint')),
      type: 'checkbox' as const,
      options: topics.map((x) => ({ value: x, label: t(ctx.lang, topicKey(x)) })),
      chosen: values(state, 'topics', saved?.topics ?? []),
    },
    errorOf(state, 'topics'),
  ),
)}
${wardSelect(ctx, state, v.wards, saved?.wardCode ?? '')}
${choices(
  withError(
    {
      id: 'language',
      name: 'language',
      legend: t(ctx.lang, k('fieldLanguage')),
      hint: t(ctx.lang, k('fieldLanguageHint')),
      type: 'radio' as const,
      options: languages.map((l) => ({ value: l, label: languageName(ctx, l) })),
      chosen: [value(state, 'language', saved?.language ?? v.defaultLanguage)],
    },
    errorOf(state, 'language'),
  ),
)}
${textInput(
  withError(
    {
      id: 'birth-year',
      name: 'birthYear',
      label: t(ctx.lang, k('fieldBirthYear')),
      hint: t(ctx.lang, k('fieldBirthYearHint')),
      value: value(state, 'birthYear', saved?.birthYear ? String(saved.birthYear) : ''),
      inputmode: 'numeric' as const,
      autocomplete: 'bday-year',
    },
    errorOf(state, 'birthYear'),
  ),
)}`;
}

function accountChannelFields(ctx: PageContext, state: FormState, a: AccountChannels): SafeHtml {
  const options: { value: string; label: string; hint?: string }[] = [
    { value: 'inbox', label: t(ctx.lang, k('channel_inbox')), hint: t(ctx.lang, k('channelInboxHint')) },
  ];
  const chosen: string[] = a.inbox ? ['inbox'] : [];
  if (a.line) {
    options.push({
      value: 'line',
      label: t(ctx.lang, k('channel_line')),
      ...(a.line.status === 'blocked' ? { hint: t(ctx.lang, k('channelLineBlocked')) } : {}),
    });
    if (a.line.status === 'active') chosen.push('line');
  }
  if (a.webpush) {
    options.push({
      value: 'webpush',
      label: t(ctx.lang, k('channel_webpush'), { count: a.webpush.devices }),
      hint: t(ctx.lang, k('channelWebpushHint')),
    });
    chosen.push('webpush');
  }
  const personalOptions = [
    { value: 'email', label: t(ctx.lang, k('personal_email')) },
    ...(a.line ? [{ value: 'line', label: t(ctx.lang, k('personal_line')) }] : []),
    ...(a.webpush ? [{ value: 'webpush', label: t(ctx.lang, k('personal_webpush')) }] : []),
  ];
  const personalChosen = [
    ...((a.email?.personal ?? true) ? ['email'] : []),
    ...((a.line?.personal ?? true) ? ['line'] : []),
    ...((a.webpush?.personal ?? true) ? ['webpush'] : []),
  ];
  const shown = options.filter((o) => o.value !== 'inbox').map((o) => o.value);
  return html`${shown.map((c) => html`<input type="hidden" name="shown" value="${c}">`)}${choices(
    withError(
      {
        id: 'channels',
        name: 'channels',
        legend: t(ctx.lang, k('fieldChannels')),
        hint: t(ctx.lang, k('fieldChannelsHint')),
        type: 'checkbox' as const,
        options,
        chosen: values(state, 'channels', chosen),
      },
      errorOf(state, 'channels'),
    ),
  )}
${a.email ? html`<p data-email-active>${th(ctx.lang, k('emailActive'), { address: a.email.address })}</p>` : ''}
${textInput(
  withError(
    {
      id: 'email',
      name: 'email',
      type: 'email' as const,
      label: t(ctx.lang, k('fieldEmail')),
      hint: t(ctx.lang, k('fieldEmailAccountHint')),
      value: value(state, 'email', a.email?.address ?? ''),
      autocomplete: 'email',
    },
    errorOf(state, 'email'),
  ),
)}
${choices(
  withError(
    {
      id: 'personal',
      name: 'personal',
      legend: t(ctx.lang, k('fieldPersonal')),
      hint: t(ctx.lang, k('fieldPersonalHint')),
      type: 'checkbox' as const,
      options: personalOptions,
      chosen: values(state, 'personal', personalChosen),
    },
    errorOf(state, 'personal'),
  ),
)}`;
}

function pushSection(ctx: PageContext, v: SettingsView): SafeHtml {
  const text = (key: string) => t(ctx.lang, k(key));
  return html`<section aria-labelledby="push-title" data-push data-public-key="${v.push.publicKey}" data-endpoint="${pushPath}" data-worker="${serviceWorkerPath}" data-scope="${settingsPath}/" data-csrf="${ctx.csrfToken ?? ''}" data-text-saving="${text('pushSaving')}" data-text-saved="${text('pushSaved')}" data-text-already="${text('pushAlready')}" data-text-denied="${text('pushDenied')}" data-text-failed="${text('pushFailed')}">
<h2 id="push-title">${th(ctx.lang, k('pushTitle'))}</h2>
<p>${th(ctx.lang, k('pushLead'))}</p>
<p data-push-unavailable>${th(ctx.lang, k('pushUnavailable'))}</p>
<div data-push-controls hidden>
<button class="button button--secondary" type="button" data-push-start>${th(ctx.lang, k('pushButton'))}</button>
<p data-push-status role="status"></p>
</div>
</section>
<script src="${pushScriptPath}" defer></script>`;
}

function lineSection(ctx: PageContext, v: SettingsView): SafeHtml {
  const city = ctx.tenant ? (ctx.lang === 'en' ? ctx.tenant.nameEn : ctx.tenant.name) : '';
  if (!v.line.available) {
    return html`<section aria-labelledby="line-title"><h2 id="line-title">${th(ctx.lang, k('lineTitle'))}</h2>
<p>${th(ctx.lang, k('lineUnavailable'))}</p></section>`;
  }
  const a = v.account;
  const code = v.line.code;
  const linked = a?.line && a.line.status !== 'gone';
  return html`<section aria-labelledby="line-title" data-line>
<h2 id="line-title">${th(ctx.lang, k('lineTitle'))}</h2>
<p>${th(ctx.lang, k('lineHowTo'), { city })}</p>
<p>${th(ctx.lang, k('lineStop'))}</p>
${v.line.demoPath ? html`<p><a href="${v.line.demoPath}">${th(ctx.lang, k('lineDemoLink'))}</a></p>` : ''}
${
  !a
    ? html`<p>${th(ctx.lang, k('lineSignIn'))}</p>`
    : linked
      ? html`<p data-line-linked>${th(ctx.lang, k('lineLinked'))}</p>`
      : html`<p>${th(ctx.lang, k('lineLinkLead'))}</p>
${
  code
    ? html`<div class="card" role="status" aria-labelledby="line-code-title" data-line-code-box>
<h3 id="line-code-title">${th(ctx.lang, k('lineCodeTitle'))}</h3>
<p class="totp-secret"><strong data-line-code>${code.code}</strong></p>
<p>${th(ctx.lang, k('lineCodeExpires'), { at: dateTime(code.expiresAt), minutes: linkCodeMinutes })}</p>
<p>${th(ctx.lang, k('lineCodeHowTo'), { city })}</p>
</div>`
    : ''
}
<form method="post" action="${lineCodePath}" novalidate>
${csrfInput(ctx)}
${button({ text: t(ctx.lang, k('lineLinkButton')), variant: 'secondary' })}
</form>`
}
</section>`;
}

export function settingsPage(ctx: PageContext, v: SettingsView, state: FormState = {}): string {
  const title = t(ctx.lang, k('settingsTitle'));
  const a = v.account;
  return renderPage(ctx, {
    title: titled(ctx, state, title),
    breadcrumbs: [home(ctx)],
    body: html`${summary(ctx, state)}${
      state.notice
        ? notificationBanner({ kind: 'success', title: t(ctx.lang, k(`notice_${state.notice}`)), body: '' })
        : ''
    }${pageHeading({ text: title, lead: th(ctx.lang, k('settingsLead')) })}
${
  a
    ? html`<p><a href="${inboxPath}">${th(ctx.lang, k('inboxLink'))}</a></p>`
    : html`<p>${th(ctx.lang, k('anonymousLead'))} ${th(ctx.lang, k('signInLead'))}</p>
<p><a href="/sign-in?next=${encodeURIComponent(settingsPath)}">${th(ctx.lang, k('signInLink'))}</a></p>`
}
<form method="post" action="${settingsPath}" novalidate data-preferences>
${csrfInput(ctx)}
${whatFields(ctx, state, v)}
<h2>${th(ctx.lang, k('sectionHow'))}</h2>
${
  a
    ? accountChannelFields(ctx, state, a)
    : textInput(
        withError(
          {
            id: 'email',
            name: 'email',
            type: 'email' as const,
            label: t(ctx.lang, k('fieldEmail')),
            hint: t(ctx.lang, k('fieldEmailHint')),
            value: value(state, 'email', ''),
            autocomplete: 'email',
            required: true,
            requiredLabel: t(ctx.lang, 'platform.apiRequired'),
          },
          errorOf(state, 'email'),
        ),
      )
}
${button({ text: t(ctx.lang, k(a ? 'saveButton' : 'subscribeButton')) })}
</form>
${pushSection(ctx, v)}
${lineSection(ctx, v)}`,
  });
}

/** A plain page: heading, paragraphs, a link back to the settings. */
function messagePage(ctx: PageContext, titleKey: string, paragraphs: SafeHtml[], linkKey = 'backToSettings'): string {
  const title = t(ctx.lang, k(titleKey));
  return renderPage(ctx, {
    title,
    breadcrumbs: [home(ctx), { text: t(ctx.lang, k('settingsTitle')), href: settingsPath }],
    body: html`${pageHeading({ text: th(ctx.lang, k(titleKey)) })}
${paragraphs.map((p) => html`<p>${p}</p>`)}
<p><a href="${settingsPath}">${th(ctx.lang, k(linkKey))}</a></p>`,
  });
}

export function emailSentPage(ctx: PageContext): string {
  return messagePage(ctx, 'sentTitle', [th(ctx.lang, k('sentBody')), th(ctx.lang, k('sentHelp'))]);
}

export interface ConfirmView {
  token: string;
  address: string;
  topics: string[];
  wardCode: string | null;
  language: Language;
  forAccount: boolean;
  wards: Ward[];
}

export function confirmPage(ctx: PageContext, v: ConfirmView): string {
  const title = t(ctx.lang, k('confirmTitle'));
  const ward = v.wards.find((w) => w.code === v.wardCode);
  const row = (labelKey: string, content: SafeHtml | string, name: string) =>
    html`<div data-row="${name}"><dt>${th(ctx.lang, k(labelKey))}</dt><dd>${content}</dd></div>`;
  return renderPage(ctx, {
    title,
    breadcrumbs: [home(ctx), { text: t(ctx.lang, k('settingsTitle')), href: settingsPath }],
    body: html`${pageHeading({ text: title, lead: th(ctx.lang, k('confirmLead')) })}
<dl class="summary-list">
${row('rowAddress', v.address, 'address')}
${
  v.forAccount
    ? ''
    : html`${row(
        'rowTopics',
        v.topics.length
          ? v.topics.map((x) => t(ctx.lang, topicKey(x))).join(t(ctx.lang, k('listSeparator')))
          : th(ctx.lang, k('topicsNone')),
        'topics',
      )}
${row('rowWard', ward ? wardName(ctx, ward) : th(ctx.lang, k('wardNoneRow')), 'ward')}
${row('rowLanguage', languageName(ctx, v.language), 'language')}`
}
</dl>
${v.forAccount ? html`<p>${th(ctx.lang, k('confirmForAccount'))} ${th(ctx.lang, k('confirmForAccountPrefs'))}</p>` : ''}
<form method="post" novalidate>
${csrfInput(ctx)}
${button({ text: t(ctx.lang, k('confirmButton')) })}
</form>`,
  });
}

/** How a confirmation ended, or why its link does not work. */
export function confirmOutcomePage(
  ctx: PageContext,
  outcome: 'confirmed' | 'already' | 'stopped' | 'expired' | 'unknown',
): string {
  return messagePage(ctx, `${outcome}Title`, [th(ctx.lang, k(`${outcome}Body`))]);
}

const masked = (address: string) => {
  const at = address.lastIndexOf('@');
  return at <= 0 ? address : `${address.slice(0, 1)}***${address.slice(at)}`;
};

function what(ctx: PageContext, target: UnsubscribeTarget): string {
  return t(
    ctx.lang,
    k(`what_${target.channel}`),
    target.channel === 'email' ? { address: masked(target.address) } : {},
  );
}

export function unsubscribePage(ctx: PageContext, target: UnsubscribeTarget): string {
  if (!target.receiving) {
    return messagePage(
      ctx,
      'unsubscribedTitle',
      [th(ctx.lang, k('unsubscribedBody'), { what: what(ctx, target) }), th(ctx.lang, k('unsubscribedSettings'))],
      'settingsLink',
    );
  }
  const title = t(ctx.lang, k('unsubscribeTitle'));
  return renderPage(ctx, {
    title,
    breadcrumbs: [home(ctx)],
    body: html`${pageHeading({ text: title, lead: th(ctx.lang, k('unsubscribeLead')) })}
<p data-unsubscribe-what><strong>${what(ctx, target)}</strong></p>
<form method="post" novalidate>
${csrfInput(ctx)}
${button({ text: t(ctx.lang, k('unsubscribeButton')) })}
</form>
<p><a href="${settingsPath}">${th(ctx.lang, k('settingsLink'))}</a></p>`,
  });
}

export function unsubscribeUnknownPage(ctx: PageContext): string {
  return messagePage(ctx, 'unknownTitle', [th(ctx.lang, k('unsubscribeUnknownBody'))], 'settingsLink');
}

export interface InboxView {
  items: InboxItem[];
  total: number;
  unread: number;
}

export function inboxPage(ctx: PageContext, v: InboxView): string {
  const title = t(ctx.lang, k('inboxTitle'));
  return renderPage(ctx, {
    title: v.unread > 0 ? `${title}（${t(ctx.lang, k('inboxUnread'), { count: v.unread })}）` : title,
    breadcrumbs: [home(ctx)],
    body: html`${pageHeading({ text: title, lead: th(ctx.lang, k('inboxLead')) })}
<p data-inbox-counts>${th(ctx.lang, k('inboxCaption'), { count: v.total })} / <strong data-unread-count>${th(ctx.lang, k('inboxUnread'), { count: v.unread })}</strong></p>
${
  v.items.length === 0
    ? html`<p data-inbox-empty>${th(ctx.lang, k('inboxNone'))}</p>`
    : html`<ul class="card-list" data-inbox>${v.items.map(
        (item) => html`<li class="card" data-message="${item.messageId}"${item.readAt ? '' : html` data-unread`}>
<p>${item.readAt ? '' : html`<span class="status-tag status-tag--overdue">${th(ctx.lang, k('unreadTag'))}</span> `}<a href="${inboxPath}/${item.messageId}">${item.readAt ? item.title : html`<strong>${item.title}</strong>`}</a></p>
<p class="form-field__hint">${th(ctx.lang, k('receivedAt'))}: ${dateTime(item.receivedAt)}</p>
</li>`,
      )}</ul>`
}
<p><a href="${settingsPath}">${th(ctx.lang, k('inboxSettings'))}</a></p>`,
  });
}

export function inboxNotFoundPage(ctx: PageContext): string {
  const title = t(ctx.lang, k('inboxNotFound'));
  return renderPage(ctx, {
    title,
    breadcrumbs: [home(ctx), { text: t(ctx.lang, k('inboxTitle')), href: inboxPath }],
    body: html`${pageHeading({ text: th(ctx.lang, k('inboxNotFound')) })}
<p><a href="${inboxPath}">${th(ctx.lang, k('inboxBack'))}</a></p>`,
  });
}

export function inboxMessagePage(ctx: PageContext, m: InboxMessage): string {
  return renderPage(ctx, {
    title: m.title,
    breadcrumbs: [home(ctx), { text: t(ctx.lang, k('inboxTitle')), href: inboxPath }],
    body: html`${pageHeading({ text: m.title })}
<p class="form-field__hint">${th(ctx.lang, k('receivedAt'))}: ${dateTime(m.receivedAt)}</p>
<div class="mail__body" data-inbox-body>${m.body}</div>
<p><a href="${inboxPath}">${th(ctx.lang, k('inboxBack'))}</a></p>`,
  });
}
