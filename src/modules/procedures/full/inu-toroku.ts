// 犬の登録 (狂犬病予防法 第4条): once in a dog's life, within 30 days of getting it (or of it reaching 91
// days). The 鑑札 is a metal tag the dog must wear; it is posted to the owner, so nothing needs a visit.
// Dogs with a microchip registered with the Ministry of the Environment are registered by that
// (ワンストップサービス) and do not need this.
import type { Procedure } from '../definition.ts';
import { address, date, formSchema, internal, personName, phone, radios, text, when } from './fields.ts';

export const inuToroku: Procedure = {
  code: 'inu-toroku',
  name: '犬の登録',
  nameKana: 'イヌノトウロク',
  nameEn: 'Dog registration',
  description: {
    ja: '生後91日以上の犬を飼い始めたら、30日以内に登録してください（狂犬病予防法）。登録は犬の一生に1回で、手数料は3,000円です。登録すると鑑札を郵送しますので、犬の首輪などに必ず付けてください。狂犬病の予防注射は毎年1回受けさせてください。環境省のデータベースにマイクロチップの情報を登録した犬は、この申請は不要です。',
    jaEasy:
      '犬を 飼いはじめたら 30日以内に 登録して ください。登録は 1回だけで 3,000円です。鑑札（犬の 名札）を 郵便で 送ります。犬の 首輪に つけて ください。',
    en: 'Register a dog aged 91 days or more within 30 days of starting to keep it (Rabies Prevention Act). Registration is once in the dog’s life and costs ¥3,000. The licence tag is sent by post and must be worn by the dog. Rabies vaccination is required every year. Dogs whose microchip data are registered with the Ministry of the Environment do not need this registration.',
  },
  department: 'kenko-fukushi',
  categories: ['ペット・動物', '健康・衛生'],
  lifeEvents: ['pets'],
  filer: 'resident',
  availability: 'online',
  assurance: 'account',
  jpkiSignature: false,
  proxyAllowed: true,
  fee: { kind: 'fixed', amount: 3000 },
  paymentMethods: ['card', 'paypay'],
  attachments: [],
  processingDays: 14,
  synonyms: [
    '犬の登録',
    '犬 登録',
    'いぬのとうろく',
    'イヌ 登録',
    '畜犬登録',
    '鑑札',
    '飼い犬',
    'dog registration',
    'dog license',
  ],
  form: {
    schema: formSchema(
      {
        owner: personName('飼い主の氏名', { prefill: 'resident.name' }),
        ownerAddress: address('飼い主の住所', { prefill: 'resident.address', hint: '鑑札はこの住所へ郵送します。' }),
        phone: phone('日中に連絡のとれる電話番号'),
        keptAtHome: radios('犬を飼う場所', [
          { value: 'same', label: '飼い主の住所と同じ' },
          { value: 'other', label: '別の場所' },
        ]),
        keepingAddress: when('keptAtHome', ['other'], address('犬を飼う場所の住所')),
        dogName: text('犬の名前', 30),
        breed: text('犬の種類', 40, { hint: '例: 柴、トイ・プードル、雑種' }),
        coatColour: text('毛の色', 30, { hint: '例: 赤、白黒、茶' }),
        sex: radios('性別', [
          { value: 'male', label: 'オス' },
          { value: 'female', label: 'メス' },
        ]),
        neutered: radios('去勢・不妊手術', [
          { value: 'yes', label: '済み' },
          { value: 'no', label: '未' },
          { value: 'unknown', label: 'わからない' },
        ]),
        dogBirthDate: date('犬の生年月日', { hint: 'わからないときは、おおよその日を入力してください。' }),
        acquiredOn: date('飼い始めた日'),
        rabiesVaccinatedOn: date('今年度の狂犬病予防注射を受けた日', {
          hint: '動物病院で受け取った注射済証に書かれている日',
        }),
        rabiesClinic: text('予防注射を受けた動物病院', 60),
        // 鑑札の番号: given when the tag is sent.
        tagNumber: internal(text('鑑札番号', 20)),
      },
      [
        'owner',
        'ownerAddress',
        'phone',
        'keptAtHome',
        'dogName',
        'breed',
        'coatColour',
        'sex',
        'neutered',
        'dogBirthDate',
        'acquiredOn',
        'rabiesVaccinatedOn',
        'rabiesClinic',
      ],
    ),
    steps: [
      { id: 'owner', title: '飼い主', fields: ['owner', 'ownerAddress', 'phone', 'keptAtHome', 'keepingAddress'] },
      {
        id: 'dog',
        title: '犬のこと',
        fields: ['dogName', 'breed', 'coatColour', 'sex', 'neutered', 'dogBirthDate', 'acquiredOn'],
      },
      {
        id: 'rabies',
        title: '狂犬病予防注射',
        fields: ['rabiesVaccinatedOn', 'rabiesClinic'],
        lead: '生後91日以上の犬は、毎年4月から6月に狂犬病の予防注射を受けさせてください。',
      },
    ],
  },
  workflow: { issuesDocument: true },
  document: {
    kind: 'certificate',
    title: '犬の登録済通知書',
    body: [
      '{{owner.familyName}} {{owner.givenName}} 様',
      '次のとおり犬の登録をしました。鑑札を同封しますので、犬に付けてください。',
      '住所や飼い主が変わったとき、犬が死亡したときは届け出てください。',
      '{{case.decidedAt}}',
    ],
    table: [
      { label: '鑑札番号', value: '{{tagNumber}}' },
      { label: '犬の名前', value: '{{dogName}}' },
      { label: '種類', value: '{{breed}}' },
      { label: '毛色', value: '{{coatColour}}' },
      { label: '生年月日', value: '{{dogBirthDate}}' },
      { label: '飼い主の住所', value: '{{ownerAddress.address}}' },
    ],
    issuer: '川崎市長',
  },
};
