// Building blocks for the forms of the procedures written in full: one helper per widget, with the limits
// the form engine (src/platform/forms/) normalises to — 7-digit postal codes, full-width katakana
// readings, ISO dates — so every form states them the same way.
import type { UiHint } from '../definition.ts';

export type Schema = Record<string, unknown>;

export interface Choice {
  value: string;
  label: string;
}

type Extra = Omit<UiHint, 'widget' | 'options'>;

function withUi(schema: Schema, widget: UiHint['widget'], extra: Extra = {}): Schema {
  return { ...schema, 'x-ui': { widget, ...extra } };
}

// The register keeps readings as full-width katakana (ヴ, small kana, ー and the ・ of foreign names).
const kana = '^[ァ-ヶ・ー]+$';

export function text(title: string, maxLength: number, extra: Extra & { pattern?: string } = {}): Schema {
  const { pattern, ...ui } = extra;
  return withUi({ type: 'string', title, minLength: 1, maxLength, ...(pattern ? { pattern } : {}) }, 'text', ui);
}

export function kanaText(title: string, maxLength: number, extra: Extra = {}): Schema {
  // 口座名義 adds the brackets and dot of company names: カ）カワサキケンセツ
  return withUi({ type: 'string', title, minLength: 1, maxLength, pattern: '^[ァ-ヶ・ー　（）．]+$' }, 'text', extra);
}

export function textarea(title: string, maxLength: number, extra: Extra = {}): Schema {
  return withUi({ type: 'string', title, minLength: 1, maxLength }, 'textarea', extra);
}

export function integer(title: string, minimum: number, maximum: number, extra: Extra = {}): Schema {
  return withUi({ type: 'integer', title, minimum, maximum }, 'number', extra);
}

/** A decimal with two places at most (面積 in ㎡). */
export function decimal(title: string, minimum: number, maximum: number, extra: Extra = {}): Schema {
  return withUi({ type: 'number', title, exclusiveMinimum: minimum, maximum, multipleOf: 0.01 }, 'number', extra);
}

export function radios(title: string, choices: Choice[], extra: Extra = {}): Schema {
  return choice('radios', title, choices, extra);
}

export function select(title: string, choices: Choice[], extra: Extra = {}): Schema {
  return choice('select', title, choices, extra);
}

function choice(widget: 'radios' | 'select', title: string, choices: Choice[], extra: Extra): Schema {
  return {
    type: 'string',
    title,
    enum: choices.map((c) => c.value),
    'x-ui': { widget, options: choices.map((c) => c.label), ...extra },
  };
}

export function checkboxes(title: string, choices: Choice[], minItems: number, extra: Extra = {}): Schema {
  return {
    type: 'array',
    title,
    items: { type: 'string', enum: choices.map((c) => c.value) },
    uniqueItems: true,
    minItems,
    maxItems: choices.length,
    'x-ui': { widget: 'checkboxes', options: choices.map((c) => c.label), ...extra },
  };
}

export function checkbox(title: string, extra: Extra = {}): Schema {
  return withUi({ type: 'boolean', title }, 'checkbox', extra);
}

/** A declaration the person must tick (誓約・同意): only `true` is accepted. */
export function consent(title: string, extra: Extra = {}): Schema {
  return withUi({ type: 'boolean', title, const: true }, 'checkbox', extra);
}

export function date(title: string, extra: Extra = {}): Schema {
  return withUi({ type: 'string', title, format: 'date' }, 'date', extra);
}

/** The first day of a month (利用開始月 and the like): the engine has no month widget. */
export function monthStart(title: string, extra: Extra = {}): Schema {
  return withUi({ type: 'string', title, format: 'date', pattern: '^[0-9]{4}-[0-9]{2}-01$' }, 'date', {
    hint: '希望する月の1日を入力してください（例: 令和8年4月1日）。',
    ...extra,
  });
}

export function phone(title: string, extra: Extra = {}): Schema {
  return withUi({ type: 'string', title, maxLength: 20, pattern: '^(0[0-9-]{9,13}|\\+[1-9][0-9-]{7,19})$' }, 'phone', {
    autocomplete: 'tel',
    hint: '例: 044-200-2111、090-1234-5678',
    ...extra,
  });
}

export function email(title: string, extra: Extra = {}): Schema {
  return withUi({ type: 'string', title, format: 'email', maxLength: 254 }, 'email', {
    autocomplete: 'email',
    ...extra,
  });
}

export function myNumber(title: string, extra: Extra = {}): Schema {
  return withUi({ type: 'string', title, pattern: '^[0-9]{12}$' }, 'my-number', {
    hint: 'マイナンバーカードの裏面にある12桁の番号',
    ...extra,
  });
}

export function file(title: string, attachment: string, extra: Extra = {}): Schema {
  return withUi({ type: 'string', title, minLength: 1, maxLength: 100 }, 'file', { attachment, ...extra });
}

/** 法人番号: 13 digits, the first being the check digit (1–9); prefilled from the business acting. */
export function corporateNumber(title = '法人番号'): Schema {
  return text(title, 13, { prefill: 'business.corporateNumber', pattern: '^[1-9][0-9]{12}$', hint: '13桁の数字' });
}

