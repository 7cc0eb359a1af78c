import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { createDemoCrl, signWithDemoCard } from './demo-ca.ts';
import { derToPem } from './der.ts';
import { combinedChecker, crlFileChecker, httpRevocationChecker } from './revocation.ts';
import { createTestPki, data, reasonOf, serialOf } from './test-pki.ts';
import { verifyCmsSignedData } from './verify-signed-data.ts';

const pki = await createTestPki();
const { cms } = await signWithDemoCard(pki.card, data);
const serial = serialOf(pki.card.signing.der);
const subject = {
  certificate: new X509Certificate(Buffer.from(pki.card.signing.der)),
  issuer: new X509Certificate(Buffer.from(pki.ca.der)),
  at: new Date(),
};

// A platform operator's status service: answers per serial as the test sets it, and records the questions.
type Answer = (res: ServerResponse) => void;
const answers = new Map<string, Answer>();
const asked: { method: string; issuer: string; serialNumber: string }[] = [];
const json =
  (body: string): Answer =>
  (res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
const server = createServer((req: IncomingMessage, res) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    const query =
      req.method === 'GET' ? Object.fromEntries(new URL(req.url!, 'http://x').searchParams) : JSON.parse(body);
    asked.push({ method: req.method!, issuer: query.issuer, serialNumber: query.serialNumber });
    (answers.get(query.serialNumber) ?? ((r: ServerResponse) => r.writeHead(500).end()))(res);
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/revocation-status`;
after(() => {
  server.closeAllConnections();
  server.close();
});

test('HTTP checker: good and revoked as the service answers; it is asked with the issuer and the serial', async () => {
  const revocation = httpRevocationChecker(url, { timeoutMs: 500 });
  answers.set(serial, json('{"status":"good"}'));
  const result = await verifyCmsSignedData(cms, { trustAnchors: [pki.ca.der], revocation });
  assert.equal(result.certificate.serialNumber, serial);
  assert.deepEqual(asked.at(-1), { method: 'POST', issuer: subject.certificate.issuer, serialNumber: serial });
  answers.set(serial, json('{"status":"revoked"}'));
  assert.equal(await reasonOf(verifyCmsSignedData(cms, { trustAnchors: [pki.ca.der], revocation })), 'revoked');
  answers.set(serial, json('{"status":"good"}'));
  assert.equal(await httpRevocationChecker(url, { method: 'GET' }).check(subject), 'good');
  assert.equal(asked.at(-1)?.method, 'GET');
});

test('HTTP checker: 500, a timeout, a refused connection and odd bodies are all unknown, and verification fails closed', async () => {
  const revocation = httpRevocationChecker(url, { timeoutMs: 300 });
  const failures: [string, Answer | undefined][] = [
    ['500', undefined],
    ['no answer (timeout)', () => undefined],
    ['not JSON', (res) => res.writeHead(200).end('good')],
    ['another status', json('{"status":"suspended"}')],
    ['null', json('null')],
    ['redirect', (res) => res.writeHead(302, { location: 'http://127.0.0.1:1/' }).end()],
    ['204', (res) => res.writeHead(204).end()],
  ];
  for (const [label, answer] of failures) {
    if (answer) answers.set(serial, answer);
    else answers.delete(serial);
    assert.equal(await revocation.check(subject), 'unknown', label);
  }
  assert.equal(
    await reasonOf(verifyCmsSignedData(cms, { trustAnchors: [pki.ca.der], revocation })),
    'revocation_unknown',
  );
  assert.equal(await httpRevocationChecker('http://127.0.0.1:1/').check(subject), 'unknown', 'connection refused');
  assert.equal(await httpRevocationChecker('not a url').check(subject), 'unknown');
});

test('CRL checker: DER or PEM, bytes or a file re-read at each check', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'jpki-crl-'));
  try {
    const file = path.join(dir, 'ca.crl');
    await writeFile(file, await createDemoCrl(pki.ca, []));
    const checker = crlFileChecker(file);
    assert.equal(await checker.check(subject), 'good');
    // The operator drops in a new CRL (PEM this time): the next check sees it without a restart.
    await writeFile(file, derToPem(await createDemoCrl(pki.ca, [serial]), 'X509 CRL'));
    assert.equal(await checker.check(subject), 'revoked');
    assert.equal(
      await crlFileChecker(await createDemoCrl(pki.ca, [`00${serial.toUpperCase()}`])).check(subject),
      'revoked',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('combined checker: one CRL per CA; the one of the right issuer answers', async () => {
  const ours = crlFileChecker(await createDemoCrl(pki.ca, []));
  const theirs = crlFileChecker(await createDemoCrl(pki.otherCa, []));
  assert.equal(await combinedChecker([theirs, ours]).check(subject), 'good');
  assert.equal(await combinedChecker([theirs]).check(subject), 'unknown');
  const revoking = crlFileChecker(await createDemoCrl(pki.ca, [serial]));
  assert.equal(await combinedChecker([ours, revoking]).check(subject), 'revoked');
});
