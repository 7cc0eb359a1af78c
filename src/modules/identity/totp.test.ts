import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base32Decode, base32Encode, matchTotp, totpCode } from './totp.ts';

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890" (the 8-digit values, last 6 digits).
const seed = Buffer.from('12345678901234567890');
const vectors: [number, string][] = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
];

test('codes match the RFC 6238 test vectors', () => {
  for (const [seconds, code] of vectors) assert.equal(totpCode(seed, Math.floor(seconds / 30)), code);
});

test('base32 round trip (RFC 4648 vector)', () => {
  assert.equal(base32Encode(Buffer.from('foobar')), 'MZXW6YTBOI');
  assert.deepEqual(base32Decode('MZXW6YTBOI'), Buffer.from('foobar'));
});

test('a code is accepted once, with one step of clock drift, and never replayed', () => {
  const at = 1_234_567_890_000;
  const step = Math.floor(at / 30_000);
  const code = totpCode(seed, step);
  assert.equal(matchTotp(seed, code, null, at), step);
  assert.equal(matchTotp(seed, code, step, at), undefined, 'same step twice');
  assert.equal(matchTotp(seed, totpCode(seed, step - 1), null, at), step - 1);
  assert.equal(matchTotp(seed, totpCode(seed, step - 2), null, at), undefined, 'too old');
  assert.equal(matchTotp(seed, '12345', null, at), undefined);
  assert.equal(matchTotp(seed, 'abcdef', null, at), undefined);
});
