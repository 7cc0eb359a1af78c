// 住民票の写しの交付請求. Online requests are certified by the ward mayor (in a designated city the
// 区長 keeps the register: 住民基本台帳法 第38条) and sent by post to the registered address.
import type { Procedure } from '../definition.ts';
import {
  address,
  checkbox,
  date,
  formSchema,
  integer,
  internal,
  personName,
  phone,
  radios,
  select,
  text,
  textarea,
  when,
} from './fields.ts';

export const juminhyoCopy: Procedure = {
  code: 'juminhyo-copy',
  name: '住民票の写しの交付請求',
  nameKana: 'ジュウミンヒョウノウツシノコウフセイキュウ',
  nameEn: 'Request for a copy of the residence record (juminhyo)',
  description: {
    ja: '住民票の写しをオンラインで請求できます。マイナンバーカードで本人確認をし、手数料（1通300円）をお支払いいただくと、住民登録の住所へ郵送します。本籍・続柄の記載を選べます。マイナンバー（個人番号）の記載は、法令で定められた手続に使う場合に限ります。',
    jaEasy:
      '住民票の写しを インターネットで たのめます。マイナンバーカードで 本人だと たしかめます。1通 300円です。あなたの 住所に 郵便で 送ります。',
    en: 'Request a certified copy of your residence record online. You identify yourself with your My Number Card and pay ¥300 per copy; the copy is posted to your registered address. You can choose whether it shows your permanent domicile and relationships. The My Number is printed only for procedures where the law requires it.',
  },
  department: 'ward.kumin',
  categories: ['戸籍・住民票', '証明書'],
  lifeEvents: ['moving', 'marriage', 'employment'],
  filer: 'resident',
  availability: 'online',
  assurance: 'jpki_identity',
  jpkiSignature: false,
  // Members of the same household are covered by 世帯全員; anyone else needs a 委任状 at the window.
  proxyAllowed: false,
  fee: { kind: 'per_unit', amount: 300, unitField: 'copies', unitLabel: '通' },
  paymentMethods: ['card', 'paypay'],
  attachments: [],
  processingDays: 3,
  synonyms: [
    '住民票',
    '住民票の写し',
    'じゅうみんひょう',
    'ジュウミンヒョウ',
    '住民票請求',
    '住民票 郵送',
    '世帯全員の住民票',
    'residence certificate',
    'certificate of residence',
    'juminhyo',
  ],
  form: {
    schema: formSchema(
      {
        applicant: personName('請求する人の氏名', { prefill: 'resident.name', autocomplete: 'name' }),
        birthDate: date('生年月日', { prefill: 'resident.birthDate', autocomplete: 'bday' }),
        address: address('住民登録の住所', {
          prefill: 'resident.address',
          hint: '住民票の写しはこの住所へ郵送します。',
        }),
        phone: phone('日中に連絡のとれる電話番号'),
        scope: radios('必要な人', [
          { value: 'household', label: '世帯全員' },
          { value: 'self', label: '本人のみ' },
        ]),
        includeHonseki: checkbox('本籍・筆頭者を記載する', {
          hint: '相続や自動車の登録などで求められたときだけ選んでください。',
        }),
        includeRelationship: checkbox('世帯主の氏名と続柄を記載する'),
        includeMyNumber: radios(
          'マイナンバー（個人番号）の記載',
          [
            { value: 'no', label: '記載しない' },
            { value: 'yes', label: '記載する（法令で定められた手続に使う場合のみ）' },
          ],
          { hint: '提出先から求められていない場合は「記載しない」を選んでください。' },
        ),
        myNumberReason: when(
          'includeMyNumber',
          ['yes'],
          textarea('マイナンバーの記載が必要な理由', 200, {
            hint: '提出先と手続の名前を書いてください（例: 日本年金機構 年金の請求）。',
          }),
        ),
        purpose: select('使用目的', [
          { value: 'employment', label: '勤務先への提出' },
          { value: 'pension_insurance', label: '年金・保険の手続' },
          { value: 'vehicle', label: '自動車の登録' },
          { value: 'real_estate', label: '不動産の登記' },
          { value: 'inheritance', label: '相続の手続' },
          { value: 'bank', label: '金融機関の手続' },
          { value: 'government', label: '官公署への提出' },
          { value: 'other', label: 'その他' },
        ]),
        purposeOther: when('purpose', ['other'], text('使用目的（その他）', 100)),
        copies: integer('通数', 1, 10, { hint: '1通300円。10通まで請求できます。' }),
        // 住民記録から写す内容: the clerk's system fills these when the copy is made.
        recordSex: internal(text('性別', 2)),
        recordHouseholdHead: internal(text('世帯主', 60)),
        recordRelationship: internal(text('続柄', 20)),
        recordResidentSince: internal(text('住民となった日', 20)),
        recordAddressSince: internal(text('住所を定めた日', 20)),
        recordPreviousAddress: internal(text('前住所', 200)),
      },
      ['applicant', 'birthDate', 'address', 'phone', 'scope', 'includeMyNumber', 'purpose', 'copies'],
    ),
    steps: [
      {
        id: 'requester',
        title: '請求する人',
        fields: ['applicant', 'birthDate', 'address', 'phone'],
        lead: 'マイナンバーカードで確認した住民記録の内容を表示しています。',
      },
      {
        id: 'contents',
        title: '記載する内容',
        fields: ['scope', 'includeHonseki', 'includeRelationship', 'includeMyNumber', 'myNumberReason'],
      },
      { id: 'purpose', title: '使用目的と通数', fields: ['purpose', 'purposeOther', 'copies'] },
    ],
  },
  workflow: { issuesDocument: true },
  document: {
    kind: 'certificate',
    title: '住民票の写し',
    body: [
      'この写しは、住民票の原本と相違ないことを証明する。',
      '{{case.decidedAt}}',
      '請求番号 {{case.receiptNumber}}',
    ],
    table: [
      { label: '氏名', value: '{{applicant.familyName}} {{applicant.givenName}}' },
      { label: 'フリガナ', value: '{{applicant.familyNameKana}} {{applicant.givenNameKana}}' },
      { label: '生年月日', value: '{{birthDate}}' },
      { label: '性別', value: '{{recordSex}}' },
      { label: '住所', value: '{{address.address}}' },
      { label: '世帯主', value: '{{recordHouseholdHead}}' },
      { label: '続柄', value: '{{recordRelationship}}' },
      { label: '住民となった日', value: '{{recordResidentSince}}' },
      { label: '住所を定めた日', value: '{{recordAddressSince}}' },
      { label: '前住所', value: '{{recordPreviousAddress}}' },
    ],
    issuer: '{{case.wardMayor}}',
  },
};
