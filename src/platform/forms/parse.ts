// From a posted step (flat names like `children.0.birthDate`) to typed answers: Japanese input is made
// regular here (和暦 → ISO date, ひらがな → カタカナ, full-width digits, postal codes, phone numbers, My
// Number check digit). What cannot be read is kept as typed, with a plain message, so nothing is lost.
import { isValidMyNumber, normaliseMyNumber } from '../crypto/my-number.ts';
import type { UploadedFile } from '../http/server.ts';
import { isUploadedFile } from '../http/server.ts';
import { type Lang, t } from '../i18n/i18n.ts';
import { isKatakanaReading, toKatakanaReading } from '../ja/kana.ts';
import { normalizeDigitsAndAscii, normalizePhone, normalizePostalCode } from '../ja/normalize.ts';
import { fromWareki, isIsoDate } from '../ja/wareki.ts';
import {
  isInteger,
  isShown,
  type JsonSchema,
  labelOf,
  type Path,
  pathKey,
  stepById,
  topProperties,
  widgetOf,
} from './schema.ts';
import type { FormDefinition } from './types.ts';
import { cleanText, type FieldError } from './validate.ts';

export type Body = Record<string, unknown>;

export type StepAction =
  | { kind: 'next' }
  | { kind: 'save' }
  | { kind: 'lookup'; field: string }
  | { kind: 'add'; field: string }
  | { kind: 'remove'; field: string; index: number };

export interface ParsedStep {
  /** The answers with this step's fields replaced by what was posted. */
  answers: Record<string, unknown>;
  errors: FieldError[];
  /** New files posted, by path key; the caller stores them and puts their ids at those paths. */
  files: { field: string; file: UploadedFile }[];
  action: StepAction;
}

/** Marks "leave the stored value as it is" (an empty My Number box, no new file chosen). */
const keep = Symbol('keep');

function str(body: Body, name: string): string | undefined {
  const v = body[name];
  if (Array.isArray(v)) return typeof v[0] === 'string' ? cleanText(v[0]) : undefined;
  return typeof v === 'string' ? cleanText(v) : undefined;
}

function strings(body: Body, name: string): string[] {
  const v = body[name];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string').map(cleanText);
  return typeof v === 'string' ? [cleanText(v)] : [];
}

export function parseAction(body: Body): StepAction {
  const raw = str(body, '_action') ?? 'next';
  const [kind, field, index] = raw.split(':');
  if (kind === 'save') return { kind: 'save' };
  if (kind === 'lookup' && field) return { kind: 'lookup', field };
  if (kind === 'add' && field) return { kind: 'add', field };
  if (kind === 'remove' && field && /^\d{1,3}$/.test(index ?? ''))
    return { kind: 'remove', field, index: Number(index) };
  return { kind: 'next' };
}

/** '2025-05-01', '2025/5/1', '2025年5月1日', '令和7年5月1日', 'R7.5.1' → '2025-05-01'. */
export function parseDate(input: string): string {
  const text = normalizeDigitsAndAscii(input).trim().replace(/\s/g, '');
  const western = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (western) {
    const iso = `${western[1]}-${western[2]!.padStart(2, '0')}-${western[3]!.padStart(2, '0')}`;
    if (!isIsoDate(iso)) throw new Error(`${input} は存在しない日付です。`);
    return iso;
  }
  return fromWareki(text);
}

/**
 * A date field of a hand-written form (any way staff type a date, 和暦 included): the ISO day, or '' with the
 * problem (empty, or not a date) added to `errors` on `field`.
 */
export function parseDateField(
  value: string | undefined,
  errors: FieldError[],
  field: string,
  label: string,
  example = '2026-12-03 または 令和8年12月3日',
): string {
  const raw = (value ?? '').trim();
  if (raw === '') {
    errors.push({ field, message: `${label}を入力してください（例: ${example}）。` });
    return '';
  }
  try {
    return parseDate(raw);
  } catch (error) {
    errors.push({ field, message: `${label}: ${(error as Error).message}` });
    return '';
  }
}

interface Ctx {
  lang: Lang;
  root: JsonSchema;
  body: Body;
  errors: FieldError[];
  files: { field: string; file: UploadedFile }[];
}

function fail(ctx: Ctx, path: Path, key: string, extra: Record<string, string> = {}) {
  ctx.errors.push({ field: pathKey(path), message: t(ctx.lang, key, { label: labelOf(ctx.root, path), ...extra }) });
}

