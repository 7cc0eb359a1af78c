// A public comment from start to finish in a real browser: staff draft a consultation, attach the plan
// and open it; residents send opinions through the form; after the period staff split and answer them and
// publish; the result page's counts table matches its opinions, and the PDF (text extracted), the CSV and
// the JSON say the same as the page. axe-core checks every page on the way.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { japanToday } from '../../src/modules/public-comment/model.ts';
import { startTestCityHall, type TestCityHall } from '../helpers/app.ts';
import { axeViolations, describeViolations, launchBrowser, staffSignInInBrowser } from '../helpers/browser.ts';
import { pdfPagesText } from '../helpers/pdf-text.ts';

let city: TestCityHall;
let browser: Browser;
let owner: Kysely<any>;
let dir: string;
let base = '';

before(async () => {
  city = await startTestCityHall({
    listen: true,
    demoResidents: 20,
    env: { NETWORK_ZONES: 'lgwan=127.0.0.0/8,::1/128' },
  });
  base = city.url!;
  browser = await launchBrowser();
  owner = new Kysely({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: city.database.ownerUrl, max: 2 }) }),
  });
  dir = await mkdtemp(path.join(tmpdir(), 'public-comment-e2e-'));
});

after(async () => {
  await browser?.close();
  await owner?.destroy();
  await city?.close();
  await rm(dir, { recursive: true, force: true });
});

async function accessible(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `${label}:\n${describeViolations(violations)}`);
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const opinions = [
  '公園の遊具を新しくしてほしいです。小さな子どもが安全に遊べるようにしてください。',
  'スマホ教室を図書館でも開いてください。\n\n申込みを電話でもできるようにしてください。',
];

