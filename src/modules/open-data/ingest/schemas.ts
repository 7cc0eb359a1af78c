// The Digital Agency's 自治体標準オープンデータセット (municipal standard open data sets): the columns of each
// list, what their values must look like, and which must be filled in. Column names follow the current
// definitions (データ項目定義書, with the shared 所在地_* address columns); the names the older 推奨データセット
// used (住所, 方書, NO …) are accepted as aliases, since many cities still publish in that layout.
//
// `required` is what the definitions mark ◎ (must be given), plus 全国地方公共団体コード: without it a
// row cannot be told apart from another city's once the data is combined.
import {
  hasFullWidthDigits,
  isCorporateNumber,
  isEmailAddress,
  isHttpUrl,
  isInteger,
  isIsoDate,
  isLatitude,
  isLongitude,
  isMachiazaId,
  isPhoneNumber,
  isPostalCode,
  isTime,
  type LocalGovernmentCodeProblem,
  localGovernmentCodeProblem,
  parseDecimal,
} from './values.ts';

export type ColumnKind =
  | 'text'
  | 'integer'
  | 'number'
  /** YYYY-MM-DD */
  | 'date'
  /** HH:MM */
  | 'time'
  | 'latitude'
  | 'longitude'
  /** One of `codes`. */
  | 'code'
  /** 有 or 無 */
  | 'yesno'
  | 'phone'
  | 'url'
  | 'email'
  | 'postal-code'
  /** 全国地方公共団体コード: six digits with a check digit. */
  | 'local-government-code'
  /** 法人番号: thirteen digits with a check digit. */
  | 'corporate-number'
  /** 町字ID of the Address Base Registry. */
  | 'machiaza-id';

export interface SchemaColumn {
  name: string;
  type: ColumnKind;
  required: boolean;
  /** For `code`: the values allowed. */
  codes?: readonly string[];
  /** Names the older 推奨データセット (or common practice) gave the same column. */
  aliases?: readonly string[];
  /** An example value for messages (a type's own example otherwise). */
  example?: string;
}

export interface StandardSchema {
  id: string;
  title: string;
  columns: SchemaColumn[];
}

type Extra = Partial<Omit<SchemaColumn, 'name' | 'type'>>;

function col(name: string, type: ColumnKind = 'text', extra: Extra = {}): SchemaColumn {
  return { name, type, required: false, ...extra };
}

const flag = ['1'] as const;

/** 全国地方公共団体コード, ID, 地方公共団体名 and the name with its kana and English forms. */
function identity(nameColumn = '名称'): SchemaColumn[] {
  return [
    col('全国地方公共団体コード', 'local-government-code', {
      required: true,
      aliases: ['都道府県コード又は市区町村コード'],
      example: '011002',
    }),
    col('ID', 'text', { aliases: ['NO'] }),
    col('地方公共団体名'),
    col(nameColumn, 'text', { required: true, ...(nameColumn === '名称' ? {} : { aliases: ['名称'] }) }),
    col(`${nameColumn}_カナ`),
    col(`${nameColumn}_英字`, 'text', { aliases: [`${nameColumn}_英語`] }),
  ];
}

/** The address and position columns the lists share. */
function location(addressRequired = true): SchemaColumn[] {
  return [
    col('所在地_全国地方公共団体コード', 'local-government-code', { example: '011088' }),
    col('町字ID', 'machiaza-id'),
    col('所在地_連結表記', 'text', { required: addressRequired, aliases: ['住所', '所在地'] }),
    col('所在地_都道府県'),
    col('所在地_市区町村'),
    col('所在地_町字'),
    col('所在地_番地以下'),
    col('建物名等(方書)', 'text', { aliases: ['方書'] }),
    col('緯度', 'latitude'),
    col('経度', 'longitude'),
  ];
}

function height(): SchemaColumn[] {
  return [col('高度の種別', 'code', { codes: ['階数', '標高', '地表高'] }), col('高度の値', 'number')];
}

function contact(): SchemaColumn[] {
  return [
    col('電話番号', 'phone'),
    col('内線番号'),
    col('連絡先メールアドレス', 'email'),
    col('連絡先FormURL', 'url'),
    col('連絡先備考（その他、SNSなど）'),
    col('郵便番号', 'postal-code'),
  ];
}

function hours(prefix = '利用可能', start = '開始時間', end = '終了時間'): SchemaColumn[] {
  return [col(`${prefix}曜日`), col(start, 'time'), col(end, 'time'), col(`${prefix}日時特記事項`)];
}

function closing(): SchemaColumn[] {
  return [col('URL', 'url'), col('画像', 'url'), col('画像_ライセンス'), col('備考')];
}

function operator(name = '団体名'): SchemaColumn[] {
  return [col('法人番号', 'corporate-number'), col(name)];
}

