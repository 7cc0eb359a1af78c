// Tenants for tests that need more than one city (idempotent, through the platform's ensureTenant).
import type { Kysely } from 'kysely';
import { ensureTenant } from '../../src/platform/tenancy/tenants.ts';

const known = {
  kawasaki: { lgCode: '141305', name: '川崎市', nameEn: 'Kawasaki' },
  yokohama: { lgCode: '141003', name: '横浜市', nameEn: 'Yokohama' },
  sagamihara: { lgCode: '141500', name: '相模原市', nameEn: 'Sagamihara' },
} as const;

/** Adds the cities, each answering at `<id>.localhost` (insert before the app's first request to a city). */
export async function addTenants(ownerDb: Kysely<any>, ...ids: (keyof typeof known)[]): Promise<void> {
  for (const id of ids) await ensureTenant(ownerDb, { id, ...known[id], hostnames: [`${id}.localhost`] });
}
