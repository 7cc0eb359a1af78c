// Applying and deciding over HTTP on a real database: a resident fills a procedure step by step, submits
// (twice, as a double click would), staff review, request a correction, the resident corrects only what
// was asked, staff approve and the document is issued; the JSON API's idempotency; bad input.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { Agent } from '../../../../test/helpers/agent.ts';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { formFields } from '../../../../test/helpers/forms.ts';
import { pdfText } from '../../../../test/helpers/pdf-text.ts';
import { staffSignIn } from '../../../../test/helpers/staff.ts';
import { sampleAnswers, sampleInternal } from '../../procedures/full/samples.ts';
import { getProcedure } from '../../procedures/index.ts';

let city: TestCityHall;

before(async () => {
  city = await startTestCityHall({ demoResidents: 50, env: { NETWORK_ZONES: 'lgwan=10.0.0.0/8' } });
});
after(async () => {
  await city?.close();
});

async function resident(email = 'hanako@example.jp'): Promise<Agent> {
  const agent = new Agent(city.app);
  await agent.get('/sign-in');
  const signedIn = await agent.post('/sign-in', { email, password: 'kawasaki-demo-2026' });
  assert.equal(signedIn.statusCode, 303);
  return agent;
}

async function procedure(code: string) {
  return (await getProcedure(city.city.deps, { tenantId: 'kawasaki', code }))!;
}

/** Starts the procedure and fills every step with the sample answers; returns the application id. */
async function fillIn(agent: Agent, code: string, answers = sampleAnswers[code]!): Promise<string> {
  const p = await procedure(code);
  const start = await agent.get(`/apply/${code}`);
  assert.equal(start.statusCode, 200, start.body.slice(0, 500));
  const started = await agent.post(`/apply/${code}`, {});
  assert.equal(started.statusCode, 303);
  const id = /\/applications\/([0-9a-f-]{36})\//.exec(started.headers.location as string)![1]!;
  for (const step of p.form!.steps) {
    await agent.get(`/applications/${id}/steps/${step.id}`);
    const posted = await agent.post(`/applications/${id}/steps/${step.id}`, formFields(answers, step.fields));
    assert.equal(
      posted.statusCode,
      303,
      `${step.id}: ${/<ul class="error-summary__list">[\s\S]*?<\/ul>/.exec(posted.body)?.[0]}`,
    );
  }
  return id;
}

async function count(table: string, where: [string, string]) {
  const row = await city.database.ownerDb
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(where[0], '=', where[1])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

test('a resident applies step by step, submits twice and gets one application with one receipt number', async () => {
  const agent = await resident();
  const id = await fillIn(agent, 'sodai-gomi');
  const check = await agent.get(`/applications/${id}/check`);
  assert.equal(check.statusCode, 200);
  assert.match(check.body, /申請内容の確認/);
  assert.match(check.body, /ソファ|sofa/);
  const first = await agent.post(`/applications/${id}/submit`, {});
  const second = await agent.post(`/applications/${id}/submit`, {});
  assert.equal(first.statusCode, 303);
  assert.equal(second.statusCode, 303);
  assert.equal(first.headers.location, second.headers.location);
  const receipt = await agent.get(first.headers.location as string);
  const number = /id="receipt-number">([^<]+)</.exec(receipt.body)![1]!;
  assert.match(number, /^\d{4}-\d{6}-\d$/);
  assert.equal(await count('applications', ['receipt_number', number]), 1);
  assert.equal(await count('application_history', ['application_id', id]), 1);
  const events = await city.database.ownerDb
    .selectFrom('domain_events')
    .select('type')
    .where('subject_id', '=', id)
    .execute();
  assert.deepEqual(
    events.map((e) => e.type),
    ['application.submitted'],
  );
  const mine = await agent.get('/my/applications');
  assert.match(mine.body, new RegExp(number));
});

test('invalid answers come back with a linked error summary and nothing typed is lost', async () => {
  const agent = await resident();
  const p = await procedure('inu-toroku');
  await agent.post('/apply/inu-toroku', {}).catch(() => undefined);
  await agent.get('/apply/inu-toroku');
  const started = await agent.post('/apply/inu-toroku', {});
  const id = /\/applications\/([0-9a-f-]{36})\//.exec(started.headers.location as string)![1]!;
  const step = p.form!.steps[0]!;
  await agent.get(`/applications/${id}/steps/${step.id}`);
  const fields = formFields(sampleAnswers['inu-toroku']!, step.fields);
  const broken = { ...fields, phone: 'でんわ', 'owner.familyNameKana': 'Kawasaki' };
  const response = await agent.post(`/applications/${id}/steps/${step.id}`, broken);
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /class="error-summary"/);
  assert.match(response.body, /href="#f-phone"/);
  assert.match(response.body, /href="#f-owner-familyNameKana"/);
  assert.match(response.body, /value="でんわ"/, 'what was typed is shown again');
  const stored = await city.database.ownerDb
    .selectFrom('applications')
    .select('answers')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal((stored.answers as Record<string, unknown>).phone, 'でんわ');
});