const fee = () => [
  col('料金（基本）', 'text', { aliases: ['料金(基本)'] }),
  col('料金（詳細）', 'text', { aliases: ['料金(詳細)'] }),
];

export const standardSchemas: readonly StandardSchema[] = [
  {
    id: 'public-facility',
    title: '公共施設一覧',
    columns: [
      ...identity(),
      col('名称_通称'),
      col('POIコード'),
      col('種別'),
      ...location(),
      ...height(),
      ...contact(),
      ...operator(),
      ...hours(),
      col('説明'),
      col('バリアフリー情報'),
      col('駐車場情報'),
      ...closing(),
    ],
  },
  {
    id: 'cultural-property',
    title: '文化財一覧',
    columns: [
      ...identity(),
      col('文化財分類', 'text', { required: true }),
      col('種類'),
      col('場所名称'),
      ...location(false),
      col('設置位置'),
      col('員数（数）', 'integer', { aliases: ['員数(数)'] }),
      col('員数（単位）', 'text', { aliases: ['員数(単位)'] }),
      col('所有者等'),
      col('時代'),
      col('文化財指定日', 'date'),
      col('概要'),
      col('説明'),
      ...closing(),
    ],
  },
  {
    id: 'evacuation-site',
    title: '指定緊急避難場所一覧',
    columns: [
      ...identity(),
      ...location(),
      col('標高', 'number'),
      ...contact(),
      ...['洪水', '崖崩れ、土石流及び地滑り', '高潮', '地震', '津波', '大規模な火事', '内水氾濫', '火山現象'].map((d) =>
        col(`災害種別_${d}`, 'code', { codes: flag }),
      ),
      col('指定避難所との重複', 'code', { codes: flag, aliases: ['指定避難所との住所同一'] }),
      col('想定収容人数', 'integer'),
      col('対象となる町会・自治会'),
      ...closing(),
    ],
  },
  {
    id: 'childcare-facility',
    title: '子育て施設一覧',
    columns: [
      ...identity(),
      col('種別', 'text', { required: true }),
      ...location(),
      ...height(),
      col('アクセス方法'),
      col('駐車場情報'),
      ...contact(),
      col('FAX番号', 'phone'),
      ...operator(),
      col('許可等年月日', 'date'),
      col('収容定員', 'integer'),
      col('受入年齢'),
      ...hours(),
      col('一時預かりの有無', 'yesno'),
      col('病児保育の有無', 'yesno'),
      ...closing(),
    ],
  },
  {
    id: 'aed',
    title: 'AED設置箇所一覧',
    columns: [
      ...identity(),
      ...location(),
      col('設置位置', 'text', { required: true }),
      ...height(),
      ...contact(),
      ...operator(),
      ...hours(),
      col('小児対応設備の有無', 'yesno'),
      ...closing(),
    ],
  },
  {
    id: 'care-service',
    title: '介護サービス事業所一覧',
    columns: [
      ...identity(),
      ...location(),
      ...contact(),
      col('FAX番号', 'phone'),
      col('法人の名称'),
      col('法人番号', 'corporate-number'),
      col('事業所番号', 'text', { example: '0170100011' }),
      col('実施サービス'),
      ...hours(),
      col('定員', 'integer'),
      ...closing(),
    ],
  },
  {
    id: 'medical-institution',
    title: '医療機関一覧',
    columns: [
      ...identity(),
      col('医療機関の種類', 'code', { codes: ['病院', '診療所', '歯科診療所'] }),
      ...location(),
      ...contact(),
      col('FAX番号', 'phone'),
      col('法人の名称'),
      col('法人番号', 'corporate-number'),
      col('医療機関コード'),
      ...hours('診療', '診療開始時間', '診療終了時間'),
      col('時間外における対応'),
      col('病床数', 'integer'),
      col('診療科目'),
      ...closing(),
    ],
  },
  {
    id: 'tourist-facility',
    title: '観光施設一覧',
    columns: [
      ...identity(),
      col('POIコード'),
      col('種別'),
      ...location(),
      ...height(),
      ...contact(),
      ...hours(),
      ...fee(),
      col('説明'),
      col('説明_英語'),
      col('アクセス方法'),
      col('駐車場情報'),
      col('バリアフリー情報'),
      col('連絡先名称'),
      ...closing(),
    ],
  },
  {
    id: 'event',
    title: 'イベント一覧',
    columns: [
      ...identity('イベント名'),
      col('開始日', 'date', { required: true }),
      col('終了日', 'date'),
      col('開始時間', 'time'),
      col('終了時間', 'time'),
      col('開始日時特記事項'),
      col('説明'),
      ...fee(),
      col('連絡先名称'),
      col('連絡先電話番号', 'phone'),
      col('連絡先内線番号'),
      col('主催者'),
      col('場所名称'),
      ...location(false),
      col('アクセス方法'),
      col('駐車場情報'),
      col('定員', 'integer'),
      col('参加申込終了日', 'date'),
      col('参加申込終了時間', 'time'),
      col('参加申込方法'),
      ...closing(),
    ],
  },
];

