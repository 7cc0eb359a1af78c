// A resident signs up for public comment notices in a real browser (the pages carry no script): a wrong
// address first, then the confirm link from the mail, then the stop link. axe-core checks every page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type NoticeCity, startNoticeCity } from '../../src/modules/public-comment/subscriptions/test-city.ts';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser.ts';

let city: NoticeCity;
let browser: Browser;

before(async () => {
  // No PUBLIC_URL: the links in the mails point back to this server, as they do on a developer's machine.
  city = await startNoticeCity({ PUBLIC_URL: '' }, { listen: true });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await city?.close();
});

async function accessible(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `${label}:\n${describeViolations(violations)}`);
}

async function mailLink(to: string, nth: number, path: string): Promise<string> {
  const mine = () => city.smtp.messages.filter((m) => (m.to as { text: string }).text === to);
  await city.smtp.waitForMessage(() => mine().length >= nth, 15_000);
  const link = new RegExp(`https?://[^\\s]+${path}\\?token=[A-Za-z0-9_-]{43}`).exec(mine()[nth - 1]!.text ?? '')?.[0];
  assert.ok(link, `a ${path} link in mail ${nth}`);
  return link;
}

test('subscribe, confirm from the mail, stop from the mail', async () => {
  const email = 'e2e-subscriber@example.jp';
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();

  await page.goto(`${city.url}/public-comments/subscribe`);
  await page.getByRole('heading', { level: 1, name: 'パブリックコメントのお知らせメール' }).waitFor();
  await accessible(page, 'subscribe form');

  await page.getByLabel('メールアドレス').fill('e2e-subscriber.example.jp');
  await page.getByRole('button', { name: '確認メールを送る' }).click();
  await page
    .getByRole('alert')
    .getByRole('link', { name: /メールアドレスの形式が正しくありません/ })
    .waitFor();
  await accessible(page, 'subscribe form with an error');

  await page.getByLabel('メールアドレス').fill(email);
  await page.getByRole('button', { name: '確認メールを送る' }).click();
  await page.getByRole('heading', { level: 1, name: '確認メールを送りました' }).waitFor();
  await accessible(page, 'mail sent');

  await page.goto(await mailLink(email, 1, '/public-comments/subscribe/confirm'));
  await page.getByRole('heading', { level: 1, name: '登録を完了する' }).waitFor();
  await accessible(page, 'confirm');
  await page.getByRole('button', { name: '登録する' }).click();
  await page.getByRole('heading', { level: 1, name: '登録が完了しました' }).waitFor();
  await accessible(page, 'confirmed');

  // Asking again answers the same page; the mail that comes carries the stop link.
  await page.goto(`${city.url}/public-comments/subscribe?lang=en`);
  await accessible(page, 'subscribe form in English');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByRole('button', { name: 'Send the confirmation e-mail' }).click();
  await page.getByRole('heading', { level: 1, name: 'We sent you a confirmation e-mail' }).waitFor();

  await page.goto(`${await mailLink(email, 2, '/public-comments/unsubscribe')}&lang=ja`);
  await page.getByRole('heading', { level: 1, name: 'お知らせメールを停止する' }).waitFor();
  await accessible(page, 'stop');
  await page.getByRole('button', { name: '配信を停止する' }).click();
  await page.getByRole('heading', { level: 1, name: 'お知らせメールを停止しました' }).waitFor();
  await accessible(page, 'stopped');

  await page.goto(`${city.url}/public-comments/subscribe/confirm?token=broken`);
  await page.getByRole('heading', { level: 1, name: 'このリンクは使えません' }).waitFor();
  await accessible(page, 'a link that does not work');
  await context.close();
});
