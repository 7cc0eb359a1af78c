import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkValue, getStandardSchema, matchColumn, type SchemaColumn, standardSchemas } from './schemas.ts';
import { isCorporateNumber, isIsoDate, isTime, localGovernmentCodeProblem, withCheckDigit } from './values.ts';

test('the nine standard datasets the plan names, each findable by id with its Japanese title', () => {
  assert.deepEqual(Object.fromEntries(standardSchemas.map((s) => [s.id, s.title])), {
    'public-facility': '公共施設一覧',
    'cultural-property': '文化財一覧',
    'evacuation-site': '指定緊急避難場所一覧',
    'childcare-facility': '子育て施設一覧',
    aed: 'AED設置箇所一覧',
    'care-service': '介護サービス事業所一覧',
    'medical-institution': '医療機関一覧',
    'tourist-facility': '観光施設一覧',
    event: 'イベント一覧',
  });
  assert.equal(getStandardSchema('aed')?.title, 'AED設置箇所一覧');
  assert.equal(getStandardSchema('no-such-list'), null);
});

test('every schema: unique column names a CSV header can hold as they are, coordinates and the code first', () => {
  for (const schema of standardSchemas) {
    const names = schema.columns.map((c) => c.name);
    assert.equal(new Set(names).size, names.length, `${schema.id}: a column is listed twice`);
    for (const name of names) assert.doesNotMatch(name, /[",\r\n]/, `${schema.id}: ${name} would need quoting`);
    assert.equal(names[0], '全国地方公共団体コード');
    assert.ok(schema.columns.some((c) => c.type === 'latitude') && schema.columns.some((c) => c.type === 'longitude'));
    assert.ok(
      schema.columns.some((c) => c.required && c.name !== '全国地方公共団体コード'),
      `${schema.id}: its name is required`,
    );
  }
  const aed = getStandardSchema('aed')!;
  for (const name of [
    '全国地方公共団体コード',
    'ID',
    '地方公共団体名',
    '名称',
    '名称_カナ',
    '所在地_連結表記',
    '緯度',
    '経度',
    '設置位置',
    '電話番号',
    '利用可能曜日',
    '開始時間',
    '終了時間',
    '小児対応設備の有無',
  ]) {
    assert.ok(
      aed.columns.some((c) => c.name === name),
      `AED has ${name}`,
    );
  }
  assert.deepEqual(
    aed.columns.filter((c) => c.required).map((c) => c.name),
    ['全国地方公共団体コード', '名称', '所在地_連結表記', '設置位置'],
  );
});

test('headers match by current name, by the older 推奨データセット name, and with full-width brackets', () => {
  const aed = getStandardSchema('aed')!;
  assert.deepEqual(matchColumn(aed, '住所'), {
    column: aed.columns.find((c) => c.name === '所在地_連結表記'),
    alias: true,
  });
  assert.equal(matchColumn(aed, '建物名等（方書）')?.column.name, '建物名等(方書)');
  assert.equal(matchColumn(aed, '建物名等（方書）')?.alias, false);
  assert.equal(matchColumn(aed, ' 緯度 ')?.column.name, '緯度');
  assert.equal(matchColumn(aed, 'メモ'), null);
});

const column = (type: SchemaColumn['type'], extra: Partial<SchemaColumn> = {}): SchemaColumn => ({
  name: 'x',
  type,
  required: false,
  ...extra,
});

test('values are checked as the standard writes them: half-width, dates YYYY-MM-DD, times hh:mm, codes', () => {
  assert.equal(checkValue(column('latitude'), '35.5308'), null);
  assert.deepEqual(checkValue(column('latitude'), '北緯35度'), { code: 'invalid_coordinate', severity: 'error' });
  assert.deepEqual(checkValue(column('latitude'), '３５．５'), {
    code: 'invalid_coordinate',
    severity: 'error',
    detail: 'full_width',
  });
  assert.deepEqual(checkValue(column('latitude'), '139.7'), { code: 'coordinate_out_of_range', severity: 'error' });
  assert.equal(checkValue(column('longitude'), '-179.9'), null);
  assert.deepEqual(checkValue(column('longitude'), '180.5'), { code: 'coordinate_out_of_range', severity: 'error' });
  assert.deepEqual(checkValue(column('date'), '2024/4/1'), { code: 'not_date', severity: 'error' });
  assert.equal(checkValue(column('date'), '2024-02-29'), null);
  assert.deepEqual(checkValue(column('time'), '9:00'), { code: 'not_time', severity: 'error' });
  assert.deepEqual(checkValue(column('yesno'), 'あり'), { code: 'not_code', severity: 'error' });
  assert.equal(checkValue(column('yesno'), '有'), null);
  assert.deepEqual(checkValue(column('code', { codes: ['1'] }), '○'), { code: 'not_code', severity: 'error' });
  assert.deepEqual(checkValue(column('integer'), '1,200'), { code: 'not_integer', severity: 'error' });
  assert.deepEqual(
    checkValue(column('phone'), 'でんわ'),
    { code: 'phone_format', severity: 'warning' },
    'format slips are warnings',
  );
  assert.equal(checkValue(column('phone'), '044-200-2111'), null);
  assert.equal(checkValue(column('url'), 'https://www.city.kawasaki.jp/'), null);
  assert.deepEqual(checkValue(column('url'), 'www.city.kawasaki.jp'), { code: 'url_format', severity: 'warning' });
  assert.equal(checkValue(column('text'), '=anything'), null);
});

test('全国地方公共団体コード: six digits whose last is the check digit; five digits is the dropped 0', () => {
  for (const code of ['011002', '010006', '130001', '131016', '141305', '271004', '472018']) {
    assert.equal(localGovernmentCodeProblem(code), null, code);
  }
  assert.equal(localGovernmentCodeProblem('011001'), 'check_digit');
  assert.equal(localGovernmentCodeProblem('11002'), 'five_digits');
  assert.equal(localGovernmentCodeProblem('01100A'), 'format');
  assert.equal(withCheckDigit('13101'), '131016');
  assert.deepEqual(checkValue(column('local-government-code'), '011001'), {
    code: 'invalid_local_government_code',
    severity: 'error',
    detail: 'check_digit',
  });
});

test('dates, times and corporate numbers', () => {
  assert.equal(isIsoDate('2023-02-29'), false);
  assert.equal(isIsoDate('2024-13-01'), false);
  assert.equal(isTime('24:00'), true, 'closing at midnight');
  assert.equal(isTime('24:30'), false);
  assert.equal(isCorporateNumber('7000012050002'), true, '国税庁');
  assert.equal(isCorporateNumber('8000012050002'), false);
});
