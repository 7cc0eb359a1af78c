// The city's document-signing key and certificate (公印に代わる電子署名). A deployment puts the key and
// the certificate its CA issued into <data>/issuance/<tenant>/signing.pem (certificate then PKCS#8 key);
// on a developer's machine the first issue generates a self-signed RSA 2048 pair there. Loaded once per
// process and tenant.
import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export interface CityKey {
  /** DER of the certificate. */
  certificate: Uint8Array;
  certificateSha256: string;
  privateKey: CryptoKey;
  subject: string;
}

const rsa = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};

function pem(der: Uint8Array, label: string): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64.trim()}\n-----END ${label}-----\n`;
}

function fromPem(text: string, label: string): Uint8Array | undefined {
  const match = new RegExp(`-----BEGIN ${label}-----([\\s\\S]+?)-----END ${label}-----`).exec(text);
  return match ? new Uint8Array(Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64')) : undefined;
}

function name(cityName: string, commonName: string): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.6', value: new asn1js.PrintableString({ value: 'JP' }) }),
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.10', value: new asn1js.Utf8String({ value: cityName }) }),
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: commonName }) }),
    ],
  });
}

/** A self-signed certificate for the demo; a real city's comes from its CA (LGPKI). */
export async function createCityCertificate(cityName: string): Promise<string> {
  const keys = (await crypto.subtle.generateKey(rsa, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = new pkijs.Certificate();
  cert.version = 2;
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x40;
  cert.serialNumber = new asn1js.Integer({ valueHex: new Uint8Array(serial).buffer });
  cert.subject = name(cityName, `${cityName} 電子交付 署名用（デモ）`);
  cert.issuer = cert.subject;
  cert.notBefore.value = new Date(Date.now() - 86_400_000);
  cert.notAfter.value = new Date(Date.now() + 10 * 365 * 86_400_000);
  // digitalSignature + nonRepudiation (contentCommitment): the bits a document signature needs.
  const usage = new asn1js.BitString({ valueHex: new Uint8Array([0xc0]).buffer, unusedBits: 6 });
  cert.extensions = [
    new pkijs.Extension({
      extnID: '2.5.29.19',
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(false),
    }),
    new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: usage.toBER(false) }),
  ];
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  await cert.sign(keys.privateKey, 'SHA-256');
  const der = new Uint8Array(cert.toSchema(true).toBER(false));
  const key = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
  return pem(der, 'CERTIFICATE') + pem(key, 'PRIVATE KEY');
}

async function parse(text: string, file: string): Promise<CityKey> {
  const der = fromPem(text, 'CERTIFICATE');
  const pkcs8 = fromPem(text, 'PRIVATE KEY');
  if (!der || !pkcs8) throw new Error(`${file} に証明書（CERTIFICATE）と秘密鍵（PRIVATE KEY）の両方が必要です。`);
  const cert = new pkijs.Certificate({ schema: asn1js.fromBER(der).result });
  const cn = cert.subject.typesAndValues.find((t) => t.type === '2.5.4.3');
  return {
    certificate: der,
    certificateSha256: createHash('sha256').update(der).digest('hex'),
    privateKey: await crypto.subtle.importKey('pkcs8', pkcs8.slice(), { name: rsa.name, hash: 'SHA-256' }, false, [
      'sign',
    ]),
    subject: String(cn?.value.valueBlock.value ?? ''),
  };
}

async function loadOrCreate(dir: string, tenantId: string, cityName: string): Promise<CityKey> {
  const folder = path.join(dir, tenantId);
  const file = path.join(folder, 'signing.pem');
  try {
    return await parse(await readFile(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(folder, { recursive: true });
  // Written aside, then linked into place: link fails when another process got there first, and the
  // file is never seen half-written.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(temporary, await createCityCertificate(cityName), { mode: 0o600 });
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary);
  }
  return parse(await readFile(file, 'utf8'), file);
}

export interface CityKeys {
  forTenant(tenantId: string, cityName: string): Promise<CityKey>;
}

/** Keys under `dir` (normally <data>/issuance), each loaded once. */
export function cityKeys(dir: string): CityKeys {
  const loaded = new Map<string, Promise<CityKey>>();
  return {
    forTenant(tenantId, cityName) {
      if (!/^[a-z][a-z0-9-]{1,62}$/.test(tenantId)) throw new Error(`invalid tenant id: ${tenantId}`);
      let key = loaded.get(tenantId);
      if (!key) {
        key = loadOrCreate(dir, tenantId, cityName);
        key.catch(() => loaded.delete(tenantId));
        loaded.set(tenantId, key);
      }
      return key;
    },
  };
}
