// A resident account's id by its e-mail address, inside the caller's withTenant transaction (for demo data
// and for other modules' seeds; pages use the session).
import type { Kysely } from 'kysely';

export async function findResidentAccount(trx: Kysely<any>, email: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom('accounts')
    .select('id')
    .where('kind', '=', 'resident')
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row?.id as string | undefined;
}
