// The whole life of a consultation over HTTP, as staff and residents meet it: draft → documents → open →
// opinions from the web form, the API and paper → period over → analysis → publication refused while
// anything is unfinished or personal → published result in HTML, CSV, JSON and PDF that agree.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { Agent } from '../../../../test/helpers/agent.ts';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { staffSignIn } from '../../../../test/helpers/staff.ts';
import { addTenants } from '../../../../test/helpers/tenants.ts';
import { issueFormToken } from '../../../platform/forms/form-token.ts';
import { japanToday } from '../model.ts';

let city: TestCityHall;
let owner: Kysely<any>;
let planner: Agent;
let consultationId = '';
let number = 0;

const minimalPdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/** A form token shown 5 seconds ago: a person who read the page before writing. */
function readToken(id: string): string {
  return issueFormToken(city.city.deps.secrets.derive('public-comment.form'), id, Date.now() - 5000);
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

before(async () => {
  city = await startTestCityHall({ env: { NETWORK_ZONES: 'lgwan=10.0.0.0/8' }, demoResidents: 20 });
  owner = new Kysely({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: city.database.ownerUrl, max: 2 }) }),
  });
  // A second city, added before the first request so the tenant directory reads it on its first load.
  await addTenants(owner, 'yokohama');
  planner = await staffSignIn(city.app, 'planner@kawasaki.example');
});

after(async () => {
  await owner?.destroy();
  await city?.close();
});

test('staff draft a consultation: every missing field is named, then the draft is made with a 30-day period', async () => {
  await planner.get('/staff/public-comments/new');
  const bad = await planner.post('/staff/public-comments', {
    title: '',
    subject: '',
    opensOn: '2026-02-30',
    methods: [],
    topics: 'ア',
  });
  assert.equal(bad.statusCode, 400);
  for (const text of [
    '件名を入力してください',
    '意見を募集する案を入力してください',
    '存在しない日付',
    '提出方法を1つ以上',
    '「記号 項目名」',
  ]) {
    assert.ok(bad.body.includes(text), text);
  }
  assert.match(bad.body, /href="#outline-title"/, 'the error summary links to the field');

  const today = japanToday();
  const made = await planner.post('/staff/public-comments', {
    title: '川崎市テスト計画（案）',
    subject: '「川崎市テスト計画」の案',
    summary: 'テスト用の計画案です。',
    opensOn: today,
    closesOn: '',
    methods: ['web', 'post'],
    announcements: '市政だより\n市ホームページ',
    sendTo: '〒210-0000 川崎市川崎区テスト町1-1',
    topics: 'ア 計画の方向性に関すること\nイ その他',
  });
  assert.equal(made.statusCode, 303);
  consultationId = /\/staff\/public-comments\/([0-9a-f-]{36})$/.exec(made.headers.location as string)![1]!;
  const page = await planner.get(`/staff/public-comments/${consultationId}`);
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes(`value="${addDays(today, 29)}"`), 'closes 30 days later, counted inclusive');
  number = Number(
    (
      await owner
        .selectFrom('pc_consultations')
        .select('number')
        .where('id', '=', consultationId)
        .executeTakeFirstOrThrow()
    ).number,
  );
  // A draft is not public.
  assert.equal((await new Agent(city.app).get(`/public-comments/${number}`)).statusCode, 404);
});

