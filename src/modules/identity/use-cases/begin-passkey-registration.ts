// パスキーの登録 (step 1): options for navigator.credentials.create, remembered for five minutes.

import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { generateRegistrationOptions } from '@simplewebauthn/server';
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { saveFlow } from '../auth-flows.ts';
import type { RelyingParty } from '../webauthn.ts';

export async function beginPasskeyRegistration(
  deps: { db: Kysely<any> },
  input: { tenantId: string; accountId: string; rp: RelyingParty },
): Promise<{ flowId: string; options: PublicKeyCredentialCreationOptionsJSON }> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const account = await trx
      .selectFrom('accounts')
      .select(['email', 'display_name'])
      .where('id', '=', input.accountId)
      .executeTakeFirstOrThrow();
    const existing = await trx
      .selectFrom('passkeys')
      .select(['credential_id', 'transports'])
      .where('account_id', '=', input.accountId)
      .execute();
    const options = await generateRegistrationOptions({
      rpName: input.rp.name,
      rpID: input.rp.id,
      userName: account.email ?? account.display_name,
      userDisplayName: account.display_name,
      userID: Buffer.from(input.accountId.replaceAll('-', ''), 'hex'),
      attestationType: 'none',
      excludeCredentials: existing.map((p) => ({ id: p.credential_id, transports: p.transports })),
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    const flowId = await saveFlow(trx, input.tenantId, 'passkey_register', input.accountId, {
      challenge: options.challenge,
    });
    return { flowId, options };
  });
}
