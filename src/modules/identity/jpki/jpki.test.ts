import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { before, test } from 'node:test';
import { encodeBasic4, matchResident, readBasic4 } from './basic4.ts';
import {
  createCrl,
  createDemoCa,
  createDemoCard,
  type DemoCard,
  issueCertificate,
  type KeyedCertificate,
  signCms,
  signPkcs1,
} from './demo-ca.ts';
import { JpkiError, type JpkiReason } from './errors.ts';
import { crlChecker, httpRevocationChecker, type RevocationChecker } from './revocation.ts';
import { verifyCmsSignedData, verifyPkcs1Signature } from './verify-signed-data.ts';

// Keys are slow to make: one CA, a few cards, made once for the file.
let ca: KeyedCertificate;
let otherCa: KeyedCertificate;
let card: DemoCard;
let expired: DemoCard;
let notYet: DemoCard;
let revokedCard: DemoCard;
let good: RevocationChecker;
const holder = {
  name: '川崎 花子',
  sex: '2' as const,
  birthDate: '1990-04-01',
  address: '神奈川県川崎市川崎区宮本町1番地',
};
const data = new TextEncoder().encode('{"procedure":"juminhyo-copy","copies":1}');

before(async () => {
  ca = await createDemoCa();
  otherCa = await createDemoCa({ name: '知らない認証局' });
  card = await createDemoCard(ca, 'card1', holder);
  expired = await createDemoCard(ca, 'expired', holder, {
    notBefore: new Date(Date.now() - 6 * 365 * 86_400_000),
    notAfter: new Date(Date.now() - 86_400_000),
  });
  notYet = await createDemoCard(ca, 'future', holder, { notBefore: new Date(Date.now() + 86_400_000) });
  revokedCard = await createDemoCard(ca, 'lost', holder);
  good = crlChecker(await createCrl(ca, [serialOf(revokedCard.signing.der)]));
});

function serialOf(der: Uint8Array): string {
  return new X509Certificate(Buffer.from(der)).serialNumber.toLowerCase();
}

async function reason(promise: Promise<unknown>): Promise<JpkiReason> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof JpkiError, `not a JpkiError: ${(error as Error)?.stack ?? error}`);
    assert.equal(error.status, 400);
    assert.ok(error.detail && error.detail.length > 10, 'a Japanese explanation');
    return error.reason;
  }
  assert.fail('verification passed but should not have');
}

const trust = () => ({ trustAnchors: [ca.der], revocation: good });

test("a good CMS signature verifies and yields the holder's 基本4情報", async () => {
  const result = await verifyCmsSignedData(await signCms(card.signing, data), trust());
  assert.deepEqual(Buffer.from(result.signedContent), Buffer.from(data));
  assert.equal(result.certificate.holder?.name, '川崎 花子');
  assert.equal(result.certificate.holder?.birthDate, '1990-04-01');
  assert.equal(result.certificate.holder?.birthEra, '平成');
  assert.match(result.certificate.serialNumber, /^[0-9a-f]+$/);
});

test('a good PKCS#1 signature with its certificate verifies', async () => {
  const result = await verifyPkcs1Signature(
    { data, signature: signPkcs1(card.signing, data), certificate: card.signing.der },
    trust(),
  );
  assert.equal(result.certificate.holder?.address, holder.address);
});

test('tampered data: signature_invalid', async () => {
  const cms = await signCms(card.signing, data);
  const tampered = Buffer.from(cms);
  const at = tampered.indexOf(Buffer.from('juminhyo'));
  tampered[at] = 'X'.charCodeAt(0);
  assert.equal(await reason(verifyCmsSignedData(tampered, trust())), 'signature_invalid');
  const other = new TextEncoder().encode('{"procedure":"juminhyo-copy","copies":9}');
  assert.equal(
    await reason(
      verifyPkcs1Signature(
        { data: other, signature: signPkcs1(card.signing, data), certificate: card.signing.der },
        trust(),
      ),
    ),
    'signature_invalid',
  );
});

