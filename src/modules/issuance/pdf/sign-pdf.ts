// PAdES-style signature (ETSI.CAdES.detached): an invisible signature field whose /Sig dictionary holds
// a CMS SignedData over every byte of the file except the /Contents hole, as /ByteRange says. The file
// is saved once with a zero-filled hole, then the byte range and the signature are written into it in
// place, so nothing else moves.
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import { PDFArray, type PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import * as pkijs from 'pkijs';
import type { CityKey } from '../city-key.ts';

/** Bytes reserved for the CMS (RSA 2048 signature, certificate, attributes need about 2 KB). */
const signatureBytes = 8192;
const rangeMark = '**********';

const oids = {
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
};

function buffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Detached CMS SignedData with the CAdES-BES attributes PAdES asks for (no signing-time: /M holds it). */
export async function signDetached(key: CityKey, data: Uint8Array): Promise<Uint8Array> {
  const certificate = new pkijs.Certificate({ schema: asn1js.fromBER(buffer(key.certificate)).result });
  const digest = createHash('sha256').update(data).digest();
  const certHash = createHash('sha256').update(key.certificate).digest();
  // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } with ESSCertIDv2 { certHash } (SHA-256 by default)
  const signingCertificate = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: buffer(certHash) })] })],
      }),
    ],
  });
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: pkijs.ContentInfo.DATA }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({
              type: oids.contentType,
              values: [new asn1js.ObjectIdentifier({ value: pkijs.ContentInfo.DATA })],
            }),
            new pkijs.Attribute({
              type: oids.messageDigest,
              values: [new asn1js.OctetString({ valueHex: buffer(digest) })],
            }),
            new pkijs.Attribute({ type: oids.signingCertificateV2, values: [signingCertificate] }),
          ],
        }),
      }),
    ],
    certificates: [certificate],
  });
  await signed.sign(key.privateKey, 0, 'SHA-256', buffer(data));
  const info = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signed.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER(false));
}

/** Adds the signature field and returns the saved, signed bytes. */
export async function signPdf(
  doc: PDFDocument,
  key: CityKey,
  info: { reason: string; location: string; signedAt: Date; marker?: { key: string; value: string } },
): Promise<Uint8Array> {
  const { context } = doc;
  const byteRange = PDFArray.withContext(context);
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(rangeMark));
  const signature = context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: byteRange,
    Contents: PDFHexString.of('0'.repeat(signatureBytes * 2)),
    Reason: PDFHexString.fromText(info.reason),
    Location: PDFHexString.fromText(info.location),
    Name: PDFHexString.fromText(key.subject),
    M: PDFString.fromDate(info.signedAt),
    ...(info.marker ? { [info.marker.key]: PDFString.of(info.marker.value) } : {}),
  });
  const page = doc.getPage(0);
  const widget = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [0, 0, 0, 0],
      V: context.register(signature),
      T: PDFString.of('CitySignature'),
      F: 132, // print + locked
      P: page.ref,
    }),
  );
  page.node.set(PDFName.of('Annots'), context.obj([widget]));
  doc.catalog.set(PDFName.of('AcroForm'), context.obj({ SigFlags: 3, Fields: [widget] }));

  // No object streams: the /Sig dictionary must stay a plain, findable object in the file.
  const pdf = await doc.save({ useObjectStreams: false });
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const rangeText = `[ 0 /${rangeMark} /${rangeMark} /${rangeMark} ]`;
  const rangeAt = text.indexOf(rangeText);
  const contentsAt = text.indexOf(`<${'0'.repeat(signatureBytes * 2)}>`);
  if (rangeAt < 0 || contentsAt < 0) throw new Error('署名の場所をPDFの中に見つけられません。');
  const holeEnd = contentsAt + signatureBytes * 2 + 2;
  const range = `[0 ${contentsAt} ${holeEnd} ${pdf.length - holeEnd}]`;
  if (range.length > rangeText.length) throw new Error('PDFが大きすぎて署名範囲を書き込めません。');
  pdf.set(Buffer.from(range.padEnd(rangeText.length, ' '), 'latin1'), rangeAt);

  const signed = Buffer.concat([pdf.subarray(0, contentsAt), pdf.subarray(holeEnd)]);
  const cms = await signDetached(key, signed);
  if (cms.length > signatureBytes) throw new Error('署名が予約した領域に収まりません。');
  pdf.set(
    Buffer.from(
      Buffer.from(cms)
        .toString('hex')
        .padEnd(signatureBytes * 2, '0'),
      'latin1',
    ),
    contentsAt + 1,
  );
  return pdf;
}
