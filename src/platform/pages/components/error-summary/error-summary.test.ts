import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorSummary, examples } from './error-summary.ts';

test('every example renders; errors are an alert whose links point at their fields', () => {
  const two = errorSummary(examples['two errors']!).toString();
  assert.match(two, /role="alert"/);
  assert.match(two, /aria-labelledby="error-summary-title"/);
  assert.match(two, /<a href="#name-kana">氏名（フリガナ）を全角カタカナで入力してください<\/a>/);
  assert.match(two, /<a href="#postal-code">/);
  assert.equal(errorSummary(examples['no errors']!).toString(), '');
});
