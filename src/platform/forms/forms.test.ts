import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type FormDefinition, parseStep, renderStepFields, summaryRows, validateAnswers } from './index.ts';

const form: FormDefinition = {
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    additionalProperties: false,
    required: ['applicant', 'birthDate', 'copies', 'purpose'],
    properties: {
      applicant: {
        title: '申請者',
        type: 'object',
        'x-ui': { widget: 'person-name', prefill: 'resident.name' },
        required: ['familyName', 'givenName', 'familyNameKana', 'givenNameKana'],
        additionalProperties: false,
        properties: {
          familyName: { type: 'string', maxLength: 20 },
          givenName: { type: 'string', maxLength: 20 },
          familyNameKana: { type: 'string' },
          givenNameKana: { type: 'string' },
        },
      },
      birthDate: { title: '生年月日', type: 'string', format: 'date' },
      phone: { title: '電話番号', type: 'string', 'x-ui': { widget: 'phone' } },
      myNumber: { title: '個人番号', type: 'string', pattern: '^[0-9]{12}$', 'x-ui': { widget: 'my-number' } },
      copies: { title: '通数', type: 'integer', minimum: 1, maximum: 10 },
      purpose: { title: '使用目的', type: 'string', enum: ['job', 'other'], 'x-ui': { options: ['就職', 'その他'] } },
      purposeOther: {
        title: 'その他の使用目的',
        type: 'string',
        maxLength: 100,
        'x-ui': { showIf: { field: 'purpose', in: ['other'] } },
      },
      children: {
        title: '子ども',
        type: 'array',
        maxItems: 5,
        'x-ui': { itemLabel: '子ども' },
        items: {
          type: 'object',
          required: ['name'],
          properties: {
            name: { title: '氏名', type: 'string' },
            birthDate: { title: '生年月日', type: 'string', format: 'date' },
          },
        },
      },
    },
    allOf: [{ if: { properties: { purpose: { const: 'other' } } }, then: { required: ['purposeOther'] } }],
  },
  steps: [
    { id: 'you', title: 'あなたについて', fields: ['applicant', 'birthDate', 'phone', 'myNumber'] },
    { id: 'request', title: '請求の内容', fields: ['copies', 'purpose', 'purposeOther', 'children'] },
  ],
};

test('Japanese input is made regular: 和暦 date, hiragana reading, full-width digits, phone', () => {
  const parsed = parseStep(
    form,
    'you',
    {
      'applicant.familyName': '川崎',
      'applicant.givenName': '花子',
      'applicant.familyNameKana': 'かわさき',
      'applicant.givenNameKana': 'ハナコ',
      birthDate: '平成2年4月1日',
      phone: '０４４（２００）１２３４',
      myNumber: '',
    },
    {},
    'ja',
  );
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(parsed.answers.applicant, {
    familyName: '川崎',
    givenName: '花子',
    familyNameKana: 'カワサキ',
    givenNameKana: 'ハナコ',
  });
  assert.equal(parsed.answers.birthDate, '1990-04-01');
  assert.equal(parsed.answers.phone, '044-200-1234');
  assert.equal('myNumber' in parsed.answers, false);
});

test('what cannot be read is kept as typed with a specific message', () => {
  const parsed = parseStep(
    form,
    'you',
    { birthDate: '平成32年1月1日', 'applicant.familyNameKana': 'Kawasaki', myNumber: '123456789012' },
    {},
    'ja',
  );
  const byField = Object.fromEntries(parsed.errors.map((e) => [e.field, e.message]));
  assert.match(byField.birthDate!, /生年月日：平成32年1月1日は存在しません/);
  assert.match(byField['applicant.familyNameKana']!, /全角カタカナ/);
  assert.match(byField.myNumber!, /個人番号が正しくありません/);
  assert.equal(parsed.answers.birthDate, '平成32年1月1日');
});

