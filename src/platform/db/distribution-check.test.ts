import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { checkDistributionReadiness } from './distribution-check.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

test('the fully migrated schema can be distributed by tenant (every module, every table)', async () => {
  assert.deepEqual(await checkDistributionReadiness(database.ownerPool), []);
});

test('a table that breaks the rules is named, with the rule it breaks', async () => {
  await database.ownerPool.query(`
    create table bad_global (id int primary key);
    create table bad_keys (tenant_id text not null references tenants(id), id int primary key, email text unique);
    create table bad_child (tenant_id text not null, id int, parent int references bad_keys(id), primary key (tenant_id, id));
    alter table bad_child enable row level security;`);
  const violations = await checkDistributionReadiness(database.ownerPool);
  assert.deepEqual(violations, [
    'bad_child (bad_child_parent_fkey): 外部キーの両側に tenant_id が含まれていません',
    'bad_child: 行レベルセキュリティ（FORCE）と app_tenant() のポリシーがありません',
    'bad_global: tenant_id 列がなく、グローバル表としても宣言されていません',
    'bad_keys (bad_keys_email_key): 主キーまたは一意制約・一意索引に tenant_id が含まれていません',
    'bad_keys (bad_keys_pkey): 主キーまたは一意制約・一意索引に tenant_id が含まれていません',
    'bad_keys: 行レベルセキュリティ（FORCE）と app_tenant() のポリシーがありません',
  ]);
});
