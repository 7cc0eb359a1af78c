// Server-side rendering of a form step and of the check-your-answers list. Every control has a label,
// hints and errors are tied to it with aria-describedby, errors mark it aria-invalid, and everything
// works without JavaScript (address lookup, adding a household member: buttons that post the step).
import { maskMyNumber } from '../crypto/my-number.ts';
import { type Lang, t } from '../i18n/i18n.ts';
import { toWareki } from '../ja/wareki.ts';
import { html, type SafeHtml } from '../pages/html.ts';
import {
  fieldId,
  isRequired,
  isShown,
  type JsonSchema,
  labelOf,
  type Path,
  pathKey,
  schemaAt,
  subFieldLabels,
  topProperties,
  uiOf,
  widgetOf,
} from './schema.ts';
import type { FormDefinition, FormStep } from './types.ts';
import type { FieldError } from './validate.ts';

export interface RenderContext {
  lang: Lang;
  form: FormDefinition;
  answers: Record<string, unknown>;
  errors: FieldError[];
  /** Where prefilled values came from, by top-level field: shown beside the field (once-only). */
  prefilled?: Record<string, string>;
  /** Names of stored attachments by their id, to show what was uploaded. */
  fileNames?: Record<string, string>;
}

function errorOf(ctx: RenderContext, path: Path): string | undefined {
  return ctx.errors.find((e) => e.field === pathKey(path))?.message;
}

function describedBy(id: string, hint: boolean, error: boolean): SafeHtml {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`${ids ? html` aria-describedby="${ids}"` : ''}${error ? html` aria-invalid="true"` : ''}`;
}

function requiredMark(ctx: RenderContext, required: boolean): SafeHtml {
  return required
    ? html` <span class="form-field__required">${t(ctx.lang, 'forms.required')}</span>`
    : html` <span class="form-field__optional">${t(ctx.lang, 'forms.optional')}</span>`;
}

function hintText(ctx: RenderContext, schema: JsonSchema, widget: string): string | undefined {
  const own = uiOf(schema).hint ?? schema.description;
  const standard: Record<string, string> = {
    date: t(ctx.lang, 'forms.hintDate'),
    phone: t(ctx.lang, 'forms.hintPhone'),
    'my-number': t(ctx.lang, 'forms.hintMyNumber'),
  };
  return [own, standard[widget]].filter(Boolean).join(' ') || undefined;
}

function stringValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? '' : String(value);
}

function input(
  ctx: RenderContext,
  p: {
    path: Path;
    label: string;
    required: boolean;
    hint?: string | undefined;
    type?: string;
    value: unknown;
    autocomplete?: string | undefined;
    inputmode?: string;
    width?: string;
    extra?: SafeHtml;
  },
): SafeHtml {
  const id = fieldId(p.path);
  const error = errorOf(ctx, p.path);
  return html`<div class="form-field${error ? ' form-field--error' : ''}">
<label class="form-field__label" for="${id}">${p.label}${requiredMark(ctx, p.required)}</label>
${p.hint ? html`<p class="form-field__hint" id="${id}-hint">${p.hint}</p>` : ''}
${error ? html`<p class="form-field__error" id="${id}-error">${error}</p>` : ''}
<input class="form-field__input${p.width ? ` form-field__input--${p.width}` : ''}" id="${id}" name="${pathKey(p.path)}" type="${p.type ?? 'text'}" value="${stringValue(p.value)}"${describedBy(id, Boolean(p.hint), Boolean(error))}${p.autocomplete ? html` autocomplete="${p.autocomplete}"` : ''}${p.inputmode ? html` inputmode="${p.inputmode}"` : ''}>
${p.extra ?? ''}
</div>`;
}

