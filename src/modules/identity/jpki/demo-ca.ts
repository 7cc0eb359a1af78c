// A demo certification authority and demo My Number Cards, so the whole JPKI flow runs on a developer's
// machine without a card reader. Shaped like JPKI: RSA 2048 and SHA-256; the CA signs each card's signing
// certificate (digitalSignature + nonRepudiation, 基本4情報 in subjectAltName) and its user-authentication
// certificate (digitalSignature only, no personal data). Synthetic people only; these keys protect nothing.
import { createPrivateKey, createSign, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { type Basic4Input, encodeBasic4 } from './basic4.ts';

const rsa = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};
const ecdsa = { name: 'ECDSA', namedCurve: 'P-256' };

export interface KeyedCertificate {
  der: Uint8Array;
  /** PKCS#8 DER of the private key. */
  privateKey: Uint8Array;
}

export interface DemoCard {
  id: string;
  /** 署名用電子証明書 and its key. */
  signing: KeyedCertificate;
  /** 利用者証明用電子証明書 and its key. */
  authentication: KeyedCertificate;
}

export interface CardHolder extends Basic4Input {
  sex: '1' | '2' | '3';
}

function distinguishedName(commonName: string): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.6', value: new asn1js.PrintableString({ value: 'JP' }) }),
      new pkijs.AttributeTypeAndValue({
        type: '2.5.4.10',
        value: new asn1js.Utf8String({ value: 'デジタル市役所 デモ' }),
      }),
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: commonName }) }),
    ],
  });
}

export interface KeyUsageBits {
  digitalSignature?: boolean;
  nonRepudiation?: boolean;
  keyCertSign?: boolean;
  cRLSign?: boolean;
}

function keyUsage(bits: KeyUsageBits): pkijs.Extension {
  let first = 0;
  if (bits.digitalSignature) first |= 0x80;
  if (bits.nonRepudiation) first |= 0x40;
  if (bits.keyCertSign) first |= 0x04;
  if (bits.cRLSign) first |= 0x02;
  // DER: the trailing zero bits of the last byte are declared unused.
  const unusedBits = first === 0 ? 0 : Math.log2(first & -first);
  const value = new asn1js.BitString({ valueHex: new Uint8Array([first]).buffer, unusedBits });
  return new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: value.toBER(false) });
}

/** A random positive serial of 128 bits, as RFC 5280 asks; a counter would repeat across processes. */
function randomSerial(): asn1js.Integer {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x40; // positive, and no leading zero byte to trip DER
  return new asn1js.Integer({ valueHex: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 16) });
}

export interface CertificateSpec {
  subject: string;
  /** The signing CA; none for a self-signed certificate. */
  issuer?: KeyedCertificate;
  notBefore?: Date;
  notAfter?: Date;
  ca?: boolean;
  usage: KeyUsageBits;
  holder?: CardHolder;
  /** Test vectors only: sign the certificate with SHA-1, or give the subject an ECDSA key. */
  hash?: 'SHA-256' | 'SHA-1';
  keyAlgorithm?: 'RSA' | 'ECDSA';
}

function subjectOf(der: Uint8Array): pkijs.RelativeDistinguishedNames {
  return new pkijs.Certificate({ schema: asn1js.fromBER(der).result }).subject;
}

export async function issueCertificate(spec: CertificateSpec): Promise<KeyedCertificate> {
  const keyAlgorithm = spec.keyAlgorithm === 'ECDSA' ? ecdsa : rsa;
  const keys = (await globalThis.crypto.subtle.generateKey(keyAlgorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = randomSerial();
  cert.subject = distinguishedName(spec.subject);
  cert.issuer = spec.issuer ? subjectOf(spec.issuer.der) : cert.subject;
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
  const hash = spec.hash ?? 'SHA-256';
  const signingKey = spec.issuer ? await importPrivateKey(spec.issuer.privateKey, hash) : keys.privateKey;
  await cert.sign(signingKey, hash);
  const privateKey = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { der: new Uint8Array(cert.toSchema(true).toBER(false)), privateKey };
}

/** WebCrypto binds the hash to an RSA key, so a SHA-1 test vector imports the key for SHA-1. */
export async function importPrivateKey(pkcs8: Uint8Array, hash: 'SHA-256' | 'SHA-1' = 'SHA-256'): Promise<CryptoKey> {
  const type = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }).asymmetricKeyType;
  const algorithm = type === 'ec' ? ecdsa : { ...rsa, hash };
  return globalThis.crypto.subtle.importKey('pkcs8', pkcs8.slice(), algorithm, false, ['sign']);
}

export const demoCaName = 'デジタル市役所 デモ署名用認証局';

/** A self-signed CA that may sign certificates and CRLs. */
export async function createDemoCa(
  options: { notBefore?: Date; notAfter?: Date; name?: string } = {},
): Promise<KeyedCertificate> {
  return issueCertificate({
    subject: options.name ?? demoCaName,
    ca: true,
    usage: { keyCertSign: true, cRLSign: true },
    notAfter: options.notAfter ?? new Date(Date.now() + 10 * 365 * 86_400_000),
    ...(options.notBefore ? { notBefore: options.notBefore } : {}),
  });
}

