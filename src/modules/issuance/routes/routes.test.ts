import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Agent } from '../../../../test/helpers/agent.ts';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { staffSignIn as signInStaff } from '../../../../test/helpers/staff.ts';
import { formatVerificationCode } from '../code.ts';
import { issuanceDeps } from '../deps.ts';
import { issueInput } from '../test-support.ts';
import { issueDocument } from '../use-cases/issue-document.ts';
import { readDocumentPdf } from '../use-cases/read-document-pdf.ts';

let city: TestCityHall;
let hanakoId: string;
before(async () => {
  city = await startTestCityHall({ demoResidents: 50, env: { NETWORK_ZONES: 'lgwan=10.0.0.0/8' } });
  const account = await city.database.ownerDb
    .selectFrom('accounts')
    .select('id')
    .where('email', '=', 'hanako@example.jp')
    .executeTakeFirstOrThrow();
  hanakoId = account.id as string;
});
after(async () => {
  await city.close();
});

async function issue(applicationId: string) {
  const deps = issuanceDeps(city.city.deps);
  const issued = await issueDocument(deps, issueInput(applicationId, { recipientAccountId: hanakoId }));
  const stored = await readDocumentPdf(deps, { tenantId: 'kawasaki', documentId: issued.documentId });
  return { ...issued, pdf: stored!.pdf };
}

