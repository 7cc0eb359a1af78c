// 水道の使用開始 (上下水道の使用開始届): a new tenant or owner starts being billed for water and sewerage at
// an address. Nobody needs to visit: the meter is read on the start day and the supply valve is opened
// on request. Payment by 口座振替 is set up by the separate 口座振替の申込 (koza-furikae).
import type { Procedure } from '../definition.ts';
import { address, date, email, formSchema, internal, personName, phone, radios, text, when } from './fields.ts';

export const suidoShiyoKaishi: Procedure = {
  code: 'suido-shiyo-kaishi',
  name: '水道の使用開始',
  nameKana: 'スイドウノシヨウカイシ',
  nameEn: 'Starting water service',
  description: {
    ja: '引越しなどで水道・下水道を使い始めるときの届出です。使用開始日の3日前（土日祝日を除く）までに届け出てください。水が出ない場合は、メーターボックス内の止水栓（バルブ）を開けてください。料金は2か月ごとに請求します。口座振替を希望する人は、あわせて「口座振替の申込」をしてください。',
    jaEasy:
      '引越して 水道を 使い はじめる ときの 届けです。使う 日の 3日前までに 出して ください。水道の お金は 2か月ごとに しはらいます。',
    en: 'Tell the Waterworks Bureau when you start using water and sewerage, for example after moving in, at least three working days before the start date. If no water comes out, open the stop valve in the meter box. Charges are billed every two months; to pay by direct debit, also apply for account transfer.',
  },
  department: 'jogesuido.service.eigyo',
  categories: ['上下水道', '暮らし'],
  lifeEvents: ['moving', 'housing'],
  filer: 'both',
  availability: 'online',
  assurance: 'account',
  jpkiSignature: false,
  proxyAllowed: true,
  fee: { kind: 'none' },
  paymentMethods: [],
  attachments: [],
  processingDays: 3,
  synonyms: [
    '水道 使用開始',
    '水道 開栓',
    'すいどう',
    'スイドウ',
    '水道 引越し',
    '水道 申込',
    '下水道 使用開始',
    'water service start',
    'start water supply',
  ],
  form: {
    schema: formSchema(
      {
        customer: personName('使用者（契約する人）の氏名', { prefill: 'resident.name' }),
        phone: phone('連絡のとれる電話番号'),
        email: email('メールアドレス', { prefill: 'account.email' }),
        supplyAddress: address('水道を使う場所', {
          hint: '建物名・部屋番号まで入力してください。引越し先の住所です。',
        }),
        startDate: date('使用開始日', { hint: '届出は使用開始日の3日前（土日祝日を除く）までにお願いします。' }),
        usage: radios('用途', [
          { value: 'household', label: '家庭用' },
          { value: 'business', label: '業務用（店舗・事務所など）' },
        ]),
        businessName: when('usage', ['business'], text('店舗・事務所の名称', 60)),
        meterNumber: text('水道メーターの番号（任意）', 12, {
          pattern: '^[0-9A-Za-z-]{1,12}$',
          hint: '玄関ドアなどに置かれた「水道使用開始のお願い」の用紙に書かれています。',
        }),
        billingTo: radios('検針票・納付書の送り先', [
          { value: 'supply', label: '水道を使う場所と同じ' },
          { value: 'other', label: '別の住所' },
        ]),
        billingAddress: when('billingTo', ['other'], address('送り先の住所')),
        payment: radios('支払い方法', [
          { value: 'transfer', label: '口座振替（別に「口座振替の申込」が必要です）' },
          { value: 'slip', label: '納付書（コンビニエンスストア・金融機関・スマートフォン決済）' },
        ]),
        // 営業課 assigns the お客さま番号 when the account is opened.
        customerNumber: internal(text('お客さま番号', 12)),
      },
      ['customer', 'phone', 'email', 'supplyAddress', 'startDate', 'usage', 'billingTo', 'payment'],
    ),
    steps: [
      {
        id: 'place',
        title: '使用する場所と日',
        fields: ['supplyAddress', 'startDate', 'usage', 'businessName', 'meterNumber'],
      },
      {
        id: 'customer',
        title: '使用者と支払い',
        fields: ['customer', 'phone', 'email', 'billingTo', 'billingAddress', 'payment'],
      },
    ],
  },
  workflow: { issuesDocument: true },
  document: {
    kind: 'receipt',
    title: '上下水道 使用開始のお知らせ',
    body: [
      '{{customer.familyName}} {{customer.givenName}} 様',
      '上下水道の使用開始を受け付けました。お問い合わせの際は、お客さま番号をお伝えください。',
    ],
    table: [
      { label: 'お客さま番号', value: '{{customerNumber}}' },
      { label: '使用場所', value: '{{supplyAddress.address}}' },
      { label: '使用開始日', value: '{{startDate}}' },
      { label: '受付番号', value: '{{case.receiptNumber}}' },
    ],
    issuer: '川崎市上下水道事業管理者',
  },
};
