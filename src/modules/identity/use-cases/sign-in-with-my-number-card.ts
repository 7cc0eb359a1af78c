// マイナンバーカードでサインイン (OpenID Connect, デジタル認証アプリ model). The provider's subject is
// linked to one account: a known subject signs that account in; a signed-in resident verifying links
// their account; a newcomer gets an account. Claims are matched to the resident register when they fit.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { findResidentsByBirth } from '../../residents/index.ts';
import { audit, type RequestMeta } from '../audit.ts';
import { matchResident } from '../jpki/basic4.ts';
import type { MyNumberClaims } from '../oidc/client.ts';

const sexOf: Record<string, string> = { male: '1', female: '2' };

export async function signInWithMyNumberCard(
  deps: { db: Kysely<any> },
  input: { tenantId: string; claims: MyNumberClaims; currentAccountId: string | null; meta: RequestMeta },
): Promise<{ accountId: string; created: boolean }> {
  const { claims } = input;
  let residentId: string | null = null;
  if (claims.name && claims.birthdate && claims.gender && claims.address && sexOf[claims.gender]) {
    const card = {
      name: claims.name,
      birthDate: claims.birthdate,
      sex: sexOf[claims.gender]!,
      address: claims.address,
      birthEra: '',
    };
    const candidates = await findResidentsByBirth(deps, {
      tenantId: input.tenantId,
      birthDate: claims.birthdate,
      sex: card.sex,
    });
    residentId = candidates.find((r) => matchResident(card, r).matches)?.id ?? null;
  }
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const linked = await trx
      .selectFrom('jpki_links')
      .select('account_id')
      .where('source', '=', 'oidc')
      .where('subject', '=', claims.subject)
      .executeTakeFirst();
    let accountId = linked?.account_id as string | undefined;
    let created = false;
    if (accountId && input.currentAccountId && accountId !== input.currentAccountId) {
      throw new AppError('conflict', 'このマイナンバーカードは、すでに別のアカウントに登録されています。');
    }
    if (!accountId) {
      accountId = input.currentAccountId ?? undefined;
      if (!accountId) {
        const account = await trx
          .insertInto('accounts')
          .values({ tenant_id: input.tenantId, kind: 'resident', display_name: claims.name ?? '利用者' })
          .returning('id')
          .executeTakeFirstOrThrow();
        accountId = account.id as string;
        created = true;
      }
      await trx
        .insertInto('jpki_links')
        .values({ tenant_id: input.tenantId, account_id: accountId, source: 'oidc', subject: claims.subject })
        .execute();
    }
    await trx
      .updateTable('accounts')
      .set({ jpki_verified_at: sql`now()`, ...(residentId ? { resident_id: residentId } : {}) })
      .where('id', '=', accountId)
      .execute();
    await audit(trx, {
      tenantId: input.tenantId,
      action: 'auth.sign_in.my_number_card',
      actor: accountId,
      actorKind: 'resident',
      resourceType: 'account',
      resourceId: accountId,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      details: { created, linkedToRegister: residentId !== null },
    });
    return { accountId, created };
  });
}