function choices(
  ctx: RenderContext,
  schema: JsonSchema,
  path: Path,
  label: string,
  required: boolean,
  hint: string | undefined,
  multiple: boolean,
): SafeHtml {
  const id = fieldId(path);
  const error = errorOf(ctx, path);
  const values = (multiple ? schema.items?.enum : schema.enum) ?? [];
  const labels = uiOf(schema).options ?? uiOf(schema.items).options ?? [];
  const current = valueAt(ctx.answers, path);
  const selected = (v: unknown) => (multiple ? Array.isArray(current) && current.includes(v) : current === v);
  return html`<div class="form-field${error ? ' form-field--error' : ''}">
<fieldset class="form-field__fieldset"${describedBy(id, Boolean(hint), Boolean(error))}>
<legend class="form-field__label">${label}${requiredMark(ctx, required)}</legend>
${hint ? html`<p class="form-field__hint" id="${id}-hint">${hint}</p>` : ''}
${error ? html`<p class="form-field__error" id="${id}-error">${error}</p>` : ''}
${values.map(
  (v, i) =>
    html`<div class="form-choice"><input class="form-choice__input" type="${multiple ? 'checkbox' : 'radio'}" id="${i === 0 ? id : `${id}-${i}`}" name="${pathKey(path)}" value="${String(v)}"${selected(v) ? html` checked` : ''}><label class="form-choice__label" for="${i === 0 ? id : `${id}-${i}`}">${labels[i] ?? String(v)}</label></div>`,
)}
</fieldset></div>`;
}

function select(
  ctx: RenderContext,
  schema: JsonSchema,
  path: Path,
  label: string,
  required: boolean,
  hint?: string,
): SafeHtml {
  const id = fieldId(path);
  const error = errorOf(ctx, path);
  const labels = uiOf(schema).options ?? [];
  const current = valueAt(ctx.answers, path);
  return html`<div class="form-field${error ? ' form-field--error' : ''}">
<label class="form-field__label" for="${id}">${label}${requiredMark(ctx, required)}</label>
${hint ? html`<p class="form-field__hint" id="${id}-hint">${hint}</p>` : ''}
${error ? html`<p class="form-field__error" id="${id}-error">${error}</p>` : ''}
<select class="form-field__select" id="${id}" name="${pathKey(path)}"${describedBy(id, Boolean(hint), Boolean(error))}>
<option value="">${t(ctx.lang, 'forms.selectPlaceholder')}</option>
${(schema.enum ?? []).map((v, i) => html`<option value="${String(v)}"${current === v ? html` selected` : ''}>${labels[i] ?? String(v)}</option>`)}
</select></div>`;
}

