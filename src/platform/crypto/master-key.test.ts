import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { keyWrapperFromEnv, localKeyWrapper, parseMasterKey } from './master-key.ts';

const value = (id: string, bytes = 32) => `${id}:${randomBytes(bytes).toString('base64')}`;

test('invalid values name their variable', () => {
  assert.throws(() => parseMasterKey('CITYHALL_MASTER_KEY', 'nocolon'), /CITYHALL_MASTER_KEY は「鍵ID/);
  assert.throws(() => parseMasterKey('CITYHALL_MASTER_KEY', `:${randomBytes(32).toString('base64')}`), /鍵ID/);
  assert.throws(() => parseMasterKey('CITYHALL_MASTER_KEY', value('k', 16)), /CITYHALL_MASTER_KEY の鍵の値/);
  assert.throws(() => parseMasterKey('CITYHALL_MASTER_KEY', 'k:!!!!not base64 at all but long enough!!!!!'), /鍵の値/);
  assert.throws(() => keyWrapperFromEnv({}), /CITYHALL_MASTER_KEY が設定されていません/);
  assert.throws(
    () => keyWrapperFromEnv({ CITYHALL_MASTER_KEY: value('k2027'), CITYHALL_MASTER_KEY_PREVIOUS: 'oops' }),
    /CITYHALL_MASTER_KEY_PREVIOUS/,
  );
  assert.throws(
    () => keyWrapperFromEnv({ CITYHALL_MASTER_KEY: value('k2027'), CITYHALL_MASTER_KEY_PREVIOUS: value('k2027') }),
    /同じです/,
  );
});

test('wrap and unwrap, the previous key included; a relabelled or altered wrap is refused', async () => {
  const previous = parseMasterKey('CITYHALL_MASTER_KEY_PREVIOUS', value('k2026'));
  const old = localKeyWrapper(previous);
  const current = keyWrapperFromEnv({
    CITYHALL_MASTER_KEY: value('k2027'),
    CITYHALL_MASTER_KEY_PREVIOUS: `k2026:${previous.key.toString('base64')}`,
  });
  assert.equal(current.id, 'k2027');
  const dataKey = randomBytes(32);
  const oldWrap = await old.wrap(dataKey);
  assert.deepEqual(await current.unwrap(oldWrap, 'k2026'), dataKey);
  const newWrap = await current.wrap(dataKey);
  assert.deepEqual(await current.unwrap(newWrap, 'k2027'), dataKey);
  await assert.rejects(current.unwrap(oldWrap, 'k2027'), /k2027.*CITYHALL_MASTER_KEY の値/);
  const altered = Buffer.from(newWrap);
  altered[20]! ^= 1;
  await assert.rejects(current.unwrap(altered, 'k2027'), /復号できません/);
  await assert.rejects(old.unwrap(newWrap, 'k2027'), /「k2027」.*設定されていません/);
});
