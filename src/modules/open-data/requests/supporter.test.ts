import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { issueSupporterCookie, readSupporterCookie, supporterHash } from './supporter.ts';

const key = randomBytes(32);

test('a supporter cookie the server issued is read back as its id; a forged or altered one is nobody', () => {
  const value = issueSupporterCookie(key);
  const id = readSupporterCookie(key, value);
  assert.equal(id, value.split('.')[0]);
  assert.equal(readSupporterCookie(randomBytes(32), value), undefined, 'signed with another key');
  assert.equal(readSupporterCookie(key, `${'A'.repeat(22)}.${value.split('.')[1]}`), undefined, 'another id');
  assert.equal(readSupporterCookie(key, 'chosen-by-me'), undefined);
  assert.equal(readSupporterCookie(key, undefined), undefined);
  assert.notEqual(issueSupporterCookie(key), value, 'each new supporter gets a new id');
});

test('what is stored is a keyed hash per city, never the id', () => {
  const hashKey = randomBytes(32);
  const a = supporterHash(hashKey, 'kawasaki', 'abc');
  assert.ok(a.equals(supporterHash(hashKey, 'kawasaki', 'abc')));
  assert.ok(!a.equals(supporterHash(hashKey, 'yokohama', 'abc')));
  assert.ok(!a.toString('latin1').includes('abc'));
});