test('opening needs a document; a file that is not a PDF is refused by its content', async () => {
  const refused = await planner.post(`/staff/public-comments/${consultationId}/open`, {});
  assert.equal(refused.statusCode, 400);
  assert.ok(refused.body.includes('資料（PDF または HTML）を1つ以上'));

  await planner.get(`/staff/public-comments/${consultationId}`);
  const fake = await planner.postMultipart(
    `/staff/public-comments/${consultationId}/documents`,
    { documentTitle: '計画案' },
    [{ name: 'documentFile', filename: 'plan.pdf', type: 'application/pdf', data: Buffer.from('not a pdf') }],
  );
  assert.equal(fake.statusCode, 400);
  assert.ok(fake.body.includes('PDF ファイルではありません'));

  await planner.get(`/staff/public-comments/${consultationId}`);
  const ok = await planner.postMultipart(
    `/staff/public-comments/${consultationId}/documents`,
    { documentTitle: '計画案（本文）' },
    [{ name: 'documentFile', filename: 'plan.pdf', type: 'application/pdf', data: minimalPdf }],
  );
  assert.equal(ok.statusCode, 303);
  await planner.get(`/staff/public-comments/${consultationId}`);
  assert.equal((await planner.post(`/staff/public-comments/${consultationId}/open`, {})).statusCode, 303);
  // Opening again (a double click) changes nothing.
  await planner.get(`/staff/public-comments/${consultationId}`);
  assert.equal((await planner.post(`/staff/public-comments/${consultationId}/open`, {})).statusCode, 303);
  const events = await owner
    .selectFrom('domain_events')
    .select('id')
    .where('type', '=', 'public_comment.opened')
    .where('subject_id', '=', consultationId)
    .execute();
  assert.equal(events.length, 1, 'one opened event');

  const list = await new Agent(city.app).get('/public-comments');
  assert.match(list.body, new RegExp(`data-consultation="${number}"[^]*?data-phase="open"`));
  const doc = await new Agent(city.app).get(`/public-comments/${number}`);
  const href = /href="(\/public-comments\/\d+\/documents\/[0-9a-f-]{36})"/.exec(doc.body)![1]!;
  const file = await new Agent(city.app).get(href);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');
  assert.ok(file.rawPayload.equals(minimalPdf));
});

