// A ward office's counter records life events in a real browser: the counter clerk of 川崎区 finds a household
// by its number, sends the 出生届 empty (every problem named and linked to its field), fills it in, reads the
// confirmation, sees the same form sent again answered by the same record (the child is recorded once), then
// records a 転入届 with a row added for one more person. axe-core checks every page on the way, in Japanese,
// and the household page in English and やさしい日本語 as well.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { countRows, householdWithWoman } from '../../src/modules/residents/life-events/test-support.ts';
import { japanToday } from '../../src/platform/ja/today.ts';
import { startTestCityHall, type TestCityHall } from '../helpers/app.ts';
import { axeViolations, describeViolations, launchBrowser, staffSignInInBrowser } from '../helpers/browser.ts';

let city: TestCityHall;
let browser: Browser;
let base = '';

before(async () => {
  city = await startTestCityHall({
    listen: true,
    demoResidents: 300,
    env: { NETWORK_ZONES: 'lgwan=127.0.0.0/8,::1/128' },
  });
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

test('the counter records a birth and a move-in, each once, on pages that pass axe-core', async () => {
  const { ownerDb } = city.database;
  const household = await householdWithWoman(ownerDb);
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await staffSignInInBrowser(page, base, 'counter@kawasaki.example');

  await page.goto(`${base}/staff/residents/life-events`);
  await page.getByRole('heading', { name: '住民異動の届出', level: 1 }).waitFor();
  await accessible(page, 'start');

  // A number that is not in the register is named on the field.
  await page.getByLabel('世帯番号').fill('987654321');
  await page.getByRole('button', { name: '世帯を表示' }).click();
  await page.locator('.error-summary').waitFor();
  assert.equal(
    await page.locator('.error-summary a[href="#find-household"]').textContent(),
    '世帯番号 987654321 の世帯は住民記録にありません。',
  );
  await accessible(page, 'start with an unknown household');

  await page.getByLabel('世帯番号').fill(household.householdId);
  await page.getByRole('button', { name: '世帯を表示' }).click();
  await page.getByRole('heading', { name: `世帯番号 ${household.householdId} の世帯` }).waitFor();
  assert.equal(await page.locator(`tr[data-member="${household.womanId}"]`).count(), 1);
  await accessible(page, 'household');
  for (const lang of ['en', 'ja-easy']) {
    await page.goto(`${base}/staff/residents/life-events/households/${household.householdId}?lang=${lang}`);
    await page.locator('[data-members]').waitFor();
    await accessible(page, `household in ${lang}`);
  }
  await page.goto(`${base}/staff/residents/life-events/households/${household.householdId}?lang=ja`);

  // Sent empty: the problems are listed, each a link to its field.
  await page.getByRole('link', { name: '出生届を登録' }).click();
  await page.getByRole('heading', { name: '出生届を登録' }).waitFor();
  await accessible(page, 'birth form');
  await page.locator('#birth-given-name').fill('');
  await page.getByRole('button', { name: '出生届を登録' }).click();
  await page.locator('.error-summary').waitFor();
  assert.equal(
    await page.locator('.error-summary a[href="#birth-given-name"]').textContent(),
    '子の名を入力してください。',
  );
  assert.equal(await page.locator('#birth-birth-date[aria-invalid="true"]').count(), 1, 'the field says so too');
  await accessible(page, 'birth form with errors');
  await page.locator('.error-summary a[href="#birth-given-name"]').click();
  assert.equal(
    await page.evaluate(() => document.activeElement?.id),
    'birth-given-name',
    'the link leads to the field',
  );

  const children = await countRows(ownerDb, 'residents', { household_id: household.householdId });
  await page.locator(`input[name="motherId"][value="${household.womanId}"]`).check();
  await page.locator('#birth-family-name').fill('川崎');
  await page.locator('#birth-given-name').fill('未来');
  await page.locator('#birth-family-name-kana').fill('かわさき');
  await page.locator('#birth-given-name-kana').fill('ミライ');
  await page.locator('#birth-birth-date').fill(japanToday());
  await page.getByRole('group', { name: /性別/ }).getByLabel('女', { exact: true }).check();
  const [sent] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/birth')),
    page.getByRole('button', { name: '出生届を登録' }).click(),
  ]);
  await page.getByRole('heading', { name: '出生届を登録しました' }).waitFor();
  assert.match((await page.locator('[data-recorded-people]').textContent()) ?? '', /川崎 未来\s*子/);
  await accessible(page, 'birth recorded');

  // The same form arrives again (a retried request): the same record answers, and no one is added.
  const again = await context.request.post(sent.url(), {
    data: sent.postData() ?? '',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    maxRedirects: 0,
  });
  assert.equal(again.status(), 303);
  assert.match(again.headers().location ?? '', /\/staff\/residents\/life-events\/recorded\/[\w-]+\?repeated=1$/);
  await page.goto(`${base}${again.headers().location}`);
  await page.getByText('この届出は、すでに登録されていました。').waitFor();
  await accessible(page, 'birth recorded, sent again');
  assert.equal(await countRows(ownerDb, 'residents', { household_id: household.householdId }), children + 1);

  await page.getByRole('link', { name: 'この世帯を表示' }).click();
  await page.locator('tr[data-kind="birth"]').waitFor();

  // A move-in of two: the third row is added without JavaScript, the form keeps what was typed.
  await page.goto(`${base}/staff/residents/life-events/move-in`);
  await page.getByRole('heading', { name: '転入届を登録' }).waitFor();
  await accessible(page, 'move-in form');
  await page.locator('#move-in-postal-code').fill('210-0004');
  await page.locator('#move-in-address').fill('神奈川県川崎市川崎区宮本町5-6-7');
  await page.locator('#move-in-income-band').selectOption('3');
  const row = (i: number) => page.locator(`[data-member-row="${i}"]`);
  const member = (i: number, field: string) => page.locator(`#move-in-members-${i}-${field}`);
  await member(0, 'family-name').fill('転入');
  await member(0, 'given-name').fill('明');
  await member(0, 'family-name-kana').fill('テンニュウ');
  await member(0, 'given-name-kana').fill('アキラ');
  await member(0, 'birth-date').fill('1985-10-10');
  await row(0).getByRole('group', { name: /性別/ }).getByLabel('男', { exact: true }).check();
  await page.getByRole('button', { name: '入力欄を1人分増やす' }).click();
  await row(3).waitFor();
  assert.equal(await member(0, 'given-name-kana').inputValue(), 'アキラ');
  await member(3, 'relationship').selectOption('子');
  await member(3, 'family-name').fill('転入');
  await member(3, 'given-name').fill('光');
  await member(3, 'family-name-kana').fill('テンニュウ');
  await member(3, 'given-name-kana').fill('ヒカル');
  await member(3, 'birth-date').fill('2019-03-03');
  await row(3).getByRole('group', { name: /性別/ }).getByLabel('女', { exact: true }).check();
  await accessible(page, 'move-in form with four rows');
  await page.getByRole('button', { name: '転入届を登録' }).click();
  await page.getByRole('heading', { name: '転入届を登録しました' }).waitFor();
  assert.match(
    (await page.locator('[data-recorded-people]').textContent()) ?? '',
    /転入 明\s*世帯主[\s\S]*転入 光\s*子/,
  );
  await accessible(page, 'move-in recorded');

  await page.getByRole('link', { name: '住民異動の届出に戻る' }).click();
  assert.equal(await page.locator('[data-life-events] tr[data-kind="move_in"]').count(), 2);
  await accessible(page, 'start with recent notifications');
  await context.close();
});
