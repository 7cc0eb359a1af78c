import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fillTemplate, MissingValuesError, maskName } from './template.ts';
import { juminhyoTemplate } from './test-support.ts';

const values = {
  'case.applicantName': '川崎 花子',
  'applicant.familyName': '川崎',
  'applicant.givenName': '花子',
  'applicant.address': '神奈川県川崎市川崎区宮本町1番地',
  'case.decidedAt': '令和8年4月1日',
};

test('every {{path}} in body, table and title takes its value; text around it stays', () => {
  const filled = fillTemplate({ ...juminhyoTemplate, title: '{{ case.decidedAt }}付 通知' }, values);
  assert.equal(filled.title, '令和8年4月1日付 通知', 'spaces inside the braces are allowed');
  assert.deepEqual(filled.body, ['この写しは、住民票の原本と相違ないことを証明する。', '請求者 川崎 花子']);
  assert.deepEqual(filled.table[0], { label: '氏名', value: '川崎 花子' });
  assert.equal(filled.issuer, '川崎市長');
});

test('missing values are all named at once; a value is inserted literally, never re-expanded', () => {
  assert.throws(
    () => fillTemplate(juminhyoTemplate, { 'case.applicantName': '{{applicant.address}}' }),
    (error: unknown) =>
      error instanceof MissingValuesError &&
      error.missing.sort().join() === 'applicant.address,applicant.familyName,applicant.givenName,case.decidedAt',
  );
  const filled = fillTemplate(juminhyoTemplate, { ...values, 'case.applicantName': '{{applicant.address}}' });
  assert.equal(filled.body[1], '請求者 {{applicant.address}}');
});

test('a masked name keeps the first character of each part', () => {
  assert.equal(maskName('川崎 花子'), '川＊ 花＊');
  assert.equal(maskName('川崎　花子'), '川＊ 花＊');
  assert.equal(maskName('Smith John'), 'S＊＊＊＊ J＊＊＊');
  assert.equal(maskName('林'), '林＊');
  assert.equal(maskName(''), '');
});
