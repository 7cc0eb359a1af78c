// 口座振替の申込 for 市税 or 上下水道料金. A direct-debit mandate lets the city draw money from an account,
// so it is signed with the 署名用電子証明書 (JPKI) in place of the bank seal on the paper form. The first
// debit is one to two months after the request, once the bank has confirmed the account.
// Routing: the case goes to the 財政局; water mandates are passed on to the 上下水道局 (one department
// per procedure in the contract — see the report).
import type { Procedure } from '../definition.ts';
import {
  address,
  bankAccountFieldNames,
  bankAccountFields,
  checkboxes,
  formSchema,
  personName,
  phone,
  radios,
  text,
  when,
} from './fields.ts';

export const kozaFurikae: Procedure = {
  code: 'koza-furikae',
  name: '口座振替の申込',
  nameKana: 'コウザフリカエノモウシコミ',
  nameEn: 'Direct debit for city taxes or water charges',
  description: {
    ja: '市税（市民税・県民税（普通徴収）、固定資産税・都市計画税、軽自動車税（種別割））や上下水道料金を、預金口座から自動で納めるための申込みです。マイナンバーカードの署名用電子証明書で電子署名をするため、届出印は不要です。振替が始まるまで1〜2か月かかります。それまでは納付書で納めてください。',
    jaEasy:
      '税金や 水道の お金を 銀行の 口座から 自動で はらう 申しこみです。マイナンバーカードで 電子署名を します。はじまるまで 1〜2か月 かかります。',
    en: 'Set up direct debit from your bank account for city taxes (individual inhabitant tax paid directly, fixed asset and city planning tax, light vehicle tax) or water and sewerage charges. You sign with the signature certificate of your My Number Card, so no bank seal is needed. Debiting starts after one to two months; until then, pay with the payment slips.',
  },
  department: 'zaisei',
  categories: ['税金', '上下水道', '支払い'],
  lifeEvents: ['moving', 'tax', 'housing'],
  filer: 'resident',
  availability: 'online',
  assurance: 'jpki_signature',
  jpkiSignature: true,
  proxyAllowed: false,
  fee: { kind: 'none' },
  paymentMethods: [],
  attachments: [],
  processingDays: 45,
  synonyms: [
    '口座振替',
    '口座引き落とし',
    'こうざふりかえ',
    'コウザフリカエ',
    '自動引き落とし',
    '市税 口座振替',
    '水道料金 口座振替',
    'direct debit',
    'automatic payment',
    'account transfer',
  ],
  form: {
    schema: formSchema(
      {
        target: radios('口座振替にするもの', [
          { value: 'city-tax', label: '市税' },
          { value: 'water', label: '上下水道料金' },
        ]),
        taxItems: when(
          'target',
          ['city-tax'],
          checkboxes(
            '税目',
            [
              { value: 'resident-tax', label: '市民税・県民税（普通徴収）' },
              { value: 'property-tax', label: '固定資産税・都市計画税' },
              { value: 'light-vehicle-tax', label: '軽自動車税（種別割）' },
            ],
            1,
          ),
        ),
        taxNoticeNumber: when(
          'target',
          ['city-tax'],
          text('通知書番号', 16, { pattern: '^[0-9-]{6,16}$', hint: '納税通知書に書かれている番号' }),
        ),
        customerNumber: when(
          'target',
          ['water'],
          text('お客さま番号', 12, {
            pattern: '^[0-9]{8,12}$',
            hint: '検針票（使用水量のお知らせ）に書かれている番号',
          }),
        ),
        payer: personName('納める人（納税義務者・使用者）の氏名', { prefill: 'resident.name' }),
        address: address('納める人の住所', { prefill: 'resident.address' }),
        phone: phone('日中に連絡のとれる電話番号'),
        ...bankAccountFields(
          '通帳に書かれているとおりに入力してください。名義は納める人本人か、同じ世帯の人に限ります。',
        ),
      },
      ['target', 'payer', 'address', 'phone', ...bankAccountFieldNames],
    ),
    steps: [
      {
        id: 'target',
        title: '口座振替にするもの',
        fields: ['target', 'taxItems', 'taxNoticeNumber', 'customerNumber'],
      },
      { id: 'payer', title: '納める人', fields: ['payer', 'address', 'phone'] },
      {
        id: 'account',
        title: '振替口座',
        fields: bankAccountFieldNames,
        lead: '最後にマイナンバーカードで電子署名をします。これが口座振替依頼書への押印の代わりになります。',
      },
    ],
  },
  // The bank's confirmation is the outcome; the first debit is announced on the next tax notice or meter slip.
  workflow: { issuesDocument: false },
};
