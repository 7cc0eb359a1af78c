import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TrustConfigurationError } from './certificate.ts';
import { createDemoCard, createDemoCrl, issueCertificate, signCms, signPkcs1, signWithDemoCard } from './demo-ca.ts';
import { JpkiError } from './errors.ts';
import { crlFileChecker } from './revocation.ts';
import { createTestPki, data, holder, reasonOf, serialOf } from './test-pki.ts';
import { verifyCmsSignedData, verifyPkcs1Signature } from './verify-signed-data.ts';

const pki = await createTestPki();
const { ca, otherCa, card, trust } = pki;
const { cms, pkcs1 } = await signWithDemoCard(card, data);
const day = 86_400_000;

test("a good CMS signature verifies: the content, the certificate and the holder's 基本4情報", async () => {
  const result = await verifyCmsSignedData(cms, trust());
  assert.deepEqual(Buffer.from(result.signedContent), Buffer.from(data));
  assert.equal(result.certificate.serialNumber, serialOf(card.signing.der));
  assert.match(result.certificate.issuer, /デジタル市役所 デモ署名用認証局/);
  assert.ok(
    Date.parse(result.certificate.notBefore) < Date.now() && Date.now() < Date.parse(result.certificate.notAfter),
  );
  assert.deepEqual(result.holder, {
    name: '川崎　花子',
    nameSubstitute: '00000',
    sex: '2',
    birthDate: '1990-04-01',
    birthEra: '平成',
    address: holder.address,
    addressSubstitute: '0'.repeat([...holder.address].length),
  });
});

test('a detached CMS signature verifies with the content given separately, and only with that content', async () => {
  const detached = await signCms(card.signing, data, { detached: true });
  const result = await verifyCmsSignedData(detached, { ...trust(), detachedContent: data });
  assert.deepEqual(Buffer.from(result.signedContent), Buffer.from(data));
  assert.equal(await reasonOf(verifyCmsSignedData(detached, trust())), 'malformed');
  const other = new TextEncoder().encode('別の内容');
  assert.equal(
    await reasonOf(verifyCmsSignedData(detached, { ...trust(), detachedContent: other })),
    'signature_invalid',
  );
  // Content inside and a different one beside it: refused rather than vouching for either.
  assert.equal(await reasonOf(verifyCmsSignedData(cms, { ...trust(), detachedContent: other })), 'signature_invalid');
});

test('a good PKCS#1 signature with its certificate verifies', async () => {
  const result = await verifyPkcs1Signature({ data, signature: pkcs1, certificateDer: card.signing.der }, trust());
  assert.equal(result.holder?.address, holder.address);
  assert.deepEqual(Buffer.from(result.signedContent), Buffer.from(data));
  // The older name of the field still works for callers written before certificateDer.
  const legacy = await verifyPkcs1Signature({ data, signature: pkcs1, certificate: card.signing.der }, trust());
  assert.equal(legacy.certificate.serialNumber, result.certificate.serialNumber);
});

