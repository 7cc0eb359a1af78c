// A procedure that needs the My Number Card signature (児童手当 認定請求): refused without it, refused when
// signed over other content or by someone else's card, received when signed over exactly these answers.
// Counter staff entering a paper application (channel counter) and the online-application KPI. A business
// system reading and exporting its department's cases with a scoped token (CSV in Shift_JIS or UTF-8 BOM).
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import iconv from 'iconv-lite';
import { Agent } from '../../../../test/helpers/agent.ts';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { formFields } from '../../../../test/helpers/forms.ts';
import { staffSignIn } from '../../../../test/helpers/staff.ts';
import { createCrl, createDemoCa, createDemoCard, type DemoCard, signCms } from '../../identity/jpki/demo-ca.ts';
import { derToPem } from '../../identity/jpki/der.ts';
import { createSystemToken } from '../../integration/use-cases/create-system-token.ts';
import { sampleAnswers } from '../../procedures/full/samples.ts';
import { getProcedure } from '../../procedures/index.ts';
import { readResident } from '../../residents/index.ts';

let city: TestCityHall;
const pdf = Buffer.from('%PDF-1.4\n% synthetic attachment for tests\n%%EOF\n');

function fileWidget(schema: Record<string, unknown>, field: string): boolean {
  const property = (schema.properties as Record<string, { 'x-ui'?: { widget?: string } }>)[field];
  return property?.['x-ui']?.widget === 'file';
}
let dir: string;
let card: DemoCard;
let stranger: DemoCard;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'apply-jpki-'));
  const ca = await createDemoCa();
  await writeFile(path.join(dir, 'ca.pem'), derToPem(ca.der, 'CERTIFICATE'));
  await writeFile(path.join(dir, 'ca.crl'), await createCrl(ca, []));
  city = await startTestCityHall({
    demoResidents: 50,
    env: {
      JPKI_TRUST_ANCHORS: path.join(dir, 'ca.pem'),
      JPKI_CRL_FILE: path.join(dir, 'ca.crl'),
      NETWORK_ZONES: 'lgwan=10.0.0.0/8',
    },
  });
  const holder = async (id: string) => {
    const r = (await readResident(city.city.deps, { tenantId: 'kawasaki', id }))!;
    return { name: `${r.familyName}　${r.givenName}`, sex: r.sex, birthDate: r.birthDate, address: r.address };
  };
  card = await createDemoCard(ca, 'card', await holder('1'));
  stranger = await createDemoCard(ca, 'other', await holder('2'));
});
after(async () => {
  await city?.close();
  await rm(dir, { recursive: true, force: true });
});

async function verifiedResident(): Promise<Agent> {
  const agent = new Agent(city.app);
  await agent.get('/sign-in');
  await agent.post('/sign-in', { email: 'hanako@example.jp', password: 'kawasaki-demo-2026' });
  const page = await agent.get('/account/jpki');
  const challenge = /data-jpki-challenge>([^<]+)</.exec(page.body)![1]!;
  const signature = Buffer.from(await signCms(card.signing, new TextEncoder().encode(challenge))).toString('base64');
  assert.equal((await agent.post('/account/jpki', { signature })).statusCode, 303);
  return agent;
}

