// A demo certification authority and demo My Number Cards, so the whole JPKI flow runs on a developer's
// machine without a card reader. JPKI-style: RSA 2048, the CA signs each card's signing certificate
// (nonRepudiation, 基本4情報 in subjectAltName) and user-authentication certificate (digitalSignature).
// Synthetic people only; these keys protect nothing.
import { createSign } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { encodeBasic4 } from './basic4.ts';

const algorithm = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};

export interface KeyedCertificate {
  der: Uint8Array;
  /** PKCS#8 DER of the private key. */
  privateKey: Uint8Array;
}

export interface DemoCard {
  id: string;
  signing: KeyedCertificate;
  authentication: KeyedCertificate;
}

export interface CardHolder {
  name: string;
  sex: '1' | '2' | '3';
  birthDate: string;
  address: string;
  nameSubstitute?: string;
}

function cn(name: string): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.6', value: new asn1js.PrintableString({ value: 'JP' }) }),
      new pkijs.AttributeTypeAndValue({
        type: '2.5.4.10',
        value: new asn1js.Utf8String({ value: 'デジタル市役所 デモ' }),
      }),
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: name }) }),
    ],
  });
}

function keyUsage(bits: {
  digitalSignature?: boolean;
  nonRepudiation?: boolean;
  keyCertSign?: boolean;
  cRLSign?: boolean;
}): pkijs.Extension {
  let first = 0;
  if (bits.digitalSignature) first |= 0x80;
  if (bits.nonRepudiation) first |= 0x40;
  if (bits.keyCertSign) first |= 0x04;
  if (bits.cRLSign) first |= 0x02;
  // DER: trailing zero bits of the last byte are declared unused.
  const unused = first === 0 ? 0 : Math.log2(first & -first);
  const value = new asn1js.BitString({ valueHex: new Uint8Array([first]).buffer, unusedBits: unused });
  return new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: value.toBER(false) });
}

let serialCounter = Date.now();

export interface CertificateSpec {
  subject: string;
  issuer?: { name: string; privateKey: CryptoKey };
  notBefore?: Date;
  notAfter?: Date;
  ca?: boolean;
  usage: Parameters<typeof keyUsage>[0];
  holder?: CardHolder;
  /** For test vectors: sign the certificate with SHA-1. */
  hash?: 'SHA-256' | 'SHA-1';
}

export async function issueCertificate(spec: CertificateSpec): Promise<KeyedCertificate & { key: CryptoKey }> {
  const keys = (await globalThis.crypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = new pkijs.Certificate();
  cert.version = 2;
  serialCounter += 1;
  cert.serialNumber = new asn1js.Integer({ value: serialCounter % 2_000_000_000 });
  cert.subject = cn(spec.subject);
  cert.issuer = cn(spec.issuer?.name ?? spec.subject);
  cert.notBefore.value = spec.notBefore ?? new Date(Date.now() - 86_400_000);
  cert.notAfter.value = spec.notAfter ?? new Date(Date.now() + 5 * 365 * 86_400_000);
  cert.extensions = [
    new pkijs.Extension({
      extnID: '2.5.29.19',
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: spec.ca ?? false }).toSchema().toBER(false),
    }),
    keyUsage(spec.usage),
  ];
  if (spec.holder) {
    cert.extensions.push(
      new pkijs.Extension({ extnID: '2.5.29.17', critical: false, extnValue: encodeBasic4(spec.holder) }),
    );
  }
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  await cert.sign(spec.issuer?.privateKey ?? keys.privateKey, spec.hash ?? 'SHA-256');
  const privateKey = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { der: new Uint8Array(cert.toSchema(true).toBER(false)), privateKey, key: keys.privateKey };
}

export async function importPrivateKey(pkcs8: Uint8Array, hash: 'SHA-256' | 'SHA-1' = 'SHA-256'): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('pkcs8', pkcs8.slice(), { ...algorithm, hash }, false, ['sign']);
}

export const demoCaName = 'デジタル市役所 デモ署名用認証局';

