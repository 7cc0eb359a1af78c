// パスキーでサインイン (step 1): a challenge for any passkey of this site (discoverable credentials:
// the resident types nothing).
import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { saveFlow } from '../auth-flows.ts';
import type { RelyingParty } from '../webauthn.ts';

export async function beginPasskeySignIn(
  deps: { db: Kysely<any> },
  input: { tenantId: string; rp: RelyingParty },
): Promise<{ flowId: string; options: PublicKeyCredentialRequestOptionsJSON }> {
  const options = await generateAuthenticationOptions({ rpID: input.rp.id, userVerification: 'preferred' });
  const flowId = await withTenant(deps.db, input.tenantId, (trx) =>
    saveFlow(trx, input.tenantId, 'passkey_sign_in', null, { challenge: options.challenge }),
  );
  return { flowId, options };
}