function itemCount(body: Body, prefix: string): number {
  let max = -1;
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d{1,3})(\\.|$)`);
  for (const key of Object.keys(body)) {
    const m = pattern.exec(key);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

function parseValue(ctx: Ctx, schema: JsonSchema, path: Path, previous: unknown): unknown {
  const name = pathKey(path);
  const widget = widgetOf(schema);
  const raw = str(ctx.body, name);
  const text = raw?.trim() ?? '';
  switch (widget) {
    case 'checkbox':
      return ['true', 'on', '1'].includes(text);
    case 'checkboxes':
      return strings(ctx.body, name);
    case 'number': {
      if (text === '') return undefined;
      const digits = normalizeDigitsAndAscii(text).replace(/[,\s]/g, '');
      const value = Number(digits);
      if (!/^-?\d+(\.\d+)?$/.test(digits) || (isInteger(schema) && !Number.isInteger(value))) {
        fail(ctx, path, 'forms.errorNumber');
        return text;
      }
      return value;
    }
    case 'date': {
      if (text === '') return undefined;
      try {
        return parseDate(text);
      } catch (error) {
        fail(ctx, path, 'forms.errorDateDetail', { detail: (error as Error).message });
        return text;
      }
    }
    case 'phone': {
      if (text === '') return undefined;
      try {
        return normalizePhone(text);
      } catch {
        fail(ctx, path, 'forms.errorPhone');
        return text;
      }
    }
    case 'my-number': {
      if (text === '') return previous === undefined ? undefined : keep;
      const digits = normaliseMyNumber(text);
      if (!isValidMyNumber(digits)) {
        fail(ctx, path, 'forms.errorMyNumber');
        return undefined;
      }
      return digits;
    }
    case 'file': {
      const value = ctx.body[name];
      if (isUploadedFile(value) && value.data.length > 0) {
        ctx.files.push({ field: name, file: value });
        return keep;
      }
      return previous === undefined ? undefined : keep;
    }
    case 'person-name':
    case 'address':
    case 'group': {
      const out: Record<string, unknown> = {};
      const prev = (previous ?? {}) as Record<string, unknown>;
      for (const [child, childSchema] of Object.entries(schema.properties ?? {})) {
        const value = parseChild(ctx, widget, childSchema, [...path, child], prev[child]);
        if (value === keep) out[child] = prev[child];
        else if (value !== undefined) out[child] = value;
      }
      return Object.keys(out).length > 0 ? out : undefined;
    }
    case 'repeat': {
      const items: unknown[] = [];
      const prev = Array.isArray(previous) ? previous : [];
      const count = itemCount(ctx.body, name);
      for (let i = 0; i < count; i++) {
        const item = parseValue(ctx, schema.items ?? {}, [...path, i], prev[i]);
        items.push(item === keep ? prev[i] : (item ?? {}));
      }
      return items;
    }
    default:
      return text === '' ? undefined : raw!.replace(/\r\n/g, '\n').trim();
  }
}

function parseChild(ctx: Ctx, parentWidget: string, schema: JsonSchema, path: Path, previous: unknown): unknown {
  const name = String(path.at(-1));
  const text = str(ctx.body, pathKey(path))?.trim() ?? '';
  if (parentWidget === 'person-name' && name.endsWith('Kana')) {
    if (text === '') return undefined;
    const reading = toKatakanaReading(text).replace(/\u3000/g, '');
    const check = isKatakanaReading(reading);
    if (!check.ok) {
      fail(ctx, path, 'forms.errorKana');
      return text;
    }
    return reading;
  }
  if (parentWidget === 'address' && name === 'postalCode') {
    if (text === '') return undefined;
    try {
      return normalizePostalCode(text);
    } catch {
      fail(ctx, path, 'forms.errorPostalCode');
      return text;
    }
  }
  return parseValue(ctx, schema, path, previous);
}

/**
 * Reads one step's posted fields into the answers. Fields hidden by `showIf` are dropped, so an
 * answer for a path not taken is never kept or validated.
 */
export function parseStep(
  form: FormDefinition,
  stepId: string,
  body: Body,
  previous: Record<string, unknown>,
  lang: Lang,
): ParsedStep {
  const step = stepById(form, stepId);
  if (!step) throw new Error(`unknown step ${stepId}`);
  const ctx: Ctx = { lang, root: form.schema as JsonSchema, body, errors: [], files: [] };
  const answers: Record<string, unknown> = { ...previous };
  const properties = topProperties(form);
  for (const name of step.fields) {
    const schema = properties[name];
    if (!schema || schema['x-ui']?.internal) continue;
    const value = parseValue(ctx, schema, [name], previous[name]);
    if (value === keep) continue;
    if (value === undefined) delete answers[name];
    else answers[name] = value;
  }
  for (const name of Object.keys(properties)) {
    if (!isShown(form, name, answers)) delete answers[name];
  }
  const action = parseAction(body);
  applyAction(form, answers, action);
  return { answers, errors: ctx.errors, files: ctx.files, action };
}

/** Adds or removes an item of a repeating group (no-JS buttons). */
function applyAction(form: FormDefinition, answers: Record<string, unknown>, action: StepAction): void {
  if (action.kind !== 'add' && action.kind !== 'remove') return;
  const schema = topProperties(form)[action.field];
  if (!schema || widgetOf(schema) !== 'repeat') return;
  const items = Array.isArray(answers[action.field]) ? [...(answers[action.field] as unknown[])] : [];
  if (action.kind === 'add' && items.length < (schema.maxItems ?? 20)) items.push({});
  if (action.kind === 'remove') items.splice(action.index, 1);
  answers[action.field] = items;
}