test('trust anchors may be PEM text, and the chain may run through an intermediate CA the CMS carries', async () => {
  const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(ca.der).toString('base64')}\n-----END CERTIFICATE-----\n`;
  await verifyCmsSignedData(cms, { ...trust(), trustAnchors: [pem] });

  const intermediate = await issueCertificate({
    subject: 'デモ中間認証局',
    issuer: ca,
    ca: true,
    usage: { keyCertSign: true, cRLSign: true },
  });
  const leafCard = await createDemoCard(intermediate, 'via-intermediate', holder);
  const revocation = crlFileChecker(await createDemoCrl(intermediate, []));
  const withChain = await signCms(leafCard.signing, data, { chain: [intermediate.der] });
  const result = await verifyCmsSignedData(withChain, { trustAnchors: [ca.der], revocation });
  assert.equal(result.holder?.name, holder.name);
  const withoutChain = await signCms(leafCard.signing, data);
  assert.equal(await reasonOf(verifyCmsSignedData(withoutChain, { trustAnchors: [ca.der], revocation })), 'unknown_ca');
});

test('tampered content or signature: signature_invalid', async () => {
  const tampered = Buffer.from(cms);
  const at = tampered.indexOf(Buffer.from('juminhyo'));
  tampered[at] = 'X'.charCodeAt(0);
  assert.equal(await reasonOf(verifyCmsSignedData(tampered, trust())), 'signature_invalid');

  const otherData = new TextEncoder().encode('{"procedure":"juminhyo-copy","copies":9}');
  assert.equal(
    await reasonOf(
      verifyPkcs1Signature({ data: otherData, signature: pkcs1, certificateDer: card.signing.der }, trust()),
    ),
    'signature_invalid',
  );
  const flipped = pkcs1.slice();
  flipped[10]! ^= 1;
  assert.equal(
    await reasonOf(verifyPkcs1Signature({ data, signature: flipped, certificateDer: card.signing.der }, trust())),
    'signature_invalid',
  );
  // Someone else's certificate beside the signature.
  assert.equal(
    await reasonOf(verifyPkcs1Signature({ data, signature: pkcs1, certificateDer: pki.lost.signing.der }, trust())),
    'signature_invalid',
  );
});

test('expired and not-yet-valid certificates, and the `at` the caller asks about', async () => {
  assert.equal(await reasonOf(verifyCmsSignedData(await signCms(pki.expired.signing, data), trust())), 'expired');
  assert.equal(await reasonOf(verifyCmsSignedData(await signCms(pki.notYet.signing, data), trust())), 'not_yet_valid');
  assert.equal(
    await reasonOf(verifyCmsSignedData(cms, { ...trust(), at: new Date(Date.now() + 6 * 365 * day) })),
    'expired',
  );
  // A CA certificate that has itself expired ends every chain through it.
  const oldCa = await issueCertificate({
    subject: '期限切れ認証局',
    ca: true,
    usage: { keyCertSign: true, cRLSign: true },
    notBefore: new Date(Date.now() - 10 * day),
    notAfter: new Date(Date.now() - day),
  });
  const orphan = await createDemoCard(oldCa, 'orphan', holder);
  assert.equal(
    await reasonOf(
      verifyCmsSignedData(await signCms(orphan.signing, data), {
        trustAnchors: [oldCa.der],
        revocation: crlFileChecker(pki.crl),
      }),
    ),
    'expired',
  );
});

test('revoked by the CRL; a stale, foreign or unreadable CRL is unknown, and unknown fails closed', async () => {
  assert.equal(await reasonOf(verifyCmsSignedData(await signCms(pki.lost.signing, data), trust())), 'revoked');
  assert.equal(
    await reasonOf(
      verifyPkcs1Signature(
        { data, signature: signPkcs1(pki.lost.signing, data), certificateDer: pki.lost.signing.der },
        trust(),
      ),
    ),
    'revoked',
  );
  const stale = await createDemoCrl(ca, [], {
    thisUpdate: new Date(Date.now() - 10 * day),
    nextUpdate: new Date(Date.now() - day),
  });
  const future = await createDemoCrl(ca, [], {
    thisUpdate: new Date(Date.now() + day),
    nextUpdate: new Date(Date.now() + 2 * day),
  });
  const foreign = await createDemoCrl(otherCa, []);
  for (const crl of [stale, future, foreign, new Uint8Array([0x30, 0x03, 1, 2, 3])]) {
    const revocation = crlFileChecker(crl);
    assert.equal(
      await reasonOf(verifyCmsSignedData(cms, { trustAnchors: [ca.der], revocation })),
      'revocation_unknown',
    );
  }
  const missingFile = crlFileChecker('/nonexistent/ca.crl');
  assert.equal(
    await reasonOf(verifyCmsSignedData(cms, { trustAnchors: [ca.der], revocation: missingFile })),
    'revocation_unknown',
  );
});

test('unknown CA: a card of another CA, a trust list without ours, a self-signed certificate', async () => {
  const stranger = await createDemoCard(otherCa, 'stranger', holder);
  assert.equal(await reasonOf(verifyCmsSignedData(await signCms(stranger.signing, data), trust())), 'unknown_ca');
  assert.equal(await reasonOf(verifyCmsSignedData(cms, { ...trust(), trustAnchors: [otherCa.der] })), 'unknown_ca');
  assert.equal(await reasonOf(verifyCmsSignedData(cms, { ...trust(), trustAnchors: [] })), 'unknown_ca');
  const selfSigned = await issueCertificate({
    subject: '自己署名',
    usage: { digitalSignature: true, nonRepudiation: true },
    holder,
  });
  assert.equal(await reasonOf(verifyCmsSignedData(await signCms(selfSigned, data), trust())), 'unknown_ca');
});

test('wrong key usage: signing needs the signing certificate, authentication the authentication one', async () => {
  // The user-authentication certificate used to sign a document.
  assert.equal(
    await reasonOf(verifyCmsSignedData(await signCms(card.authentication, data), trust())),
    'wrong_key_usage',
  );
  // A certificate with the 基本4情報 but without nonRepudiation.
  const noNonRepudiation = await issueCertificate({
    subject: 'no-nr',
    issuer: ca,
    usage: { digitalSignature: true },
    holder,
  });
  assert.equal(await reasonOf(verifyCmsSignedData(await signCms(noNonRepudiation, data), trust())), 'wrong_key_usage');
  // The signing certificate offered for log-in.
  assert.equal(
    await reasonOf(
      verifyPkcs1Signature(
        { data, signature: pkcs1, certificateDer: card.signing.der },
        { ...trust(), purpose: 'authentication' },
      ),
    ),
    'wrong_key_usage',
  );
  const auth = await verifyPkcs1Signature(
    { data, signature: signPkcs1(card.authentication, data), certificateDer: card.authentication.der },
    { ...trust(), purpose: 'authentication' },
  );
  assert.equal(auth.holder, null, 'the user-authentication certificate carries no 基本4情報');
});

test('wrong algorithm: SHA-1 signatures, SHA-1 certificates, ECDSA and short RSA keys are refused', async () => {
  assert.equal(
    await reasonOf(verifyCmsSignedData(await signCms(card.signing, data, { hash: 'SHA-1' }), trust())),
    'wrong_algorithm',
  );
  assert.equal(
    await reasonOf(
      verifyPkcs1Signature(
        { data, signature: signPkcs1(card.signing, data, 'sha1'), certificateDer: card.signing.der },
        trust(),
      ),
    ),
    'wrong_algorithm',
  );
  const sha1Cert = await issueCertificate({
    subject: 'sha1',
    issuer: ca,
    usage: { nonRepudiation: true },
    holder,
    hash: 'SHA-1',
  });
  assert.equal(await reasonOf(verifyCmsSignedData(await signCms(sha1Cert, data), trust())), 'wrong_algorithm');
  const ecCert = await issueCertificate({
    subject: 'ec',
    issuer: ca,
    usage: { nonRepudiation: true },
    holder,
    keyAlgorithm: 'ECDSA',
  });
  assert.equal(await reasonOf(verifyCmsSignedData(await signCms(ecCert, data), trust())), 'wrong_algorithm');
  assert.equal(
    await reasonOf(verifyPkcs1Signature({ data, signature: pkcs1, certificateDer: ecCert.der }, trust())),
    'wrong_algorithm',
  );
});

// Deterministic noise, so a failure can be replayed.
function noise(length: number, seed: number): Uint8Array {
  let x = seed;
  return Uint8Array.from({ length }, () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x >> 16;
  });
}

function definiteNesting(depth: number): Uint8Array {
  let inner = [0x05, 0x00];
  for (let i = 0; i < depth; i++) {
    const n = inner.length;
    const length =
      n < 0x80
        ? [n]
        : n < 0x100
          ? [0x81, n]
          : n < 0x10000
            ? [0x82, n >> 8, n & 0xff]
            : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
    inner = [0x30, ...length, ...inner];
  }
  return new Uint8Array(inner);
}

test('garbage, truncated and hostile bytes are always a 400 JpkiError, never another exception', async () => {
  const vectors: [string, Uint8Array][] = [
    ['empty', new Uint8Array(0)],
    ['text', new TextEncoder().encode('これは署名ではありません')],
    ['noise', noise(512, 1)],
    ['truncated', cms.slice(0, cms.length - 40)],
    ['half', cms.slice(0, cms.length / 2)],
    ['absurd length', new Uint8Array([0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x01])],
    ['length of length', new Uint8Array([0x30, 0x89, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0])],
    [
      'deep indefinite nesting',
      new Uint8Array([...Array(5000).fill([0x30, 0x80]).flat(), ...Array(5000).fill([0, 0]).flat()]),
    ],
    ['deep definite nesting', definiteNesting(3000)],
    ['huge', new Uint8Array(1024 * 1024)],
    ['trailing bytes', new Uint8Array([...cms, 0, 0, 0])],
    [
      'SignedData OID around garbage',
      new Uint8Array([
        0x30, 0x11, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02, 0xa0, 0x04, 0x04, 0x02, 0xde,
        0xad,
      ]),
    ],
    ['a certificate, not a signature', card.signing.der],
  ];
  for (const [label, bytes] of vectors) {
    const reason = await reasonOf(verifyCmsSignedData(bytes, trust()));
    assert.ok(['malformed', 'truncated', 'too_large'].includes(reason), `${label}: ${reason}`);
    if (bytes === card.signing.der) continue; // a fine certificate, the one case that is not garbage as one
    const asCertificate = await reasonOf(
      verifyPkcs1Signature({ data, signature: pkcs1, certificateDer: bytes }, trust()),
    );
    assert.ok(
      ['malformed', 'truncated', 'too_large'].includes(asCertificate),
      `${label} as certificate: ${asCertificate}`,
    );
    const asSignature = await reasonOf(
      verifyPkcs1Signature({ data, signature: bytes, certificateDer: card.signing.der }, trust()),
    );
    assert.ok(['malformed', 'signature_invalid'].includes(asSignature), `${label} as PKCS#1 signature: ${asSignature}`);
  }
});

test('every prefix of a CMS signature, and hundreds of corrupted copies, fail as a JpkiError or still verify', async () => {
  for (let length = 0; length < cms.length; length++) {
    await reasonOf(verifyCmsSignedData(cms.subarray(0, length), trust()));
  }
  const random = noise(2000, 7);
  for (let i = 0; i < 400; i++) {
    const copy = cms.slice();
    const at = ((random[i]! << 8) | random[i + 1]!) % copy.length;
    copy[at]! ^= random[i + 2]! || 1;
    try {
      await verifyCmsSignedData(copy, trust());
    } catch (error) {
      assert.ok(error instanceof JpkiError, `byte ${at}: ${(error as Error)?.stack ?? error}`);
    }
  }
});

test("an unreadable trust anchor is the operator's fault: a server error, not the sender's 400", async () => {
  const broken = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
  await assert.rejects(verifyCmsSignedData(cms, { ...trust(), trustAnchors: [broken] }), TrustConfigurationError);
});
