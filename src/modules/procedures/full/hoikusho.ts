// 保育所等利用申込, with the 教育・保育給付認定 (2号・3号) it depends on. Each guardian states why the child
// needs care (保育を必要とする事由); the fields for that reason appear only for it (showIf). The city
// ranks applications by points (利用調整) and answers with an allocation or a 保留 notice.
import type { Procedure } from '../definition.ts';
import {
  address,
  date,
  file,
  fiveMegabytes,
  formSchema,
  integer,
  internal,
  monthStart,
  pdfOrImage,
  personName,
  phone,
  radios,
  text,
  textarea,
  when,
} from './fields.ts';

const reasons = [
  { value: 'work', label: '就労（会社員・自営業・内職など）' },
  { value: 'seeking', label: '求職活動（起業の準備を含む）' },
  { value: 'illness', label: '疾病・障害' },
  { value: 'care', label: '同居の親族の介護・看護' },
  { value: 'pregnancy', label: '妊娠・出産' },
  { value: 'study', label: '就学・職業訓練' },
];

/** The fields that explain one guardian's reason, each shown only for that reason. */
function reasonFields(n: 1 | 2) {
  const reason = `guardian${n}Reason`;
  return {
    [`guardian${n}Workplace`]: when(reason, ['work'], text('勤務先（事業所名）', 60)),
    [`guardian${n}WorkHours`]: when(
      reason,
      ['work'],
      integer('1か月の就労時間', 1, 400, { hint: '休憩を除いた時間。月64時間以上が目安です。' }),
    ),
    [`guardian${n}EmploymentCertificate`]: when(
      reason,
      ['work'],
      file('就労証明書', `employment-certificate-${n}`, {
        hint: '勤務先に書いてもらった就労証明書（自営業の人は自分で書いたもの）',
      }),
    ),
    [`guardian${n}IllnessDetail`]: when(
      reason,
      ['illness'],
      textarea('病気・障害の状況', 400, { hint: '通院・入院の予定や、手帳の等級など' }),
    ),
    [`guardian${n}CareDetail`]: when(
      reason,
      ['care'],
      textarea('介護・看護をしている人と状況', 400, { hint: '続柄、介護度、1か月の介護日数・時間など' }),
    ),
    [`guardian${n}DueDate`]: when(reason, ['pregnancy'], date('出産予定日')),
    [`guardian${n}School`]: when(reason, ['study'], text('学校・訓練施設の名前', 60)),
  };
}

const guardianStep = (n: 1 | 2) => [
  `guardian${n}Workplace`,
  `guardian${n}WorkHours`,
  `guardian${n}EmploymentCertificate`,
  `guardian${n}IllnessDetail`,
  `guardian${n}CareDetail`,
  `guardian${n}DueDate`,
  `guardian${n}School`,
];

const certificate = (n: 1 | 2) => ({
  key: `employment-certificate-${n}`,
  label: n === 1 ? '就労証明書（保護者1）' : '就労証明書（保護者2）',
  hint: '川崎市の様式、または国の標準的な様式で、勤務先が作成したもの',
  required: false,
  types: pdfOrImage,
  maxBytes: fiveMegabytes,
});