function multipart(agent: Agent, file: { name: string; type: string; data: Buffer } | undefined) {
  const boundary = '----cityhallTestBoundary42';
  const parts = [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${agent.csrf()}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="pdf"; filename="${file?.name ?? ''}"\r\nContent-Type: ${file?.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    file?.data ?? Buffer.alloc(0),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ];
  return city.app.inject({
    method: 'POST',
    url: '/verify',
    payload: Buffer.concat(parts),
    headers: {
      accept: 'text/html',
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
}

const statusOf = (body: string) => /data-verification-status="(\w+)"/.exec(body)?.[1];

test('anyone checks a code without signing in; a QR link shows the same; errors link to the field', async () => {
  const doc = await issue('page-app-1');
  const agent = new Agent(city.app);
  const form = await agent.get('/verify');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /enctype="multipart\/form-data"/);

  const typed = await agent.get(
    `/verify?code=${encodeURIComponent(formatVerificationCode(doc.verificationCode).toLowerCase())}`,
  );
  assert.equal(typed.statusCode, 200);
  assert.equal(statusOf(typed.body), 'genuine');
  assert.match(typed.body, /この書類は本物です/);
  assert.match(typed.body, /住民票の写し/);
  assert.match(typed.body, /川＊ 花＊/);
  assert.doesNotMatch(typed.body, /川崎 花子/, 'never the full name');

  const qr = await agent.get(`/verify/${formatVerificationCode(doc.verificationCode)}`);
  assert.equal(statusOf(qr.body), 'genuine');

  const empty = await agent.get('/verify?code=');
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /<a href="#code">確認コードを入力してください。<\/a>/);
  assert.match(empty.body, /aria-invalid="true"/);
  const wrong = await agent.get('/verify?code=ABC');
  assert.match(wrong.body, /確認コードは16文字の英数字です/);
  const unknown = await agent.get('/verify/ABCD-EFGH-JKMN-PQRS');
  assert.equal(statusOf(unknown.body), 'unknown');
  assert.match(unknown.body, /該当する書類が見つかりません/);
  const english = await agent.get(`/verify/${doc.verificationCode}?lang=en`);
  assert.match(english.body, /This document is genuine/);
});

test('uploading the PDF: genuine, then one byte changed is altered; a non-PDF or no file gets a clear error', async () => {
  const doc = await issue('page-app-2');
  const agent = new Agent(city.app);
  await agent.get('/verify');
  const good = await multipart(agent, { name: 'juminhyo.pdf', type: 'application/pdf', data: doc.pdf });
  assert.equal(good.statusCode, 200, good.body.slice(0, 500));
  assert.equal(statusOf(good.body), 'genuine');
  assert.match(good.body, /交付したときのファイルと一致します/);
  assert.match(good.body, /川崎市の電子署名は有効です/);

  const tampered = Buffer.from(doc.pdf);
  tampered[600] = tampered[600]! ^ 0x01;
  const bad = await multipart(agent, { name: 'juminhyo.pdf', type: 'application/pdf', data: tampered });
  assert.equal(statusOf(bad.body), 'altered');
  assert.match(bad.body, /この書類は改ざんされています/);
  assert.match(bad.body, /電子署名を確認できません/);

  const text = await multipart(agent, { name: 'memo.txt', type: 'text/plain', data: Buffer.from('hello') });
  assert.equal(text.statusCode, 400);
  assert.match(text.body, /<a href="#pdf">選ばれたファイルはPDFではありません。/);
  const none = await multipart(agent, undefined);
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /確認するPDFファイルを選んでください。/);

  const noToken = await city.app.inject({
    method: 'POST',
    url: '/verify',
    payload: '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--b--\r\n',
    headers: { accept: 'text/html', 'content-type': 'multipart/form-data; boundary=b' },
  });
  assert.equal(noToken.statusCode, 403, 'the upload form is CSRF-protected like every form');
});

test('the JSON API answers by code and by a raw PDF body', async () => {
  const doc = await issue('page-app-3');
  const byCode = await city.app.inject({ method: 'GET', url: `/api/v1/verify/${doc.verificationCode}` });
  assert.equal(byCode.statusCode, 200);
  const json = byCode.json();
  assert.equal(json.status, 'genuine');
  assert.equal(json.document.title, '住民票の写し');
  assert.equal(json.document.verificationCode, formatVerificationCode(doc.verificationCode));

  const byFile = await city.app.inject({
    method: 'POST',
    url: '/api/v1/verify',
    payload: doc.pdf,
    headers: { 'content-type': 'application/pdf' },
  });
  assert.deepEqual(byFile.json().checks, { sha256Matches: true, signatureValid: true });
  const tampered = Buffer.from(doc.pdf);
  tampered[tampered.length - 3] = tampered[tampered.length - 3]! ^ 0x01;
  const altered = await city.app.inject({
    method: 'POST',
    url: '/api/v1/verify',
    payload: tampered,
    headers: { 'content-type': 'application/pdf' },
  });
  assert.equal(altered.json().status, 'altered');

  const malformed = await city.app.inject({ method: 'GET', url: '/api/v1/verify/xyz' });
  assert.equal(malformed.statusCode, 400);
  assert.equal(malformed.headers['content-type'], 'application/problem+json; charset=utf-8');
  const notPdf = await city.app.inject({
    method: 'POST',
    url: '/api/v1/verify',
    payload: 'hello',
    headers: { 'content-type': 'application/pdf' },
  });
  assert.equal(notPdf.statusCode, 400);
  assert.match(notPdf.json().detail, /PDFファイルではありません/);
});

/** Password, then the TOTP code, enrolling on first use (from the LGWAN side). */
function staffSignIn(email: string): Promise<Agent> {
  return signInStaff(city.app, email, '10.1.2.3');
}

test('the PDF goes to its recipient and to staff of its department; others get 404', async () => {
  const doc = await issue('page-app-4');
  const anonymous = await new Agent(city.app).get(`/documents/${doc.documentId}.pdf`);
  assert.equal(anonymous.statusCode, 303);

  const hanako = new Agent(city.app);
  await hanako.get('/sign-in');
  await hanako.post('/sign-in', { email: 'hanako@example.jp', password: 'kawasaki-demo-2026' });
  const mine = await hanako.get(`/documents/${doc.documentId}.pdf`);
  assert.equal(mine.statusCode, 200);
  assert.equal(mine.headers['content-type'], 'application/pdf');
  assert.deepEqual(mine.rawPayload, doc.pdf);

  const taro = new Agent(city.app);
  await taro.get('/sign-in');
  await taro.post('/sign-in', { email: 'taro@example.jp', password: 'kawasaki-demo-2026' });
  assert.equal((await taro.get(`/documents/${doc.documentId}.pdf`)).statusCode, 404);

  const dx = await staffSignIn('dx@kawasaki.example');
  assert.equal((await dx.get(`/documents/${doc.documentId}.pdf`)).statusCode, 404, 'another department');
});

test('staff list, find by code and revoke with a reason; the verification page then says revoked', async () => {
  const doc = await issue('page-app-5');
  const staff = await staffSignIn('caseworker@kawasaki.example');
  const list = await staff.get('/staff/documents');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, new RegExp(`/staff/documents/${doc.documentId}`));
  const found = await staff.get(`/staff/documents?q=${doc.verificationCode.toLowerCase()}`);
  assert.match(found.body, /1件/);

  const detail = await staff.get(`/staff/documents/${doc.documentId}`);
  assert.equal(detail.statusCode, 200);
  const blank = await staff.post(`/staff/documents/${doc.documentId}/revoke`, { reason: '' });
  assert.equal(blank.statusCode, 400);
  assert.match(blank.body, /<a href="#reason">取り消す理由を入力してください。<\/a>/);
  const done = await staff.post(`/staff/documents/${doc.documentId}/revoke`, { reason: '記載誤りのため再交付' });
  assert.equal(done.statusCode, 303);
  const after = await staff.get(done.headers.location as string);
  assert.match(after.body, /書類を取り消しました。/);
  assert.match(after.body, /記載誤りのため再交付/);

  const check = await new Agent(city.app).get(`/verify/${doc.verificationCode}`);
  assert.equal(statusOf(check.body), 'revoked');
  assert.match(check.body, /この書類は取り消されています/);
  assert.doesNotMatch(check.body, /記載誤りのため再交付/, 'the reason stays inside the city hall');

  const audit = await city.database.ownerDb
    .selectFrom('audit_log')
    .select(['action', 'decision'])
    .where('resource_id', '=', doc.documentId)
    .execute();
  const actions = audit.map((a) => `${a.action}:${a.decision}`);
  assert.ok(actions.includes('document.revoke_decision:allow'), actions.join());
  assert.ok(actions.includes('document.revoke:allow'));

  const counter = await staffSignIn('counter@kawasaki.example');
  const other = await issue('page-app-6');
  await counter.get(`/staff/documents/${other.documentId}`);
  const refused = await counter.post(`/staff/documents/${other.documentId}/revoke`, { reason: '試し' });
  assert.equal(refused.statusCode, 403, 'counter staff cannot decide a revocation');
});
