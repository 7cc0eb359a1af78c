import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { pdfText } from '../../../../test/helpers/pdf-text.ts';
import { formatVerificationCode } from '../code.ts';
import { createIssuanceTestBed, type IssuanceTestBed, issueInput } from '../test-support.ts';
import { issueDocument } from './issue-document.ts';
import { documentsFor } from './list-documents.ts';
import { readDocumentPdf } from './read-document-pdf.ts';

let bed: IssuanceTestBed;
before(async () => {
  bed = await createIssuanceTestBed();
});
after(async () => {
  await bed.close();
});

test('issuing makes a signed A4 PDF with the Japanese title, the 和暦 date and the verification code', async () => {
  const issued = await issueDocument(bed.deps, issueInput('app-000001'));
  assert.match(issued.verificationCode, /^[0-9A-HJKMNP-TV-Z]{16}$/);
  const stored = await readDocumentPdf(bed.deps, { tenantId: 'kawasaki', documentId: issued.documentId });
  assert.ok(stored);

  const doc = await PDFDocument.load(stored.pdf);
  assert.equal(doc.getPageCount(), 1);
  const { width, height } = doc.getPage(0).getSize();
  assert.deepEqual([Math.round(width), Math.round(height)], [595, 842], 'A4');
  assert.equal(doc.getTitle(), '住民票の写し');

  const form = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
  const [field] = form.lookup(PDFName.of('Fields'), PDFArray).asArray();
  const signature = doc.context.lookup(doc.context.lookup(field!, PDFDict).get(PDFName.of('V')), PDFDict);
  assert.equal(signature.get(PDFName.of('Type'))?.toString(), '/Sig');
  assert.equal(signature.get(PDFName.of('SubFilter'))?.toString(), '/ETSI.CAdES.detached');
  const range = signature.get(PDFName.of('ByteRange'))?.toString() ?? '';
  const [a, b, c, d] = range.replace(/[[\]]/g, '').trim().split(/\s+/).map(Number);
  assert.equal(a, 0);
  assert.equal(c! + d!, stored.pdf.length, 'the signature covers the whole file but its own hole');
  assert.ok(b! > 0 && c! > b!);

  const lines = await pdfText(stored.pdf);
  assert.ok(lines.includes('住民票の写し'), lines.join('\n'));
  assert.ok(lines.includes('川崎 花子'), 'the table value is filled');
  assert.ok(lines.includes('請求者 川崎 花子'), 'the body placeholder is filled');
  assert.ok(
    lines.some((l) => /^令和\d+年\d+月\d+日$/.test(l)),
    'the issue date in 和暦',
  );
  assert.ok(lines.includes(`確認コード ${formatVerificationCode(issued.verificationCode)}`));
  assert.ok(
    lines.includes(`https://kawasaki.cityhall.example/verify/${formatVerificationCode(issued.verificationCode)}`),
  );
  assert.ok(lines.some((l) => /^文書番号 \d{4}-000001$/.test(l)));
  assert.ok(stored.pdf.length < 200_000, `subset fonts keep the file small (${stored.pdf.length} bytes)`);
});

test('a second issue for the same application returns the first document; concurrent ones too', async () => {
  const first = await issueDocument(bed.deps, issueInput('app-000002'));
  const again = await issueDocument(bed.deps, issueInput('app-000002'));
  assert.deepEqual(again, first);
  const racing = await Promise.all([1, 2, 3].map(() => issueDocument(bed.deps, issueInput('app-000003'))));
  assert.equal(new Set(racing.map((r) => r.documentId)).size, 1);
  const rows = await bed.database.ownerDb
    .selectFrom('documents')
    .select('id')
    .where('application_id', 'in', ['app-000002', 'app-000003'])
    .execute();
  assert.equal(rows.length, 2);
});

test('issuing records the audit entry and the document.issued event in the same transaction', async () => {
  const issued = await issueDocument(bed.deps, issueInput('app-000004'));
  const audit = await bed.database.ownerDb
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'document.issue')
    .where('resource_id', '=', issued.documentId)
    .execute();
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.department, 'ward-141313.kumin');
  const events = await bed.database.ownerDb
    .selectFrom('domain_events')
    .selectAll()
    .where('type', '=', 'document.issued')
    .where('subject_id', '=', issued.documentId)
    .execute();
  assert.equal(events.length, 1);
  assert.deepEqual(events[0]!.data, {
    applicationId: 'app-000004',
    documentId: issued.documentId,
    verificationCode: issued.verificationCode,
    title: '住民票の写し',
  });
});

test('a template value that is missing stops the issue instead of printing {{…}}', async () => {
  const input = issueInput('app-000005');
  const { 'applicant.address': _gone, ...values } = input.values;
  await assert.rejects(issueDocument(bed.deps, { ...input, values }), /applicant\.address/);
  const none = await documentsFor(bed.deps, { tenantId: 'kawasaki', applicationIds: ['app-000005'] });
  assert.equal(none.length, 0);
});

test('the resident sees their own documents, newest first; another tenant sees none', async () => {
  const mine = issueInput('app-000006', { recipientAccountId: '6f1c2d3e-0000-4000-8000-0000000000aa' });
  const issued = await issueDocument(bed.deps, mine);
  const list = await documentsFor(bed.deps, { tenantId: 'kawasaki', recipientAccountId: mine.recipientAccountId });
  assert.deepEqual(
    list.map((d) => [d.id, d.title, d.href]),
    [[issued.documentId, '住民票の写し', `/documents/${issued.documentId}.pdf`]],
  );
  const byApplication = await documentsFor(bed.deps, { tenantId: 'kawasaki', applicationIds: ['app-000006', 'nope'] });
  assert.equal(byApplication.length, 1);
  assert.deepEqual(await documentsFor(bed.deps, { tenantId: 'kawasaki' }), [], 'no filter lists nothing');
  const elsewhere = await documentsFor(bed.deps, {
    tenantId: 'sagamihara',
    recipientAccountId: mine.recipientAccountId,
  });
  assert.deepEqual(elsewhere, [], 'row-level security keeps other cities out');
});
