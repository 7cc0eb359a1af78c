// マイナンバーカードで本人確認: the resident signs a one-time challenge with the card's signing key;
// the certificate is verified (chain, validity, revocation), its 基本4情報 matched to the resident
// register, and the account linked by certificate issuer and serial (the certificate itself is not kept).
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Config } from '../../../platform/config/config.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { findResidentsByBirth } from '../../residents/index.ts';
import { audit, type RequestMeta } from '../audit.ts';
import { takeFlow } from '../auth-flows.ts';
import { matchResident } from '../jpki/basic4.ts';
import { JpkiError } from '../jpki/errors.ts';
import { loadTrustSettings } from '../jpki/trust.ts';
import { verifyCmsSignedData } from '../jpki/verify-signed-data.ts';
import type { Session } from '../sessions.ts';

export async function verifyIdentityWithCard(
  deps: { db: Kysely<any>; config: Pick<Config, 'jpki'> },
  input: { tenantId: string; session: Session; flowId: string | undefined; signature: string; meta: RequestMeta },
): Promise<{ residentId: string }> {
  const challenge = await withTenant(deps.db, input.tenantId, (trx) =>
    takeFlow<{ challenge: string }>(trx, input.flowId, 'jpki_challenge'),
  );
  if (!challenge || challenge.accountId !== input.session.accountId) {
    throw new AppError(
      'bad_request',
      '確認用の文字列の有効期限（5分）が切れました。ページを開き直して、新しい文字列に署名してください。',
    );
  }
  const text = input.signature.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+=*$/.test(text)) throw new JpkiError('malformed', '署名は base64 で貼り付けてください');
  const verified = await verifyCmsSignedData(new Uint8Array(Buffer.from(text, 'base64')), {
    ...(await loadTrustSettings(deps.config)),
    purpose: 'signature',
  });
  if (new TextDecoder().decode(verified.signedContent) !== challenge.data.challenge) {
    throw new JpkiError('signature_invalid', '署名された内容が、表示した確認用の文字列と違います');
  }
  const holder = verified.certificate.holder;
  if (!holder) throw new JpkiError('wrong_key_usage', '基本4情報が含まれていません');
  const candidates = await findResidentsByBirth(deps, {
    tenantId: input.tenantId,
    birthDate: holder.birthDate,
    sex: holder.sex,
  });
  const resident = candidates.find((r) => matchResident(holder, r).matches);
  const subject = `${verified.certificate.issuer}#${verified.certificate.serialNumber}`;
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const record = async (decision: 'allow' | 'deny', reason: string | null) =>
      audit(trx, {
        tenantId: input.tenantId,
        action: 'identity.verify_with_card',
        actor: input.session.accountId,
        actorKind: 'resident',
        resourceType: 'account',
        resourceId: input.session.accountId,
        decision,
        reason,
        ip: input.meta.ip,
        requestId: input.meta.requestId,
        details: { certificateSerial: verified.certificate.serialNumber, residentId: resident?.id ?? null },
      });
    if (!resident) {
      await record('deny', 'no_matching_resident');
      throw new AppError(
        'bad_request',
        'カードの基本4情報（氏名・生年月日・性別・住所）と一致する住民記録が見つかりません。引越し直後などで記録が変わったばかりの場合は、区役所の窓口にご相談ください。',
      );
    }
    const linked = await trx
      .selectFrom('jpki_links')
      .select('account_id')
      .where('source', '=', 'certificate')
      .where('subject', '=', subject)
      .executeTakeFirst();
    if (linked && linked.account_id !== input.session.accountId) {
      await record('deny', 'card_linked_elsewhere');
      throw new AppError('conflict', 'このマイナンバーカードは、すでに別のアカウントの本人確認に使われています。');
    }
    await trx
      .insertInto('jpki_links')
      .values({ tenant_id: input.tenantId, account_id: input.session.accountId, source: 'certificate', subject })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .updateTable('accounts')
      .set({ resident_id: resident.id, jpki_verified_at: sql`now()` })
      .where('id', '=', input.session.accountId)
      .execute();
    await trx
      .updateTable('sessions')
      .set({ assurance: 'jpki_identity' })
      .where('token_hash', '=', input.session.tokenHash)
      .execute();
    await record('allow', null);
    return { residentId: resident.id };
  });
}
