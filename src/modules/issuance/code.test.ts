import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatVerificationCode, newVerificationCode, parseVerificationCode } from './code.ts';

test('codes are 16 characters of Crockford base32, never I L O U, and do not repeat', () => {
  const codes = new Set(Array.from({ length: 2000 }, () => newVerificationCode()));
  assert.equal(codes.size, 2000);
  for (const code of codes) assert.match(code, /^[0-9A-HJKMNP-TV-Z]{16}$/);
  const used = new Set([...codes].join(''));
  assert.equal(used.size, 32, 'every one of the 32 symbols appears');
});

test('shown as XXXX-XXXX-XXXX-XXXX; read back however a person types it', () => {
  assert.equal(formatVerificationCode('ABCD0123EFGH4567'), 'ABCD-0123-EFGH-4567');
  for (const typed of [
    'ABCD-0123-EFGH-4567',
    'abcd 0123 efgh 4567',
    'ＡＢＣＤ－０１２３－ＥＦＧＨ－４５６７',
    'ABCDO123EFGH4567',
  ]) {
    assert.equal(parseVerificationCode(typed), 'ABCD0123EFGH4567', typed);
  }
  assert.equal(parseVerificationCode('ABCDI123EFGH4567'), 'ABCD1123EFGH4567', 'I is read as 1');
  assert.equal(parseVerificationCode('ABCD-0123-EFGH-456'), undefined, 'too short');
  assert.equal(parseVerificationCode('ABCD-0123-EFGH-456U'), undefined, 'U is not a symbol');
  assert.equal(parseVerificationCode('<script>alert(1)</script>'), undefined);
});
