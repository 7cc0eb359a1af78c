// What every open data staff page shares: the state a form is re-rendered with (which form, its values,
// its errors), fields whose ids are prefixed by their form so an error summary entry lands on the right
// field when a page holds several forms, the breadcrumbs, notices, and dates and sizes as staff read them.
import { t, th } from '../../../platform/i18n/i18n.ts';
import { japanDateTime } from '../../../platform/ja/today.ts';
import { choices } from '../../../platform/pages/components/choices/choices.ts';
import { errorSummary } from '../../../platform/pages/components/error-summary/error-summary.ts';
import { notificationBanner } from '../../../platform/pages/components/notification-banner/notification-banner.ts';
import { textInput } from '../../../platform/pages/components/text-input/text-input.ts';
import { textarea } from '../../../platform/pages/components/textarea/textarea.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext } from '../../../platform/pages/layout.ts';
import { k } from '../messages-staff.ts';

export interface StaffFormState {
  /** Which form the values and errors belong to: 'dataset', 'upload', 'link', 'token', 'group'. */
  form?: string;
  values?: Record<string, string | string[] | undefined>;
  errors?: { field: string; message: string }[];
  /** A key of notice_* shown as a success banner. */
  notice?: string;
}

export const idOf = (form: string, field: string) => `${form}-${field}`;

export function errorOf(state: StaffFormState, form: string, field: string): string | undefined {
  if (state.form !== form) return undefined;
  const found = state.errors?.filter((e) => e.field === field).map((e) => e.message) ?? [];
  return found.length > 0 ? found.join(' ') : undefined;
}

export function formValue(state: StaffFormState, form: string, field: string, fallback = ''): string {
  if (state.form !== form || !state.values) return fallback;
  const v = state.values[field];
  return typeof v === 'string' ? v : fallback;
}

export function formValues(state: StaffFormState, form: string, field: string, fallback: string[]): string[] {
  if (state.form !== form || !state.values) return fallback;
  return ([] as string[]).concat(state.values[field] ?? []);
}

/** The error summary; `fieldOf` maps a use case's field name to the form's field (the file is 'upload'). */
export function summaryOfErrors(
  ctx: PageContext,
  state: StaffFormState,
  fieldOf: (field: string) => string = (f) => f,
): SafeHtml {
  return errorSummary({
    title: t(ctx.lang, 'platform.errorSummaryTitle'),
    errors: (state.errors ?? []).map((e) => ({
      text: e.message,
      href: e.field.startsWith('#') ? e.field : `#${idOf(state.form ?? 'form', fieldOf(e.field))}`,
    })),
  });
}

export function titleWithErrors(ctx: PageContext, state: StaffFormState, title: string): string {
  return state.errors?.length ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title;
}

interface FieldOptions {
  hint?: string;
  value?: string;
  required?: boolean;
  type?: 'text' | 'email' | 'date';
}

export function input(
  ctx: PageContext,
  state: StaffFormState,
  form: string,
  name: string,
  labelKey: string,
  opts: FieldOptions = {},
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
    ...(opts.type ? { type: opts.type } : {}),
    ...(error ? { error } : {}),
  });
}

export function area(
  ctx: PageContext,
  state: StaffFormState,
  form: string,
  name: string,
  labelKey: string,
  opts: FieldOptions & { rows?: number } = {},
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

export function select(
  ctx: PageContext,
  state: StaffFormState,
  form: string,
  name: string,
  labelKey: string,
  options: { value: string; label: string }[],
  current: string,
  opts: { hint?: string; required?: boolean } = {},
): SafeHtml {
  const error = errorOf(state, form, name);
  const id = idOf(form, name);
  const chosen = formValue(state, form, name, current);
  const hintId = opts.hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, error ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return html`<div class="form-field${error ? ' form-field--error' : ''}">
<label class="form-field__label" for="${id}">${th(ctx.lang, k(labelKey))}${opts.required ? html` <span class="form-field__required">${t(ctx.lang, 'platform.apiRequired')}</span>` : ''}</label>
${opts.hint ? html`<p class="form-field__hint" id="${hintId}">${th(ctx.lang, k(opts.hint))}</p>` : ''}
${error ? html`<p class="form-field__error" id="${id}-error">${error}</p>` : ''}
<select class="form-field__select" id="${id}" name="${name}"${describedBy ? html` aria-describedby="${describedBy}"` : ''}${error ? html` aria-invalid="true"` : ''}>
${options.map((o) => html`<option value="${o.value}"${o.value === chosen ? html` selected` : ''}>${o.label}</option>`)}
</select>
</div>`;
}

export function radiosOrChecks(
  ctx: PageContext,
  state: StaffFormState,
  form: string,
  name: string,
  legendKey: string,
  type: 'radio' | 'checkbox',
  options: { value: string; label: string }[],
  current: string[],
  opts: { required?: boolean; hint?: string } = {},
): SafeHtml {
  const error = errorOf(state, form, name);
  return choices({
    id: idOf(form, name),
    name,
    legend: t(ctx.lang, k(legendKey)),
    type,
    options,
    chosen: formValues(state, form, name, current),
    required: opts.required ?? false,
    requiredLabel: t(ctx.lang, 'platform.apiRequired'),
    ...(opts.hint ? { hint: t(ctx.lang, k(opts.hint)) } : {}),
    ...(error ? { error } : {}),
  });
}

export const staffCrumbs = (ctx: PageContext, withList = true) => [
  { text: t(ctx.lang, 'identity.staffHomeTitle'), href: '/staff' },
  ...(withList ? [{ text: t(ctx.lang, k('title')), href: '/staff/open-data' }] : []),
];

export function noticeBanner(ctx: PageContext, state: StaffFormState): SafeHtml | string {
  return state.notice
    ? notificationBanner({ kind: 'success', title: t(ctx.lang, k(`notice_${state.notice}`)), body: '' })
    : '';
}

/** A one-button form (publish, revoke, delete) with its CSRF token. */
export function postButton(
  ctx: PageContext,
  action: string,
  text: string,
  variant: 'primary' | 'secondary' = 'secondary',
  ariaLabel?: string,
): SafeHtml {
  return html`<form method="post" action="${action}" class="inline-form">${csrfInput(ctx)}<button class="button button--${variant}" type="submit"${ariaLabel ? html` aria-label="${ariaLabel}"` : ''}>${text}</button></form>`;
}

/** 2026-04-01 09:30, Japan time. */
export function dateTime(iso: string): string {
  return japanDateTime(new Date(iso));
}

export function fileSize(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export const number = (n: number) => n.toLocaleString('ja-JP');
