// パスキーでサインイン (step 2): the signature over the challenge proves the device holds the key; the
// signature counter must not go backwards (a cloned authenticator).
import { type AuthenticationResponseJSON, verifyAuthenticationResponse } from '@simplewebauthn/server';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { audit, type RequestMeta } from '../audit.ts';
import { takeFlow } from '../auth-flows.ts';
import type { RelyingParty } from '../webauthn.ts';
import type { SignedInAccount } from './sign-in-with-password.ts';

export async function finishPasskeySignIn(
  deps: { db: Kysely<any> },
  input: {
    tenantId: string;
    flowId: string | undefined;
    response: AuthenticationResponseJSON;
    rp: RelyingParty;
    meta: RequestMeta;
  },
): Promise<SignedInAccount> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const flow = await takeFlow<{ challenge: string }>(trx, input.flowId, 'passkey_sign_in');
    if (!flow) throw new AppError('bad_request', 'サインインの有効期限（5分）が切れました。もう一度お試しください。');
    const passkey = await trx
      .selectFrom('passkeys as p')
      .innerJoin('accounts as a', (j) => j.onRef('a.tenant_id', '=', 'p.tenant_id').onRef('a.id', '=', 'p.account_id'))
      .select([
        'p.credential_id',
        'p.public_key',
        'p.counter',
        'p.transports',
        'a.id',
        'a.kind',
        'a.display_name',
        'a.disabled_at',
      ])
      .where('p.credential_id', '=', String(input.response?.id ?? ''))
      .executeTakeFirst();
    const deny = async (reason: string) => {
      await audit(trx, {
        tenantId: input.tenantId,
        action: 'auth.sign_in.resident',
        actor: passkey?.id ?? 'anonymous',
        actorKind: passkey ? passkey.kind : 'anonymous',
        resourceType: 'account',
        resourceId: passkey?.id ?? null,
        decision: 'deny',
        reason,
        ip: input.meta.ip,
        requestId: input.meta.requestId,
        details: { method: 'passkey' },
      });
    };
    if (!passkey || passkey.disabled_at) {
      await deny('unknown_passkey');
      throw new AppError('unauthorized', 'このパスキーは登録されていません。');
    }
    let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
    try {
      verification = await verifyAuthenticationResponse({
        response: input.response,
        expectedChallenge: flow.data.challenge,
        expectedOrigin: input.rp.origin,
        expectedRPID: input.rp.id,
        credential: {
          id: passkey.credential_id,
          publicKey: new Uint8Array(passkey.public_key),
          counter: Number(passkey.counter),
          transports: passkey.transports,
        },
        requireUserVerification: false,
      });
    } catch (error) {
      await deny('invalid_signature');
      throw new AppError('unauthorized', `パスキーを確認できませんでした（${(error as Error).message}）。`);
    }
    if (!verification.verified) {
      await deny('invalid_signature');
      throw new AppError('unauthorized', 'パスキーを確認できませんでした。');
    }
    // A staff passkey is the second factor by itself only when the device checked the person (PIN, biometrics).
    if (passkey.kind === 'staff' && !verification.authenticationInfo.userVerified) {
      await deny('user_not_verified');
      throw new AppError('unauthorized', '職員のパスキーは、端末の PIN や生体認証で本人確認できるものだけ使えます。');
    }
    await trx
      .updateTable('passkeys')
      .set({ counter: verification.authenticationInfo.newCounter, last_used_at: sql`now()` })
      .where('credential_id', '=', passkey.credential_id)
      .execute();
    await audit(trx, {
      tenantId: input.tenantId,
      action: `auth.sign_in.${passkey.kind}`,
      actor: passkey.id,
      actorKind: passkey.kind,
      resourceType: 'account',
      resourceId: passkey.id,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      details: { method: 'passkey' },
    });
    return { id: passkey.id, kind: passkey.kind, displayName: passkey.display_name };
  });
}
