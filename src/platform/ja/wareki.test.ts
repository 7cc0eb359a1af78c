import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromWareki, parseEraCode, toEraCode, toWareki, WarekiError } from './wareki.ts';

// Both sides of every era boundary, plus the first Gregorian day.
const golden: [string, string][] = [
  ['1873-01-01', '明治6年1月1日'],
  ['1912-07-29', '明治45年7月29日'],
  ['1912-07-30', '大正元年7月30日'],
  ['1926-12-24', '大正15年12月24日'],
  ['1926-12-25', '昭和元年12月25日'],
  ['1989-01-07', '昭和64年1月7日'],
  ['1989-01-08', '平成元年1月8日'],
  ['2019-04-30', '平成31年4月30日'],
  ['2019-05-01', '令和元年5月1日'],
  ['2026-11-25', '令和8年11月25日'],
];

test('西暦 → 和暦 at every era boundary', () => {
  for (const [iso, text] of golden) assert.equal(toWareki(iso).text, text, iso);
  assert.deepEqual(toWareki('2019-05-01'), { era: '令和', eraYear: 1, month: 5, day: 1, text: '令和元年5月1日' });
  assert.deepEqual(toWareki('1989-01-07'), { era: '昭和', eraYear: 64, month: 1, day: 7, text: '昭和64年1月7日' });
});

test('a Date is read as the calendar day in Japan', () => {
  // 2019-04-30T15:00Z is already 5月1日 00:00 in Tokyo.
  assert.equal(toWareki(new Date('2019-04-30T15:00:00Z')).text, '令和元年5月1日');
  assert.equal(toWareki(new Date('2019-04-30T14:59:59Z')).text, '平成31年4月30日');
  assert.throws(() => toWareki(new Date('nope')), WarekiError);
});

test('和暦 → 西暦 at every era boundary', () => {
  for (const [iso, text] of golden) assert.equal(fromWareki(text), iso, text);
});

test('和暦 in the forms people write it: initials, 元, 1, full-width, parts', () => {
  assert.equal(fromWareki('H31.4.30'), '2019-04-30');
  assert.equal(fromWareki('R1/5/1'), '2019-05-01');
  assert.equal(fromWareki('r元-5-1'), '2019-05-01');
  assert.equal(fromWareki('令和１年５月１日'), '2019-05-01');
  assert.equal(fromWareki('Ｈ３１．４．３０'), '2019-04-30');
  assert.equal(fromWareki(' 昭和 64年 1月 7日 '), '1989-01-07');
  assert.equal(fromWareki('T1.7.30'), '1912-07-30');
  assert.equal(fromWareki('M45.7.29'), '1912-07-29');
  assert.equal(fromWareki({ era: '平成', eraYear: '元', month: 1, day: 8 }), '1989-01-08');
  assert.equal(fromWareki({ era: 'S', eraYear: 1, month: 12, day: 25 }), '1926-12-25');
});

test('dates outside their era are refused, naming the era range', () => {
  assert.throws(
    () => fromWareki('昭和65年1月1日'),
    new WarekiError('昭和65年1月1日は存在しません（昭和は昭和元年12月25日から昭和64年1月7日まで）。'),
  );
  assert.throws(
    () => fromWareki('平成31年5月1日'),
    new WarekiError('平成31年5月1日は存在しません（平成は平成元年1月8日から平成31年4月30日まで）。'),
  );
  assert.throws(
    () => fromWareki('令和元年4月30日'),
    new WarekiError('令和元年4月30日は存在しません（令和は令和元年5月1日から）。'),
  );
  assert.throws(
    () => fromWareki('大正元年7月29日'),
    new WarekiError('大正元年7月29日は存在しません（大正は大正元年7月30日から大正15年12月24日まで）。'),
  );
  assert.throws(
    () => fromWareki('明治46年1月1日'),
    new WarekiError('明治46年1月1日は存在しません（明治は明治6年1月1日から明治45年7月29日まで）。'),
  );
});

test('days that never existed are refused', () => {
  assert.throws(() => fromWareki('令和2年2月30日'), new WarekiError('令和2年2月30日は存在しない日付です。'));
  assert.throws(() => fromWareki('令和3年2月29日'), new WarekiError('令和3年2月29日は存在しない日付です。'));
  assert.equal(fromWareki('令和2年2月29日'), '2020-02-29');
  assert.throws(() => fromWareki('平成0年1月1日'), new WarekiError('平成0年1月1日は存在しない日付です。'));
  assert.throws(() => fromWareki({ era: 'R', eraYear: 1.5, month: 5, day: 1 }), WarekiError);
  assert.throws(
    () => toWareki('2019-02-29'),
    new WarekiError('日付「2019-02-29」が正しくありません（例: 2019-05-01）。'),
  );
  assert.throws(() => toWareki('2019/05/01'), WarekiError);
});

test('dates before the Gregorian calendar (明治6年1月1日) are refused, not guessed', () => {
  const message = '明治6年（1873年）1月1日より前の日付は扱えません（この日から太陽暦です）。';
  assert.throws(() => fromWareki('明治5年12月2日'), new WarekiError(message));
  assert.throws(() => fromWareki('明治元年1月1日'), new WarekiError(message));
  assert.throws(() => toWareki('1872-12-31'), new WarekiError(message));
});

test('text that is not a 和暦 date says so', () => {
  assert.throws(
    () => fromWareki('きのう'),
    new WarekiError('和暦「きのう」を読み取れません（例: 令和元年5月1日、H31.4.30）。'),
  );
  assert.throws(() => fromWareki('X1.1.1'), /読み取れません/);
  assert.throws(() => fromWareki({ era: '慶応' as 'M', eraYear: 3, month: 1, day: 1 }), /元号「慶応」は扱えません/);
});

test('JPKI era-code birth dates (era digit + yyMMdd)', () => {
  assert.equal(parseEraCode('4010108'), '1989-01-08');
  assert.equal(parseEraCode('3640107'), '1989-01-07');
  assert.equal(parseEraCode('5010501'), '2019-05-01');
  assert.equal(parseEraCode('1450729'), '1912-07-29');
  assert.equal(parseEraCode('2010730'), '1912-07-30');
  assert.equal(toEraCode('1989-01-08'), '4010108');
  assert.equal(toEraCode('1975-03-09'), '3500309');
  assert.equal(toEraCode('2019-05-01'), '5010501');
  for (const code of ['1060101', '2151224', '3011225', '4310430', '5071231']) {
    assert.equal(toEraCode(parseEraCode(code)), code);
  }
  assert.throws(() => parseEraCode('3650101'), /昭和65年1月1日は存在しません/);
  assert.throws(() => parseEraCode('4310501'), /平成31年5月1日は存在しません/);
  assert.throws(() => parseEraCode('5020230'), /令和2年2月30日は存在しない日付です/);
  assert.throws(
    () => parseEraCode('6010101'),
    new WarekiError('元号コード付きの日付「6010101」が正しくありません（7桁の数字、先頭は1〜5）。'),
  );
  assert.throws(() => parseEraCode('401018'), /7桁の数字/);
});