export async function createDemoCa(options: { notAfter?: Date; name?: string } = {}): Promise<KeyedCertificate> {
  const ca = await issueCertificate({
    subject: options.name ?? demoCaName,
    ca: true,
    usage: { keyCertSign: true, cRLSign: true },
    ...(options.notAfter ? { notAfter: options.notAfter } : {}),
  });
  return { der: ca.der, privateKey: ca.privateKey };
}

export async function createDemoCard(
  ca: KeyedCertificate,
  id: string,
  holder: CardHolder,
  options: { notBefore?: Date; notAfter?: Date } = {},
): Promise<DemoCard> {
  const caCert = new pkijs.Certificate({ schema: asn1js.fromBER(ca.der).result });
  const caCommonName = caCert.subject.typesAndValues.find((t) => t.type === '2.5.4.3')?.value.valueBlock.value;
  const issuer = {
    name: typeof caCommonName === 'string' ? caCommonName : demoCaName,
    privateKey: await importPrivateKey(ca.privateKey),
  };
  const signing = await issueCertificate({
    subject: `${id} 署名用`,
    issuer,
    usage: { nonRepudiation: true },
    holder,
    ...options,
  });
  const authentication = await issueCertificate({
    subject: `${id} 利用者証明用`,
    issuer,
    usage: { digitalSignature: true },
    ...options,
  });
  return {
    id,
    signing: { der: signing.der, privateKey: signing.privateKey },
    authentication: { der: authentication.der, privateKey: authentication.privateKey },
  };
}

/** CMS SignedData (content inside), as the card's signing software produces it. */
export async function signCms(
  cert: KeyedCertificate,
  data: Uint8Array,
  hash: 'SHA-256' | 'SHA-1' = 'SHA-256',
): Promise<Uint8Array> {
  const certificate = new pkijs.Certificate({ schema: asn1js.fromBER(cert.der).result });
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: pkijs.ContentInfo.DATA,
      eContent: new asn1js.OctetString({ valueHex: data.slice().buffer }),
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
      }),
    ],
    certificates: [certificate],
  });
  // WebCrypto binds the hash to the key, so a SHA-1 test vector needs the key imported for SHA-1.
  await signed.sign(await importPrivateKey(cert.privateKey, hash), 0, hash);
  const info = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signed.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER(false));
}

/** A bare PKCS#1 v1.5 signature (RSA with the given hash). */
export function signPkcs1(cert: KeyedCertificate, data: Uint8Array, hash: 'sha256' | 'sha1' = 'sha256'): Uint8Array {
  const signer = createSign(hash);
  signer.update(data);
  return new Uint8Array(signer.sign({ key: Buffer.from(cert.privateKey), format: 'der', type: 'pkcs8' }));
}

/** A CRL signed by the CA listing the revoked serial numbers (hex). */
export async function createCrl(
  ca: KeyedCertificate,
  revokedSerials: string[],
  options: { thisUpdate?: Date; nextUpdate?: Date } = {},
): Promise<Uint8Array> {
  const caCert = new pkijs.Certificate({ schema: asn1js.fromBER(ca.der).result });
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = caCert.subject;
  crl.thisUpdate = new pkijs.Time({ type: 0, value: options.thisUpdate ?? new Date(Date.now() - 3_600_000) });
  crl.nextUpdate = new pkijs.Time({ type: 0, value: options.nextUpdate ?? new Date(Date.now() + 7 * 86_400_000) });
  if (revokedSerials.length > 0) {
    crl.revokedCertificates = revokedSerials.map(
      (serial) =>
        new pkijs.RevokedCertificate({
          userCertificate: new asn1js.Integer({
            valueHex: Buffer.from(serial.length % 2 ? `0${serial}` : serial, 'hex'),
          }),
          revocationDate: new pkijs.Time({ type: 0, value: new Date(Date.now() - 60_000) }),
        }),
    );
  }
  await crl.sign(await importPrivateKey(ca.privateKey), 'SHA-256');
  return new Uint8Array(crl.toSchema(true).toBER(false));
}