test('a resident sends an opinion without an account; fast, empty, huge, broken, trapped and repeated sends are handled', async () => {
  const resident = new Agent(city.app);
  resident.remoteAddress = '203.0.113.7';
  const page = await resident.get(`/public-comments/${number}`);
  assert.match(page.body, /<textarea[^>]*name="body"/);
  const shownToken = /name="formToken" value="([^"]+)"/.exec(page.body)![1]!;

  const fast = await resident.post(`/public-comments/${number}`, { formToken: shownToken, body: '意見です' });
  assert.equal(fast.statusCode, 400);
  assert.ok(fast.body.includes('送信が早すぎた'), 'told to send again, no puzzle');

  const token = readToken(consultationId);
  const empty = await resident.post(`/public-comments/${number}`, { formToken: token, body: '   ' });
  assert.equal(empty.statusCode, 400);
  assert.ok(empty.body.includes('御意見を入力してください'));
  const huge = await resident.post(`/public-comments/${number}`, { formToken: token, body: 'あ'.repeat(20001) });
  assert.equal(huge.statusCode, 400);
  assert.ok(huge.body.includes('20,000文字以内'));
  const broken = await resident.post(`/public-comments/${number}`, { formToken: token, body: '意見\u0007です' });
  assert.equal(broken.statusCode, 400);
  assert.ok(broken.body.includes('使えない文字'));
  const trapped = await resident.post(`/public-comments/${number}`, {
    formToken: token,
    body: '意見です',
    website: 'http://spam.example',
  });
  assert.equal(trapped.statusCode, 400);
  const stored = async () =>
    Number(
      (
        await owner
          .selectFrom('pc_submissions')
          .select(sql<number>`count(*)`.as('n'))
          .where('consultation_id', '=', consultationId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  assert.equal(await stored(), 0, 'nothing refused was stored');

  const body =
    '計画の方向性には賛成です。手続のオンライン化を急いでください。\n\n高齢者向けのスマホ教室も続けてください。';
  const sent = await resident.post(`/public-comments/${number}`, {
    formToken: token,
    body,
    name: '試験 花子',
    contact: 'hanako@example.jp',
  });
  assert.equal(sent.statusCode, 303);
  assert.match(sent.headers.location as string, new RegExp(`/public-comments/${number}/received\\?r=${number}-0001$`));
  const receipt = await resident.get(sent.headers.location as string);
  assert.ok(receipt.body.includes(`${number}-0001`));

  // The same form sent again (back button, double click), and the same text in a new form: one submission.
  await resident.get(`/public-comments/${number}`);
  const again = await resident.post(`/public-comments/${number}`, { formToken: token, body });
  assert.match(again.headers.location as string, /r=\d+-0001&repeated=1$/);
  const retyped = await resident.post(`/public-comments/${number}`, {
    formToken: readToken(consultationId),
    body: body.replace(/\n/g, ' '),
  });
  assert.match(retyped.headers.location as string, /r=\d+-0001&repeated=1$/);
  assert.equal(await stored(), 1);

  // Someone else sending the same text is a second submission, flagged as a duplicate for staff.
  const neighbour = new Agent(city.app);
  neighbour.remoteAddress = '198.51.100.9';
  await neighbour.get(`/public-comments/${number}`);
  const copy = await neighbour.post(`/public-comments/${number}`, { formToken: readToken(consultationId), body });
  assert.match(copy.headers.location as string, /r=\d+-0002$/);
  const flagged = await owner
    .selectFrom('pc_submissions')
    .select('duplicate_of')
    .where('consultation_id', '=', consultationId)
    .where('seq', '=', 2)
    .executeTakeFirstOrThrow();
  assert.ok(flagged.duplicate_of);
});

test('the API takes an opinion with an Idempotency-Key: a retry gets the first receipt, other content with the key is a 409', async () => {
  const send = (key: string, body: string) =>
    city.app.inject({
      method: 'POST',
      url: `/api/v1/public-comments/${number}/opinions`,
      headers: { 'idempotency-key': key, 'content-type': 'application/json' },
      remoteAddress: '192.0.2.44',
      payload: { body },
    });
  const first = await send('retry-key-0001', 'シェアサイクルのポートを駅前に増やしてください。');
  assert.equal(first.statusCode, 201);
  const retry = await send('retry-key-0001', 'シェアサイクルのポートを駅前に増やしてください。');
  assert.equal(retry.statusCode, 200);
  assert.deepEqual(retry.json(), { receiptNumber: first.json().receiptNumber, repeated: true });
  const other = await send('retry-key-0001', '別の内容です。');
  assert.equal(other.statusCode, 409);
  assert.match(other.headers['content-type'] as string, /application\/problem\+json/);
  const empty = await send('retry-key-0002', '');
  assert.equal(empty.statusCode, 400);
  assert.equal(empty.json().errors[0].field, 'body');
});

test('staff register a letter: outside the period is refused, a double click registers once', async () => {
  await planner.get(`/staff/public-comments/${consultationId}/submissions`);
  const early = await planner.postMultipart(
    `/staff/public-comments/${consultationId}/submissions`,
    { channel: 'post', receivedOn: '2020-01-01', body: '郵送の意見です。', idempotencyKey: 'letter-000001' },
    [],
  );
  assert.equal(early.statusCode, 400);
  assert.ok(early.body.includes('募集期間'));
  for (let i = 0; i < 2; i++) {
    await planner.get(`/staff/public-comments/${consultationId}/submissions`);
    const done = await planner.postMultipart(
      `/staff/public-comments/${consultationId}/submissions`,
      {
        channel: 'post',
        receivedOn: japanToday(),
        body: '自転車の駐輪場が足りません。駅の近くに増やしてください。',
        name: '郵便 太郎',
        idempotencyKey: 'letter-000002',
      },
      [{ name: 'scan', filename: 'letter.pdf', type: 'application/pdf', data: minimalPdf }],
    );
    assert.equal(done.statusCode, 303);
  }
  const letters = await owner
    .selectFrom('pc_submissions')
    .select(['seq', 'scan_file_key'])
    .where('consultation_id', '=', consultationId)
    .where('channel', '=', 'post')
    .execute();
  assert.equal(letters.length, 1);
  assert.ok(letters[0]!.scan_file_key);
});

test('another department cannot see the consultation (404), and analysis cannot start during the period', async () => {
  const other = await staffSignIn(city.app, 'caseworker@kawasaki.example');
  assert.equal((await other.get(`/staff/public-comments/${consultationId}`)).statusCode, 404);
  await planner.get(`/staff/public-comments/${consultationId}`);
  const early = await planner.post(`/staff/public-comments/${consultationId}/start-analysis`, {});
  assert.equal(early.statusCode, 409);
  assert.ok(early.body.includes('募集期間中'));
});

test('after the period: the form is closed, analysis, publication refused until complete and free of personal data, then published', async () => {
  // Time passes: the period is moved into the past.
  await owner
    .updateTable('pc_consultations')
    .set({ opens_on: addDays(japanToday(), -40), closes_on: addDays(japanToday(), -10) })
    .where('id', '=', consultationId)
    .execute();
  await owner
    .updateTable('pc_submissions')
    .set({ received_on: addDays(japanToday(), -20) })
    .where('consultation_id', '=', consultationId)
    .execute();
  const late = await city.app.inject({
    method: 'POST',
    url: `/api/v1/public-comments/${number}/opinions`,
    headers: { 'content-type': 'application/json' },
    payload: { body: '遅れた意見' },
  });
  assert.equal(late.statusCode, 409);
  assert.ok(late.json().detail.includes('終了しました'));
  const closedPage = await new Agent(city.app).get(`/public-comments/${number}`);
  assert.doesNotMatch(closedPage.body, /name="formToken"/);

  await planner.get(`/staff/public-comments/${consultationId}`);
  assert.equal((await planner.post(`/staff/public-comments/${consultationId}/start-analysis`, {})).statusCode, 303);

  const submissions = await owner
    .selectFrom('pc_submissions')
    .select(['id', 'seq', 'body'])
    .where('consultation_id', '=', consultationId)
    .orderBy('seq')
    .execute();
  // Split the first (two paragraphs → two opinions), twice: the second press adds nothing.
  for (let i = 0; i < 2; i++) {
    await planner.get(`/staff/public-comments/${consultationId}/submissions`);
    assert.equal(
      (await planner.post(`/staff/public-comments/${consultationId}/submissions/${submissions[0]!.id}/split`, {}))
        .statusCode,
      303,
    );
  }
  const split = await owner
    .selectFrom('pc_opinions')
    .select(['id', 'summary', 'topic_confirmed'])
    .where('submission_id', '=', submissions[0]!.id)
    .orderBy('position')
    .execute();
  assert.equal(split.length, 2);
  assert.ok(split.every((o) => !o.topic_confirmed));

  await planner.get(`/staff/public-comments/${consultationId}/result`);
  await planner.post(`/staff/public-comments/${consultationId}/result-texts`, {
    background: '本市では、テスト計画の案をまとめ、市民の皆様から御意見を募集しました。',
    overview: '計画の方向性への賛成などが寄せられました。',
    changesNote: '',
    schedule: '令和9年3月 計画策定',
  });
  const blocked = await planner.post(`/staff/public-comments/${consultationId}/publish`, {});
  assert.equal(blocked.statusCode, 400);
  assert.ok(blocked.body.includes('まだ意見に分けられていません'));
  assert.ok(blocked.body.includes('対応区分'));

  // Opinion 1: written with the submitter's name in it, which publication must refuse.
  await planner.get(`/staff/public-comments/${consultationId}/submissions`);
  await planner.post(`/staff/public-comments/${consultationId}/opinions/${split[0]!.id}`, {
    topicCode: 'ア',
    summary: '試験 花子さんは、計画の方向性に賛成し、手続のオンライン化を急ぐよう求めている。',
    response: 'オンライン化を進めてまいります。',
    classCode: 'B',
  });
  await planner.post(`/staff/public-comments/${consultationId}/opinions/${split[1]!.id}`, {
    topicCode: 'イ',
    summary: '高齢者向けのスマホ教室を続けてほしい。',
    response: '引き続き開催してまいります。',
    classCode: 'B',
  });
  // The duplicate (seq 2) and the API one are excluded with reasons; the letter becomes one opinion.
  for (const s of submissions.slice(1)) {
    await planner.get(`/staff/public-comments/${consultationId}/submissions`);
    if (s.body.startsWith('自転車')) {
      await planner.post(`/staff/public-comments/${consultationId}/submissions/${s.id}/opinions`, {
        topicCode: 'イ',
        summary: '駅の近くに駐輪場を増やしてほしい。',
        response: '駐輪場の配置を検討してまいります。',
        classCode: 'C',
      });
    } else {
      const bad = await planner.post(`/staff/public-comments/${consultationId}/submissions/${s.id}/exclude`, {
        reason: '',
      });
      assert.equal(bad.statusCode, 400, 'a reason is required');
      await planner.post(`/staff/public-comments/${consultationId}/submissions/${s.id}/exclude`, {
        reason: '重複・案と無関係',
      });
    }
  }
  await planner.get(`/staff/public-comments/${consultationId}/result`);
  const personal = await planner.post(`/staff/public-comments/${consultationId}/publish`, {});
  assert.equal(personal.statusCode, 400);
  assert.ok(personal.body.includes('提出者の氏名'));

  await planner.get(`/staff/public-comments/${consultationId}/submissions`);
  assert.equal(
    (
      await planner.post(`/staff/public-comments/${consultationId}/opinions/${split[0]!.id}/redact`, {
        redact: '試験 花子さん',
      })
    ).statusCode,
    303,
  );
  await planner.get(`/staff/public-comments/${consultationId}/result`);
  const published = await planner.post(`/staff/public-comments/${consultationId}/publish`, {});
  assert.equal(published.statusCode, 303);

  // Frozen: nothing changes after publication.
  await planner.get(`/staff/public-comments/${consultationId}/submissions`);
  const frozen = await planner.post(`/staff/public-comments/${consultationId}/opinions/${split[1]!.id}`, {
    summary: '変更',
    topicCode: 'イ',
    classCode: 'B',
  });
  assert.equal(frozen.statusCode, 409);

  const visitor = new Agent(city.app);
  const result = await visitor.get(`/public-comments/${number}/result`);
  assert.equal(result.statusCode, 200);
  assert.ok(result.body.includes('テスト計画の案に係るパブリックコメントの実施結果について'));
  assert.ok(result.body.includes('〇〇は、計画の方向性に賛成し'));
  assert.doesNotMatch(result.body, /試験 花子|hanako@example\.jp|郵便 太郎/);
  // 2 submissions counted (2 excluded), 3 opinions.
  assert.ok(result.body.includes('2通3件'));

  const json = (await visitor.get(`/public-comments/${number}/result.json`)).json();
  assert.equal(json.submissionCount, 2);
  assert.equal(json.opinionCount, 3);
  const csv = (await visitor.get(`/public-comments/${number}/result.csv`)).rawPayload;
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
  assert.ok(csv.toString('utf8').includes('駅の近くに駐輪場を増やしてほしい。'));
  const pdf = await visitor.get(`/public-comments/${number}/result.pdf`);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');

  const audit = await owner
    .selectFrom('audit_log')
    .select('action')
    .where('resource_id', '=', consultationId)
    .execute();
  const actions = new Set(audit.map((a) => a.action));
  for (const action of [
    'public_comment.consultation.created',
    'public_comment.consultation.opened',
    'public_comment.opinion.redacted',
    'public_comment.result.published',
    'public_comment.submission.excluded',
  ]) {
    assert.ok(actions.has(action), action);
  }
});

test('another city sees none of it: pages, API and result answer 404 on its host', async () => {
  const other = { host: 'yokohama.localhost' };
  for (const url of [
    `/public-comments/${number}`,
    `/public-comments/${number}/result`,
    `/api/v1/public-comments/${number}`,
  ]) {
    const response = await city.app.inject({ method: 'GET', url, headers: other });
    assert.equal(response.statusCode, 404, url);
  }
  const list = await city.app.inject({ method: 'GET', url: '/api/v1/public-comments', headers: other });
  assert.deepEqual(list.json().items, []);
  const sent = await city.app.inject({
    method: 'POST',
    url: `/api/v1/public-comments/${number}/opinions`,
    headers: { ...other, 'content-type': 'application/json' },
    payload: { body: '横浜から' },
  });
  assert.equal(sent.statusCode, 404);
});

test('the DX office sets the city’s response classes; new consultations copy them, existing ones keep theirs', async () => {
  const denied = await planner.get('/staff/public-comments/classes');
  assert.equal(denied.statusCode, 403, 'a case worker cannot change a city-wide setting');
  const dx = await staffSignIn(city.app, 'dx@kawasaki.example');
  const page = await dx.get('/staff/public-comments/classes');
  assert.ok(page.body.includes('A 御意見を踏まえ、当初案に反映したもの'), 'Kawasaki’s A–E by default');
  const bad = await dx.post('/staff/public-comments/classes', { classes: 'A 反映\nA 重複\nx 小文字' });
  assert.equal(bad.statusCode, 400);
  assert.ok(bad.body.includes('重複'));
  assert.ok(bad.body.includes('「記号（A〜Z） 内容」'));
  const saved = await dx.post('/staff/public-comments/classes', {
    classes: 'A 反映したもの\nＢ 参考とするもの\nC その他',
  });
  assert.equal(saved.statusCode, 303);

  await planner.get('/staff/public-comments/new');
  const made = await planner.post('/staff/public-comments', {
    title: '区分テスト',
    subject: '「区分テスト」の案',
    opensOn: japanToday(),
    methods: ['web'],
    topics: 'ア 全般',
  });
  const id = /([0-9a-f-]{36})$/.exec(made.headers.location as string)![1]!;
  const rows = await owner
    .selectFrom('pc_consultations')
    .select(['id', 'classes'])
    .where('id', 'in', [id, consultationId])
    .execute();
  assert.deepEqual(
    rows.find((r) => r.id === id)!.classes.map((c: { code: string }) => c.code),
    ['A', 'B', 'C'],
  );
  assert.equal(rows.find((r) => r.id === consultationId)!.classes.length, 5, 'the earlier consultation keeps A–E');
});