test('from a new consultation to the published result, in the browser', async () => {
  const staffContext = await browser.newContext({ locale: 'ja-JP' });
  const staff = await staffContext.newPage();
  await staffSignInInBrowser(staff, base, 'planner@kawasaki.example');

  // Draft.
  await staff.goto(`${base}/staff/public-comments`);
  await accessible(staff, 'staff list');
  await staff.getByRole('link', { name: '新しい意見募集を作る' }).click();
  await staff.getByRole('button', { name: '下書きを作る' }).click();
  await staff
    .getByRole('heading', { name: '入力内容を確認してください' })
    .waitFor()
    .catch(() => undefined);
  assert.ok((await staff.locator('.error-summary, [role="alert"]').count()) > 0, 'errors shown for an empty form');
  await accessible(staff, 'new consultation with errors');
  await staff.getByLabel('件名').fill('川崎市ブラウザテスト計画（案）');
  await staff.getByLabel('意見を募集する案（文中での呼び方）').fill('「川崎市ブラウザテスト計画」の案');
  await staff.getByLabel('募集開始日').fill(japanToday());
  await staff.getByLabel('郵送・FAX・持参の提出先').fill('〒210-0000 川崎市川崎区テスト町1-1');
  await staff.getByLabel('意見を分類する項目').fill('ア 施設に関すること\nイ デジタル支援に関すること');
  await staff.getByRole('button', { name: '下書きを作る' }).click();
  await staff.getByRole('navigation', { name: 'このパブリックコメントの画面' }).waitFor();
  const consultationId = /\/staff\/public-comments\/([0-9a-f-]{36})/.exec(staff.url())![1]!;
  await accessible(staff, 'outline');

  // The plan as a PDF, then open.
  const pdfPath = path.join(dir, 'plan.pdf');
  await writeFile(pdfPath, Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1'));
  await staff.getByLabel('資料名').fill('計画案（本文）');
  await staff.getByLabel('資料のファイル（PDF または HTML）').setInputFiles(pdfPath);
  await staff.getByRole('button', { name: '資料を追加する' }).click();
  await staff.getByRole('link', { name: '計画案（本文）' }).waitFor();
  await staff.getByRole('button', { name: '意見の募集を始める（公開する）' }).click();
  await staff.getByText('意見募集中').first().waitFor();
  const number = Number(
    (
      await owner
        .selectFrom('pc_consultations')
        .select('number')
        .where('id', '=', consultationId)
        .executeTakeFirstOrThrow()
    ).number,
  );

  // Residents send opinions (no account).
  for (const text of opinions) {
    const residentContext = await browser.newContext({ locale: 'ja-JP' });
    const resident = await residentContext.newPage();
    await resident.goto(`${base}/public-comments`);
    await resident.getByRole('link', { name: '川崎市ブラウザテスト計画（案）' }).click();
    await accessible(resident, 'consultation page');
    await resident.getByRole('textbox', { name: /^御意見/ }).fill(text);
    // A person reads before writing; the form refuses sends faster than any person (no puzzle to solve).
    await resident.waitForTimeout(3200);
    await resident.getByRole('button', { name: '御意見を送信する' }).click();
    await resident.getByRole('heading', { name: '御意見を受け付けました' }).first().waitFor();
    assert.match(
      (await resident.locator('[data-receipt-number]').textContent()) ?? '',
      new RegExp(`^${number}-\\d{4}$`),
    );
    await accessible(resident, 'receipt');
    await residentContext.close();
  }

  // Time passes: the period ends.
  await owner
    .updateTable('pc_consultations')
    .set({ opens_on: addDays(japanToday(), -31), closes_on: addDays(japanToday(), -1) })
    .where('id', '=', consultationId)
    .execute();
  await owner
    .updateTable('pc_submissions')
    .set({ received_on: addDays(japanToday(), -5) })
    .where('consultation_id', '=', consultationId)
    .execute();

  await staff.goto(`${base}/staff/public-comments/${consultationId}`);
  await staff.getByRole('button', { name: '集計・分析を始める' }).click();
  await staff.waitForURL(/\/submissions$/);
  // Split each submission into opinions.
  for (let i = 0; i < opinions.length; i++) {
    await staff.getByRole('button', { name: '意見に分ける（案を作る）' }).first().click();
    await staff.waitForLoadState();
  }
  await accessible(staff, 'submissions with opinions');
  const answers = [
    { topic: 'ア', response: '遊具の更新を計画的に進めてまいります。', cls: 'B' },
    { topic: 'イ', response: '図書館での開催を検討してまいります。', cls: 'C' },
    { topic: 'イ', response: '電話での申込みも受け付けております。', cls: 'D' },
  ];
  const forms = staff.locator('[data-opinion]');
  assert.equal(await forms.count(), 3, 'two paragraphs made two opinions');
  for (let i = 0; i < 3; i++) {
    const form = staff.locator('[data-opinion]').nth(i);
    await form.getByLabel('項目').selectOption(answers[i]!.topic);
    await form.getByLabel('本市の考え方').fill(answers[i]!.response);
    await form.getByLabel('対応区分').selectOption(answers[i]!.cls);
    await form.getByRole('button', { name: '保存する' }).first().click();
    await staff.waitForLoadState();
  }

  await staff.goto(`${base}/staff/public-comments/${consultationId}/analysis`);
  await accessible(staff, 'analysis');

  await staff.goto(`${base}/staff/public-comments/${consultationId}/result`);
  await staff
    .getByLabel('1 経過')
    .fill('本市では、ブラウザテスト計画の案をまとめ、市民の皆様から御意見を募集しました。');
  await staff.getByLabel('4 御意見の内容と対応（前文）').fill('施設やデジタル支援に関する御意見が寄せられました。');
  await staff.getByLabel('6 今後の予定').fill('令和9年3月 計画策定');
  await staff.getByRole('button', { name: '保存する' }).first().click();
  await staff.getByText('公表できる状態です。').waitFor();
  await accessible(staff, 'result tab with preview');
  await staff.getByRole('button', { name: '結果を公表する' }).click();
  await staff.getByText('結果を公表しました。').first().waitFor();
  await staffContext.close();

  // The published result, as anyone sees it.
  const readerContext = await browser.newContext({ locale: 'ja-JP' });
  const reader = await readerContext.newPage();
  await reader.goto(`${base}/public-comments/${number}/result`);
  await accessible(reader, 'result page');
  const table = await reader.locator('[data-counts-table] td[data-topic][data-class]').evaluateAll((cells) =>
    cells.map((c) => ({
      topic: c.getAttribute('data-topic')!,
      cls: c.getAttribute('data-class')!,
      n: Number(c.textContent),
    })),
  );
  const rows = await reader.locator('[data-opinion-no]').evaluateAll((trs) =>
    trs.map((tr) => ({
      no: Number(tr.getAttribute('data-opinion-no')),
      summary: tr.querySelector('[data-field="summary"]')!.textContent!.trim(),
      cls: tr.querySelector('[data-field="class"]')!.textContent!.trim(),
    })),
  );
  assert.equal(rows.length, 3);
  const count = (topic: string, cls: string) => table.find((c) => c.topic === topic && c.cls === cls)?.n;
  assert.equal(count('ア', 'B'), 1);
  assert.equal(count('イ', 'C'), 1);
  assert.equal(count('イ', 'D'), 1);
  assert.equal(count('total', 'total'), rows.length, '合計 equals the opinions listed');
  for (const cls of ['A', 'B', 'C', 'D', 'E']) {
    assert.equal(count('total', cls), rows.filter((r) => r.cls === cls).length, `column ${cls}`);
  }

  // JSON and CSV say the same as the page.
  const json = await (await reader.request.get(`${base}/public-comments/${number}/result.json`)).json();
  assert.equal(json.opinionCount, rows.length);
  assert.equal(json.submissionCount, 2);
  const jsonOpinions = json.topics.flatMap(
    (t: { opinions: { no: number; classCode: string; summary: string[] }[] }) => t.opinions,
  );
  assert.deepEqual(
    jsonOpinions.map((o: { no: number; classCode: string }) => ({ no: o.no, cls: o.classCode })),
    rows.map((r) => ({ no: r.no, cls: r.cls })),
  );
  const csv = (await (await reader.request.get(`${base}/public-comments/${number}/result.csv`)).body()).toString(
    'utf8',
  );
  for (const r of rows)
    assert.ok(
      csv.replace(/\r?\n/g, '').includes(r.summary.replace(/\s+/g, '')) || csv.includes(r.summary.split(/\s/)[0]!),
      `CSV has opinion ${r.no}`,
    );
  const countsCsv = (await (await reader.request.get(`${base}/public-comments/${number}/result-counts.csv`)).body())
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const totalLine = countsCsv.split(/\r?\n/).find((l) => l.startsWith('合計'))!;
  assert.equal(totalLine.split(',').at(-1), String(rows.length));

  // The PDF: its text, read back through the fonts' ToUnicode maps, has the title, the table and the opinions.
  const pdf = await (await reader.request.get(`${base}/public-comments/${number}/result.pdf`)).body();
  const text = (await pdfPagesText(pdf)).flat().join('\n');
  assert.ok(text.includes('パブリックコメントの実施結果について'));
  assert.ok(text.includes('2通'));
  assert.ok(text.replace(/\s/g, '').includes('公園の遊具を新しくしてほしいです。'));
  assert.ok(text.includes('電話での申込みも受け付けております。'));
  await readerContext.close();
});