/** A card: its signing certificate carries the holder's 基本4情報, its authentication certificate none. */
export async function createDemoCard(
  ca: KeyedCertificate,
  id: string,
  holder: CardHolder,
  options: { notBefore?: Date; notAfter?: Date } = {},
): Promise<DemoCard> {
  const signing = await issueCertificate({
    subject: `${id} 署名用`,
    issuer: ca,
    usage: { digitalSignature: true, nonRepudiation: true },
    holder,
    ...options,
  });
  const authentication = await issueCertificate({
    subject: `${id} 利用者証明用`,
    issuer: ca,
    usage: { digitalSignature: true },
    ...options,
  });
  return { id, signing, authentication };
}

const oids = {
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
};

/**
 * CMS SignedData as signing software produces it: signed attributes (content type, message digest,
 * signing time) and the signer's certificate (plus any intermediate CAs in `chain`); the content inside
 * unless `detached`.
 */
export async function signCms(
  cert: KeyedCertificate,
  data: Uint8Array,
  options: { hash?: 'SHA-256' | 'SHA-1'; detached?: boolean; chain?: Uint8Array[] } = {},
): Promise<Uint8Array> {
  const hash = options.hash ?? 'SHA-256';
  const certificate = new pkijs.Certificate({ schema: asn1js.fromBER(cert.der).result });
  const digest = await globalThis.crypto.subtle.digest(hash, data.slice());
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: pkijs.ContentInfo.DATA,
      ...(options.detached ? {} : { eContent: new asn1js.OctetString({ valueHex: data.slice().buffer }) }),
    }),
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
            new pkijs.Attribute({ type: oids.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
            new pkijs.Attribute({ type: oids.signingTime, values: [new asn1js.UTCTime({ valueDate: new Date() })] }),
          ],
        }),
      }),
    ],
    certificates: [
      certificate,
      ...(options.chain ?? []).map((der) => new pkijs.Certificate({ schema: asn1js.fromBER(der).result })),
    ],
  });
  await signed.sign(
    await importPrivateKey(cert.privateKey, hash),
    0,
    hash,
    options.detached ? data.slice() : undefined,
  );
  const info = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signed.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER(false));
}

/** A bare PKCS#1 v1.5 signature (RSA with the given hash), as a card's signing key produces it. */
export function signPkcs1(cert: KeyedCertificate, data: Uint8Array, hash: 'sha256' | 'sha1' = 'sha256'): Uint8Array {
  const signer = createSign(hash);
  signer.update(data);
  return new Uint8Array(signer.sign({ key: Buffer.from(cert.privateKey), format: 'der', type: 'pkcs8' }));
}

/** Signs with a demo card's signing key both ways: CMS (content inside) and PKCS#1. */
export async function signWithDemoCard(
  card: DemoCard,
  data: Uint8Array,
  options: { certificate?: 'signing' | 'authentication' } = {},
): Promise<{ cms: Uint8Array; pkcs1: Uint8Array }> {
  const keyed = options.certificate === 'authentication' ? card.authentication : card.signing;
  return { cms: await signCms(keyed, data), pkcs1: signPkcs1(keyed, data) };
}

/** A CRL signed by the CA listing the revoked serial numbers (hex); current for 30 days unless told. */
export async function createDemoCrl(
  ca: KeyedCertificate,
  revokedSerials: string[],
  options: { thisUpdate?: Date; nextUpdate?: Date } = {},
): Promise<Uint8Array> {
  const thisUpdate = options.thisUpdate ?? new Date(Date.now() - 3_600_000);
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = subjectOf(ca.der);
  crl.thisUpdate = new pkijs.Time({ type: 0, value: thisUpdate });
  crl.nextUpdate = new pkijs.Time({ type: 0, value: options.nextUpdate ?? new Date(Date.now() + 30 * 86_400_000) });
  if (revokedSerials.length > 0) {
    crl.revokedCertificates = revokedSerials.map((serial) => {
      const hex = serial.toLowerCase().replace(/^0+(?=.)/, '');
      // A serial whose top bit is set needs a leading zero byte to stay positive.
      const padded = hex.length % 2 ? `0${hex}` : /^[89a-f]/.test(hex) ? `00${hex}` : hex;
      const bytes = Buffer.from(padded, 'hex');
      return new pkijs.RevokedCertificate({
        userCertificate: new asn1js.Integer({
          valueHex: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
        }),
        revocationDate: new pkijs.Time({ type: 0, value: thisUpdate }),
      });
    });
  }
  await crl.sign(await importPrivateKey(ca.privateKey), 'SHA-256');
  return new Uint8Array(crl.toSchema(true).toBER(false));
}

/** The name this CRL generator had before it was called createDemoCrl; other code still uses it. */
export const createCrl = createDemoCrl;