test('staff review, ask for a correction, the resident corrects only that, staff approve and the document is issued', async () => {
  const agent = await resident();
  const id = await fillIn(agent, 'sodai-gomi');
  await agent.get(`/applications/${id}/check`);
  await agent.post(`/applications/${id}/submit`, {});

  const staff = await staffSignIn(city.app, 'reviewer@kawasaki.example');
  const inbox = await staff.get('/staff/cases');
  assert.equal(inbox.statusCode, 200, /<main[\s\S]*<\/main>/.exec(inbox.body)?.[0]);
  assert.match(inbox.body, new RegExp(`/staff/cases/${id}`));
  const counter = await staffSignIn(city.app, 'counter@kawasaki.example');
  assert.equal((await counter.get(`/staff/cases/${id}`)).statusCode, 404, 'another department sees nothing');

  await staff.get(`/staff/cases/${id}`);
  assert.equal((await staff.post(`/staff/cases/${id}/move`, { move: 'start_review' })).statusCode, 303);
  await staff.get(`/staff/cases/${id}`);
  const asked = await staff.post(`/staff/cases/${id}/correction`, {
    'fix.placement': '出す場所を、道路から見える位置で具体的に書いてください。',
    message: '収集場所の補正をお願いします。',
  });
  assert.equal(asked.statusCode, 303);

  const status = await agent.get(`/applications/${id}`);
  assert.match(status.body, /補正のお願い/);
  assert.match(status.body, /道路から見える位置/);
  const p = await procedure('sodai-gomi');
  const stepOf = p.form!.steps.find((s) => s.fields.includes('placement'))!;
  const page = await agent.get(`/applications/${id}/steps/${stepOf.id}`);
  assert.match(page.body, /name="placement"/);
  assert.doesNotMatch(page.body, /name="phone"/, 'only the marked fields are offered');
  const corrected = await agent.post(`/applications/${id}/steps/${stepOf.id}`, {
    placement: 'マンション前の道路沿い、植え込みの横',
    phone: '000',
  });
  assert.equal(corrected.statusCode, 303);
  await agent.get(`/applications/${id}`);
  assert.equal((await agent.post(`/applications/${id}/resubmit`, {})).statusCode, 303);
  const after = await city.database.ownerDb
    .selectFrom('applications')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(after.status, 'resubmitted');
  assert.equal((after.answers as Record<string, unknown>).placement, 'マンション前の道路沿い、植え込みの横');
  assert.equal(
    (after.answers as Record<string, unknown>).phone,
    sampleAnswers['sodai-gomi']!.phone,
    'unmarked fields did not change',
  );

  await staff.get(`/staff/cases/${id}`);
  const missing = await staff.post(`/staff/cases/${id}/move`, { move: 'approve' });
  assert.equal(missing.statusCode, 400, 'the document fields are needed to approve');
  const internal = Object.fromEntries(
    Object.entries(sampleInternal['sodai-gomi'] ?? {}).map(([k, v]) => [`internal.${k}`, String(v)]),
  );
  const approved = await staff.post(`/staff/cases/${id}/move`, { move: 'approve', ...internal });
  assert.equal(approved.statusCode, 303, /error-summary[\s\S]*?<\/ul>/.exec(approved.body)?.[0]);
  // The document is made by a job after the approval commits; the case becomes 交付済み when it is.
  let issued: { status: string; document_id: string | null } | undefined;
  for (let i = 0; i < 300 && issued?.status !== 'issued'; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 100));
    issued = await city.database.ownerDb
      .selectFrom('applications')
      .select(['status', 'document_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }
  assert.equal(issued?.status, 'issued');
  assert.ok(issued?.document_id);
  const final = await agent.get(`/applications/${id}`);
  const href = /href="(\/documents\/[^"]+)"/.exec(final.body)![1]!;
  const pdf = await agent.get(href);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  // The fields staff filled at approval are on the document.
  const text = (await pdfText(pdf.rawPayload)).join('');
  for (const value of Object.values(sampleInternal['sodai-gomi'] ?? {})) {
    assert.ok(text.includes(String(value).replace(/\s/g, '')) || text.includes(String(value)), `${value} on the PDF`);
  }
  const history = await city.database.ownerDb
    .selectFrom('application_history')
    .select('to_status')
    .where('application_id', '=', id)
    .orderBy('id')
    .execute();
  assert.deepEqual(
    history.map((h) => h.to_status),
    ['submitted', 'in_review', 'correction_requested', 'resubmitted', 'approved', 'issued'],
  );
});

