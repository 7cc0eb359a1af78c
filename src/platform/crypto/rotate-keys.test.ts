import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { addTenants } from '../../../test/helpers/tenants.ts';
import { createFieldCrypto } from './field-crypto.ts';
import { localKeyWrapper, type MasterKey } from './master-key.ts';
import { keysCommand, rotateKeys } from './rotate-keys.ts';

let database: TestDatabase;
const k1: MasterKey = { id: 'k2026', key: randomBytes(32) };
const k2: MasterKey = { id: 'k2027', key: randomBytes(32) };
const k3: MasterKey = { id: 'k2028', key: randomBytes(32) };
const env = (current: MasterKey, previous?: MasterKey) => ({
  CITYHALL_MASTER_KEY: `${current.id}:${current.key.toString('base64')}`,
  CITYHALL_MASTER_KEY_PREVIOUS: previous ? `${previous.id}:${previous.key.toString('base64')}` : undefined,
});

function output() {
  let text = '';
  return {
    write(chunk: string) {
      text += chunk;
      return true;
    },
    get text() {
      return text;
    },
  };
}

before(async () => {
  database = await createTestDatabase();
  await addTenants(database.ownerDb, 'kawasaki', 'yokohama');
});
after(async () => {
  await database.close();
});

async function masterKeyIds(): Promise<string[]> {
  const rows = await database.ownerDb.selectFrom('tenant_data_keys').select('master_key_id').distinct().execute();
  return rows.map((r) => r.master_key_id).sort();
}

test('rotation re-wraps under the new master key; afterwards the old key is no longer needed', async () => {
  const before = createFieldCrypto({ db: database.db, wrapper: localKeyWrapper(k1) });
  const blob = await before.encrypt('kawasaki', '987654321098');
  const index = await before.blindIndex('kawasaki', '987654321098');
  const other = await before.encrypt('yokohama', '横浜のデータ');
  const storedBefore = await database.ownerDb.selectFrom('tenant_data_keys').selectAll().execute();

  // The new key alone cannot read data keys wrapped by the old one: a clear error naming the variable.
  const missing = createFieldCrypto({ db: database.db, wrapper: localKeyWrapper(k2) });
  await assert.rejects(missing.decrypt('kawasaki', blob), /「k2026」.*CITYHALL_MASTER_KEY_PREVIOUS/);

  const result = await rotateKeys({ db: database.ownerDb, wrapper: localKeyWrapper(k2, k1) });
  assert.deepEqual(result, { rewrapped: 4, newDataKeys: 0 });
  assert.deepEqual(await masterKeyIds(), ['k2027']);
  const storedAfter = await database.ownerDb.selectFrom('tenant_data_keys').selectAll().execute();
  assert.equal(storedAfter.length, storedBefore.length, 'no key added or lost');

  // Only the new master key from here on: the old data and indexes stay readable.
  const after = createFieldCrypto({ db: database.db, wrapper: localKeyWrapper(k2) });
  assert.equal(await after.decrypt('kawasaki', blob), '987654321098');
  assert.equal(await after.decrypt('yokohama', other), '横浜のデータ');
  assert.deepEqual(await after.blindIndex('kawasaki', '987654321098'), index, 'look-ups keep working');

  // Nothing left to do the second time.
  assert.deepEqual(await rotateKeys({ db: database.ownerDb, wrapper: localKeyWrapper(k2, k1) }), {
    rewrapped: 0,
    newDataKeys: 0,
  });
});

test('a new data-key version: new writes use it, old ciphertexts still decrypt', async () => {
  const wrapper = localKeyWrapper(k2);
  const old = await createFieldCrypto({ db: database.db, wrapper }).encrypt('kawasaki', '111111111118');
  const result = await rotateKeys({ db: database.ownerDb, wrapper }, { newDataKey: true });
  assert.deepEqual(result, { rewrapped: 0, newDataKeys: 2 });
  const fresh = createFieldCrypto({ db: database.db, wrapper });
  const newer = await fresh.encrypt('kawasaki', '222222222226');
  assert.equal(old.readUInt16BE(1), 1);
  assert.equal(newer.readUInt16BE(1), 2);
  assert.equal(await fresh.decrypt('kawasaki', old), '111111111118');
  assert.equal(await fresh.decrypt('kawasaki', newer), '222222222226');
});

test('cityhall keys rotate: Japanese output, and clear errors for a missing key or a wrong value', async () => {
  const blob = await createFieldCrypto({ db: database.db, wrapper: localKeyWrapper(k2) }).encrypt('kawasaki', 'CLI');
  const ctx = (e: Record<string, string | undefined>) => ({
    databaseUrl: database.ownerUrl,
    env: e,
    stdout: output(),
    stderr: output(),
  });

  const ok = ctx(env(k3, k2));
  assert.equal(await keysCommand(['rotate'], ok), 0, ok.stderr.text);
  assert.match(ok.stdout.text, /データ鍵 6 件をマスター鍵「k2028」で包み直しました/);
  assert.match(ok.stdout.text, /CITYHALL_MASTER_KEY_PREVIOUS を外してください/);
  assert.deepEqual(await masterKeyIds(), ['k2028']);
  assert.equal(
    await createFieldCrypto({ db: database.db, wrapper: localKeyWrapper(k3) }).decrypt('kawasaki', blob),
    'CLI',
  );

  const one = ctx(env(k3));
  assert.equal(await keysCommand(['rotate', '--new-data-key', '--tenant', 'yokohama'], one), 0, one.stderr.text);
  assert.match(one.stdout.text, /新しい暗号化鍵の版を 1 自治体に作りました/);

  // Keys wrapped by a master key nobody configured: the command names it and fails without a stack.
  const lost = ctx(env(k1));
  assert.equal(await keysCommand(['rotate'], lost), 1);
  assert.match(lost.stderr.text, /マスター鍵「k2028」で保護されていますが/);

  const unset = ctx({});
  assert.equal(await keysCommand(['rotate'], unset), 1);
  assert.match(unset.stderr.text, /CITYHALL_MASTER_KEY が設定されていません/);

  const malformed = ctx({ CITYHALL_MASTER_KEY: `k2029:${randomBytes(16).toString('base64')}` });
  assert.equal(await keysCommand(['rotate'], malformed), 1);
  assert.match(malformed.stderr.text, /CITYHALL_MASTER_KEY の鍵の値/);

  const unknownTenant = ctx(env(k3));
  assert.equal(await keysCommand(['rotate', '--tenant', 'atlantis'], unknownTenant), 1);
  assert.match(unknownTenant.stderr.text, /atlantis/);

  const usage = ctx(env(k3));
  assert.equal(await keysCommand(['spin'], usage), 2);
  assert.match(usage.stderr.text, /使い方: cityhall keys rotate/);
  const badOption = ctx(env(k3));
  assert.equal(await keysCommand(['rotate', '--force'], badOption), 2);
});
