import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { withTenant } from '../db/tenant.ts';
import { createFieldCrypto } from './field-crypto.ts';
import { localKeyWrapper, type MasterKey } from './master-key.ts';
import { rotateKeys } from './rotate-keys.ts';

let database: TestDatabase;
const k1: MasterKey = { id: 'k2026', key: randomBytes(32) };

async function addTenant(id: string, lgCode: string) {
  await database.ownerDb
    .insertInto('tenants')
    .values({ id, lg_code: lgCode, name_ja: `${id}市`, name_en: id })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

before(async () => {
  database = await createTestDatabase();
  await addTenant('kawasaki', '141305');
  await addTenant('yokohama', '141003');
});
after(async () => {
  await database.close();
});

test('a value round-trips; the stored form reveals nothing and a changed byte is refused', async () => {
  const crypto = createFieldCrypto({ db: database.db, wrapper: localKeyWrapper(k1) });
  const blob = await crypto.encrypt('kawasaki', '123456789018');
  assert.equal(blob.includes(Buffer.from('123456789018')), false);
  assert.equal(blob.readUInt8(0), 1, 'format byte');
  assert.equal(blob.readUInt16BE(1), 1, 'data-key version');
  assert.equal(blob.length, 3 + 12 + 16 + 12);
  assert.equal(await crypto.decrypt('kawasaki', blob), '123456789018');
  assert.equal(await crypto.decrypt('kawasaki', await crypto.encrypt('kawasaki', '日本語も可')), '日本語も可');

  const again = await crypto.encrypt('kawasaki', '123456789018');
  assert.notDeepEqual(again, blob, 'a fresh IV each time');

  // Every region of the blob is covered: IV, tag and body by GCM, the version by the key it selects.
  for (const at of [3, 15, 31, blob.length - 1]) {
    const tampered = Buffer.from(blob);
    tampered[at]! ^= 1;
    await assert.rejects(crypto.decrypt('kawasaki', tampered), /改ざん/, `byte ${at}`);
  }
  const otherVersion = Buffer.from(blob);
  otherVersion.writeUInt16BE(7, 1);
  await assert.rejects(crypto.decrypt('kawasaki', otherVersion), /版 7/);
  await assert.rejects(crypto.decrypt('yokohama', blob), /改ざん|別の自治体/, 'bound to its tenant');
  await assert.rejects(crypto.decrypt('kawasaki', Buffer.from('garbage')), /形式/);
});

test('the database holds only wrapped keys, under the master key id, and the app role sees only its tenant', async () => {
  const crypto = createFieldCrypto({ db: database.db, wrapper: localKeyWrapper(k1) });
  await crypto.ensureTenantKeys('kawasaki');
  await crypto.ensureTenantKeys('yokohama');
  const rows = await database.ownerDb
    .selectFrom('tenant_data_keys')
    .selectAll()
    .where('tenant_id', 'in', ['kawasaki', 'yokohama'])
    .execute();
  assert.equal(rows.length, 4);
  for (const row of rows) {
    assert.equal(row.master_key_id, 'k2026');
    assert.equal(row.wrapped_key.length, 12 + 16 + 32);
  }
  // Row-level security: a kawasaki transaction of the app role cannot read yokohama's keys.
  const visible = await withTenant(database.db, 'kawasaki', (trx) =>
    trx.selectFrom('tenant_data_keys').select('tenant_id').execute(),
  );
  assert.deepEqual([...new Set(visible.map((r) => r.tenant_id))], ['kawasaki']);
});

test('blind indexes match equal values (however typed) and differ across tenants and values', async () => {
  const crypto = createFieldCrypto({ db: database.db, wrapper: localKeyWrapper(k1) });
  const a = await crypto.blindIndex('kawasaki', '1234 5678 9018');
  const b = await crypto.blindIndex('kawasaki', '１２３４－５６７８－９０１８');
  const c = await crypto.blindIndex('yokohama', '123456789018');
  const d = await crypto.blindIndex('kawasaki', '123456789026');
  assert.equal(a.length, 32);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
  assert.notDeepEqual(a, d);
  // A fresh process (no cache) computes the same index from the stored key.
  const fresh = createFieldCrypto({ db: database.db, wrapper: localKeyWrapper(k1) });
  assert.deepEqual(await fresh.blindIndex('kawasaki', '123456789018'), a);
});

test('a wrong or missing master key is named in a clear error', async () => {
  const wrong = createFieldCrypto({ db: database.db, wrapper: localKeyWrapper({ id: 'k2026', key: randomBytes(32) }) });
  await assert.rejects(wrong.encrypt('kawasaki', 'x'), /マスター鍵「k2026」.*復号できません.*CITYHALL_MASTER_KEY/);
  const unknown = createFieldCrypto({
    db: database.db,
    wrapper: localKeyWrapper({ id: 'k2099', key: randomBytes(32) }),
  });
  await assert.rejects(unknown.blindIndex('kawasaki', 'x'), /「k2026」.*CITYHALL_MASTER_KEY_PREVIOUS/);
});

test('many processes using a tenant for the first time at once create one key of each kind', async () => {
  await addTenant('sagamihara', '141500');
  const users = Array.from({ length: 8 }, () => createFieldCrypto({ db: database.db, wrapper: localKeyWrapper(k1) }));
  const blobs = await Promise.all(users.map((u) => u.encrypt('sagamihara', 'same')));
  const indexes = await Promise.all(users.map((u) => u.blindIndex('sagamihara', 'same')));
  for (const u of users) for (const b of blobs) assert.equal(await u.decrypt('sagamihara', b), 'same');
  for (const i of indexes) assert.deepEqual(i, indexes[0]);
  const keys = await sql<{ purpose: string; n: number }>`
    select purpose, count(*)::int as n from tenant_data_keys where tenant_id = 'sagamihara' group by purpose order by purpose`.execute(
    database.ownerDb,
  );
  assert.deepEqual(keys.rows, [
    { purpose: 'encrypt', n: 1 },
    { purpose: 'index', n: 1 },
  ]);
});

test('a process that has not seen a newer data key yet still decrypts what another process wrote with it', async () => {
  await addTenant('fujisawa', '142051');
  const wrapper = localKeyWrapper(k1);
  const old = createFieldCrypto({ db: database.db, wrapper });
  await old.ensureTenantKeys('fujisawa');
  await rotateKeys({ db: database.ownerDb, wrapper }, { newDataKey: true, tenantId: 'fujisawa' });
  const fresh = createFieldCrypto({ db: database.db, wrapper });
  const blob = await fresh.encrypt('fujisawa', '新しい版');
  assert.equal(blob.readUInt16BE(1), 2);
  assert.equal(await old.decrypt('fujisawa', blob), '新しい版');

  // With a short refresh interval, its own new writes move to the new version too.
  const quick = createFieldCrypto({ db: database.db, wrapper, refreshMs: 0 });
  assert.equal((await quick.encrypt('fujisawa', 'a')).readUInt16BE(1), 2);
  await rotateKeys({ db: database.ownerDb, wrapper }, { newDataKey: true, tenantId: 'fujisawa' });
  assert.equal((await quick.encrypt('fujisawa', 'b')).readUInt16BE(1), 3);
});