test('an empty My Number box keeps the stored number; a valid one replaces it', () => {
  const kept = parseStep(form, 'you', { myNumber: '' }, { myNumber: '123456789018' }, 'ja');
  assert.equal(kept.answers.myNumber, '123456789018');
  const html = String(renderStepFields({ lang: 'ja', form, answers: kept.answers, errors: [] }, form.steps[0]!));
  assert.doesNotMatch(html, /123456789018/);
  assert.match(html, /登録済み（\*{4} \*{4} 9018）/);
});

test('validation by the schema gives one message per field, in the chosen language, for that step only', () => {
  const errors = validateAnswers(
    form,
    { copies: 11, purpose: 'other' },
    { lang: 'ja', only: ['copies', 'purpose', 'purposeOther'] },
  );
  assert.deepEqual(errors.map((e) => `${e.field}: ${e.message}`).sort(), [
    'copies: 通数は10以下にしてください。',
    'purposeOther: その他の使用目的を入力してください。',
  ]);
  const en = validateAnswers(form, {}, { lang: 'en', only: ['applicant'] });
  assert.deepEqual(en, [{ field: 'applicant', message: 'Enter 申請者.' }]);
});

test('a field hidden by its condition is dropped, so it is neither kept nor validated', () => {
  const parsed = parseStep(form, 'request', { copies: '２', purpose: 'job', purposeOther: '古い値' }, {}, 'ja');
  assert.equal(parsed.answers.copies, 2);
  assert.equal('purposeOther' in parsed.answers, false);
  assert.deepEqual(
    validateAnswers(form, parsed.answers, { lang: 'ja', only: ['copies', 'purpose', 'purposeOther'] }),
    [],
  );
});

test('repeating groups: add and remove items without JavaScript', () => {
  const added = parseStep(form, 'request', { 'children.0.name': '一郎', _action: 'add:children' }, {}, 'ja');
  assert.deepEqual(added.answers.children, [{ name: '一郎' }, {}]);
  assert.equal(added.action.kind, 'add');
  const page = String(renderStepFields({ lang: 'ja', form, answers: added.answers, errors: [] }, form.steps[1]!));
  assert.match(page, /name="children\.1\.name"/);
  assert.match(page, /子ども 2を削除/);
  const removed = parseStep(
    form,
    'request',
    { 'children.0.name': '一郎', 'children.1.name': '二郎', _action: 'remove:children:0' },
    {},
    'ja',
  );
  assert.deepEqual(removed.answers.children, [{ name: '二郎' }]);
  const itemErrors = validateAnswers(form, { children: [{}] }, { lang: 'ja', only: ['children'] });
  assert.deepEqual(itemErrors, [{ field: 'children.0.name', message: '子ども 1 の氏名を入力してください。' }]);
});

test('errors render beside their field with aria-invalid, and the summary lists answers as people read them', () => {
  const answers = {
    applicant: { familyName: '川崎', givenName: '花子', familyNameKana: 'カワサキ', givenNameKana: 'ハナコ' },
    birthDate: '1990-04-01',
    myNumber: '123456789018',
    copies: 2,
    purpose: 'job',
  };
  const page = String(
    renderStepFields(
      {
        lang: 'ja',
        form,
        answers,
        errors: [{ field: 'birthDate', message: '生年月日を入力してください。' }],
        prefilled: { applicant: '住民記録' },
      },
      form.steps[0]!,
    ),
  );
  assert.match(page, /id="f-birthDate"[^>]*aria-describedby="f-birthDate-hint f-birthDate-error" aria-invalid="true"/);
  assert.match(page, /住民記録から入力しました/);
  const rows = summaryRows({ lang: 'ja', form, answers, errors: [] });
  const get = (label: string) => rows.find((r) => r.label === label)?.value;
  assert.equal(get('生年月日'), '平成2年4月1日（1990年04月01日）');
  assert.equal(get('使用目的'), '就職');
  assert.match(get('個人番号')!, /9018$/);
  assert.doesNotMatch(get('個人番号')!, /12345678/);
  assert.equal(
    rows.some((r) => r.label === 'その他の使用目的'),
    false,
  );
});
