// A resident looks for a procedure in a real browser without JavaScript: types a reading in hiragana,
// narrows to online procedures, opens one and finds the start button; axe-core on every page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startTestCityHall, type TestCityHall } from '../helpers/app.ts';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser.ts';

let city: TestCityHall;
let browser: Browser;
let base: string;

before(async () => {
  city = await startTestCityHall({ listen: true });
  base = city.url!;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await city?.close();
});

test('search by reading, filter, open a procedure and reach the application start', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.click('a[href="/procedures"]');
  assert.equal(await page.textContent('h1'), '手続を探す');
  await page.getByLabel('キーワード').fill('じゅうみんひょう');
  await page.getByLabel('オンラインで完結する手続だけ').check();
  await page.getByRole('button', { name: '検索' }).click();
  assert.match((await page.textContent('[role="status"]')) ?? '', /件の手続が見つかりました/);
  await page.getByRole('link', { name: '住民票の写しの交付請求' }).first().click();
  assert.equal(new URL(page.url()).pathname, '/procedures/juminhyo-copy');
  assert.match((await page.textContent('h1')) ?? '', /住民票の写しの交付請求/);
  assert.equal(await page.getAttribute('a.button--primary', 'href'), '/apply/juminhyo-copy');
  await context.close();
});

test('a life event leads to its procedures', async () => {
  const page = await browser.newPage({ locale: 'ja-JP' });
  await page.goto(`${base}/procedures`);
  await page.getByRole('link', { name: /^ペット/ }).click();
  assert.ok(await page.isChecked('input[name="lifeEvent"][value="pets"]'));
  assert.ok(await page.getByRole('link', { name: '犬の登録', exact: true }).isVisible());
  await page.close();
});

test('the search page, a result list and procedure pages have no axe-core violations in any language', async () => {
  const page = await browser.newPage({ locale: 'ja-JP' });
  const paths = [
    '/procedures',
    '/procedures?q=%E7%8A%AC&online=true',
    '/procedures/inkan-registration',
    '/procedures/juminhyo-copy',
  ];
  for (const lang of ['ja', 'ja-easy', 'en']) {
    for (const path of paths) {
      const response = await page.goto(`${base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
      assert.equal(response?.status(), 200, `${path} ${lang}`);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `${path} (${lang}):\n${describeViolations(violations)}`);
    }
  }
  await page.close();
});
