// A submission signed with the My Number Card's signing certificate (署名用電子証明書), for procedures
// that require it: the CMS signature must verify (chain, validity, revocation, non-repudiation key usage),
// cover exactly the content shown to the person, and its 基本4情報 must match the person acted for.
import type { Kysely } from 'kysely';
import type { Config } from '../../../platform/config/config.ts';
import { findResidentsByBirth } from '../../residents/index.ts';
import { matchResident } from '../jpki/basic4.ts';
import { JpkiError } from '../jpki/errors.ts';
import { loadTrustSettings } from '../jpki/trust.ts';
import { verifyCmsSignedData } from '../jpki/verify-signed-data.ts';

export interface SubmissionSignature {
  issuer: string;
  serialNumber: string;
  residentId: string;
}

export async function verifySubmissionSignature(
  deps: { db: Kysely<any>; config: Pick<Config, 'jpki'> },
  input: { tenantId: string; signature: string; content: string; residentId: string | null },
): Promise<SubmissionSignature> {
  const text = input.signature.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+=*$/.test(text) || text.length > 200_000) {
    throw new JpkiError('malformed', '署名は base64 で貼り付けてください');
  }
  const verified = await verifyCmsSignedData(new Uint8Array(Buffer.from(text, 'base64')), {
    ...(await loadTrustSettings(deps.config)),
    purpose: 'signature',
  });
  if (new TextDecoder().decode(verified.signedContent) !== input.content) {
    throw new JpkiError('signature_invalid', '署名された内容が、表示した申請内容と違います');
  }
  const holder = verified.certificate.holder;
  if (!holder) throw new JpkiError('wrong_key_usage', '基本4情報が含まれていません');
  const candidates = await findResidentsByBirth(deps, {
    tenantId: input.tenantId,
    birthDate: holder.birthDate,
    sex: holder.sex,
  });
  const resident = candidates.find((r) => matchResident(holder, r).matches);
  if (!resident || (input.residentId !== null && resident.id !== input.residentId)) {
    throw new JpkiError('holder_mismatch', '署名したカードの持ち主が、申請者と一致しません');
  }
  return {
    issuer: verified.certificate.issuer,
    serialNumber: verified.certificate.serialNumber,
    residentId: resident.id,
  };
}
