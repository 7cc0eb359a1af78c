// JSON Schemas of this module's API (the OpenAPI document is generated from them), and the query type.
import { lifeEvents, notOnlineReasons } from './definition.ts';

const localized = {
  type: 'object',
  required: ['ja', 'jaEasy', 'en'],
  properties: { ja: { type: 'string' }, jaEasy: { type: 'string' }, en: { type: 'string' } },
} as const;

const fee = {
  type: 'object',
  description: '手数料: none / fixed（定額）/ per_unit（単位ごと、例: 1通300円）',
  required: ['kind'],
  properties: {
    kind: { type: 'string', enum: ['none', 'fixed', 'per_unit'] },
    amount: { type: 'integer', description: '円' },
    unitField: { type: 'string' },
    unitLabel: { type: 'string', examples: ['通'] },
  },
} as const;

const availability = {
  type: 'string',
  enum: ['online', 'online_with_visit', 'in_person'],
  description: 'online: オンラインで完結 / online_with_visit: 来庁1回 / in_person: 窓口のみ',
} as const;

export const procedureSummarySchema = {
  $id: 'ProcedureSummary',
  type: 'object',
  description: '手続の一覧に出す項目',
  required: [
    'code',
    'name',
    'nameKana',
    'nameEn',
    'description',
    'department',
    'availability',
    'filer',
    'lifeEvents',
    'fee',
    'full',
  ],
  properties: {
    code: { type: 'string', examples: ['juminhyo-copy'] },
    name: { type: 'string', examples: ['住民票の写しの交付請求'] },
    nameKana: { type: 'string' },
    nameEn: { type: 'string' },
    description: localized,
    department: { type: 'string', description: '担当部署のコード。`ward.` で始まるものは申請者の住む区の区役所の課' },
    availability,
    filer: { type: 'string', enum: ['resident', 'business', 'both'] },
    lifeEvents: { type: 'array', items: { type: 'string', enum: lifeEvents } },
    fee,
    full: { type: 'boolean', description: 'このサイトで申請できる（/apply/<code>）' },
  },
} as const;

const looseObject = { type: 'object', additionalProperties: true } as const;

export const procedureSchema = {
  $id: 'Procedure',
  type: 'object',
  description: '手続の定義（definition.ts の Procedure）。full の手続は form・workflow・document を持つ',
  required: [
    'code',
    'name',
    'nameKana',
    'nameEn',
    'description',
    'department',
    'categories',
    'lifeEvents',
    'filer',
    'availability',
    'assurance',
    'jpkiSignature',
    'proxyAllowed',
    'fee',
    'paymentMethods',
    'attachments',
    'processingDays',
    'synonyms',
  ],
  properties: {
    code: { type: 'string' },
    name: { type: 'string' },
    nameKana: { type: 'string' },
    nameEn: { type: 'string' },
    description: localized,
    department: { type: 'string' },
    categories: { type: 'array', items: { type: 'string' } },
    lifeEvents: { type: 'array', items: { type: 'string', enum: lifeEvents } },
    filer: { type: 'string', enum: ['resident', 'business', 'both'] },
    availability,
    notOnline: {
      type: 'object',
      required: ['reason', 'detail', 'onlineParts'],
      properties: { reason: { type: 'string', enum: notOnlineReasons }, detail: localized, onlineParts: localized },
    },
    assurance: { type: 'string', enum: ['none', 'account', 'jpki_identity', 'jpki_signature'] },
    jpkiSignature: { type: 'boolean' },
    proxyAllowed: { type: 'boolean' },
    fee,
    paymentMethods: {
      type: 'array',
      items: { type: 'string', enum: ['card', 'paypay', 'bank_transfer', 'cash', 'el_qr'] },
    },
    attachments: { type: 'array', items: looseObject },
    processingDays: { type: 'integer', description: '標準処理期間（日）。0 は即日' },
    synonyms: { type: 'array', items: { type: 'string' } },
    form: { ...looseObject, description: '申請フォーム（JSON Schema 2020-12 と手順）' },
    workflow: looseObject,
    document: looseObject,
  },
} as const;

/** Query of the search page and API; an empty value means "no filter" (what a GET form sends). */
export const searchQuerySchema = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: 200, description: 'キーワード（漢字・かな・カナ・英語）' },
    lifeEvent: { type: 'string', enum: ['', ...lifeEvents], description: 'ライフイベント' },
    department: {
      type: 'string',
      pattern: '^([a-z0-9][a-z0-9.-]{0,99})?$',
      description: '担当部署コード（その下の部署も含む）。ward は区役所の課',
    },
    online: { type: 'boolean', description: 'オンラインで完結する手続だけ' },
    filer: { type: 'string', enum: ['', 'resident', 'business'], description: '申請する人' },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    offset: { type: 'integer', minimum: 0, maximum: 10000, default: 0 },
    lang: { type: 'string' },
  },
  additionalProperties: false,
} as const;

export interface SearchQuery {
  q?: string;
  lifeEvent?: '' | (typeof lifeEvents)[number];
  department?: string;
  online?: boolean;
  filer?: '' | 'resident' | 'business';
  limit: number;
  offset: number;
}

export const codeParamsSchema = {
  type: 'object',
  required: ['code'],
  properties: { code: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$', description: '手続コード' } },
} as const;
