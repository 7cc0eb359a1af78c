// 市営住宅 入居申込 in a 定期募集: the household, its income and its housing need decide eligibility
// (公営住宅法 and 川崎市営住宅条例), and places go by lottery, with better odds (優遇抽選) for some
// households. The result notice is the decision issued here; income and eligibility are checked in
// full only for those whose number comes up (資格審査).
import type { Procedure } from '../definition.ts';
import {
  address,
  checkboxes,
  consent,
  date,
  email,
  formSchema,
  integer,
  internal,
  personName,
  phone,
  radios,
  repeat,
  select,
  text,
  wardChoices,
  when,
} from './fields.ts';

const incomeHint = '前年（1月〜12月）の収入の金額（給与は源泉徴収票の「支払金額」）。収入がない人は0。';

export const shieiJutaku: Procedure = {
  code: 'shiei-jutaku',
  name: '市営住宅 入居申込',
  nameKana: 'シエイジュウタク ニュウキョモウシコミ',
  nameEn: 'Application for municipal housing',
  description: {
    ja: '住宅に困っていて、世帯の所得が基準以下の人が申し込める市営住宅の定期募集です。募集は年2回（5月・11月ごろ）で、応募が多い住宅は公開抽選で順番を決めます。高齢者・障害者・ひとり親・多子世帯などは当選しやすくなる優遇抽選があります。当選した人は、その後の資格審査で収入や住宅の状況を確認します。',
    jaEasy:
      '市の 住宅に すみたい 人の 申しこみです。収入が 少なく 住む 家に こまって いる 人が 申しこめます。申しこみが 多いときは くじで 決めます。',
    en: 'Apply in the periodic call for municipal rental housing, open to households in housing need with income below the limit. Calls are twice a year (around May and November); where applications exceed places, a public lottery decides the order, with better odds for older people, people with disabilities, single-parent and large families. Those drawn are then checked for income and housing need.',
  },
  department: 'machizukuri.jutaku-seisaku.shiei-jutaku',
  categories: ['住まい', '福祉'],
  lifeEvents: ['housing', 'marriage', 'divorce', 'turning_65'],
  filer: 'resident',
  availability: 'online',
  assurance: 'jpki_identity',
  jpkiSignature: false,
  proxyAllowed: true,
  fee: { kind: 'none' },
  paymentMethods: [],
  attachments: [],
  // From the close of the call to the result notice (lottery about one month later, eligibility check after).
  processingDays: 60,
  synonyms: [
    '市営住宅',
    'しえいじゅうたく',
    'シエイジュウタク',
    '公営住宅',
    '市営住宅 募集',
    '市営住宅 抽選',
    '団地 申込',
    'municipal housing',
    'public housing',
    'city housing',
  ],
  form: {
    schema: formSchema(
      {
        applicant: personName('申込者の氏名', { prefill: 'resident.name' }),
        birthDate: date('申込者の生年月日', { prefill: 'resident.birthDate' }),
        address: address('現住所', { prefill: 'resident.address' }),
        phone: phone('日中に連絡のとれる電話番号'),
        email: email('メールアドレス', { prefill: 'account.email', hint: '抽選の結果をお知らせします。' }),
        applicantIncome: integer('申込者の年間収入（円）', 0, 100000000, { hint: incomeHint }),
        members: repeat(
          '一緒に住む家族',
          '同居する人',
          {
            properties: {
              name: personName('氏名'),
              birthDate: date('生年月日'),
              relationship: text('申込者との続柄', 10, { hint: '例: 妻、子、母' }),
              annualIncome: integer('年間収入（円）', 0, 100000000, { hint: incomeHint }),
            },
            required: ['name', 'birthDate', 'relationship', 'annualIncome'],
          },
          { minItems: 0, maxItems: 9 },
          {
            prefill: 'resident.householdMembers',
            hint: '申込者本人は入れないでください。一人で住む場合は空のままです。',
          },
        ),
        householdType: select(
          '世帯の区分（優遇抽選）',
          [
            { value: 'general', label: '一般' },
            { value: 'elderly', label: '高齢者世帯（60歳以上の人だけの世帯など）' },
            { value: 'disability', label: '障害者世帯' },
            { value: 'single-parent', label: 'ひとり親世帯' },
            { value: 'many-children', label: '多子世帯（18歳未満の子が3人以上）' },
            { value: 'child-rearing', label: '子育て世帯（小学校入学前の子がいる）' },
          ],
          { hint: '当てはまるものが複数あるときは、一つを選んでください。' },
        ),
        currentHousing: radios('今の住まい', [
          { value: 'private-rental', label: '民間の賃貸住宅' },
          { value: 'company', label: '社宅・寮' },
          { value: 'relatives', label: '親族の家に同居' },
          { value: 'owned', label: '持ち家' },
          { value: 'other', label: 'その他' },
        ]),
        currentRent: when(
          'currentHousing',
          ['private-rental'],
          integer('今の家賃（月額、円）', 0, 1000000, { hint: '共益費・駐車場代を除いた金額' }),
        ),
        hardship: checkboxes(
          '住宅に困っている理由',
          [
            { value: 'rent', label: '家賃が収入に比べて高い' },
            { value: 'small', label: '家族の人数に比べて狭い' },
            { value: 'eviction', label: '立ち退きを求められている' },
            { value: 'old', label: '老朽化や設備の不良（風呂がないなど）' },
            { value: 'accessibility', label: '高齢・障害のため階段などが使えない' },
            { value: 'living-apart', label: '住宅の都合で家族が別々に住んでいる' },
            { value: 'other', label: 'その他' },
          ],
          1,
        ),
        desiredWards: checkboxes('希望する区', wardChoices, 1, { hint: '募集している住宅のある区から選べます。' }),
        noArrears: consent('市税や市営住宅の家賃を滞納していないことを誓約します'),
        noGangMembership: consent('世帯の全員が暴力団員でないことを誓約します'),
        // 抽選の結果: set after the public lottery.
        lotteryResult: internal(text('抽選結果', 20)),
        lotteryRank: internal(text('補欠順位・当選番号', 20)),
      },
      [
        'applicant',
        'birthDate',
        'address',
        'phone',
        'email',
        'applicantIncome',
        'members',
        'householdType',
        'currentHousing',
        'hardship',
        'desiredWards',
        'noArrears',
        'noGangMembership',
      ],
    ),
    steps: [
      { id: 'applicant', title: '申込者', fields: ['applicant', 'birthDate', 'address', 'phone', 'email'] },
      {
        id: 'household',
        title: '世帯と収入',
        fields: ['members', 'applicantIncome', 'householdType'],
        lead: '住民記録の世帯員を表示しています。一緒に住まない人は削除し、住む予定の人を加えてください。',
      },
      {
        id: 'housing',
        title: '今の住まいと希望',
        fields: ['currentHousing', 'currentRent', 'hardship', 'desiredWards'],
      },
      { id: 'declaration', title: '誓約', fields: ['noArrears', 'noGangMembership'] },
    ],
  },
  workflow: { issuesDocument: true },
  document: {
    kind: 'decision',
    title: '市営住宅入居者募集 抽選結果通知書',
    body: [
      '{{applicant.familyName}} {{applicant.givenName}} 様',
      '市営住宅入居者募集の公開抽選の結果を、次のとおりお知らせします。',
      '当選・補欠の人には、資格審査の書類と日程を別にお送りします。',
      '{{case.decidedAt}}',
    ],
    table: [
      { label: '申込番号', value: '{{case.receiptNumber}}' },
      { label: '申込者', value: '{{applicant.familyName}} {{applicant.givenName}}' },
      { label: '抽選結果', value: '{{lotteryResult}}' },
      { label: '当選番号・補欠順位', value: '{{lotteryRank}}' },
    ],
    issuer: '川崎市長',
  },
};
