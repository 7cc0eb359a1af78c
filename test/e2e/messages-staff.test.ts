// The DX office tells residents about an open evacuation shelter, in a real browser: the compose form sent
// empty first (the problems named and linked), then written in Japanese and English for 防災 subscribers,
// the audience checked per channel with the text each language group will read, the draft saved, sent
// now, and the delivery report read after a reload until every channel has finished. axe-core checks
// every page on the way, in Japanese, and the report in English as well.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { withTenant } from '../../src/platform/db/tenant.ts';
import { startTestCityHall, type TestCityHall } from '../helpers/app.ts';
import { axeViolations, describeViolations, launchBrowser, staffSignInInBrowser } from '../helpers/browser.ts';

let city: TestCityHall;
let browser: Browser;
let base = '';
const tenantId = 'kawasaki';

before(async () => {
  city = await startTestCityHall({
    listen: true,
    demoResidents: 20,
    env: { NETWORK_ZONES: 'lgwan=127.0.0.0/8,::1/128' },
  });
  base = city.url!;
  browser = await launchBrowser();
  // This file's subscribers and messages only: whatever the demo seeded for the tenant goes first.
  await city.database.ownerDb.deleteFrom('msg_messages').where('tenant_id', '=', tenantId).execute();
  await city.database.ownerDb.deleteFrom('msg_subscribers').where('tenant_id', '=', tenantId).execute();
  // 防災 subscribers: three e-mail addresses (one in English) and two residents' inboxes.
  await withTenant(city.city.deps.db, tenantId, async (trx) => {
    const add = (channel: string, address: string, language: string) =>
      sql`insert into msg_subscribers (tenant_id, channel, address, account_id, topics, language, ward_code)
        values (${tenantId}, ${channel}, ${address}, ${channel === 'inbox' ? address : null}::uuid,
          array['bosai'], ${language}, '141313')`.execute(trx);
    await add('email', 'browser-1@example.jp', 'ja');
    await add('email', 'browser-2@example.jp', 'ja');
    await add('email', 'browser-en@example.jp', 'en');
    await add('inbox', randomUUID(), 'ja');
    await add('inbox', randomUUID(), 'ja-easy');
  });
});

after(async () => {
  await browser?.close();
  await city?.close();
});

async function accessible(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `${label}:\n${describeViolations(violations)}`);
}

test('the DX office composes a notice, checks who it reaches and how it reads, sends it and reads the report', async () => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await staffSignInInBrowser(page, base, 'dx@kawasaki.example');

  await page.goto(`${base}/staff/messages`);
  await page.getByRole('heading', { name: 'お知らせの配信' }).waitFor();
  await accessible(page, 'list, empty');

  // Sent empty: the problems are named, each a link to its field.
  await page.getByRole('link', { name: 'お知らせを作成' }).click();
  await page.getByRole('heading', { name: 'お知らせを作成' }).waitFor();
  await accessible(page, 'compose');
  await page.getByRole('button', { name: '下書きを保存' }).click();
  await page.locator('.error-summary').waitFor();
  assert.equal(await page.locator('.error-summary a[href="#message-title"]').textContent(), '件名を入力してください。');
  assert.equal(await page.locator('#message-body-ja[aria-invalid="true"]').count(), 1, 'the field says so too');
  await accessible(page, 'compose with errors');

  await page.getByLabel('件名').fill('避難所を開設しました');
  await page.getByLabel('本文（日本語）').fill('大雨のため、川崎区の避難所を開設しました。');
  await page.getByLabel('本文（英語）').fill('Evacuation shelters in Kawasaki Ward are open because of heavy rain.');
  await page.getByLabel('緊急のお知らせとして送る').check();
  await page.getByLabel('防災', { exact: true }).check();
  await page.getByLabel('川崎区').check();

  // Checked without JavaScript: the page comes back with the audience and the texts.
  await page.getByRole('button', { name: '対象人数を確認' }).click();
  await page.getByRole('heading', { name: '対象人数' }).waitFor();
  assert.match((await page.locator('[data-audience-total]').textContent()) ?? '', /5件届きます/);
  assert.equal(((await page.locator('tr[data-channel="email"] td').textContent()) ?? '').trim(), '3人');
  assert.match(
    (await page.locator('[data-preview-language="en"] pre').textContent()) ?? '',
    /^避難所を開設しました\n\nEvacuation shelters/,
  );
  assert.match(
    (await page.locator('[data-preview-language="ja-easy"]').textContent()) ?? '',
    /やさしい日本語の本文がないため、日本語の本文が届きます。/,
  );
  assert.equal(await page.getByLabel('件名').inputValue(), '避難所を開設しました', 'what was typed is kept');
  await accessible(page, 'compose with audience and preview');

  await page.getByRole('button', { name: '下書きを保存' }).click();
  await page.getByText('下書きを保存しました').waitFor();
  assert.equal(await page.locator('[data-segment="wards"] dd').textContent(), '川崎区');
  await accessible(page, 'draft');

  await page.getByRole('button', { name: '今すぐ送る' }).click();
  await page.getByText('配信を始めました').waitFor();
  // The report after a reload (no script refreshes it), until every channel has finished.
  for (let i = 0; i < 100 && (await page.locator('[data-status="sent"]').count()) === 0; i++) {
    await new Promise((r) => setTimeout(r, 200));
    await page.getByRole('link', { name: '最新の結果を表示' }).click();
    await page.getByRole('heading', { name: '配信の結果' }).waitFor();
  }
  assert.equal(await page.locator('[data-row="status"] [data-status="sent"]').count(), 1, 'sent');
  assert.equal(await page.locator('[data-report-channel="email"] [data-count="sent"]').textContent(), '3');
  assert.equal(await page.locator('[data-report-channel="inbox"] [data-count="sent"]').textContent(), '2');
  await page.getByText('いまのところ、届かなかった人はいません。').waitFor();
  await accessible(page, 'report');

  await page.goto(`${page.url().split('?')[0]}?lang=en`);
  await page.getByRole('heading', { name: 'Delivery report' }).waitFor();
  await accessible(page, 'report in English');

  await page.goto(`${base}/staff/messages?lang=ja`);
  const row = page.locator('tr[data-message]');
  assert.equal(await row.count(), 1);
  assert.match(
    (await row.textContent()) ?? '',
    /避難所を開設しました[\s\S]*一斉配信[\s\S]*配信済み[\s\S]*緊急[\s\S]*5人/,
  );
  await accessible(page, 'list');
  await context.close();
});
