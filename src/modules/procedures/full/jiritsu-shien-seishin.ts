// 自立支援医療（精神通院医療）の更新. A 受給者証 runs for one year; the doctor's 診断書 is needed only every
// second renewal (when the treatment plan has not changed). In the other years the renewal is wholly
// online; in a 診断書 year the original must reach the ward office, posted or brought, which is why the
// catalogue shows the procedure as online with one visit (or post).
import type { Procedure } from '../definition.ts';
import {
  address,
  date,
  formSchema,
  internal,
  myNumber,
  personName,
  phone,
  radios,
  select,
  text,
  when,
  yesNo,
} from './fields.ts';

export const jiritsuShienSeishin: Procedure = {
  code: 'jiritsu-shien-seishin',
  name: '自立支援医療（精神通院医療）の更新',
  nameKana: 'ジリツシエンイリョウ セイシンツウインイリョウノコウシン',
  nameEn: 'Renewal of medical support for outpatient psychiatric treatment',
  description: {
    ja: '精神疾患で通院している人の医療費の自己負担を原則1割に軽くする自立支援医療（精神通院医療）の更新です。有効期限の3か月前から申請できます。診断書は2年に1回必要です。診断書が不要な年は、オンラインだけで更新できます。診断書が必要な年は、診断書の原本を区役所に郵送するか持参してください。',
    jaEasy:
      '心の 病気で 病院に 通っている 人の 医療費を 安く する 制度の 更新です。期限の 3か月前から 申しこめます。2年に 1回は お医者さんの 診断書が いります。',
    en: 'Renew the medical support that lowers the co-payment for outpatient psychiatric treatment (normally to 10%). Apply from three months before the certificate expires. A doctor’s diagnosis is needed every second year: in other years the renewal is fully online; in a diagnosis year, post the original or bring it to the ward office.',
  },
  department: 'kenko-fukushi',
  categories: ['障害福祉', '健康・医療', '医療費助成'],
  lifeEvents: ['disability'],
  filer: 'resident',
  availability: 'online_with_visit',
  notOnline: {
    reason: 'diagnosis_certificate',
    detail: {
      ja: '2年に1回、指定医療機関の医師が作成した診断書（原本）の提出が必要です。その年だけは、原本を区役所へ郵送するか持参してください。',
      jaEasy: '2年に 1回、お医者さんが 書いた 診断書の 本物を 区役所に 送るか 持って いきます。',
      en: 'Every second year the original diagnosis written by a doctor of a designated medical institution is required; in that year post it or bring it to the ward office.',
    },
    onlineParts: {
      ja: '診断書が不要な年は、申請がすべてオンラインで終わります。診断書が必要な年も、申請書の記入はオンラインで済み、原本は郵送できます。',
      jaEasy: '診断書が いらない 年は、インターネットだけで 終わります。',
      en: 'In years without a diagnosis the whole renewal is online; in a diagnosis year the form is still filled in online and the original can be posted.',
    },
  },
  assurance: 'jpki_signature',
  jpkiSignature: true,
  proxyAllowed: true,
  fee: { kind: 'none' },
  paymentMethods: [],
  attachments: [],
  processingDays: 30,
  synonyms: [
    '自立支援医療',
    '精神通院',
    'じりつしえんいりょう',
    'ジリツシエン',
    '自立支援 更新',
    '受給者証 更新',
    '精神通院医療',
    'outpatient psychiatric care subsidy',
    'medical support renewal',
  ],
  form: {
    schema: formSchema(
      {
        patient: personName('受診している人の氏名', { prefill: 'resident.name' }),
        birthDate: date('生年月日', { prefill: 'resident.birthDate' }),
        address: address('住所', { prefill: 'resident.address' }),
        phone: phone('日中に連絡のとれる電話番号'),
        myNumber: myNumber('受診している人の個人番号（マイナンバー）', {
          hint: '世帯の所得区分を、市が税の情報で確認するために使います。',
        }),
        recipientNumber: text('受給者番号', 10, {
          pattern: '^[0-9]{7,10}$',
          hint: '今の受給者証に書かれている番号（数字）',
        }),
        currentExpiry: date('今の受給者証の有効期限'),
        insurance: select('加入している医療保険', [
          { value: 'kokuho', label: '国民健康保険' },
          { value: 'kyokai', label: '全国健康保険協会（協会けんぽ）' },
          { value: 'kumiai', label: '健康保険組合' },
          { value: 'kyosai', label: '共済組合' },
          { value: 'koki', label: '後期高齢者医療' },
          { value: 'seiho', label: '生活保護' },
        ]),
        hospital: text('通院している医療機関', 60, { hint: '受給者証に書かれた指定医療機関' }),
        pharmacy: text('利用する薬局（任意）', 60),
        diagnosisYear: radios('今回、診断書の提出が必要な年ですか', yesNo, {
          hint: '市から届いた「更新のお知らせ」に書いてあります。前回の更新で診断書を出した人は、今回は不要です。',
        }),
        diagnosisDelivery: when(
          'diagnosisYear',
          ['yes'],
          radios('診断書（原本）の出し方', [
            { value: 'post', label: '区役所へ郵送する' },
            { value: 'visit', label: '区役所の窓口へ持って行く' },
          ]),
        ),
        diagnosisIssuedOn: when(
          'diagnosisYear',
          ['yes'],
          date('診断書の作成日', { hint: '作成から3か月以内の診断書を出してください。' }),
        ),
        // 決定内容: set by staff.
        decisionValidUntil: internal(text('有効期間（終わり）', 20)),
        decisionMonthlyCap: internal(text('自己負担上限月額', 20)),
      },
      [
        'patient',
        'birthDate',
        'address',
        'phone',
        'myNumber',
        'recipientNumber',
        'currentExpiry',
        'insurance',
        'hospital',
        'diagnosisYear',
      ],
    ),
    steps: [
      { id: 'patient', title: '受診している人', fields: ['patient', 'birthDate', 'address', 'phone', 'myNumber'] },
      {
        id: 'current',
        title: '今の受給者証と医療機関',
        fields: ['recipientNumber', 'currentExpiry', 'insurance', 'hospital', 'pharmacy'],
      },
      { id: 'diagnosis', title: '診断書', fields: ['diagnosisYear', 'diagnosisDelivery', 'diagnosisIssuedOn'] },
    ],
  },
  workflow: { issuesDocument: true },
  document: {
    kind: 'decision',
    title: '自立支援医療（精神通院医療）支給認定通知書',
    body: [
      '{{patient.familyName}} {{patient.givenName}} 様',
      '自立支援医療（精神通院医療）の支給認定の更新について、次のとおり決定しました。新しい受給者証を郵送します。',
      '{{case.decidedAt}}',
    ],
    table: [
      { label: '受給者番号', value: '{{recipientNumber}}' },
      { label: '指定医療機関', value: '{{hospital}}' },
      { label: '有効期間', value: '{{decisionValidUntil}}まで' },
      { label: '自己負担上限月額', value: '{{decisionMonthlyCap}}' },
    ],
    issuer: '川崎市長',
  },
};