test('the JSON API: one application per idempotency key; a reused key with other content is refused', async () => {
  const agent = await resident();
  const body = { procedureCode: 'sodai-gomi', answers: sampleAnswers['sodai-gomi']! };
  const key = 'test-key-0123456789abcdef';
  const first = await agent.json('POST', '/api/v1/applications', body, { 'idempotency-key': key });
  assert.equal(first.statusCode, 201, first.body);
  const again = await agent.json('POST', '/api/v1/applications', body, { 'idempotency-key': key });
  assert.equal(again.statusCode, 200);
  assert.equal(again.json().id, first.json().id);
  assert.equal(again.json().receiptNumber, first.json().receiptNumber);
  const other = await agent.json(
    'POST',
    '/api/v1/applications',
    { ...body, answers: { ...body.answers, placement: '別の場所' } },
    { 'idempotency-key': key },
  );
  assert.equal(other.statusCode, 409);
  assert.equal(other.headers['content-type'], 'application/problem+json; charset=utf-8');
  const forged = await agent.json('POST', '/api/v1/applications', body, { 'idempotency-key': 'short' });
  assert.equal(forged.statusCode, 400);
  const wrong = await agent.json(
    'POST',
    '/api/v1/applications',
    { ...body, answers: { ...body.answers, items: 'sofa', extra: 1 } },
    { 'idempotency-key': 'test-key-fedcba9876543210' },
  );
  assert.equal(wrong.statusCode, 400);
  const fields = wrong.json().errors.map((e: { field: string }) => e.field);
  assert.ok(fields.includes('extra'), JSON.stringify(fields));
  assert.equal(await count('applications', ['idempotency_key', 'test-key-fedcba9876543210']), 0);
});

