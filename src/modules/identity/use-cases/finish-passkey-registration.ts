// パスキーの登録 (step 2): checks the authenticator's answer against the saved challenge and keeps the
// public key. The private key never leaves the resident's device.
import { type RegistrationResponseJSON, verifyRegistrationResponse } from '@simplewebauthn/server';
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { audit, type RequestMeta } from '../audit.ts';
import { takeFlow } from '../auth-flows.ts';
import type { RelyingParty } from '../webauthn.ts';

export async function finishPasskeyRegistration(
  deps: { db: Kysely<any> },
  input: {
    tenantId: string;
    accountId: string;
    kind: 'resident' | 'staff';
    flowId: string | undefined;
    response: RegistrationResponseJSON;
    label: string;
    rp: RelyingParty;
    meta: RequestMeta;
  },
): Promise<{ credentialId: string }> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const flow = await takeFlow<{ challenge: string }>(trx, input.flowId, 'passkey_register');
    if (!flow || flow.accountId !== input.accountId) {
      throw new AppError('bad_request', 'パスキー登録の有効期限（5分）が切れました。もう一度お試しください。');
    }
    let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      verification = await verifyRegistrationResponse({
        response: input.response,
        expectedChallenge: flow.data.challenge,
        expectedOrigin: input.rp.origin,
        expectedRPID: input.rp.id,
        requireUserVerification: false,
      });
    } catch (error) {
      throw new AppError('bad_request', `パスキーを確認できませんでした（${(error as Error).message}）。`);
    }
    if (!verification.verified) throw new AppError('bad_request', 'パスキーを確認できませんでした。');
    const { credential } = verification.registrationInfo;
    await trx
      .insertInto('passkeys')
      .values({
        tenant_id: input.tenantId,
        credential_id: credential.id,
        account_id: input.accountId,
        public_key: Buffer.from(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports ?? [],
        label: input.label.trim().slice(0, 60) || 'パスキー',
      })
      .execute();
    await audit(trx, {
      tenantId: input.tenantId,
      action: 'account.passkey_added',
      actor: input.accountId,
      actorKind: input.kind,
      resourceType: 'passkey',
      resourceId: credential.id,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
    });
    return { credentialId: credential.id };
  });
}
