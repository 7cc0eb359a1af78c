// A resident sets up the city's notices in a real browser, by keyboard alone: signs in from the settings
// page, chooses 子育て, their ward, a year of birth, the in-app inbox and e-mail, and saves; confirms the
// address from the mail; the city sends a 子育て notice through the real delivery path (the app's job
// worker); the resident finds it unread in /my/inbox and opens it, and later stops the e-mail from its
// unsubscribe page. axe-core checks every page on the way.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { unsubscribeToken } from '../../src/modules/messaging/unsubscribe-link.ts';
import { createMessage } from '../../src/modules/messaging/use-cases/create-message.ts';
import { startDelivery } from '../../src/modules/messaging/use-cases/start-delivery.ts';
import { withTenant } from '../../src/platform/db/tenant.ts';
import { startTestCityHall, type TestCityHall } from '../helpers/app.ts';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser.ts';

let city: TestCityHall;
let browser: Browser;
let base: string;
const tenantId = 'kawasaki';

before(async () => {
  // No SMTP_URL: mail goes to the demo mailbox; no PUBLIC_URL: its links point back to this server.
  city = await startTestCityHall({ listen: true, demoResidents: 20 });
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

/** Presses Tab until the element matching `selector` has the focus, as a keyboard user moves through a page. */
async function tabTo(page: Page, selector: string, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function mailTo(address: string, subject: RegExp): Promise<{ text: string }> {
  const started = Date.now();
  for (;;) {
    const found = city.city.deps.demoMailbox?.messages().find((m) => m.to === address && subject.test(m.subject));
    if (found) return found;
    if (Date.now() - started > 20_000) throw new Error(`no mail to ${address} matching ${subject}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('a resident chooses 子育て by inbox and e-mail with the keyboard, and reads the notice the city sends', async () => {
  const email = 'hanako.notices@example.jp';
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();

  await page.goto(`${base}/notifications`);
  await h1(page, 'お知らせの受け取り設定').waitFor();
  await accessible(page, 'settings, signed out');
  await page.getByRole('link', { name: 'サインインして設定する' }).click();
  await page.getByLabel('メールアドレス').fill('hanako@example.jp');
  await page.getByLabel('パスワード').fill('kawasaki-demo-2026');
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await h1(page, 'お知らせの受け取り設定').waitFor();
  // The push island shows its button where the browser can do Web Push.
  await page.getByRole('button', { name: 'この端末で通知を受け取る' }).waitFor();
  assert.equal(await page.locator('[data-push-unavailable]').isVisible(), false);
  await accessible(page, 'settings, signed in');

  // Keyboard only: Tab to each control, Space to tick, arrows in the select, type, Enter to send.
  await tabTo(page, 'input[name="topics"][value="kosodate"]');
  await page.keyboard.press('Space');
  await tabTo(page, 'select#ward');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, '#birth-year');
  await page.keyboard.type('1988');
  await tabTo(page, 'input[name="channels"][value="inbox"]');
  assert.equal(await page.locator('input[name="channels"][value="inbox"]').isChecked(), true, 'inbox on by default');
  await tabTo(page, '#email');
  await page.keyboard.type(email);
  await tabTo(page, 'form[data-preferences] button[type="submit"]');
  await page.keyboard.press('Enter');
  await page
    .getByRole('alert')
    .getByText('設定を保存しました。メールアドレスに確認メールを送りました。', { exact: false })
    .waitFor();
  assert.equal(await page.locator('input[name="topics"][value="kosodate"]').isChecked(), true);
  assert.equal(await page.locator('select#ward').inputValue(), '141313');
  await accessible(page, 'settings saved');

  // A mistake is named at the top, linked to its field.
  await page.locator('#birth-year').fill('88');
  await page.getByRole('button', { name: '保存する' }).click();
  await page
    .getByRole('alert')
    .getByRole('link', { name: /生まれた年は、西暦の4桁の数字で入力してください/ })
    .waitFor();
  await accessible(page, 'settings with an error');
  await page.locator('#birth-year').fill('1988');
  await page.getByRole('button', { name: '保存する' }).click();
  await page.getByRole('alert').getByText('設定を保存しました。').waitFor();

  const confirm = /https?:\/\/\S+\/notifications\/email\/confirm\/\S+/.exec(
    (await mailTo(email, /登録の確認/)).text,
  )?.[0];
  assert.ok(confirm, 'a confirm link in the mail');
  await page.goto(confirm);
  await h1(page, 'メールでの受け取りを始める').waitFor();
  await accessible(page, 'confirm e-mail');
  await page.getByRole('button', { name: '登録する' }).click();
  await h1(page, '登録が完了しました').waitFor();
  await accessible(page, 'e-mail confirmed');

  // The city sends a 子育て notice the way staff do: create, then start delivery; the job worker sends it.
  const actor = { accountId: 'e2e-staff' };
  const { id } = await createMessage(city.city.deps, {
    tenantId,
    actor,
    fields: {
      title: '子育て支援センターのお知らせ',
      bodyJa: '4月から、子育て支援センターの開館時間が9時からになります。',
      segment: { topics: ['kosodate'] },
    },
  });
  await startDelivery(city.city.deps, { tenantId, actor, messageId: id });

  await page.goto(`${base}/my/inbox`);
  const item = page.locator(`[data-message="${id}"]`);
  for (let i = 0; i < 100 && (await item.count()) === 0; i++) {
    await new Promise((r) => setTimeout(r, 200));
    await page.reload();
  }
  await item.waitFor();
  assert.equal(await item.getAttribute('data-unread'), '');
  await item.getByText('未読').waitFor();
  assert.equal(await page.locator('[data-unread-count]').textContent(), '未読 1件');
  await accessible(page, 'inbox with an unread notice');
  await item.getByRole('link', { name: '子育て支援センターのお知らせ' }).click();
  await h1(page, '子育て支援センターのお知らせ').waitFor();
  await page.getByText('開館時間が9時からになります').waitFor();
  await accessible(page, 'one notice');
  await page.getByRole('link', { name: '受信したお知らせの一覧に戻る' }).click();
  await h1(page, '受信したお知らせ').waitFor();
  assert.equal(await page.locator(`[data-message="${id}"][data-unread]`).count(), 0, 'read now');
  assert.equal(await page.locator('[data-unread-count]').textContent(), '未読 0件');

  // The same notice came by e-mail; its unsubscribe page stops that address in one press.
  await mailTo(email, /^子育て支援センターのお知らせ$/);
  const subscriber = await withTenant(city.city.deps.db, tenantId, (trx) =>
    trx
      .selectFrom('msg_subscribers')
      .select('id')
      .where('channel', '=', 'email')
      .where('address', '=', email)
      .executeTakeFirstOrThrow(),
  );
  await page.goto(`${base}/notifications/unsubscribe/${unsubscribeToken(city.city.deps, tenantId, subscriber.id)}`);
  await h1(page, '配信を停止する').waitFor();
  await accessible(page, 'unsubscribe');
  await page.getByRole('button', { name: '配信を停止する' }).click();
  await h1(page, '配信を停止しました').waitFor();
  await accessible(page, 'unsubscribed');
  await page.getByRole('link', { name: '受け取り設定を開く' }).click();
  await h1(page, 'お知らせの受け取り設定').waitFor();
  for (const [lang, heading] of [
    ['en', 'Notification settings'],
    ['ja-easy', 'おしらせの うけとり設定'],
  ] as const) {
    await page.goto(`${base}/notifications?lang=${lang}`);
    await h1(page, heading).waitFor();
    await accessible(page, `settings in ${lang}`);
  }
  await context.close();
});
