// Who of some accounts applied for a procedure after a day: how push-type services measure whether telling
// people led them to apply (conversion).
import { type Kysely, sql } from 'kysely';

/** Of `accounts` (each with the time it was told), those who applied for `procedureCode` after it, in `trx`. */
export async function applicantsAmong(
  trx: Kysely<any>,
  input: { procedureCode: string; accounts: { accountId: string; since: Date }[] },
): Promise<Set<string>> {
  if (input.accounts.length === 0) return new Set();
  const rows = await sql<{ on_behalf_of: string }>`
    select distinct a.on_behalf_of from applications a
    join unnest(${input.accounts.map((x) => x.accountId)}::text[], ${input.accounts.map((x) => x.since.toISOString())}::timestamptz[])
      as told(account_id, since) on told.account_id = a.on_behalf_of
    where a.procedure_code = ${input.procedureCode} and a.status <> 'draft' and a.created_at >= told.since`.execute(
    trx,
  );
  return new Set(rows.rows.map((r) => r.on_behalf_of));
}