export function valueAt(answers: unknown, path: Path): unknown {
  let current: unknown = answers;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

function group(ctx: RenderContext, schema: JsonSchema, path: Path, label: string, required: boolean): SafeHtml {
  const widget = widgetOf(schema);
  const hint = hintText(ctx, schema, widget);
  const id = fieldId(path);
  const error = errorOf(ctx, path);
  const children = Object.entries(schema.properties ?? {}).map(([name, child]) => {
    const childPath = [...path, name];
    if (widget === 'address' && name === 'postalCode') {
      return input(ctx, {
        path: childPath,
        label: child.title ?? subFieldLabels.postalCode!,
        required: isRequired(schema, name),
        hint: t(ctx.lang, 'forms.hintPostalCode'),
        value: valueAt(ctx.answers, childPath),
        autocomplete: 'postal-code',
        inputmode: 'numeric',
        width: 'short',
        extra: html`<button class="button button--secondary button--small" type="submit" name="_action" value="lookup:${pathKey(path)}" formnovalidate>${t(ctx.lang, 'forms.lookupAddress')}</button>`,
      });
    }
    const kana = widget === 'person-name' && name.endsWith('Kana');
    return field(ctx, child, childPath, isRequired(schema, name), {
      autocomplete:
        widget === 'person-name'
          ? ({ familyName: 'family-name', givenName: 'given-name' } as Record<string, string>)[name]
          : widget === 'address' && name === 'address'
            ? 'street-address'
            : undefined,
      hint: kana ? t(ctx.lang, 'forms.hintKana') : undefined,
    });
  });
  return html`<fieldset class="form-group" id="${id}"${error ? html` aria-describedby="${id}-error"` : ''}>
<legend class="form-group__legend">${label}${requiredMark(ctx, required)}</legend>
${hint ? html`<p class="form-field__hint">${hint}</p>` : ''}
${error ? html`<p class="form-field__error" id="${id}-error">${error}</p>` : ''}
${children}
</fieldset>`;
}

function repeat(ctx: RenderContext, schema: JsonSchema, path: Path, label: string, required: boolean): SafeHtml {
  const items = valueAt(ctx.answers, path);
  const list = Array.isArray(items) && items.length > 0 ? items : [{}];
  const itemLabel = uiOf(schema).itemLabel ?? label;
  const id = fieldId(path);
  const error = errorOf(ctx, path);
  const max = schema.maxItems ?? 20;
  return html`<fieldset class="form-group form-repeat" id="${id}">
<legend class="form-group__legend">${label}${requiredMark(ctx, required)}</legend>
${error ? html`<p class="form-field__error" id="${id}-error">${error}</p>` : ''}
${list.map(
  (_item, i) => html`<fieldset class="form-group form-repeat__item">
<legend class="form-group__legend">${itemLabel} ${i + 1}</legend>
${Object.entries(schema.items?.properties ?? {}).map(([name, child]) => field(ctx, child, [...path, i, name], isRequired(schema.items, name)))}
${list.length > 1 ? html`<button class="button button--secondary button--small" type="submit" name="_action" value="remove:${pathKey(path)}:${i}" formnovalidate>${t(ctx.lang, 'forms.removeItem', { item: `${itemLabel} ${i + 1}` })}</button>` : ''}
</fieldset>`,
)}
${list.length < max ? html`<button class="button button--secondary" type="submit" name="_action" value="add:${pathKey(path)}" formnovalidate>${t(ctx.lang, 'forms.addItem', { item: itemLabel })}</button>` : ''}
</fieldset>`;
}

function field(
  ctx: RenderContext,
  schema: JsonSchema,
  path: Path,
  required: boolean,
  extra: { autocomplete?: string | undefined; hint?: string | undefined } = {},
): SafeHtml {
  const widget = widgetOf(schema);
  const ui = uiOf(schema);
  if (ui.internal) return html``;
  const label = schema.title ?? subFieldLabels[String(path.at(-1))] ?? String(path.at(-1));
  const hint = [hintText(ctx, schema, widget), extra.hint].filter(Boolean).join(' ') || undefined;
  const value = valueAt(ctx.answers, path);
  const autocomplete = ui.autocomplete ?? extra.autocomplete;
  switch (widget) {
    case 'person-name':
    case 'address':
    case 'group':
      return group(ctx, schema, path, label, required);
    case 'repeat':
      return repeat(ctx, schema, path, label, required);
    case 'radios':
      return choices(ctx, schema, path, label, required, hint, false);
    case 'checkboxes':
      return choices(ctx, schema, path, label, required, hint, true);
    case 'select':
      return select(ctx, schema, path, label, required, hint);
    case 'checkbox': {
      const id = fieldId(path);
      const error = errorOf(ctx, path);
      return html`<div class="form-field${error ? ' form-field--error' : ''}">
${error ? html`<p class="form-field__error" id="${id}-error">${error}</p>` : ''}
<div class="form-choice"><input type="hidden" name="${pathKey(path)}" value="false"><input class="form-choice__input" type="checkbox" id="${id}" name="${pathKey(path)}" value="true"${value === true ? html` checked` : ''}${describedBy(id, Boolean(hint), Boolean(error))}><label class="form-choice__label" for="${id}">${label}</label></div>
${hint ? html`<p class="form-field__hint" id="${id}-hint">${hint}</p>` : ''}
</div>`;
    }
    case 'textarea': {
      const id = fieldId(path);
      const error = errorOf(ctx, path);
      return html`<div class="form-field${error ? ' form-field--error' : ''}">
<label class="form-field__label" for="${id}">${label}${requiredMark(ctx, required)}</label>
${hint ? html`<p class="form-field__hint" id="${id}-hint">${hint}</p>` : ''}
${error ? html`<p class="form-field__error" id="${id}-error">${error}</p>` : ''}
<textarea class="form-field__textarea" id="${id}" name="${pathKey(path)}" rows="5"${describedBy(id, Boolean(hint), Boolean(error))}>${stringValue(value)}</textarea>
</div>`;
    }
    case 'my-number': {
      // The stored number is never sent back to the browser: the box stays empty, the mask says it is kept.
      const stored = typeof value === 'string' && value !== '';
      return input(ctx, {
        path,
        label,
        required: required && !stored,
        hint: stored ? `${t(ctx.lang, 'forms.myNumberStored', { masked: maskMyNumber(value) })} ${hint ?? ''}` : hint,
        value: '',
        autocomplete: 'off',
        inputmode: 'numeric',
      });
    }
    case 'file': {
      const id = fieldId(path);
      const error = errorOf(ctx, path);
      const current = typeof value === 'string' ? ctx.fileNames?.[value] : undefined;
      return html`<div class="form-field${error ? ' form-field--error' : ''}">
<label class="form-field__label" for="${id}">${label}${requiredMark(ctx, required && !current)}</label>
${hint ? html`<p class="form-field__hint" id="${id}-hint">${hint}</p>` : ''}
${current ? html`<p class="form-field__hint">${t(ctx.lang, 'forms.fileCurrent', { name: current })}</p>` : ''}
${error ? html`<p class="form-field__error" id="${id}-error">${error}</p>` : ''}
<input class="form-field__file" id="${id}" name="${pathKey(path)}" type="file"${describedBy(id, Boolean(hint), Boolean(error))}>
</div>`;
    }
    default:
      return input(ctx, {
        path,
        label,
        required,
        hint,
        value,
        type: widget === 'email' ? 'email' : widget === 'phone' ? 'tel' : 'text',
        autocomplete: autocomplete ?? (widget === 'email' ? 'email' : widget === 'phone' ? 'tel' : undefined),
        inputmode: widget === 'number' || widget === 'date' ? (widget === 'number' ? 'numeric' : 'text') : undefined,
        width: widget === 'number' || widget === 'date' || widget === 'phone' ? 'short' : undefined,
      } as Parameters<typeof input>[1]);
  }
}

/** The controls of one step (the page puts them in its <form> with the CSRF field and buttons). */
export function renderStepFields(ctx: RenderContext, step: FormStep): SafeHtml {
  const properties = topProperties(ctx.form);
  const required = (ctx.form.schema as JsonSchema).required ?? [];
  return html`${step.fields.map((name) => {
    const schema = properties[name];
    if (!schema) return '';
    const condition = uiOf(schema).showIf;
    const onThisStep = condition ? step.fields.includes(condition.field) : false;
    // A condition answered on an earlier step decides now; on this step, the field shows with a note.
    if (condition && !onThisStep && !isShown(ctx.form, name, ctx.answers)) return '';
    const source = ctx.prefilled?.[name];
    return html`<div class="form-item" data-field="${name}">
${source ? html`<p class="form-prefill">${t(ctx.lang, 'forms.prefilledFrom', { source })}</p>` : ''}
${condition && onThisStep ? html`<p class="form-conditional">${t(ctx.lang, 'forms.conditionalNote', { field: labelOf(ctx.form.schema as JsonSchema, [condition.field]), values: condition.in.map((v) => optionLabel(ctx.form, condition.field, v)).join('・') })}</p>` : ''}
${field(ctx, schema, [name], required.includes(name) || Boolean(condition))}
</div>`;
  })}`;
}

export function stepHasFiles(form: FormDefinition, step: FormStep): boolean {
  const walk = (schema: JsonSchema | undefined): boolean =>
    !!schema &&
    (widgetOf(schema) === 'file' || Object.values(schema.properties ?? {}).some(walk) || walk(schema.items));
  return step.fields.some((name) => walk(topProperties(form)[name]));
}

function optionLabel(form: FormDefinition, fieldName: string, value: unknown): string {
  const schema = topProperties(form)[fieldName];
  if (!schema) return String(value);
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ';
  const index = (schema.enum ?? []).indexOf(value);
  return uiOf(schema).options?.[index] ?? String(value);
}

/** A value as a person reads it: options by label, dates in 和暦 (西暦), My Number masked, files by name. */
export function displayValue(ctx: RenderContext, schema: JsonSchema, value: unknown): string {
  if (value === undefined || value === null || value === '') return t(ctx.lang, 'forms.notAnswered');
  const widget = widgetOf(schema);
  switch (widget) {
    case 'checkbox':
      return value ? t(ctx.lang, 'forms.yes') : t(ctx.lang, 'forms.no');
    case 'radios':
    case 'select': {
      const index = (schema.enum ?? []).indexOf(value);
      return uiOf(schema).options?.[index] ?? String(value);
    }
    case 'checkboxes': {
      const labels = uiOf(schema).options ?? uiOf(schema.items).options ?? [];
      const values = schema.items?.enum ?? [];
      const chosen = (value as unknown[]).map((v) => labels[values.indexOf(v)] ?? String(v));
      return chosen.length > 0 ? chosen.join('、') : t(ctx.lang, 'forms.notAnswered');
    }
    case 'date':
      try {
        return `${toWareki(String(value)).text}（${String(value).replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日')}）`;
      } catch {
        return String(value);
      }
    case 'my-number':
      return maskMyNumber(String(value));
    case 'file':
      return ctx.fileNames?.[String(value)] ?? t(ctx.lang, 'forms.fileAttached');
    case 'person-name': {
      const v = value as Record<string, string>;
      return `${v.familyName ?? ''} ${v.givenName ?? ''}（${v.familyNameKana ?? ''} ${v.givenNameKana ?? ''}）`;
    }
    case 'address': {
      const v = value as Record<string, string>;
      return `〒${(v.postalCode ?? '').replace(/^(\d{3})(\d{4})$/, '$1-$2')} ${v.address ?? ''}`;
    }
    default:
      return typeof value === 'object' ? '' : String(value);
  }
}

export interface SummaryRow {
  field: string;
  label: string;
  value: string;
  /** Where to change it: the step and the field's anchor. */
  stepId: string;
  anchor: string;
}

/** Rows of the check-your-answers page, in step order; groups and repeats are flattened into rows. */
export function summaryRows(ctx: RenderContext): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const root = ctx.form.schema as JsonSchema;
  const add = (schema: JsonSchema, path: Path, stepId: string) => {
    const widget = widgetOf(schema);
    if (uiOf(schema).internal) return;
    const value = valueAt(ctx.answers, path);
    if (widget === 'group') {
      for (const [name, child] of Object.entries(schema.properties ?? {})) add(child, [...path, name], stepId);
      return;
    }
    if (widget === 'repeat') {
      const items = Array.isArray(value) ? value : [];
      if (items.length === 0) {
        rows.push({
          field: pathKey(path),
          label: labelOf(root, path),
          value: t(ctx.lang, 'forms.notAnswered'),
          stepId,
          anchor: fieldId(path),
        });
      }
      items.forEach((_, i) => {
        for (const [name, child] of Object.entries(schema.items?.properties ?? {}))
          add(child, [...path, i, name], stepId);
      });
      return;
    }
    rows.push({
      field: pathKey(path),
      label: labelOf(root, path),
      value: displayValue(ctx, schema, value),
      stepId,
      anchor: fieldId(
        widget === 'person-name' ? [...path, 'familyName'] : widget === 'address' ? [...path, 'postalCode'] : path,
      ),
    });
  };
  for (const step of ctx.form.steps) {
    for (const name of step.fields) {
      const schema = schemaAt(root, [name]);
      if (!schema || !isShown(ctx.form, name, ctx.answers)) continue;
      add(schema, [name], step.id);
    }
  }
  return rows;
}
