// 印鑑登録証明書の交付申請. The certificate carries the registered seal impression, printed at the
// window from the 印鑑登録原票, and is handed over only against the 印鑑登録証 (card): this service takes
// the request and the fee ahead, so the visit is a short pick-up. (Without the card, the My Number Card
// at a convenience store's multi-copy machine also works; that is another channel.)
import type { Procedure } from '../definition.ts';
import { address, date, formSchema, integer, personName, phone, select, text, wardChoices } from './fields.ts';

export const inkanCertificate: Procedure = {
  code: 'inkan-certificate',
  name: '印鑑登録証明書の交付申請',
  nameKana: 'インカントウロクショウメイショノコウフシンセイ',
  nameEn: 'Application for a seal registration certificate',
  description: {
    ja: '印鑑登録証明書を事前に申請し、手数料（1通300円）をオンラインで支払えます。受け取りは、選んだ区役所・支所の窓口で、印鑑登録証（カード）を提示してください。印鑑登録証がないと交付できません。',
    jaEasy:
      '印鑑登録証明書を 先に インターネットで たのめます。1通 300円です。区役所で 受け取ります。そのとき 印鑑登録証（カード）を 見せてください。',
    en: 'Apply in advance for a seal registration certificate and pay ¥300 per copy online. Collect it at the ward office or branch you choose by showing your seal registration card; it cannot be issued without the card.',
  },
  department: 'ward.kumin',
  categories: ['戸籍・住民票', '証明書', '印鑑登録'],
  lifeEvents: ['moving', 'starting_business', 'housing', 'death'],
  filer: 'resident',
  availability: 'online_with_visit',
  notOnline: {
    reason: 'original_documents',
    detail: {
      ja: '印鑑登録証明書は、印鑑登録証（カード）の提示を受けて交付します（川崎市印鑑条例）。そのため受け取りは窓口になります。',
      jaEasy: '印鑑登録証（カード）を 窓口で 見せる 必要が あります。',
      en: 'The certificate is issued only when the seal registration card is shown (Kawasaki City Seal Ordinance), so it is collected at the window.',
    },
    onlineParts: {
      ja: '申請と手数料の支払いはオンラインで済みます。窓口では印鑑登録証を見せて受け取るだけです。',
      jaEasy: '申しこみと お金の しはらいは インターネットで できます。窓口では カードを 見せて 受け取るだけです。',
      en: 'The application and payment are done online; at the window you only show the card and collect the certificate.',
    },
  },
  assurance: 'jpki_identity',
  jpkiSignature: false,
  // Anyone holding the card may collect it (印鑑登録証の持参が本人の意思の確認になる), but the request is the
  // registrant's own.
  proxyAllowed: false,
  fee: { kind: 'per_unit', amount: 300, unitField: 'copies', unitLabel: '通' },
  paymentMethods: ['card', 'paypay'],
  attachments: [],
  processingDays: 0,
  synonyms: [
    '印鑑証明',
    '印鑑証明書',
    '印鑑登録証明書',
    'いんかんしょうめい',
    'インカンショウメイ',
    '実印 証明',
    'はんこ 証明',
    'seal certificate',
    'inkan certificate',
    'seal registration certificate',
  ],
  form: {
    schema: formSchema(
      {
        applicant: personName('印鑑登録をしている人の氏名', { prefill: 'resident.name', autocomplete: 'name' }),
        birthDate: date('生年月日', { prefill: 'resident.birthDate', autocomplete: 'bday' }),
        address: address('住民登録の住所', { prefill: 'resident.address' }),
        phone: phone('日中に連絡のとれる電話番号'),
        registrationCardNumber: text('印鑑登録証の番号', 10, {
          pattern: '^[0-9]{6,10}$',
          hint: '印鑑登録証（カード）の表面に書かれた番号（6〜10桁の数字）',
        }),
        pickupOffice: select(
          '受け取る窓口',
          [
            ...wardChoices.map((w) => ({ value: w.value, label: `${w.label}役所` })),
            { value: 'daishi', label: '大師支所' },
            { value: 'tajima', label: '田島支所' },
          ],
          { hint: '川崎市内のどの区役所・支所でも受け取れます。' },
        ),
        pickupDate: date('受け取りに行く日', {
          hint: '平日の8時30分から17時まで（第2・第4土曜日の午前も開いています）。',
        }),
        copies: integer('通数', 1, 10, { hint: '1通300円。10通まで申請できます。' }),
      },
      ['applicant', 'birthDate', 'address', 'phone', 'registrationCardNumber', 'pickupOffice', 'pickupDate', 'copies'],
    ),
    steps: [
      { id: 'registrant', title: '印鑑登録をしている人', fields: ['applicant', 'birthDate', 'address', 'phone'] },
      {
        id: 'card',
        title: '印鑑登録証と受け取り',
        fields: ['registrationCardNumber', 'pickupOffice', 'pickupDate', 'copies'],
        lead: '受け取りのときに、ここに入力した番号の印鑑登録証を窓口で見せてください。',
      },
    ],
  },
  // The certificate bears the seal impression from the 印鑑登録原票 and is printed at the window, not
  // from a template here; the case closes when it is handed over.
  workflow: { issuesDocument: false },
};
