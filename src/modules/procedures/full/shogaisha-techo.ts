// 障害者手帳の申請: 身体障害者手帳, 療育手帳 and 精神障害者保健福祉手帳 share one entry point at the ward
// office. The 手帳 is a booklet (or card) handed over in person with an identity check, and the
// doctor's 診断書 must reach the office as an original; everything else — the form, the photo, the choice
// of office and the way the original is sent — is done here, so the one visit is the hand-over.
import type { Procedure } from '../definition.ts';
import {
  address,
  date,
  file,
  fiveMegabytes,
  formSchema,
  myNumber,
  personName,
  phone,
  radios,
  select,
  text,
  textarea,
  wardChoices,
  when,
} from './fields.ts';

export const shogaishaTecho: Procedure = {
  code: 'shogaisha-techo',
  name: '障害者手帳の申請',
  nameKana: 'ショウガイシャテチョウノシンセイ',
  nameEn: 'Application for a disability certificate (techo)',
  description: {
    ja: '身体障害者手帳・療育手帳・精神障害者保健福祉手帳の新規交付、再認定、障害程度の変更を申請できます。申請書の記入と写真の提出はオンラインで行い、医師の診断書（原本）は区役所へ郵送してください。審査の後、手帳は区役所の窓口で本人確認をしてお渡しします。療育手帳は、児童相談所または地域リハビリテーションセンターでの判定を受けてから交付します。',
    jaEasy:
      '障害者手帳を 申しこめます。申しこみと 写真は インターネットで 出せます。お医者さんの 診断書は 郵便で 送って ください。手帳は 区役所で 受け取ります。',
    en: 'Apply for a physical disability certificate, a rehabilitation (intellectual disability) certificate or a mental health and welfare certificate, or for a re-assessment or change of grade. Fill in the form and upload the photo online and post the doctor’s original diagnosis to the ward office. After the review the certificate is handed over at the ward office with an identity check.',
  },
  department: 'kenko-fukushi',
  categories: ['障害福祉'],
  lifeEvents: ['disability'],
  filer: 'resident',
  availability: 'online_with_visit',
  notOnline: {
    reason: 'physical_item',
    detail: {
      ja: '手帳は、区役所の窓口で本人確認をしてお渡しします。医師の診断書は原本が必要なため、郵送か持参で提出してください。',
      jaEasy: '手帳は 区役所で 本人だと たしかめて わたします。診断書は 本物を 送って ください。',
      en: 'The certificate is handed over at the ward office after an identity check, and the doctor’s diagnosis must be submitted as an original (by post or in person).',
    },
    onlineParts: {
      ja: '申請書の記入、写真のアップロード、受け取る区役所の選択はオンラインでできます。診断書を郵送すれば、来庁は手帳を受け取る1回だけです。',
      jaEasy: '申しこみと 写真は インターネットで できます。区役所に 行くのは 手帳を 受け取る 1回だけです。',
      en: 'The form, the photo and the choice of ward office are online; if you post the diagnosis, the only visit is to collect the certificate.',
    },
  },
  assurance: 'jpki_signature',
  jpkiSignature: true,
  // A parent applies for a child; a guardian or family member may apply for an adult who cannot.
  proxyAllowed: true,
  fee: { kind: 'none' },
  paymentMethods: [],
  attachments: [
    {
      key: 'photo',
      label: '本人の顔写真',
      hint: '縦4cm×横3cm相当、1年以内に撮影した、帽子をとった正面・上半身の写真',
      required: true,
      types: ['image/jpeg', 'image/png'],
      maxBytes: fiveMegabytes,
    },
  ],
  processingDays: 60,
  synonyms: [
    '障害者手帳',
    '身体障害者手帳',
    '療育手帳',
    '精神障害者保健福祉手帳',
    'しょうがいしゃてちょう',
    'ショウガイシャテチョウ',
    '障がい者手帳',
    '手帳 申請',
    'disability certificate',
    'disability handbook',
  ],
  form: {
    schema: formSchema(
      {
        techoType: radios('申請する手帳', [
          { value: 'physical', label: '身体障害者手帳' },
          { value: 'ryoiku', label: '療育手帳（知的障害）' },
          { value: 'mental', label: '精神障害者保健福祉手帳' },
        ]),
        applicationType: radios('申請の種類', [
          { value: 'new', label: '新しく交付を受ける' },
          { value: 'renewal', label: '再認定・更新' },
          { value: 'change', label: '障害の程度が変わった（等級変更）' },
        ]),
        currentTechoNumber: when(
          'applicationType',
          ['renewal', 'change'],
          text('今の手帳の番号', 12, { pattern: '^[0-9A-Za-z-]{1,12}$' }),
        ),
        person: personName('手帳を受ける人の氏名', { prefill: 'resident.name' }),
        birthDate: date('生年月日', { prefill: 'resident.birthDate' }),
        address: address('住所', { prefill: 'resident.address' }),
        phone: phone('日中に連絡のとれる電話番号'),
        myNumber: myNumber('手帳を受ける人の個人番号（マイナンバー）'),
        condition: textarea('障害の状況', 400, { hint: '障害の名前と、日常生活で困っていることを簡単に' }),
        photo: file('本人の顔写真', 'photo'),
        diagnosisDelivery: radios(
          '医師の診断書（原本）の出し方',
          [
            { value: 'post', label: '区役所へ郵送する' },
            { value: 'visit', label: '区役所の窓口へ持って行く' },
            { value: 'assessment', label: '判定機関で判定を受ける（療育手帳）' },
          ],
          {
            hint: '身体障害者手帳は指定医が書いた診断書が必要です。精神障害者保健福祉手帳は、障害年金の証書の写しでも申請できます。',
          },
        ),
        pickupWard: select('手帳を受け取る区役所', wardChoices, {
          hint: '交付の準備ができたら連絡し、来庁日を予約していただきます。',
        }),
        supportNeeds: text('来庁のときに必要な配慮（任意）', 100, { hint: '例: 手話通訳、車いす' }),
      },
      [
        'techoType',
        'applicationType',
        'person',
        'birthDate',
        'address',
        'phone',
        'myNumber',
        'condition',
        'photo',
        'diagnosisDelivery',
        'pickupWard',
      ],
    ),
    steps: [
      { id: 'kind', title: '申請する手帳', fields: ['techoType', 'applicationType', 'currentTechoNumber'] },
      {
        id: 'person',
        title: '手帳を受ける人',
        fields: ['person', 'birthDate', 'address', 'phone', 'myNumber', 'condition', 'photo'],
      },
      {
        id: 'delivery',
        title: '診断書と受け取り',
        fields: ['diagnosisDelivery', 'pickupWard', 'supportNeeds'],
        lead: '手帳は窓口でお渡しします。そのときマイナンバーカードなど本人確認書類を持ってきてください。',
      },
    ],
  },
  // The 手帳 itself is the outcome, made and handed over at the window; no document is generated here.
  workflow: { issuesDocument: false },
};
