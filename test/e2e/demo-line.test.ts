// LINE in the demo, in a real browser: 花子 signs in, asks for a link code on /notifications, follows the
// page's link to /demo/line, sends the code as デモ利用者A and sees A リンク済み; a notice the city then sends
// to 花子's topics appears on A's phone. axe-core checks /demo/line as it first opens, with a refused
// message, after the link, and in やさしい日本語 and English.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { demoResident } from '../../src/modules/identity/demo.ts';
import { createMessage } from '../../src/modules/messaging/use-cases/create-message.ts';
import { startDelivery } from '../../src/modules/messaging/use-cases/start-delivery.ts';
import { startTestCityHall, type TestCityHall } from '../helpers/app.ts';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser.ts';

let city: TestCityHall;
let browser: Browser;
let base: string;
const tenantId = 'kawasaki';

before(async () => {
  city = await startTestCityHall({ listen: true, demoMessaging: true, demoResidents: 20 });
  base = city.url!;
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

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

test('花子 links デモ利用者A with her code on /demo/line and the city’s notice reaches that phone', async () => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();

  await page.goto(`${base}/sign-in?next=/notifications`);
  await page.getByLabel('メールアドレス').fill(demoResident.email);
  await page.getByLabel('パスワード').fill(demoResident.password);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await h1(page, 'お知らせの受け取り設定').waitFor();
  await page.getByRole('button', { name: '連携コードを発行' }).click();
  const code = (await page.locator('[data-line-code]').textContent())?.trim();
  assert.match(code ?? '', /^[2-9A-Z]{4}-[2-9A-Z]{4}$/, 'a code on /notifications');

  await page.getByRole('link', { name: /デモ: LINE の画面を試す/ }).click();
  await h1(page, 'デモ用の LINE').waitFor();
  await accessible(page, '/demo/line');
  const a = page.getByRole('region', { name: 'デモ利用者A' });
  await a.getByText('友だち', { exact: true }).waitFor();
  await a.getByText('総合防災訓練のお知らせ', { exact: false }).waitFor();

  // Sent empty: named at the top, linked to A's message field.
  await a.getByRole('button', { name: '送信' }).click();
  await page.getByRole('alert').getByRole('link', { name: 'メッセージを入力してください。' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'text-A', 'the link leads to the field');
  await accessible(page, '/demo/line with a refused message');

  await page.getByRole('region', { name: 'デモ利用者A' }).getByLabel('メッセージ').fill(code!);
  await page.getByRole('region', { name: 'デモ利用者A' }).getByRole('button', { name: '送信' }).click();
  await page
    .getByRole('alert')
    .getByText('デモ利用者Aの LINE を、コードを発行したアカウントと連携しました（リンク済み）。')
    .waitFor();
  await page.getByRole('region', { name: 'デモ利用者A' }).getByText('リンク済み', { exact: true }).waitFor();
  await accessible(page, '/demo/line linked');

  await page.goto(`${base}/notifications`);
  await page.getByText('LINE と連携しています。').waitFor();

  // The city sends a 子育て notice (花子's topics, now A's): it appears on A's phone.
  const actor = { accountId: 'e2e-staff' };
  const { id } = await createMessage(city.city.deps, {
    tenantId,
    actor,
    fields: { title: '子育て広場のお知らせ', bodyJa: '子育て広場を開きます。', segment: { topics: ['kosodate'] } },
  });
  await startDelivery(city.city.deps, { tenantId, actor, messageId: id });
  const started = Date.now();
  for (;;) {
    await page.goto(`${base}/demo/line`);
    if ((await page.getByRole('region', { name: 'デモ利用者A' }).getByText('子育て広場のお知らせ').count()) > 0) break;
    if (Date.now() - started > 20_000) throw new Error('the notice never reached A’s phone');
    await new Promise((r) => setTimeout(r, 200));
  }
  await accessible(page, '/demo/line with the notice');

  for (const [lang, heading] of [
    ['ja-easy', 'デモの LINE'],
    ['en', 'LINE in the demo'],
  ] as const) {
    await page.goto(`${base}/demo/line?lang=${lang}`);
    await h1(page, heading).waitFor();
    await accessible(page, `/demo/line in ${lang}`);
  }
  await context.close();
});
