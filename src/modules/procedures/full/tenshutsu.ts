// 転出届, the online form of the 引越しワンストップサービス (マイナポータル, since February 2023): a resident
// with a My Number Card reports moving out of Kawasaki, signed with the card's 署名用電子証明書. No 転出証明書
// is issued: the 転出証明書情報 goes electronically to the new municipality, where the person reports the
// move-in (転入届) with the card within 14 days of moving. Hence workflow.issuesDocument is false.
// Moving abroad (国外転出) and moves without a card are reported at the ward office.
import type { Procedure } from '../definition.ts';
import {
  address,
  checkbox,
  checkboxes,
  date,
  formSchema,
  personName,
  phone,
  radios,
  repeat,
  text,
  when,
} from './fields.ts';

export const tenshutsu: Procedure = {
  code: 'tenshutsu',
  name: '転出届',
  nameKana: 'テンシュツトドケ',
  nameEn: 'Notification of moving out of Kawasaki',
  description: {
    ja: '川崎市から他の市区町村へ引っ越すときの届出です。マイナンバーカードを使ったオンラインの転出届（引越しワンストップサービス）では、転出証明書は交付されません。引越し先の市区町村へ、引越しの日から14日以内にマイナンバーカードを持って転入届をしてください。引越しの予定日の30日前から届け出られます。海外へ引っ越す場合は区役所の窓口で届け出てください。',
    jaEasy:
      '川崎市から ほかの 市や 町へ 引越す ときの 届けです。マイナンバーカードで 届けると、転出証明書は ありません。引越してから 14日以内に、新しい 市や 町の 役所へ カードを 持って 行って ください。',
    en: 'Report moving from Kawasaki to another municipality in Japan. With the online one-stop moving service using the My Number Card no moving-out certificate is issued: the data goes to your new municipality, where you report moving in with your card within 14 days of moving. You can report up to 30 days before the move. Moves abroad are reported at the ward office.',
  },
  department: 'ward.kumin',
  categories: ['戸籍・住民票', '引越し'],
  lifeEvents: ['moving', 'marriage', 'employment'],
  filer: 'resident',
  availability: 'online',
  assurance: 'jpki_signature',
  jpkiSignature: true,
  // The filer may report for members of the same household who move with them.
  proxyAllowed: true,
  fee: { kind: 'none' },
  paymentMethods: [],
  attachments: [],
  processingDays: 0,
  synonyms: [
    '転出届',
    '転出',
    'てんしゅつ',
    'テンシュツ',
    '引越し 届出',
    '引っ越し',
    '引越しワンストップ',
    '転出証明書',
    'moving out',
    'moving-out notification',
    'change of address',
  ],
  form: {
    schema: formSchema(
      {
        applicant: personName('届け出る人の氏名', { prefill: 'resident.name' }),
        birthDate: date('生年月日', { prefill: 'resident.birthDate' }),
        currentAddress: address('今の住所', { prefill: 'resident.address' }),
        phone: phone('日中に連絡のとれる電話番号'),
        newAddress: address('引越し先の住所', { hint: '国内の住所に限ります。建物名・部屋番号まで入力してください。' }),
        newMunicipality: text('引越し先の市区町村', 30, { hint: '例: 横浜市港北区、東京都大田区' }),
        moveDate: date('引越しの日（予定日）', { hint: '予定日の30日前から届け出られます。' }),
        newHouseholdHead: radios('引越し先での世帯主', [
          { value: 'self', label: '届け出る人' },
          { value: 'other', label: 'ほかの人' },
        ]),
        newHouseholdHeadName: when('newHouseholdHead', ['other'], personName('引越し先の世帯主の氏名')),
        scope: radios('引越す人', [
          { value: 'all', label: '世帯全員' },
          { value: 'some', label: '世帯の一部' },
        ]),
        members: repeat(
          '一緒に引越す人（届け出る人を除く）',
          '引越す人',
          {
            properties: {
              name: personName('氏名'),
              birthDate: date('生年月日'),
              relationship: text('続柄', 10, { hint: '例: 妻、子' }),
              hasMyNumberCard: checkbox('マイナンバーカードを持っている'),
            },
            required: ['name', 'birthDate', 'relationship'],
          },
          { minItems: 0, maxItems: 9 },
          {
            prefill: 'resident.householdMembers',
            hint: '住民記録の世帯員を表示しています。引越さない人は削除してください。',
          },
        ),
        relatedProcedures: checkboxes(
          'あわせて手続が必要なもの（担当課から連絡します）',
          [
            { value: 'kokuho', label: '国民健康保険' },
            { value: 'koki', label: '後期高齢者医療' },
            { value: 'kaigo', label: '介護保険' },
            { value: 'jido-teate', label: '児童手当' },
            { value: 'iryohi', label: '小児医療費助成' },
            { value: 'dog', label: '犬の登録' },
          ],
          0,
        ),
        visitPlan: date('引越し先の役所へ行く予定の日', {
          hint: '引越しの日から14日以内。マイナンバーカードと暗証番号（4桁）が必要です。',
        }),
      },
      [
        'applicant',
        'birthDate',
        'currentAddress',
        'phone',
        'newAddress',
        'newMunicipality',
        'moveDate',
        'newHouseholdHead',
        'scope',
        'members',
        'relatedProcedures',
        'visitPlan',
      ],
    ),
    steps: [
      { id: 'applicant', title: '届け出る人', fields: ['applicant', 'birthDate', 'currentAddress', 'phone'] },
      {
        id: 'destination',
        title: '引越し先',
        fields: ['newAddress', 'newMunicipality', 'moveDate', 'newHouseholdHead', 'newHouseholdHeadName'],
      },
      { id: 'members', title: '引越す人', fields: ['scope', 'members'] },
      {
        id: 'after',
        title: '引越しの後',
        fields: ['relatedProcedures', 'visitPlan'],
        lead: '転出証明書は交付されません。引越し先の役所で、マイナンバーカードを使って転入届をしてください。',
      },
    ],
  },
  workflow: { issuesDocument: false },
};
