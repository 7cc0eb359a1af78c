// Server-side validation of answers by the form's own JSON Schema (2020-12, Ajv), with one plain
// message per field in the reader's language, keyed by the field's path so the page can link to it.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { type Lang, t } from '../i18n/i18n.ts';
import { type JsonSchema, labelOf, type Path, parsePathKey, pathKey, schemaAt, widgetOf } from './schema.ts';
import type { FormDefinition } from './types.ts';

export interface FieldError {
  /** Path key of the field (`applicant.familyName`); the page turns it into `#f-applicant-familyName`. */
  field: string;
  message: string;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

// Strict, except that if/then may require a property declared at the top (the usual conditional pattern).
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
addFormats(ajv);
ajv.addKeyword('x-ui');

const compiled = new WeakMap<object, ValidateFunction>();

/** Compiles once per schema object; throws at start-up-time use when a schema is broken. */
export function compileForm(form: FormDefinition): ValidateFunction {
  let validate = compiled.get(form.schema);
  if (!validate) {
    validate = ajv.compile(form.schema);
    compiled.set(form.schema, validate);
  }
  return validate;
}

function errorPath(error: ErrorObject): Path {
  const base = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map(decodePointer);
  if (error.keyword === 'required') base.push((error.params as { missingProperty: string }).missingProperty);
  return base.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function decodePointer(part: string): string {
  return part.replace(/~1/g, '/').replace(/~0/g, '~');
}

function messageFor(lang: Lang, root: JsonSchema, path: Path, error: ErrorObject): string | undefined {
  const label = labelOf(root, path);
  const schema = schemaAt(root, path) ?? {};
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const widget = widgetOf(schema);
      const choose = ['radios', 'select', 'checkboxes', 'checkbox'].includes(widget);
      if (widget === 'file') return t(lang, 'forms.errorFileRequired', { label });
      return t(lang, choose ? 'forms.errorChoose' : 'forms.errorRequired', { label });
    }
    case 'maxLength':
      return t(lang, 'forms.errorMaxLength', { label, limit: Number(p.limit) });
    case 'minLength':
      return Number(p.limit) <= 1
        ? t(lang, 'forms.errorRequired', { label })
        : t(lang, 'forms.errorMinLength', { label, limit: Number(p.limit) });
    case 'minimum':
    case 'exclusiveMinimum':
      return t(lang, 'forms.errorMinimum', { label, limit: Number(p.limit) });
    case 'maximum':
    case 'exclusiveMaximum':
      return t(lang, 'forms.errorMaximum', { label, limit: Number(p.limit) });
    case 'minItems':
      return t(lang, 'forms.errorMinItems', { label, limit: Number(p.limit) });
    case 'maxItems':
      return t(lang, 'forms.errorMaxItems', { label, limit: Number(p.limit) });
    case 'enum':
    case 'const':
      return t(lang, 'forms.errorChoose', { label });
    case 'type':
      return t(lang, p.type === 'integer' || p.type === 'number' ? 'forms.errorNumber' : 'forms.errorInvalid', {
        label,
      });
    case 'format':
      if (p.format === 'date') return t(lang, 'forms.errorDate', { label });
      if (p.format === 'email') return t(lang, 'forms.errorEmail', { label });
      return t(lang, 'forms.errorInvalid', { label });
    case 'pattern':
      return t(lang, 'forms.errorPattern', { label, hint: schema['x-ui']?.hint ?? '' });
    case 'if':
    case 'allOf':
    case 'anyOf':
    case 'oneOf':
    case 'not':
      // Their failing sub-schemas are reported on their own fields.
      return undefined;
    case 'additionalProperties':
      return undefined;
    default:
      return t(lang, 'forms.errorInvalid', { label });
  }
}

/**
 * Validates the whole answer object; returns one error per field (the first), optionally only for the
 * given top-level fields (one step of the form).
 */
export function validateAnswers(
  form: FormDefinition,
  answers: Record<string, unknown>,
  options: { lang: Lang; only?: readonly string[] },
): FieldError[] {
  const validate = compileForm(form);
  if (validate(answers)) return [];
  const root = form.schema as JsonSchema;
  const seen = new Map<string, FieldError>();
  for (const error of validate.errors ?? []) {
    const path = errorPath(error);
    const top = String(path[0] ?? '');
    if (options.only && !options.only.includes(top)) continue;
    const field = pathKey(path);
    if (seen.has(field)) continue;
    const message = messageFor(options.lang, root, path, error);
    if (message) seen.set(field, { field, message });
  }
  return [...seen.values()];
}

// Control characters (other than tab and line breaks) and unpaired surrogates (broken UTF-16) are never
// valid in an answer; PostgreSQL would refuse some of them outright.
const badText =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what is refused
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Fields whose text holds control characters or broken Unicode, anywhere in the answers. */
export function findBadText(value: unknown, lang: Lang, path: string[] = []): FieldError[] {
  if (typeof value === 'string') {
    return badText.test(value)
      ? [{ field: path.join('.') || '(answers)', message: t(lang, 'forms.errorBadText') }]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => findBadText(v, lang, [...path, String(i)]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(badText.test(k) ? [{ field: path.join('.') || '(answers)', message: t(lang, 'forms.errorBadText') }] : []),
      ...findBadText(v, lang, [...path, k]),
    ]);
  }
  return [];
}

/** The same text with those characters removed (forms typed by people: a stray control code is dropped). */
export function cleanText(text: string): string {
  return text.replace(new RegExp(badText.source, 'g'), '');
}

export { parsePathKey };