test('expired and not-yet-valid certificates', async () => {
  assert.equal(await reason(verifyCmsSignedData(await signCms(expired.signing, data), trust())), 'expired');
  assert.equal(await reason(verifyCmsSignedData(await signCms(notYet.signing, data), trust())), 'not_yet_valid');
});

test('revoked by the CRL; stale or foreign CRL means unknown, which fails closed', async () => {
  assert.equal(await reason(verifyCmsSignedData(await signCms(revokedCard.signing, data), trust())), 'revoked');
  const stale = crlChecker(
    await createCrl(ca, [], {
      thisUpdate: new Date(Date.now() - 10 * 86_400_000),
      nextUpdate: new Date(Date.now() - 86_400_000),
    }),
  );
  assert.equal(
    await reason(verifyCmsSignedData(await signCms(card.signing, data), { trustAnchors: [ca.der], revocation: stale })),
    'revocation_unknown',
  );
  const forged = crlChecker(await createCrl(otherCa, []));
  assert.equal(
    await reason(
      verifyCmsSignedData(await signCms(card.signing, data), { trustAnchors: [ca.der], revocation: forged }),
    ),
    'revocation_unknown',
  );
  const garbage = crlChecker(new Uint8Array([1, 2, 3]));
  assert.equal(
    await reason(
      verifyCmsSignedData(await signCms(card.signing, data), { trustAnchors: [ca.der], revocation: garbage }),
    ),
    'revocation_unknown',
  );
});