export function personName(title: string, extra: Extra = {}): Schema {
  return withUi(
    {
      type: 'object',
      title,
      properties: {
        familyName: { type: 'string', title: '氏', minLength: 1, maxLength: 30 },
        givenName: { type: 'string', title: '名', minLength: 1, maxLength: 30 },
        familyNameKana: { type: 'string', title: '氏（フリガナ）', minLength: 1, maxLength: 60, pattern: kana },
        givenNameKana: { type: 'string', title: '名（フリガナ）', minLength: 1, maxLength: 60, pattern: kana },
      },
      // Some foreign residents are registered under one name only: 名 may be left out, 氏 may not.
      required: ['familyName', 'familyNameKana'],
      additionalProperties: false,
    },
    'person-name',
    extra,
  );
}

export function address(title: string, extra: Extra = {}): Schema {
  return withUi(
    {
      type: 'object',
      title,
      properties: {
        postalCode: { type: 'string', title: '郵便番号', pattern: '^[0-9]{7}$' },
        address: { type: 'string', title: '住所', minLength: 1, maxLength: 200 },
      },
      required: ['postalCode', 'address'],
      additionalProperties: false,
    },
    'address',
    { hint: '郵便番号から町名まで入ります。番地・建物名・部屋番号まで入力してください。', ...extra },
  );
}

export function repeat(
  title: string,
  itemLabel: string,
  item: { properties: Record<string, Schema>; required: string[] },
  bounds: { minItems: number; maxItems: number },
  extra: Extra = {},
): Schema {
  return withUi(
    {
      type: 'array',
      title,
      ...bounds,
      items: { type: 'object', properties: item.properties, required: item.required, additionalProperties: false },
    },
    'repeat',
    { itemLabel, ...extra },
  );
}

/** A field staff fill in or the system sets (決定内容 and the like); the applicant never sees it. */
export function internal(schema: Schema): Schema {
  return { ...schema, 'x-ui': { ...(schema['x-ui'] as UiHint), internal: true } };
}

/** Only when `field` has one of `values`: shown and required then (x-ui.showIf, mirrored by if/then). */
export function when(field: string, values: (string | boolean)[], schema: Schema): Schema {
  return { ...schema, 'x-ui': { ...(schema['x-ui'] as UiHint), showIf: { field, in: values } } };
}

/**
 * The answers' schema: every `showIf` becomes an `if`/`then` requiring the field under the same
 * condition, so the server rejects what the page would have asked for. Hidden fields are not forbidden:
 * the engine drops them when their condition stops holding.
 */
export function formSchema(properties: Record<string, Schema>, required: string[]): Schema {
  const groups = new Map<string, { field: string; values: (string | boolean)[]; names: string[] }>();
  for (const [name, schema] of Object.entries(properties)) {
    const showIf = (schema['x-ui'] as UiHint | undefined)?.showIf;
    if (!showIf) continue;
    const key = JSON.stringify([showIf.field, showIf.in]);
    const group = groups.get(key) ?? { field: showIf.field, values: showIf.in, names: [] };
    group.names.push(name);
    groups.set(key, group);
  }
  const conditions = [...groups.values()].map((g) => ({
    if: { properties: { [g.field]: { enum: g.values } }, required: [g.field] },
    // `properties` repeats the names only so Ajv's strict mode sees that what is required exists.
    then: { properties: Object.fromEntries(g.names.map((n) => [n, true])), required: g.names },
  }));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties,
    required,
    additionalProperties: false,
    ...(conditions.length > 0 ? { allOf: conditions } : {}),
  };
}

// Fields several procedures share.

export const yesNo: Choice[] = [
  { value: 'yes', label: 'はい' },
  { value: 'no', label: 'いいえ' },
];

/** 振込・振替口座. Flat top-level fields: the engine renders objects only as names and addresses. */
export function bankAccountFields(holderHint: string): Record<string, Schema> {
  return {
    bankName: text('金融機関名', 40, { hint: '例: 川崎信用金庫、ゆうちょ銀行' }),
    bankCode: text('金融機関コード', 4, { pattern: '^[0-9]{4}$', hint: '4桁の数字（例: 1351）' }),
    branchName: text('支店名', 40, { hint: 'ゆうちょ銀行は「〇一八（ゼロイチハチ）店」のような店名' }),
    branchCode: text('支店コード', 3, { pattern: '^[0-9]{3}$', hint: '3桁の数字' }),
    accountType: radios('預金の種類', [
      { value: 'ordinary', label: '普通' },
      { value: 'current', label: '当座' },
      { value: 'savings', label: '貯蓄' },
    ]),
    accountNumber: text('口座番号', 7, {
      pattern: '^[0-9]{7}$',
      hint: '7桁の数字（7桁より短いときは前に0を付けます）。ゆうちょ銀行は振込用の口座番号',
    }),
    accountHolderKana: kanaText('口座名義（フリガナ）', 60, { hint: holderHint }),
  };
}

export const bankAccountFieldNames = [
  'bankName',
  'bankCode',
  'branchName',
  'branchCode',
  'accountType',
  'accountNumber',
  'accountHolderKana',
];

/** 川崎市の7区. Values are the wards' local government codes (organisation module). */
export const wardChoices: Choice[] = [
  { value: '141313', label: '川崎区' },
  { value: '141321', label: '幸区' },
  { value: '141330', label: '中原区' },
  { value: '141348', label: '高津区' },
  { value: '141364', label: '宮前区' },
  { value: '141356', label: '多摩区' },
  { value: '141372', label: '麻生区' },
];

export const pdfOrImage = ['application/pdf', 'image/jpeg', 'image/png'];
export const fiveMegabytes = 5 * 1024 * 1024;
export const tenMegabytes = 10 * 1024 * 1024;
