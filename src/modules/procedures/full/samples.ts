// A realistic, synthetic set of answers for each procedure written in full, as the form engine stores
// them after normalising (ISO dates, 7-digit postal codes, katakana readings). Tests across C3 use them.
// `sampleInternal` holds what staff or the system add before a document is issued (x-ui.internal).
// Every name, address and number here is made up; the My Numbers and 法人番号 carry valid check digits.

type Answers = Record<string, unknown>;

const hanako = { familyName: '川崎', givenName: '花子', familyNameKana: 'カワサキ', givenNameKana: 'ハナコ' };
const taro = { familyName: '川崎', givenName: '太郎', familyNameKana: 'カワサキ', givenNameKana: 'タロウ' };
const nakahara = { postalCode: '2110004', address: '神奈川県川崎市中原区新丸子東3丁目1100番地12 サンプルハイツ201' };

const bankAccount = {
  bankName: '川崎中央信用金庫',
  bankCode: '1399',
  branchName: '武蔵小杉支店',
  branchCode: '021',
  accountType: 'ordinary',
  accountNumber: '0123456',
  accountHolderKana: 'カワサキ　ハナコ',
};

export const sampleAnswers: Record<string, Answers> = {
  'juminhyo-copy': {
    applicant: hanako,
    birthDate: '1988-06-15',
    address: nakahara,
    phone: '090-1234-5678',
    scope: 'household',
    includeHonseki: false,
    includeRelationship: true,
    includeMyNumber: 'yes',
    myNumberReason: '日本年金機構 遺族年金の請求に提出するため',
    purpose: 'pension_insurance',
    copies: 2,
  },
  'inkan-certificate': {
    applicant: taro,
    birthDate: '1985-11-02',
    address: nakahara,
    phone: '044-555-0123',
    registrationCardNumber: '00482913',
    pickupOffice: '141330',
    pickupDate: '2026-12-04',
    copies: 1,
  },
  'jido-teate': {
    claimant: hanako,
    birthDate: '1988-06-15',
    address: nakahara,
    phone: '090-1234-5678',
    myNumber: '123456789018',
    pension: 'employee',
    hasSpouse: 'yes',
    spouse: taro,
    children: [
      {
        name: { familyName: '川崎', givenName: '陽翔', familyNameKana: 'カワサキ', givenNameKana: 'ハルト' },
        birthDate: '2019-04-22',
        relationship: 'child',
        livesTogether: 'yes',
      },
      {
        name: { familyName: '川崎', givenName: '葵', familyNameKana: 'カワサキ', givenNameKana: 'アオイ' },
        birthDate: '2026-10-30',
        relationship: 'child',
        livesTogether: 'yes',
      },
    ],
    hasOlderChildren: 'yes',
    olderChildrenCount: 1,
    supportConfirmation: 'f_7Qm2kX9aB4',
    ...bankAccount,
  },
};

export const sampleInternal: Record<string, Answers> = {
  'juminhyo-copy': {
    recordSex: '女',
    recordHouseholdHead: '川崎 太郎',
    recordRelationship: '妻',
    recordResidentSince: '平成30年4月1日',
    recordAddressSince: '令和5年3月20日',
    recordPreviousAddress: '神奈川県川崎市高津区溝口1丁目2番3号',
  },
  'jido-teate': {
    decisionChildCount: 2,
    decisionMonthlyAmount: '40,000円',
    decisionStartMonth: '令和8年11月',
  },
};
