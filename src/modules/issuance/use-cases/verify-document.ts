// 真正性の確認: anyone, signed in or not, checks a document by its 確認コード or by the PDF itself. An
// uploaded PDF is genuine only when its SHA-256 equals the recorded one and its embedded signature verifies
// against the city's certificate. The answer names the document, never more of the person than a masked name.
import { createHash } from 'node:crypto';
import { withTenant } from '../../../platform/db/tenant.ts';
import { tenantName } from '../../../platform/tenancy/tenants.ts';
import { parseVerificationCode } from '../code.ts';
import type { IssuanceDeps } from '../deps.ts';
import { codeInfoKey } from '../pdf/render-document.ts';
import { type SignatureCheck, verifyPdfSignature } from '../pdf/verify-signature.ts';
import { type DocumentRecord, findDocument } from '../queries.ts';

export type VerificationStatus = 'genuine' | 'altered' | 'revoked' | 'unknown';

export interface VerifiedDocument {
  title: string;
  documentNumber: string;
  issuer: string;
  cityName: string;
  issuedAt: Date;
  recipientNameMasked: string;
  verificationCode: string;
  revokedAt: Date | null;
}

export interface Verification {
  status: VerificationStatus;
  document?: VerifiedDocument;
  /** Present when a PDF was checked. */
  checks?: {
    sha256Matches: boolean;
    signatureValid: boolean;
    signatureProblem?: Extract<SignatureCheck, { valid: false }>['reason'];
  };
}

export type VerifyDocumentInput = { tenantId: string; code: string } | { tenantId: string; pdf: Uint8Array };

/** The codes a document carries (Info and signature dictionaries), read from raw bytes: a damaged file may not parse. */
function embeddedCodes(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const found = [...text.matchAll(new RegExp(`/${codeInfoKey}\\s*\\(([0-9A-Z]{16})\\)`, 'g'))];
  return [...new Set(found.map((m) => parseVerificationCode(m[1]!)).filter((c): c is string => c !== undefined))];
}

export async function verifyDocument(deps: IssuanceDeps, input: VerifyDocumentInput): Promise<Verification> {
  const found = await withTenant(deps.db, input.tenantId, async (trx) => {
    let record: DocumentRecord | undefined;
    let sha256: Buffer | undefined;
    if ('code' in input) {
      const code = parseVerificationCode(input.code);
      record = code ? await findDocument(trx, { verificationCode: code }) : undefined;
    } else {
      sha256 = createHash('sha256').update(input.pdf).digest();
      record = await findDocument(trx, { sha256 });
      for (const code of record ? [] : embeddedCodes(input.pdf)) {
        record = await findDocument(trx, { verificationCode: code });
        if (record) break;
      }
    }
    return { record, sha256, cityName: await tenantName(trx, input.tenantId) };
  });
  const { record, sha256, cityName } = found;
  if (!record) return { status: 'unknown' };
  const document: VerifiedDocument = {
    title: record.title,
    documentNumber: record.documentNumber,
    issuer: record.issuer,
    cityName,
    issuedAt: record.issuedAt,
    recipientNameMasked: record.recipientNameMasked,
    verificationCode: record.verificationCode,
    revokedAt: record.revokedAt,
  };
  if (!('pdf' in input) || !sha256) return { status: record.revokedAt ? 'revoked' : 'genuine', document };

  const key = await deps.keys.forTenant(input.tenantId, cityName);
  const signature = await verifyPdfSignature(input.pdf, key.certificate);
  const sha256Matches = sha256.equals(record.sha256);
  const checks = {
    sha256Matches,
    signatureValid: signature.valid,
    ...(signature.valid ? {} : { signatureProblem: signature.reason }),
  };
  if (!sha256Matches || !signature.valid) return { status: 'altered', document, checks };
  return { status: record.revokedAt ? 'revoked' : 'genuine', document, checks };
}