test('a revocation service over HTTP: good, revoked, and every failure as unknown', async () => {
  const answers = new Map<string, (res: import('node:http').ServerResponse) => void>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const serial = JSON.parse(body).serialNumber as string;
      (answers.get(serial) ?? ((r) => r.writeHead(500).end()))(res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/status`;
  try {
    const serial = serialOf(card.signing.der);
    const opts = { trustAnchors: [ca.der], revocation: httpRevocationChecker(url, 300) };
    answers.set(serial, (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"good"}'));
    assert.equal((await verifyCmsSignedData(await signCms(card.signing, data), opts)).certificate.serialNumber, serial);
    answers.set(serial, (res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"revoked"}'),
    );
    assert.equal(await reason(verifyCmsSignedData(await signCms(card.signing, data), opts)), 'revoked');
    answers.set(serial, (res) => res.writeHead(200).end('not json'));
    assert.equal(await reason(verifyCmsSignedData(await signCms(card.signing, data), opts)), 'revocation_unknown');
    answers.set(serial, () => undefined); // never answers: the timeout
    assert.equal(await reason(verifyCmsSignedData(await signCms(card.signing, data), opts)), 'revocation_unknown');
    answers.delete(serial); // 500
    assert.equal(await reason(verifyCmsSignedData(await signCms(card.signing, data), opts)), 'revocation_unknown');
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('unknown CA', async () => {
  const stranger = await createDemoCard(otherCa, 'stranger', holder);
  assert.equal(await reason(verifyCmsSignedData(await signCms(stranger.signing, data), trust())), 'unknown_ca');
  assert.equal(
    await reason(
      verifyCmsSignedData(await signCms(card.signing, data), { trustAnchors: [otherCa.der], revocation: good }),
    ),
    'unknown_ca',
  );
});

test('wrong key usage: the authentication certificate cannot sign, the signing certificate cannot authenticate', async () => {
  assert.equal(await reason(verifyCmsSignedData(await signCms(card.authentication, data), trust())), 'wrong_key_usage');
  assert.equal(
    await reason(
      verifyPkcs1Signature(
        { data, signature: signPkcs1(card.signing, data), certificate: card.signing.der },
        { ...trust(), purpose: 'authentication' },
      ),
    ),
    'wrong_key_usage',
  );
  const auth = await verifyPkcs1Signature(
    { data, signature: signPkcs1(card.authentication, data), certificate: card.authentication.der },
    { ...trust(), purpose: 'authentication' },
  );
  assert.equal(auth.certificate.holder, null, 'the user-authentication certificate carries no 基本4情報');
});

test('wrong algorithm: SHA-1 signatures are refused', async () => {
  assert.equal(
    await reason(verifyCmsSignedData(await signCms(card.signing, data, 'SHA-1'), trust())),
    'wrong_algorithm',
  );
  assert.equal(
    await reason(
      verifyPkcs1Signature(
        { data, signature: signPkcs1(card.signing, data, 'sha1'), certificate: card.signing.der },
        trust(),
      ),
    ),
    'wrong_algorithm',
  );
});

test('garbage, truncated and hostile bytes are a clear 400, never a crash', async () => {
  const cms = await signCms(card.signing, data);
  const vectors: [string, Uint8Array, JpkiReason[]][] = [
    ['empty', new Uint8Array(0), ['malformed']],
    ['garbage', new Uint8Array(Buffer.from('これは署名ではありません')), ['malformed', 'truncated']],
    ['random', new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256)), ['malformed', 'truncated']],
    ['truncated', cms.slice(0, cms.length - 40), ['truncated', 'malformed']],
    ['half', cms.slice(0, cms.length / 2), ['truncated', 'malformed']],
    ['absurd length', new Uint8Array([0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x01]), ['truncated', 'malformed']],
    [
      'deep nesting',
      new Uint8Array([
        ...Array.from({ length: 5000 }, () => [0x30, 0x80]).flat(),
        ...Array.from({ length: 5000 }, () => [0, 0]).flat(),
      ]),
      ['malformed'],
    ],
    ['huge', new Uint8Array(1024 * 1024), ['too_large']],
    ['trailing bytes', new Uint8Array([...cms, 0, 0, 0]), ['malformed']],
  ];
  for (const [label, bytes, expected] of vectors) {
    const got = await reason(verifyCmsSignedData(bytes, trust()));
    assert.ok(expected.includes(got), `${label}: ${got}`);
    const pkcs1 = await reason(
      verifyPkcs1Signature({ data, signature: signPkcs1(card.signing, data), certificate: bytes }, trust()),
    );
    assert.ok(['malformed', 'truncated', 'too_large'].includes(pkcs1), `${label} as certificate: ${pkcs1}`);
  }
  assert.equal(
    await reason(verifyPkcs1Signature({ data, signature: new Uint8Array(0), certificate: card.signing.der }, trust())),
    'malformed',
  );
  assert.equal(
    await reason(
      verifyPkcs1Signature({ data, signature: new Uint8Array(256), certificate: card.signing.der }, trust()),
    ),
    'signature_invalid',
  );
});

test('基本4情報: substitute characters and era birth dates round-trip; matching ignores width and spacing', async () => {
  const info = readBasic4(new Uint8Array(encodeBasic4({ ...holder, nameSubstitute: '川﨑 花子' })));
  assert.equal(info?.nameSubstitute, '川﨑 花子');
  assert.equal(readBasic4(new Uint8Array(encodeBasic4({ ...holder, birthDate: '2019-05-01' })))?.birthEra, '令和');
  assert.equal(readBasic4(new Uint8Array(encodeBasic4({ ...holder, birthDate: '1926-12-24' })))?.birthEra, '大正');
  const match = matchResident(info!, {
    familyName: '川崎',
    givenName: '花子',
    birthDate: '1990-04-01',
    sex: '2',
    address: '神奈川県川崎市川崎区宮本町１番地',
  });
  assert.equal(match.matches, true);
  const mismatch = matchResident(info!, {
    familyName: '川崎',
    givenName: '花子',
    birthDate: '1990-04-02',
    sex: '2',
    address: holder.address,
  });
  assert.deepEqual(mismatch.fields, { name: true, birthDate: false, sex: true, address: true });
});

test('a self-signed certificate (no CA at all) is an unknown CA', async () => {
  const sha1Cert = await issueCertificate({ subject: 'sha1', usage: { nonRepudiation: true }, hash: 'SHA-1' });
  assert.equal(await reason(verifyCmsSignedData(await signCms(sha1Cert, data), trust())), 'unknown_ca');
});
