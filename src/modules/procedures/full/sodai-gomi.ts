// 粗大ごみ収集申込. The charge depends on each item (200, 500 or 1,000 yen), and Kawasaki collects it
// the way most cities do: the resident buys 粗大ごみ処理券 (stickers) at a shop and puts one on each item
// with the 受付番号 written on it. The Fee contract has no "sum over a list of items" kind, and a flat
// per-item amount would overcharge a futon and undercharge a sofa; so the application itself is free
// (fee none) and each item kind's label shows its 処理券 amount. A `per_item` fee kind would let the
// charge be paid here; see the report.
import type { Procedure } from '../definition.ts';
import { address, date, formSchema, integer, internal, personName, phone, repeat, select, text } from './fields.ts';

export const sodaiGomi: Procedure = {
  code: 'sodai-gomi',
  name: '粗大ごみ収集申込',
  nameKana: 'ソダイゴミシュウシュウモウシコミ',
  nameEn: 'Request for collection of oversized waste',
  description: {
    ja: '家具や自転車など、一辺がおおむね30cmを超える粗大ごみの収集を申し込めます。品目ごとに200円・500円・1,000円の粗大ごみ処理券をコンビニエンスストアやスーパーで買い、受付番号を書いて品物に貼り、収集日の朝8時までに指定の場所に出してください。エアコン・テレビ・冷蔵庫（冷凍庫）・洗濯機（衣類乾燥機）とパソコンは収集できません。',
    jaEasy:
      '大きな ごみ（家具や 自転車など）を 取りに 来てもらう 申しこみです。お店で 粗大ごみ処理券を 買って、ごみに はってください。エアコン・テレビ・冷蔵庫・洗濯機・パソコンは 出せません。',
    en: 'Book a collection of oversized household waste such as furniture or bicycles (roughly over 30 cm on a side). Buy a waste disposal sticker of ¥200, ¥500 or ¥1,000 per item at a convenience store or supermarket, write your receipt number on it, attach it to the item and put the item out by 8 a.m. on the collection day. Air conditioners, TVs, refrigerators, washing machines and PCs are not collected.',
  },
  department: 'kankyo',
  categories: ['ごみ・リサイクル', '暮らし'],
  lifeEvents: ['moving', 'housing', 'death'],
  filer: 'resident',
  availability: 'online',
  assurance: 'account',
  jpkiSignature: false,
  proxyAllowed: true,
  fee: { kind: 'none' },
  paymentMethods: [],
  attachments: [],
  processingDays: 7,
  synonyms: [
    '粗大ごみ',
    '粗大ゴミ',
    'そだいごみ',
    'ソダイゴミ',
    '大型ごみ',
    '家具 処分',
    '自転車 捨てる',
    '粗大ごみ処理券',
    'oversized garbage',
    'bulky waste',
    'large garbage collection',
  ],
  form: {
    schema: formSchema(
      {
        applicant: personName('申し込む人の氏名', { prefill: 'resident.name' }),
        phone: phone('日中に連絡のとれる電話番号', { hint: '収集の日時を確認することがあります。' }),
        collectionAddress: address('収集する場所の住所', { prefill: 'resident.address' }),
        placement: text('出す場所', 100, {
          hint: '例: 玄関の前、集合住宅の1階ごみ置き場。道路や共用部分をふさがない場所にしてください。',
        }),
        items: repeat(
          '出す品物',
          '品物',
          {
            properties: {
              kind: select('品目', [
                { value: 'futon', label: '布団・毛布（200円）' },
                { value: 'chair', label: 'いす（200円）' },
                { value: 'fan', label: '扇風機・電気ストーブ（200円）' },
                { value: 'bicycle', label: '自転車（500円）' },
                { value: 'desk', label: '机（500円）' },
                { value: 'carpet', label: 'じゅうたん・カーペット（500円）' },
                { value: 'microwave', label: '電子レンジ（500円）' },
                { value: 'chest-small', label: 'たんす（高さ1m未満）（500円）' },
                { value: 'chest-large', label: 'たんす（高さ1m以上）（1,000円）' },
                { value: 'sofa', label: 'ソファー（1,000円）' },
                { value: 'bed', label: 'ベッド（マットレスを含む）（1,000円）' },
                { value: 'other', label: 'その他（金額はお知らせします）' },
              ]),
              count: integer('個数', 1, 5),
              note: text('大きさ・材質など（任意）', 60, { hint: '「その他」の品物は必ず書いてください。' }),
            },
            required: ['kind', 'count'],
          },
          { minItems: 1, maxItems: 10 },
          { hint: '1回に10品目まで申し込めます。' },
        ),
        preferredDate: date('収集を希望する日', {
          hint: '申込みの7日後以降の日。地域ごとの収集曜日に合わせて、収集日をお知らせします。',
        }),
        // Set by the 粗大ごみ受付センター when the route is planned.
        collectionDate: internal(text('収集日', 20)),
        ticketTotal: internal(text('必要な処理券', 100)),
      },
      ['applicant', 'phone', 'collectionAddress', 'placement', 'items', 'preferredDate'],
    ),
    steps: [
      { id: 'items', title: '出す品物', fields: ['items'] },
      {
        id: 'where',
        title: '収集の場所と日',
        fields: ['applicant', 'phone', 'collectionAddress', 'placement', 'preferredDate'],
      },
    ],
  },
  workflow: { issuesDocument: true },
  document: {
    kind: 'receipt',
    title: '粗大ごみ収集 受付票',
    body: [
      '{{applicant.familyName}} {{applicant.givenName}} 様',
      '粗大ごみの収集を受け付けました。粗大ごみ処理券に受付番号を書いて品物に貼り、収集日の朝8時までに出してください。',
    ],
    table: [
      { label: '受付番号', value: '{{case.receiptNumber}}' },
      { label: '収集日', value: '{{collectionDate}}' },
      { label: '収集場所', value: '{{collectionAddress.address}}' },
      { label: '出す場所', value: '{{placement}}' },
      { label: '必要な処理券', value: '{{ticketTotal}}' },
    ],
    issuer: '川崎市環境局',
  },
};
