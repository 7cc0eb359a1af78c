// Reading a form's JSON Schema: the property at a path, its label, its widget, the fields a step shows.
import type { FormDefinition, FormStep, UiHint } from './types.ts';

export type JsonSchema = Record<string, unknown> & {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  format?: string;
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  'x-ui'?: UiHint;
};

export type Widget = NonNullable<UiHint['widget']> | 'group';

/** A path into the answers: property names and array indexes, written `children.0.birthDate`. */
export type Path = (string | number)[];

export function pathKey(path: Path): string {
  return path.join('.');
}

export function parsePathKey(key: string): Path {
  return key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The HTML id of the control for a path (`f-children-0-birthDate`); error summaries link to it. */
export function fieldId(path: Path): string {
  return `f-${path.join('-')}`;
}

export function uiOf(schema: JsonSchema | undefined): UiHint {
  return (schema?.['x-ui'] as UiHint | undefined) ?? {};
}

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

export function widgetOf(schema: JsonSchema): Widget {
  const hint = uiOf(schema).widget;
  if (hint) return hint;
  const type = typeOf(schema);
  if (type === 'boolean') return 'checkbox';
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'array') return schema.items?.enum ? 'checkboxes' : 'repeat';
  if (type === 'object') return 'group';
  if (schema.enum) return schema.enum.length <= 6 ? 'radios' : 'select';
  if (schema.format === 'date') return 'date';
  if (schema.format === 'email') return 'email';
  return 'text';
}

export function isInteger(schema: JsonSchema): boolean {
  return typeOf(schema) === 'integer';
}

/** The schema of the value at `path`, walking properties and array items. */
export function schemaAt(root: JsonSchema, path: Path): JsonSchema | undefined {
  let current: JsonSchema | undefined = root;
  for (const part of path) {
    if (!current) return undefined;
    current = typeof part === 'number' ? current.items : current.properties?.[part];
  }
  return current;
}

export function labelOf(root: JsonSchema, path: Path): string {
  const own = schemaAt(root, path);
  const name = String(path.at(-1) ?? '');
  const label = own?.title ?? subFieldLabels[name] ?? name;
  // Inside a repeating group, say which item: 「子ども 2 の生年月日」
  const index = path.findLastIndex((p) => typeof p === 'number');
  if (index > 0) {
    const group = schemaAt(root, path.slice(0, index));
    const item = uiOf(group).itemLabel ?? group?.title ?? '';
    return `${item} ${(path[index] as number) + 1} の${label}`;
  }
  return label;
}

/** Labels of the sub-fields of the compound widgets, when the schema gives none. */
export const subFieldLabels: Record<string, string> = {
  familyName: '氏',
  givenName: '名',
  familyNameKana: '氏（フリガナ）',
  givenNameKana: '名（フリガナ）',
  postalCode: '郵便番号',
  address: '住所',
};

export function isRequired(parent: JsonSchema | undefined, name: string): boolean {
  return parent?.required?.includes(name) ?? false;
}

export function stepById(form: FormDefinition, id: string): FormStep | undefined {
  return form.steps.find((s) => s.id === id);
}

export function topProperties(form: FormDefinition): Record<string, JsonSchema> {
  return ((form.schema as JsonSchema).properties ?? {}) as Record<string, JsonSchema>;
}

/** Is a top-level field shown, given the answers so far (x-ui.showIf)? */
export function isShown(form: FormDefinition, name: string, answers: Record<string, unknown>): boolean {
  const condition = uiOf(topProperties(form)[name]).showIf;
  if (!condition) return true;
  return condition.in.includes(answers[condition.field] as string | boolean);
}

/** Every path in the schema whose widget matches (array items as `*`), e.g. the My Number fields. */
export function pathsWithWidget(form: FormDefinition, widget: Widget): string[][] {
  const out: string[][] = [];
  const walk = (schema: JsonSchema, path: string[]) => {
    if (path.length > 0 && widgetOf(schema) === widget) out.push(path);
    for (const [name, child] of Object.entries(schema.properties ?? {})) walk(child, [...path, name]);
    if (schema.items && typeOf(schema) === 'array') walk(schema.items, [...path, '*']);
  };
  walk(form.schema as JsonSchema, []);
  return out;
}
