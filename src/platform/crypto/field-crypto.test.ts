import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { createFieldCrypto } from './field-crypto.ts';
import { localKeyWrapper, type MasterKey, parseMasterKey } from './master-key.ts';
import { isValidMyNumber, maskMyNumber, myNumberCheckDigit } from './my-number.ts';
import { rotateKeys } from './rotate-keys.ts';

let database: TestDatabase;
const k1: MasterKey = { id: 'k2026', key: randomBytes(32) };
const k2: MasterKey = { id: 'k2027', key: randomBytes(32) };

before(async () => {
  database = await createTestDatabase();
  await database.ownerDb
    .insertInto('tenants')
    .values([
      { id: 'kawasaki', lg_code: '141305', name_ja: '川崎市', name_en: 'Kawasaki' },
      { id: 'yokohama', lg_code: '141003', name_ja: '横浜市', name_en: 'Yokohama' },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
});
after(async () => {
  await database.close();
});

test('a value round-trips; the stored form reveals nothing and a changed byte is refused', async () => {
  const crypto = createFieldCrypto({ db: database.db, wrapper: localKeyWrapper(k1) });
  const blob = await crypto.encrypt('kawasaki', '123456789018');
  assert.equal(blob.includes(Buffer.from('123456789018')), false);
  assert.equal(await crypto.decrypt('kawasaki', blob), '123456789018');
  const again = await crypto.encrypt('kawasaki', '123456789018');
  assert.notDeepEqual(again, blob, 'a fresh IV each time');
  const tampered = Buffer.from(blob);
  tampered[tampered.length - 1]! ^= 1;
  await assert.rejects(crypto.decrypt('kawasaki', tampered), /改ざん/);
  await assert.rejects(crypto.decrypt('yokohama', blob), /改ざん|別の自治体/, 'bound to its tenant');
  await assert.rejects(crypto.decrypt('kawasaki', Buffer.from('garbage')), /形式/);
});

test('blind indexes match equal values (however typed) and differ across tenants', async () => {
  const crypto = createFieldCrypto({ db: database.db, wrapper: localKeyWrapper(k1) });
  const a = await crypto.blindIndex('kawasaki', '1234 5678 9018');
  const b = await crypto.blindIndex('kawasaki', '１２３４５６７８９０１８');
  const c = await crypto.blindIndex('yokohama', '123456789018');
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test('rotation re-wraps under the new master key; afterwards the old key is no longer needed', async () => {
  const before = createFieldCrypto({ db: database.db, wrapper: localKeyWrapper(k1) });
  const blob = await before.encrypt('kawasaki', '987654321098');
  const index = await before.blindIndex('kawasaki', '987654321098');

  // Without the previous key, the new one alone cannot read the data keys: a clear error.
  const missing = createFieldCrypto({ db: database.db, wrapper: localKeyWrapper(k2) });
  await assert.rejects(missing.decrypt('kawasaki', blob), /CITYHALL_MASTER_KEY_PREVIOUS/);

  const result = await rotateKeys(database.ownerDb, localKeyWrapper(k2, [k1]));
  assert.ok(result.rewrapped >= 2);
  const after = createFieldCrypto({ db: database.db, wrapper: localKeyWrapper(k2) });
  assert.equal(await after.decrypt('kawasaki', blob), '987654321098');
  assert.deepEqual(await after.blindIndex('kawasaki', '987654321098'), index, 'lookups keep working');

  // A new data-key version: new writes use it, old ciphertexts still decrypt.
  await rotateKeys(database.ownerDb, localKeyWrapper(k2), { newDataKey: true });
  const fresh = createFieldCrypto({ db: database.db, wrapper: localKeyWrapper(k2) });
  const newer = await fresh.encrypt('kawasaki', '111111111118');
  assert.equal(newer.readUInt16BE(1), 2);
  assert.equal(await fresh.decrypt('kawasaki', blob), '987654321098');
  assert.equal(await fresh.decrypt('kawasaki', newer), '111111111118');
});

test('a wrong master key value is named, not a stack trace', async () => {
  const wrong = createFieldCrypto({ db: database.db, wrapper: localKeyWrapper({ id: 'k2027', key: randomBytes(32) }) });
  await assert.rejects(wrong.encrypt('kawasaki', 'x'), /k2027.*復号できません/);
  assert.throws(() => parseMasterKey('CITYHALL_MASTER_KEY', 'nocolon'), /CITYHALL_MASTER_KEY/);
  assert.throws(() => parseMasterKey('CITYHALL_MASTER_KEY', 'k:c2hvcnQ='), /32バイト/);
});

test('many processes using a tenant for the first time at once create one key of each kind', async () => {
  await database.ownerDb
    .insertInto('tenants')
    .values({ id: 'sagamihara', lg_code: '141500', name_ja: '相模原市', name_en: 'Sagamihara' })
    .execute();
  const users = Array.from({ length: 8 }, () => createFieldCrypto({ db: database.db, wrapper: localKeyWrapper(k2) }));
  const blobs = await Promise.all(users.map((u) => u.encrypt('sagamihara', 'same')));
  for (const u of users) for (const b of blobs) assert.equal(await u.decrypt('sagamihara', b), 'same');
  const keys = await sql<{
    n: number;
  }>`select count(*)::int as n from tenant_data_keys where tenant_id = 'sagamihara'`.execute(database.ownerDb);
  assert.equal(keys.rows[0]!.n, 2);
});

test('My Number check digits follow the statutory formula', () => {
  assert.equal(isValidMyNumber('123456789018'), true);
  assert.equal(isValidMyNumber('1234 5678 9018'), true);
  assert.equal(isValidMyNumber('123456789012'), false);
  assert.equal(isValidMyNumber('12345678901'), false);
  assert.equal(myNumberCheckDigit('00000000000'), 0);
  assert.equal(maskMyNumber('123456789018'), '**** **** 9018');
});