test('児童手当: refused unsigned, signed over other content or by another card; received when signed over these answers', async () => {
  const agent = await verifiedResident();
  const p = (await getProcedure(city.city.deps, { tenantId: 'kawasaki', code: 'jido-teate' }))!;
  assert.ok(p.jpkiSignature);
  await agent.get('/apply/jido-teate');
  const started = await agent.post('/apply/jido-teate', {});
  const id = /\/applications\/([0-9a-f-]{36})\//.exec(started.headers.location as string)![1]!;
  const answers = sampleAnswers['jido-teate']!;
  const fileFields = p.form!.steps.flatMap((s) => s.fields).filter((f) => fileWidget(p.form!.schema, f));
  assert.ok(fileFields.length > 0, 'this procedure asks for an attachment');
  for (const step of p.form!.steps) {
    await agent.get(`/applications/${id}/steps/${step.id}`);
    const files = step.fields
      .filter((f) => fileFields.includes(f) && answers[f] !== undefined)
      .map((f) => ({ name: f, filename: `${f}.pdf`, type: 'application/pdf', data: pdf }));
    const fields = formFields(
      answers,
      step.fields.filter((f) => !fileFields.includes(f)),
    );
    const url = `/applications/${id}/steps/${step.id}`;
    const posted = files.length > 0 ? await agent.postMultipart(url, fields, files) : await agent.post(url, fields);
    assert.equal(posted.statusCode, 303, /error-summary__list">[\s\S]*?<\/ul>/.exec(posted.body)?.[0]);
  }
  const check = await agent.get(`/applications/${id}/check`);
  const content = /id="sign-content">([^<]+)</.exec(check.body)![1]!.replaceAll('&amp;', '&');
  assert.match(content, new RegExp(`^申請:${id}:[0-9a-f]{64}$`));

  const unsigned = await agent.post(`/applications/${id}/submit`, {});
  assert.equal(unsigned.statusCode, 403);
  assert.match(unsigned.body, /署名を貼り付けてください/);
  const sign = async (c: DemoCard, text: string) =>
    Buffer.from(await signCms(c.signing, new TextEncoder().encode(text))).toString('base64');
  await agent.get(`/applications/${id}/check`);
  const otherContent = await agent.post(`/applications/${id}/submit`, { signature: await sign(card, `${content}x`) });
  assert.equal(otherContent.statusCode, 400);
  assert.match(otherContent.body, /申請内容と違います/);
  await agent.get(`/applications/${id}/check`);
  const otherCard = await agent.post(`/applications/${id}/submit`, { signature: await sign(stranger, content) });
  assert.equal(otherCard.statusCode, 400);
  assert.match(otherCard.body, /一致しません/);
  const stored = await city.database.ownerDb
    .selectFrom('applications')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(stored.status, 'draft', 'nothing was submitted by the refused attempts');

  await agent.get(`/applications/${id}/check`);
  const signed = await agent.post(`/applications/${id}/submit`, { signature: await sign(card, content) });
  assert.equal(signed.statusCode, 303, signed.body.slice(0, 300));
  const row = await city.database.ownerDb
    .selectFrom('applications')
    .select(['status', 'jpki_signature', 'secret_answers', 'answers'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(row.status, 'submitted');
  assert.ok((row.jpki_signature as { serialNumber: string }).serialNumber);
  // The claimant's My Number rests encrypted; the answers keep only the mask.
  assert.ok(row.secret_answers);
  assert.doesNotMatch(JSON.stringify(row.answers), /\d{12}/);
});

test('counter staff enter a paper application (channel counter); the online-application rate counts both', async () => {
  const resident = new Agent(city.app);
  await resident.get('/sign-in');
  await resident.post('/sign-in', { email: 'taro@example.jp', password: 'kawasaki-demo-2026' });
  const before = (await resident.json('GET', '/api/v1/kpi/online-application-rate')).json();
  const online = await resident.json(
    'POST',
    '/api/v1/applications',
    { procedureCode: 'sodai-gomi', answers: sampleAnswers['sodai-gomi']! },
    { 'idempotency-key': 'channel-online-0000000001' },
  );
  assert.equal(online.statusCode, 201, online.body);
  const refused = await resident.json(
    'POST',
    '/api/v1/applications',
    { procedureCode: 'sodai-gomi', answers: sampleAnswers['sodai-gomi']!, channel: 'counter' },
    { 'idempotency-key': 'channel-counter-000000001' },
  );
  assert.equal(refused.statusCode, 403, 'only staff register counter applications');
  const staff = await staffSignIn(city.app, 'counter@kawasaki.example');
  const counter = await staff.json(
    'POST',
    '/api/v1/applications',
    { procedureCode: 'sodai-gomi', answers: sampleAnswers['sodai-gomi']!, channel: 'counter' },
    { 'idempotency-key': 'channel-counter-000000002' },
  );
  assert.equal(counter.statusCode, 201, counter.body);
  assert.equal(counter.json().channel, 'counter');
  const afterKpi = (await resident.json('GET', '/api/v1/kpi/online-application-rate')).json();
  assert.equal(afterKpi.online, before.online + 1);
  assert.equal(afterKpi.total, before.total + 2);
  assert.equal(afterKpi.target, 0.4);
});

test('a business system reads and exports its department’s cases with a scoped token', async () => {
  const resident = new Agent(city.app);
  await resident.get('/sign-in');
  await resident.post('/sign-in', { email: 'taro@example.jp', password: 'kawasaki-demo-2026' });
  const made = await resident.json(
    'POST',
    '/api/v1/applications',
    { procedureCode: 'sodai-gomi', answers: sampleAnswers['sodai-gomi']! },
    { 'idempotency-key': 'export-case-00000000001' },
  );
  const receipt = made.json().receiptNumber as string;
  const actor = { accountId: 'test-admin' };
  const { token } = await createSystemToken(city.city.deps, {
    tenantId: 'kawasaki',
    actor,
    name: '粗大ごみ受付システム',
    department: 'kankyo',
    scopes: ['cases:read', 'cases:export'],
  });
  const { token: otherDepartment } = await createSystemToken(city.city.deps, {
    tenantId: 'kawasaki',
    actor,
    name: '区民課システム',
    department: 'ward-141313.kumin',
    scopes: ['cases:read'],
  });
  const auth = (t: string) => ({ authorization: `Bearer ${t}` });
  const list = await city.app.inject({ method: 'GET', url: '/api/v1/cases?status=submitted', headers: auth(token) });
  assert.equal(list.statusCode, 200);
  assert.ok(list.json().cases.some((c: { receiptNumber: string }) => c.receiptNumber === receipt));
  const elsewhere = await city.app.inject({ method: 'GET', url: '/api/v1/cases', headers: auth(otherDepartment) });
  assert.equal(
    elsewhere.json().cases.some((c: { receiptNumber: string }) => c.receiptNumber === receipt),
    false,
  );
  const noScope = await city.app.inject({
    method: 'GET',
    url: '/api/v1/cases/export.csv',
    headers: auth(otherDepartment),
  });
  assert.equal(noScope.statusCode, 403);
  const none = await city.app.inject({ method: 'GET', url: '/api/v1/cases' });
  assert.equal(none.statusCode, 401);

  const utf8 = await city.app.inject({ method: 'GET', url: '/api/v1/cases/export.csv', headers: auth(token) });
  assert.deepEqual([...utf8.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM for Excel');
  assert.match(utf8.rawPayload.toString('utf8'), new RegExp(`${receipt},sodai-gomi,粗大ごみ`));
  const sjis = await city.app.inject({
    method: 'GET',
    url: '/api/v1/cases/export.csv?encoding=shift_jis',
    headers: auth(token),
  });
  assert.match(String(sjis.headers['content-type']), /Shift_JIS/);
  const text = iconv.decode(sjis.rawPayload, 'cp932');
  assert.match(text, /^受付番号,手続コード,手続名/);
  assert.match(text, new RegExp(receipt));
});
