// The no-JavaScript form loop of identity's pages: heading, error summary linked to fields, fields,
// CSRF token, one submit button. Re-rendered with status 400 and the person's input when invalid.
import { t, th } from '../../../platform/i18n/i18n.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { errorSummary } from '../../../platform/pages/components/error-summary/error-summary.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { textInput } from '../../../platform/pages/components/text-input/text-input.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';

export interface FieldSpec {
  name: string;
  labelKey: string;
  hintKey?: string;
  type?: 'text' | 'email' | 'password' | 'date';
  autocomplete?: string;
  inputmode?: 'numeric' | 'email' | 'text';
  required?: boolean;
  /** Never echo the value back (passwords). */
  secret?: boolean;
}

export interface FormState {
  values?: Record<string, string | undefined>;
  errors?: { field: string; message: string }[];
}

export function fieldId(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

export function formErrors(ctx: PageContext, state: FormState): SafeHtml {
  return errorSummary({
    title: t(ctx.lang, 'platform.errorSummaryTitle'),
    errors: (state.errors ?? []).map((e) => ({ text: e.message, href: `#${fieldId(e.field)}` })),
  });
}

export function fields(ctx: PageContext, specs: FieldSpec[], state: FormState): SafeHtml {
  return html`${specs.map((f) =>
    textInput({
      id: fieldId(f.name),
      name: f.name,
      label: t(ctx.lang, `identity.${f.labelKey}`),
      ...(f.hintKey ? { hint: t(ctx.lang, `identity.${f.hintKey}`) } : {}),
      ...(f.secret ? {} : { value: state.values?.[f.name] ?? '' }),
      type: f.type ?? 'text',
      ...(f.autocomplete ? { autocomplete: f.autocomplete } : {}),
      ...(f.inputmode ? { inputmode: f.inputmode } : {}),
      required: f.required ?? true,
      ...(state.errors?.find((e) => e.field === f.name)
        ? { error: state.errors.find((e) => e.field === f.name)!.message }
        : {}),
    }),
  )}`;
}

export interface FormPage {
  titleKey: string;
  leadKey?: string;
  leadParams?: Record<string, string>;
  action: string;
  fields: FieldSpec[];
  submitKey: string;
  before?: SafeHtml;
  after?: SafeHtml;
}

export function renderFormPage(ctx: PageContext, page: FormPage, state: FormState = {}): string {
  const title = t(ctx.lang, `identity.${page.titleKey}`);
  return renderPage(ctx, {
    title: state.errors?.length ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title,
    body: html`${formErrors(ctx, state)}
${pageHeading({ text: th(ctx.lang, `identity.${page.titleKey}`), ...(page.leadKey ? { lead: th(ctx.lang, `identity.${page.leadKey}`, page.leadParams ?? {}) } : {}) })}
${page.before ?? ''}
<form method="post" action="${page.action}" novalidate>
${csrfInput(ctx)}
${fields(ctx, page.fields, state)}
${button({ text: t(ctx.lang, `identity.${page.submitKey}`) })}
</form>
${page.after ?? ''}`,
  });
}
