import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromWareki, parseEraCode, toEraCode, toWareki, WarekiError } from './wareki.ts';

const golden: [string, string][] = [
  ['1912-07-29', '明治45年7月29日'],
  ['1912-07-30', '大正元年7月30日'],
  ['1926-12-24', '大正15年12月24日'],
  ['1926-12-25', '昭和元年12月25日'],
  ['1989-01-07', '昭和64年1月7日'],
  ['1989-01-08', '平成元年1月8日'],
  ['2019-04-30', '平成31年4月30日'],
  ['2019-05-01', '令和元年5月1日'],
  ['2026-11-25', '令和8年11月25日'],
  ['1873-01-01', '明治6年1月1日'],
];

test('西暦 → 和暦 at every era boundary', () => {
  for (const [iso, text] of golden) assert.equal(toWareki(iso).text, text, iso);
});

test('和暦 → 西暦 at every era boundary, in several written forms', () => {
  for (const [iso, text] of golden) assert.equal(fromWareki(text), iso, text);
  assert.equal(fromWareki('H31.4.30'), '2019-04-30');
  assert.equal(fromWareki('R1/5/1'), '2019-05-01');
  assert.equal(fromWareki('令和１年５月１日'), '2019-05-01');
  assert.equal(fromWareki('s64.1.7'), '1989-01-07');
});

test('dates that never existed are refused with a Japanese reason', () => {
  assert.throws(
    () => fromWareki('昭和65年1月1日'),
    /昭和65年1月1日は存在しません（昭和は昭和元年12月25日から昭和64年1月7日まで）/,
  );
  assert.throws(() => fromWareki('平成31年5月1日'), /平成31年5月1日は存在しません/);
  assert.throws(() => fromWareki('令和元年4月30日'), /令和元年4月30日は存在しません/);
  assert.throws(() => fromWareki('令和2年2月30日'), /存在しない日付です/);
  assert.throws(() => fromWareki('平成0年1月1日'), WarekiError);
  assert.throws(() => fromWareki('明治5年12月2日'), /明治6年（1873年）1月1日より前/);
  assert.throws(() => toWareki('1872-12-31'), /明治6年（1873年）1月1日より前/);
  assert.throws(() => toWareki('2019-02-29'), /日付「2019-02-29」が正しくありません/);
  assert.throws(() => fromWareki('きのう'), /読み取れません/);
});

test('JPKI era-code birth dates', () => {
  assert.equal(parseEraCode('4010108'), '1989-01-08');
  assert.equal(parseEraCode('3640107'), '1989-01-07');
  assert.equal(parseEraCode('5010501'), '2019-05-01');
  assert.equal(toEraCode('1989-01-08'), '4010108');
  assert.equal(toEraCode('1975-03-09'), '3500309');
  assert.throws(() => parseEraCode('3650101'), /昭和65年1月1日は存在しません/);
  assert.throws(() => parseEraCode('6010101'), /先頭は1〜5/);
});
