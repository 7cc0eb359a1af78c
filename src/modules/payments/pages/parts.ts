// Pieces the payment pages share: the no-JS form loop (error summary linked to fields), radios, selects.
import { t, th } from '../../../platform/i18n/i18n.ts';
import { errorSummary } from '../../../platform/pages/components/error-summary/error-summary.ts';
import { textInput } from '../../../platform/pages/components/text-input/text-input.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import type { PageContext } from '../../../platform/pages/layout.ts';

export interface FormState {
  values?: Record<string, string | undefined>;
  errors?: { field: string; message: string }[];
}

export const key = (k: string) => `payments.${k}`;

export function fieldId(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

export function formErrors(ctx: PageContext, state: FormState): SafeHtml {
  return errorSummary({
    title: t(ctx.lang, 'platform.errorSummaryTitle'),
    errors: (state.errors ?? []).map((e) => ({ text: e.message, href: `#${fieldId(e.field)}` })),
  });
}

export function titled(ctx: PageContext, k: string, state: FormState): string {
  const title = t(ctx.lang, key(k));
  return state.errors?.length ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title;
}

const errorOf = (state: FormState, name: string) => state.errors?.find((e) => e.field === name)?.message;

export function input(
  ctx: PageContext,
  state: FormState,
  f: {
    name: string;
    label: string;
    hint?: string;
    params?: Record<string, string>;
    required?: boolean;
    type?: 'text' | 'date';
    inputmode?: 'numeric';
  },
): SafeHtml {
  const error = errorOf(state, f.name);
  return textInput({
    id: fieldId(f.name),
    name: f.name,
    label: t(ctx.lang, key(f.label)),
    ...(f.hint ? { hint: t(ctx.lang, key(f.hint), f.params ?? {}) } : {}),
    value: state.values?.[f.name] ?? '',
    type: f.type ?? 'text',
    required: f.required ?? false,
    ...(f.inputmode ? { inputmode: f.inputmode } : {}),
    ...(error ? { error } : {}),
  });
}

/** Radios in a fieldset; the first radio carries the field's id, so the error summary can link to it. */
export function radios(
  ctx: PageContext,
  state: FormState,
  f: { name: string; legend: string; options: { value: string; label: string }[] },
): SafeHtml {
  const error = errorOf(state, f.name);
  const id = fieldId(f.name);
  const chosen = state.values?.[f.name];
  return html`<div class="form-field${error ? ' form-field--error' : ''}">
<fieldset class="fieldset"${error ? html` aria-describedby="${id}-error"` : ''}>
<legend class="form-field__label">${th(ctx.lang, key(f.legend))} <span class="form-field__required">${t(ctx.lang, key('required'))}</span></legend>
${error ? html`<p class="form-field__error" id="${id}-error">${error}</p>` : ''}
${f.options.map(
  (o, i) =>
    html`<div class="radio"><input type="radio" id="${i === 0 ? id : `${id}-${o.value}`}" name="${f.name}" value="${o.value}"${chosen === o.value ? html` checked` : ''}><label for="${i === 0 ? id : `${id}-${o.value}`}">${th(ctx.lang, key(o.label))}</label></div>`,
)}
</fieldset>
</div>`;
}

export function select(
  ctx: PageContext,
  value: string | undefined,
  f: { name: string; label: string; options: { value: string; label: string }[] },
): SafeHtml {
  const id = fieldId(f.name);
  return html`<div class="form-field"><label class="form-field__label" for="${id}">${th(ctx.lang, key(f.label))}</label>
<select class="form-field__select" id="${id}" name="${f.name}">
<option value="">${t(ctx.lang, key('all'))}</option>
${f.options.map((o) => html`<option value="${o.value}"${value === o.value ? html` selected` : ''}>${t(ctx.lang, key(o.label))}</option>`)}
</select></div>`;
}

export function yen(amount: number): string {
  return amount.toLocaleString('ja-JP');
}

export function when(ctx: PageContext, at: Date | null): string {
  if (!at) return '—';
  return at.toLocaleString(ctx.lang === 'en' ? 'en-GB' : 'ja-JP', { timeZone: 'Asia/Tokyo' });
}