export const hoikusho: Procedure = {
  code: 'hoikusho',
  name: '保育所等利用申込',
  nameKana: 'ホイクショトウリヨウモウシコミ',
  nameEn: 'Application for a place at a nursery (hoikusho)',
  description: {
    ja: '保護者が働いている、病気である、介護をしているなどの理由で家庭で保育ができないとき、認可保育所・認定こども園・小規模保育事業などの利用を申し込めます。教育・保育給付認定の申請も同時に行います。希望する施設は第3希望まで選べます。4月入所の一次申込は例年10月から11月、年度途中の入所は利用開始を希望する月の前月10日ごろが締切です。',
    jaEasy:
      '親が 働いていて 家で 子どもを 見られない ときなどに、保育園を 申しこめます。行きたい 保育園を 3つまで 書けます。働いている 人は 会社に 書いてもらった 就労証明書を 出してください。',
    en: 'Apply for a place at a licensed nursery, certified centre for early childhood education and care or small nursery when the parents cannot care for the child at home (work, illness, caring for a relative, and so on). The certification for childcare benefits is applied for at the same time. Choose up to three facilities. April entry is applied for in October–November; for entry during the year, the deadline is around the 10th of the previous month.',
  },
  department: 'kodomo-mirai',
  categories: ['子育て', '保育・幼稚園'],
  lifeEvents: ['childcare', 'school_entry', 'employment', 'birth'],
  filer: 'resident',
  availability: 'online',
  assurance: 'jpki_signature',
  jpkiSignature: true,
  proxyAllowed: false,
  fee: { kind: 'none' },
  paymentMethods: [],
  attachments: [certificate(1), certificate(2)],
  // 途中入所: results around the 20th of the month before entry; 4月一次: early February.
  processingDays: 45,
  synonyms: [
    '保育園',
    '保育所',
    'ほいくえん',
    'ホイクエン',
    '保育園 申込',
    '入園申込',
    '認定こども園',
    '保活',
    '2号認定',
    '3号認定',
    'nursery',
    'daycare',
    'childcare application',
  ],
  form: {
    schema: formSchema(
      {
        guardian1: personName('保護者1（申し込む人）の氏名', { prefill: 'resident.name' }),
        address: address('住所', { prefill: 'resident.address' }),
        phone: phone('日中に連絡のとれる電話番号'),
        child: personName('入所を希望する子どもの氏名'),
        childBirthDate: date('子どもの生年月日'),
        childNeeds: textarea('子どもの健康状態や配慮が必要なこと（任意）', 400, {
          hint: 'アレルギー、障害、医療的ケアなど。ない場合は空欄にしてください。',
        }),
        facility1: text('第1希望の施設', 60, { hint: '施設名を入力してください（例: 川崎市立新丸子保育園）' }),
        facility2: text('第2希望の施設（任意）', 60),
        facility3: text('第3希望の施設（任意）', 60),
        startMonth: monthStart('利用開始を希望する月'),
        guardian1Reason: radios('保護者1の保育を必要とする理由', reasons),
        ...reasonFields(1),
        hasGuardian2: radios('保護者はほかにいますか', [
          { value: 'yes', label: 'いる' },
          { value: 'no', label: 'いない（ひとり親家庭など）' },
        ]),
        guardian2: when(
          'hasGuardian2',
          ['yes'],
          personName('保護者2の氏名', { hint: '同じ世帯のもう一人の保護者（配偶者など）' }),
        ),
        guardian2Reason: when('hasGuardian2', ['yes'], radios('保護者2の保育を必要とする理由', reasons)),
        ...reasonFields(2),
        // 利用調整の結果: set by staff.
        decisionFacility: internal(text('利用施設', 60)),
        decisionCareHours: internal(text('保育必要量', 20)),
      },
      [
        'guardian1',
        'address',
        'phone',
        'child',
        'childBirthDate',
        'facility1',
        'startMonth',
        'guardian1Reason',
        'hasGuardian2',
      ],
    ),
    steps: [
      {
        id: 'child',
        title: '子どもと希望する施設',
        fields: ['child', 'childBirthDate', 'childNeeds', 'facility1', 'facility2', 'facility3', 'startMonth'],
      },
      {
        id: 'guardian1',
        title: '保護者1',
        fields: ['guardian1', 'address', 'phone', 'guardian1Reason', ...guardianStep(1)],
      },
      {
        id: 'guardian2',
        title: '保護者2',
        fields: ['hasGuardian2', 'guardian2', 'guardian2Reason', ...guardianStep(2)],
        lead: '同じ世帯に保護者がもう一人いる場合は、その人についても答えてください。',
      },
    ],
  },
  workflow: { issuesDocument: true },
  document: {
    kind: 'decision',
    title: '保育所等利用調整結果通知書',
    body: [
      '{{guardian1.familyName}} {{guardian1.givenName}} 様',
      '申込み（受付番号 {{case.receiptNumber}}）について利用調整を行った結果、次のとおり利用が決まりましたので通知します。',
      '利用開始の前に、施設での面接と健康診断を受けてください。',
      '{{case.decidedAt}}',
    ],
    table: [
      { label: '児童氏名', value: '{{child.familyName}} {{child.givenName}}' },
      { label: '生年月日', value: '{{childBirthDate}}' },
      { label: '利用施設', value: '{{decisionFacility}}' },
      { label: '利用開始日', value: '{{startMonth}}' },
      { label: '保育必要量', value: '{{decisionCareHours}}' },
    ],
    issuer: '川崎市長',
  },
};
