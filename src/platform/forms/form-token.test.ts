import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { checkFormToken, issueFormToken, maximumAgeMs, minimumFillMs } from './form-token.ts';

const key = randomBytes(32);
const scope = 'open-data-request:kawasaki';

test('a form sent after a person’s pause is accepted, with the token’s random id as its idempotency key', () => {
  const now = Date.now();
  const token = issueFormToken(key, scope, now - minimumFillMs - 1);
  const check = checkFormToken(key, scope, token, now);
  assert.equal(check.ok, true);
  assert.equal(check.ok && check.nonce, token.split('.')[1]);
});

test('too fast, too old, forged, from another form or missing: each has its reason', () => {
  const now = Date.now();
  assert.deepEqual(checkFormToken(key, scope, issueFormToken(key, scope, now - 500), now), {
    ok: false,
    reason: 'too_fast',
  });
  assert.deepEqual(checkFormToken(key, scope, issueFormToken(key, scope, now - maximumAgeMs - 1), now), {
    ok: false,
    reason: 'expired',
  });
  const token = issueFormToken(key, scope, now - 5000);
  assert.deepEqual(checkFormToken(randomBytes(32), scope, token, now), { ok: false, reason: 'invalid' });
  assert.deepEqual(checkFormToken(key, 'open-data-request:yokohama', token, now), { ok: false, reason: 'invalid' });
  assert.deepEqual(checkFormToken(key, scope, `${token}.x`, now), { ok: false, reason: 'invalid' });
  assert.deepEqual(checkFormToken(key, scope, undefined, now), { ok: false, reason: 'missing' });
  assert.deepEqual(checkFormToken(key, scope, ['a', 'b'], now), { ok: false, reason: 'missing' });
});
