import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { formatVerificationCode } from '../code.ts';
import { createIssuanceTestBed, type IssuanceTestBed, issueInput } from '../test-support.ts';
import { issueDocument } from './issue-document.ts';
import { readDocumentPdf } from './read-document-pdf.ts';
import { revokeDocument } from './revoke-document.ts';
import { verifyDocument } from './verify-document.ts';

let bed: IssuanceTestBed;
before(async () => {
  bed = await createIssuanceTestBed();
});
after(async () => {
  await bed.close();
});

async function issued(applicationId: string) {
  const result = await issueDocument(bed.deps, issueInput(applicationId));
  const stored = await readDocumentPdf(bed.deps, { tenantId: 'kawasaki', documentId: result.documentId });
  return { ...result, pdf: new Uint8Array(stored!.pdf) };
}

const meta = { ip: '10.1.2.3', requestId: 'test-request-0001' };

test('a genuine document checks out by code (typed loosely) and by its PDF', async () => {
  const doc = await issued('app-v-1');
  const typed = formatVerificationCode(doc.verificationCode).toLowerCase().replace(/-/g, ' ');
  const byCode = await verifyDocument(bed.deps, { tenantId: 'kawasaki', code: typed });
  assert.equal(byCode.status, 'genuine');
  assert.equal(byCode.document?.title, '住民票の写し');
  assert.equal(byCode.document?.issuer, '川崎市長');
  assert.equal(byCode.document?.cityName, '川崎市');
  assert.equal(byCode.document?.recipientNameMasked, '川＊ 花＊', 'only a masked name');
  const byFile = await verifyDocument(bed.deps, { tenantId: 'kawasaki', pdf: doc.pdf });
  assert.equal(byFile.status, 'genuine');
  assert.deepEqual(byFile.checks, { sha256Matches: true, signatureValid: true });
});

test('one byte changed anywhere in the PDF is reported as altered', async () => {
  const doc = await issued('app-v-2');
  const text = Buffer.from(doc.pdf).toString('latin1');
  const contents = text.indexOf('/Contents <') + '/Contents <'.length;
  const codeCopy = text.indexOf('/CityhallVerificationCode (') + '/CityhallVerificationCode ('.length;
  // Near the start (signed bytes), in the signature's own zero padding, in one copy of the code, the last byte.
  for (const at of [500, contents + 15000, codeCopy + 3, doc.pdf.length - 1]) {
    const tampered = doc.pdf.slice();
    tampered[at] = tampered[at] === 0x30 ? 0x31 : 0x30;
    const result = await verifyDocument(bed.deps, { tenantId: 'kawasaki', pdf: tampered });
    assert.equal(result.status, 'altered', `byte ${at}`);
    assert.equal(result.checks?.sha256Matches, false);
    assert.equal(result.document?.title, '住民票の写し', 'the record is found through the embedded code');
  }
  const inContent = doc.pdf.slice();
  inContent[500] = inContent[500]! ^ 0x01;
  const result = await verifyDocument(bed.deps, { tenantId: 'kawasaki', pdf: inContent });
  assert.equal(result.checks?.signatureValid, false, 'the signature no longer verifies either');
});

test('a PDF signed by another key, or appended to after signing, is not genuine', async () => {
  const doc = await issued('app-v-3');
  const appended = new Uint8Array([...doc.pdf, ...Buffer.from('\n% appended\n')]);
  const result = await verifyDocument(bed.deps, { tenantId: 'kawasaki', pdf: appended });
  assert.equal(result.status, 'altered');
  assert.equal(result.checks?.signatureProblem, 'range_incomplete');
});

test('a revoked document says so by code and by file; the reason is required and audited', async () => {
  const doc = await issued('app-v-4');
  await assert.rejects(
    revokeDocument(bed.deps, {
      tenantId: 'kawasaki',
      documentId: doc.documentId,
      reason: '  ',
      actor: 'staff-1',
      meta,
    }),
    /取り消す理由を入力してください/,
  );
  await revokeDocument(bed.deps, {
    tenantId: 'kawasaki',
    documentId: doc.documentId,
    reason: '記載内容の誤りのため再交付',
    actor: 'staff-1',
    meta,
  });
  const byCode = await verifyDocument(bed.deps, { tenantId: 'kawasaki', code: doc.verificationCode });
  assert.equal(byCode.status, 'revoked');
  assert.ok(byCode.document?.revokedAt instanceof Date);
  assert.equal((await verifyDocument(bed.deps, { tenantId: 'kawasaki', pdf: doc.pdf })).status, 'revoked');
  await assert.rejects(
    revokeDocument(bed.deps, {
      tenantId: 'kawasaki',
      documentId: doc.documentId,
      reason: 'again',
      actor: 'staff-1',
      meta,
    }),
    /すでに取り消されています/,
  );
  const audit = await bed.database.ownerDb
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'document.revoke')
    .where('resource_id', '=', doc.documentId)
    .execute();
  assert.equal(audit.length, 1);
  assert.equal((audit[0]!.details as { reason: string }).reason, '記載内容の誤りのため再交付');
  const events = await bed.database.ownerDb
    .selectFrom('domain_events')
    .select('data')
    .where('type', '=', 'document.revoked')
    .where('subject_id', '=', doc.documentId)
    .execute();
  assert.deepEqual(events[0]?.data, {
    applicationId: 'app-v-4',
    documentId: doc.documentId,
    reason: '記載内容の誤りのため再交付',
  });
});

test('an unknown code, a malformed code, another city and an unrelated PDF are unknown', async () => {
  const doc = await issued('app-v-5');
  assert.equal(
    (await verifyDocument(bed.deps, { tenantId: 'kawasaki', code: 'ABCD-EFGH-JKMN-PQRS' })).status,
    'unknown',
  );
  assert.equal((await verifyDocument(bed.deps, { tenantId: 'kawasaki', code: 'not a code' })).status, 'unknown');
  assert.equal(
    (await verifyDocument(bed.deps, { tenantId: 'sagamihara', code: doc.verificationCode })).status,
    'unknown',
  );
  const other = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
  assert.deepEqual(await verifyDocument(bed.deps, { tenantId: 'kawasaki', pdf: other }), { status: 'unknown' });
});