test('the inbox: overdue cases are marked and filtered, bulk actions assign and start review, every action is audited', async () => {
  const agent = await resident('taro@example.jp');
  const ids: string[] = [];
  for (const n of [1, 2]) {
    const made = await agent.json(
      'POST',
      '/api/v1/applications',
      { procedureCode: 'sodai-gomi', answers: sampleAnswers['sodai-gomi']! },
      { 'idempotency-key': `inbox-test-000000000${n}` },
    );
    ids.push(made.json().id);
  }
  // The first is past its due date (標準処理期間).
  await city.database.ownerDb
    .updateTable('applications')
    .set({ due_date: '2020-04-01' })
    .where('id', '=', ids[0]!)
    .execute();
  const staff = await staffSignIn(city.app, 'reviewer@kawasaki.example');
  const overdue = await staff.get('/staff/cases?overdue=1');
  assert.equal(overdue.statusCode, 200);
  assert.match(overdue.body, new RegExp(`/staff/cases/${ids[0]}`));
  assert.doesNotMatch(overdue.body, new RegExp(`/staff/cases/${ids[1]}`));
  assert.match(overdue.body, /status-tag--overdue">期限超過</);

  await staff.get('/staff/cases?assigned=none');
  const bulk = await staff.post('/staff/cases/bulk', { ids: ids, action: 'start_review' });
  assert.equal(bulk.statusCode, 303);
  assert.equal(bulk.headers.location, '/staff/cases?notice=2');
  const rows = await city.database.ownerDb
    .selectFrom('applications')
    .select(['status', 'assigned_to'])
    .where('id', 'in', ids)
    .execute();
  assert.deepEqual(
    rows.map((r) => r.status),
    ['in_review', 'in_review'],
  );
  assert.ok(
    rows.every((r) => r.assigned_to !== null),
    'starting review assigns the case',
  );
  const mine = await staff.get('/staff/cases?assigned=me&status=in_review');
  for (const id of ids) assert.match(mine.body, new RegExp(`/staff/cases/${id}`));

  const audit = await city.database.ownerDb
    .selectFrom('audit_log')
    .select(['action', 'decision'])
    .where('resource_id', 'in', ids)
    .execute();
  const actions = audit.map((a) => a.action);
  assert.ok(actions.includes('application.submit'));
  assert.equal(actions.filter((a) => a === 'case.start_review').length >= 2, true, actions.join(', '));
});

test('the postal code fills the address without JavaScript; attachments are checked for type, content and size, then stored with their checksum', async () => {
  const agent = await resident();
  await agent.get('/apply/sodai-gomi');
  const started = await agent.post('/apply/sodai-gomi', {});
  const id = /\/applications\/([0-9a-f-]{36})\//.exec(started.headers.location as string)![1]!;
  await agent.get(`/applications/${id}/steps/where`);
  const looked = await agent.post(`/applications/${id}/steps/where`, {
    'collectionAddress.postalCode': '210-0007',
    'collectionAddress.address': '',
    _action: 'lookup:collectionAddress',
  });
  assert.equal(looked.statusCode, 200);
  assert.match(looked.body, /name="collectionAddress\.address"[^>]*value="神奈川県川崎市川崎区駅前本町"/);
  assert.match(looked.body, /name="collectionAddress\.postalCode"[^>]*value="2100007"/);

  // 児童手当's children step asks for 別居監護申立書 (PDF, JPEG or PNG, up to 5 MB).
  await agent.get('/apply/jido-teate');
  const draft = await agent.post('/apply/jido-teate', {});
  const jido = /\/applications\/([0-9a-f-]{36})\//.exec(draft.headers.location as string)![1]!;
  const url = `/applications/${jido}/steps/children`;
  const tryFile = async (file: { filename: string; type: string; data: Buffer }) => {
    await agent.get(url);
    return agent.postMultipart(url, { _action: 'save' }, [{ name: 'separateCustody', ...file }]);
  };
  const pdf = Buffer.from('%PDF-1.4\n% synthetic\n%%EOF\n');
  const text = await tryFile({ filename: 'memo.txt', type: 'text/plain', data: Buffer.from('hello') });
  assert.equal(text.statusCode, 400);
  assert.match(text.body, /PDF・JPEG・PNG のファイルを選んでください/);
  const disguised = await tryFile({
    filename: 'scan.pdf',
    type: 'application/pdf',
    data: Buffer.from('MZ\x90\x00 not a pdf'),
  });
  assert.equal(disguised.statusCode, 400);
  assert.match(disguised.body, /href="#f-separateCustody"/);
  const big = await tryFile({
    filename: 'big.pdf',
    type: 'application/pdf',
    data: Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)]),
  });
  assert.equal(big.statusCode, 400);
  assert.match(big.body, /5MB 以下/);
  const count = async () =>
    (
      await city.database.ownerDb
        .selectFrom('application_attachments')
        .selectAll()
        .where('application_id', '=', jido)
        .execute()
    ).length;
  assert.equal(await count(), 0, 'nothing refused was stored');
  const good = await tryFile({ filename: '別居監護申立書.pdf', type: 'application/pdf', data: pdf });
  assert.equal(good.statusCode, 303);
  const stored = await city.database.ownerDb
    .selectFrom('application_attachments')
    .selectAll()
    .where('application_id', '=', jido)
    .executeTakeFirstOrThrow();
  assert.equal(stored.filename, '別居監護申立書.pdf');
  assert.equal(stored.bytes, pdf.length);
  assert.equal(stored.sha256, createHash('sha256').update(pdf).digest('hex'));
  const page = await agent.get(url);
  assert.match(page.body, /添付済み：別居監護申立書\.pdf/);
});
