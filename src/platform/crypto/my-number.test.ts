import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidMyNumber, maskMyNumber, myNumberCheckDigit } from './my-number.ts';

// The statutory formula written out a second way (weights listed left to right), to check the first.
function referenceCheckDigit(first11: string): number {
  const weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first11[i]), 0);
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

function seededDigits(seed: number): () => string {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return String(s % 10);
  };
}

test('known vectors', () => {
  assert.equal(myNumberCheckDigit('12345678901'), 8); // Σ = 212, 212 mod 11 = 3, 11 − 3 = 8
  assert.equal(myNumberCheckDigit('00000000000'), 0);
  assert.equal(isValidMyNumber('123456789018'), true);
  assert.equal(isValidMyNumber('1234 5678 9018'), true);
  assert.equal(isValidMyNumber('1234-5678-9018'), true);
  assert.equal(isValidMyNumber('１２３４５６７８９０１８'), true, 'full-width digits as typed on a phone');
  assert.equal(isValidMyNumber('123456789012'), false);
  assert.equal(isValidMyNumber('12345678901'), false, '11 digits');
  assert.equal(isValidMyNumber('1234567890189'), false, '13 digits');
  assert.equal(isValidMyNumber('12345678901a'), false);
  assert.equal(isValidMyNumber(''), false);
  assert.throws(() => myNumberCheckDigit('123'), RangeError);
});

test('generated numbers: exactly one final digit is valid for any 11 leading digits', () => {
  const next = seededDigits(20260401);
  const remainders = new Set<number>();
  for (let i = 0; i < 2000; i++) {
    const first11 = Array.from({ length: 11 }, next).join('');
    const check = myNumberCheckDigit(first11);
    assert.equal(check, referenceCheckDigit(first11), first11);
    remainders.add(check);
    for (let d = 0; d <= 9; d++) assert.equal(isValidMyNumber(`${first11}${d}`), d === check, `${first11}${d}`);
  }
  assert.equal(remainders.size, 10, 'every check digit 0-9 occurs');
});

test('a single mistyped digit is caught unless the sum moves between remainders 0 and 1', () => {
  const next = seededDigits(7);
  let caught = 0;
  let total = 0;
  for (let i = 0; i < 300; i++) {
    const first11 = Array.from({ length: 11 }, next).join('');
    const valid = `${first11}${myNumberCheckDigit(first11)}`;
    for (let pos = 0; pos < 11; pos++) {
      const digit = (Number(valid[pos]) + 1 + (i % 9)) % 10;
      const typo = `${valid.slice(0, pos)}${digit}${valid.slice(pos + 1)}`;
      total++;
      if (!isValidMyNumber(typo)) caught++;
    }
  }
  assert.ok(caught / total > 0.9, `${caught}/${total}`);
});

test('masking shows only the last four digits', () => {
  assert.equal(maskMyNumber('123456789018'), '**** **** 9018');
  assert.equal(maskMyNumber('1234 5678 9018'), '**** **** 9018');
  assert.equal(maskMyNumber('１２３４５６７８９０１８'), '**** **** 9018');
});
