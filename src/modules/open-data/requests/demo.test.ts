// The demo requests on a real PostgreSQL, as the app's own role: every status is there with supporters,
// a second run adds nothing, and the AED request is linked once the catalogue publishes `aed`.
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/db.ts';
import { seedDataRequests } from './demo.ts';
import { listStaffDataRequests } from './use-cases/list-staff-data-requests.ts';

let database: TestDatabase;
const root = randomBytes(32);
const secrets = { derive: (purpose: string) => createHmac('sha256', root).update(purpose).digest() };

before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const list = () =>
  listStaffDataRequests({ db: database.db }, { tenantId: 'kawasaki', sort: 'supports' }).then((p) => p.items);

test('without the aed dataset the AED request is still being considered; a second run adds nothing', async () => {
  await seedDataRequests({ db: database.db, secrets }, { tenantId: 'kawasaki' });
  const first = await list();
  assert.equal(first.length, 6);
  assert.deepEqual(new Set(first.map((r) => r.status)), new Set(['open', 'considering', 'declined']));
  assert.ok(first.every((r) => r.supportCount >= 2 && r.contactEmail === null));
  assert.equal(first[0]!.title, '認可保育所の空き状況（毎月）', 'most supported first');
  const aed = first.find((r) => r.title.startsWith('AED'))!;
  assert.equal(aed.status, 'considering');
  assert.equal(aed.dataset, null);

  await seedDataRequests({ db: database.db, secrets }, { tenantId: 'kawasaki' });
  const again = await list();
  assert.deepEqual(
    again.map((r) => [r.number, r.supportCount, r.revision]),
    first.map((r) => [r.number, r.supportCount, r.revision]),
  );
});

test('once the catalogue publishes aed, the next run answers the AED request and links it, audited', async () => {
  await database.ownerDb
    .insertInto('od_datasets')
    .values({
      tenant_id: 'kawasaki',
      name: 'aed',
      title: 'AED設置箇所一覧',
      organization: 'kenko-fukushi',
      license_id: 'cc-by-4.0',
      created_by: 'test',
    })
    .execute();
  await seedDataRequests({ db: database.db, secrets }, { tenantId: 'kawasaki' });
  const aed = (await list()).find((r) => r.title.startsWith('AED'))!;
  assert.equal(aed.status, 'published');
  assert.deepEqual(aed.dataset, { name: 'aed', title: 'AED設置箇所一覧' });
  const audit = await database.ownerDb
    .selectFrom('audit_log')
    .select(['actor', 'details'])
    .where('action', '=', 'open_data.request.answered')
    .where('resource_id', '=', aed.id)
    .execute();
  assert.equal(audit.at(-1)!.actor, 'demo-seed');
  assert.equal(audit.at(-1)!.details.after.dataset, 'aed');
});
