// A data request from asking to answer, in a real browser: a resident asks for a dataset (the empty form
// first, then a real request), another resident finds it and supports it, and the DX office answers it and
// links the published dataset, which the supporter then finds on the request. axe-core checks every page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { startTestCityHall, type TestCityHall } from '../helpers/app.ts';
import { axeViolations, describeViolations, launchBrowser, staffSignInInBrowser } from '../helpers/browser.ts';

let city: TestCityHall;
let browser: Browser;
let owner: Kysely<any>;
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
  // The dataset the city publishes in answer (the catalogue's own pages are tested elsewhere).
  await owner
    .insertInto('od_datasets')
    .values({
      tenant_id: 'kawasaki',
      name: 'e2e-public-toilets',
      title: '公衆トイレ一覧（ブラウザテスト）',
      organization: 'kensetsu-ryokusei',
      license_id: 'cc-by-4.0',
      created_by: 'e2e',
    })
    .execute();
});

after(async () => {
  await browser?.close();
  await owner?.destroy();
  await city?.close();
});

async function accessible(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `${label}:\n${describeViolations(violations)}`);
}

const title = '公衆トイレの場所とバリアフリー設備（ブラウザテスト）';

test('a resident asks for a dataset, another supports it, and the DX office answers with the published dataset', async () => {
  // A resident asks (no account).
  const askerContext = await browser.newContext({ locale: 'ja-JP' });
  const asker = await askerContext.newPage();
  await asker.goto(`${base}/open-data/requests`);
  await accessible(asker, 'request list');
  await asker.getByRole('link', { name: 'データの公開を要望する' }).click();
  await asker.getByRole('heading', { name: 'データの公開を要望する' }).waitFor();
  await accessible(asker, 'new request form');
  await asker.waitForTimeout(3200);
  await asker.getByRole('button', { name: '要望を送信する' }).click();
  await asker.getByRole('heading', { name: '入力内容に誤りがあります' }).waitFor();
  assert.ok((await asker.getByRole('link', { name: /ほしいデータの名前を入力してください/ }).count()) === 1);
  await accessible(asker, 'new request form with errors');
  await asker.getByRole('textbox', { name: /^ほしいデータ/ }).fill(title);
  await asker
    .getByRole('textbox', { name: /^データの説明/ })
    .fill('公園や駅前の公衆トイレの位置（緯度経度）と、多機能トイレ・ベビーシートの有無を CSV で公開してください。');
  await asker.getByRole('textbox', { name: /^使いみち/ }).fill('車いすで出かけるときの地図アプリで使いたいです。');
  await asker.getByRole('textbox', { name: /^連絡先メールアドレス/ }).fill('e2e-asker@example.jp');
  await asker.waitForTimeout(3200);
  await asker.getByRole('button', { name: '要望を送信する' }).click();
  await asker.getByRole('heading', { name: '要望を受け付けました' }).waitFor();
  const number = Number(/\/open-data\/requests\/(\d+)\?/.exec(asker.url())![1]);
  assert.ok((await asker.getByText('このデータを希望している人: 1人').count()) === 1);
  assert.ok((await asker.getByText('e2e-asker@example.jp').count()) === 0, 'the e-mail is not shown publicly');
  await accessible(asker, 'request received');
  await askerContext.close();

  // Another resident finds it in the list and supports it; a second press is answered, not counted.
  const supporterContext = await browser.newContext({ locale: 'ja-JP' });
  const supporter = await supporterContext.newPage();
  await supporter.goto(`${base}/open-data/requests`);
  await supporter.getByRole('link', { name: title }).click();
  await supporter.getByRole('heading', { name: title }).waitFor();
  await accessible(supporter, 'request page');
  await supporter.getByRole('button', { name: 'このデータを希望する（賛同）' }).click();
  await supporter.getByRole('heading', { name: '賛同しました' }).waitFor();
  assert.ok((await supporter.getByText('このデータを希望している人: 2人').count()) === 1);
  assert.ok((await supporter.getByText('あなたはこの要望に賛同しています。').count()) === 1);
  assert.equal(await supporter.getByRole('button', { name: 'このデータを希望する（賛同）' }).count(), 0);
  await accessible(supporter, 'request supported');
  await supporter.goto(`${base}/open-data/requests?sort=supports`);
  await supporter.getByRole('heading', { name: '要望の一覧' }).waitFor();
  await accessible(supporter, 'request list sorted by supports');

  // The DX office answers: a published status needs a public dataset, then the answer is saved.
  const staffContext = await browser.newContext({ locale: 'ja-JP' });
  const staff = await staffContext.newPage();
  await staffSignInInBrowser(staff, base, 'planner@kawasaki.example');
  await staff.goto(`${base}/staff/open-data/requests`);
  await staff.getByRole('heading', { name: 'データの要望への回答' }).waitFor();
  await accessible(staff, 'staff request list');
  await staff.getByRole('link', { name: title }).click();
  await staff.getByRole('heading', { name: title }).waitFor();
  assert.ok((await staff.getByRole('link', { name: 'e2e-asker@example.jp' }).count()) === 1, 'staff see the e-mail');
  await accessible(staff, 'staff request page');
  await staff.getByRole('radio', { name: '公開済み' }).check();
  await staff.getByRole('textbox', { name: /^市の回答/ }).fill('公衆トイレの一覧をオープンデータとして公開しました。');
  await staff.getByRole('button', { name: '回答を保存する' }).click();
  await staff.getByRole('heading', { name: '入力内容に誤りがあります' }).waitFor();
  await accessible(staff, 'staff answer with errors');
  await staff.getByRole('link', { name: /公開したデータセットの名前を入力してください/ }).click();
  await staff.getByRole('textbox', { name: '公開したデータセットの名前' }).fill('e2e-public-toilets');
  await staff.getByRole('button', { name: '回答を保存する' }).click();
  await staff.getByRole('heading', { name: '回答を保存しました' }).waitFor();
  await accessible(staff, 'staff answer saved');
  await staffContext.close();

  // The supporter comes back: the request is published and points at the dataset.
  await supporter.goto(`${base}/open-data/requests/${number}`);
  await supporter.getByText('公衆トイレの一覧をオープンデータとして公開しました。').waitFor();
  const link = supporter.getByRole('link', { name: '公開したデータ「公衆トイレ一覧（ブラウザテスト）」を見る' });
  assert.equal(await link.getAttribute('href'), '/open-data/datasets/e2e-public-toilets');
  assert.ok((await supporter.getByText('公開済み').count()) >= 1);
  await accessible(supporter, 'request answered');
  await supporter.goto(`${base}/open-data/requests?status=published`);
  await supporter.getByRole('link', { name: title }).waitFor();
  await accessible(supporter, 'request list filtered by status');
  await supporterContext.close();
});