const byId = new Map(standardSchemas.map((s) => [s.id, s]));

export function getStandardSchema(id: string): StandardSchema | null {
  return byId.get(id) ?? null;
}

/** How a header is compared with the schema: NFKC (full-width brackets and underscores), no spaces. */
export function headerKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

export interface ColumnMatch {
  column: SchemaColumn;
  /** The header was an older name of the column. */
  alias: boolean;
}

/** The schema column a header names, by its current name or an older one. */
export function matchColumn(schema: StandardSchema, header: string): ColumnMatch | null {
  let index = matchers.get(schema);
  if (!index) {
    index = new Map();
    for (const column of schema.columns) index.set(headerKey(column.name), { column, alias: false });
    for (const column of schema.columns) {
      for (const alias of column.aliases ?? []) {
        const key = headerKey(alias);
        if (!index.has(key)) index.set(key, { column, alias: true });
      }
    }
    matchers.set(schema, index);
  }
  return index.get(headerKey(header)) ?? null;
}

const matchers = new WeakMap<StandardSchema, Map<string, ColumnMatch>>();

/** The type a column reports (model.ts Column.type): codes, phones and the like are text. */
export function reportedType(kind: ColumnKind): string {
  switch (kind) {
    case 'integer':
    case 'number':
    case 'date':
    case 'time':
    case 'latitude':
    case 'longitude':
      return kind;
    default:
      return 'text';
  }
}

/** What is wrong with a value of a column; `severity` says whether it blocks publishing. */
export interface ValueProblem {
  code: string;
  severity: 'error' | 'warning';
  /** For local government codes: which rule failed. */
  detail?: LocalGovernmentCodeProblem | 'full_width' | 'swapped';
}

/** Checks one non-empty value against its column (required values are checked by the caller). */
export function checkValue(column: SchemaColumn, value: string): ValueProblem | null {
  const problem = problemOf(column, value);
  if (problem && problem.detail === undefined && numeric.has(problem.code) && hasFullWidthDigits(value)) {
    problem.detail = 'full_width';
  }
  return problem;
}

const numeric = new Set(['not_integer', 'not_number', 'not_date', 'not_time', 'invalid_coordinate']);

function problemOf(column: SchemaColumn, value: string): ValueProblem | null {
  switch (column.type) {
    case 'text':
      return null;
    case 'integer':
      return isInteger(value) ? null : { code: 'not_integer', severity: 'error' };
    case 'number':
      return parseDecimal(value) !== null ? null : { code: 'not_number', severity: 'error' };
    case 'date':
      return isIsoDate(value) ? null : { code: 'not_date', severity: 'error' };
    case 'time':
      return isTime(value) ? null : { code: 'not_time', severity: 'error' };
    case 'latitude':
    case 'longitude': {
      const n = parseDecimal(value);
      if (n === null) return { code: 'invalid_coordinate', severity: 'error' };
      const inRange = column.type === 'latitude' ? isLatitude(n) : isLongitude(n);
      return inRange ? null : { code: 'coordinate_out_of_range', severity: 'error' };
    }
    case 'code':
      return column.codes?.includes(value) ? null : { code: 'not_code', severity: 'error' };
    case 'yesno':
      return value === '有' || value === '無' ? null : { code: 'not_code', severity: 'error' };
    case 'phone':
      return isPhoneNumber(value) ? null : { code: 'phone_format', severity: 'warning' };
    case 'url':
      return isHttpUrl(value) ? null : { code: 'url_format', severity: 'warning' };
    case 'email':
      return isEmailAddress(value) ? null : { code: 'email_format', severity: 'warning' };
    case 'postal-code':
      return isPostalCode(value) ? null : { code: 'postal_code_format', severity: 'warning' };
    case 'local-government-code': {
      const problem = localGovernmentCodeProblem(value);
      return problem ? { code: 'invalid_local_government_code', severity: 'error', detail: problem } : null;
    }
    case 'corporate-number':
      return isCorporateNumber(value) ? null : { code: 'corporate_number_format', severity: 'warning' };
    case 'machiaza-id':
      return isMachiazaId(value) ? null : { code: 'machiaza_id_format', severity: 'warning' };
  }
}

/** The values a column allows, as a message lists them. */
export function allowedCodes(column: SchemaColumn): readonly string[] {
  return column.type === 'yesno' ? ['有', '無'] : (column.codes ?? []);
}
