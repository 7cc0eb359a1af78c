// For this module's tests: a fresh test database with a second tenant beside Kawasaki.
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { ensureTenant } from '../../platform/tenancy/tenants.ts';
import { seedOrganisation } from './use-cases/seed-organisation.ts';

/** A tenant with no organisation of its own, to prove that it sees none of Kawasaki's. */
export const otherTenant = { id: 'sagamihara', lgCode: '141500', name: '相模原市', nameEn: 'Sagamihara City' };

export async function createOrganisationTestDatabase(options: { seedKawasaki: boolean }): Promise<TestDatabase> {
  const database = await createTestDatabase();
  await ensureTenant(database.ownerDb, otherTenant);
  if (options.seedKawasaki) await seedOrganisation({ db: database.db }, { tenantId: 'kawasaki' });
  return database;
}
