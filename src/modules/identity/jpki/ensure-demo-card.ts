// For `npm start`: a demo CA and one demo card ("demo") holding the 基本4情報 of a resident of the
// synthetic register, so 本人確認 can be tried at once. Written once into the data folder.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { readResident } from '../../residents/index.ts';
import { createCrl, createDemoCa, createDemoCard } from './demo-ca.ts';
import { hasDemoCa, loadDemoCa, saveDemoCa, saveDemoCard, writeRevokedSerials } from './store.ts';

export async function ensureDemoCard(
  deps: { db: Kysely<any> },
  input: { tenantId: string; dir: string },
): Promise<{ created: boolean; holder?: string }> {
  if (existsSync(path.join(input.dir, 'cards', 'demo'))) return { created: false };
  const resident = await readResident(deps, { tenantId: input.tenantId, id: '1' });
  if (!resident) return { created: false };
  if (!hasDemoCa(input.dir)) {
    const ca = await createDemoCa();
    await saveDemoCa(input.dir, ca);
    await writeRevokedSerials(input.dir, []);
    await writeFile(path.join(input.dir, 'ca.crl'), await createCrl(ca, []));
  }
  const holder = `${resident.familyName} ${resident.givenName}`;
  await saveDemoCard(
    input.dir,
    await createDemoCard(await loadDemoCa(input.dir), 'demo', {
      name: holder,
      sex: resident.sex,
      birthDate: resident.birthDate,
      address: resident.address,
    }),
  );
  return { created: true, holder };
}
