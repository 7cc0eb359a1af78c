// A signed-in resident asks to link their LINE account: they get a one-time code (15 minutes) to send to
// the city's LINE account. Only its hash is kept; a new code replaces the unused ones.
import { createHash, randomInt } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';

// No 0/O, 1/I/L: a code read off a screen and typed on a phone.
const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const linkCodePattern = /^[2-9A-HJKMNP-Z]{4}-?[2-9A-HJKMNP-Z]{4}$/;
export const linkCodeMinutes = 15;

export const linkCodeHash = (code: string) =>
  createHash('sha256')
    .update(`line-link:${code.replace('-', '').toUpperCase()}`)
    .digest('hex');

export async function issueLineLinkCode(
  deps: { db: Kysely<any> },
  input: { tenantId: string; accountId: string },
): Promise<{ code: string; expiresAt: Date }> {
  const raw = Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join('');
  const code = `${raw.slice(0, 4)}-${raw.slice(4)}`;
  const expiresAt = new Date(Date.now() + linkCodeMinutes * 60_000);
  await withTenant(deps.db, input.tenantId, async (trx) => {
    await trx
      .deleteFrom('msg_link_codes')
      .where('account_id', '=', input.accountId)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .insertInto('msg_link_codes')
      .values({
        tenant_id: input.tenantId,
        code_hash: linkCodeHash(code),
        account_id: input.accountId,
        expires_at: expiresAt,
      })
      .execute();
    // Old codes are of no use to anyone: keep the table small.
    await sql`delete from msg_link_codes where expires_at < now() - interval '1 day'`.execute(trx);
  });
  return { code, expiresAt };
}
