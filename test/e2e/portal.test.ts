// A resident's first visit, in a real browser: every page, every language, keyboard only, no JavaScript,
// and axe-core on each page.
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

const pages = ['/', '/accessibility', '/organisation', '/api/docs', '/no-such-page'];

test('every page in every language has no axe-core violations and no CSP errors', async () => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) cspErrors.push(m.text());
  });
  for (const lang of ['ja', 'ja-easy', 'en']) {
    for (const path of pages) {
      const response = await page.goto(`${base}${path}?lang=${lang}`);
      assert.equal(response?.status(), path === '/no-such-page' ? 404 : 200, `${path} ${lang}`);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `${path} (${lang}):\n${describeViolations(violations)}`);
    }
  }
  assert.deepEqual(cspErrors, []);
  await context.close();
});

// Japanese is the default for a Japanese browser; an English-language browser gets English (Accept-Language).
const newPage = () => browser.newPage({ locale: 'ja-JP' });

test('keyboard: the first Tab reaches the skip link, which moves focus to the main content', async () => {
  const page = await newPage();
  await page.goto(`${base}/organisation`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), '本文へ移動');
  assert.ok(
    await page.evaluate(() => getComputedStyle(document.activeElement!).top !== '-4rem'),
    'visible when focused',
  );
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  await page.close();
});

test('the language switch works by clicking, and the choice is remembered', async () => {
  const page = await newPage();
  await page.goto(`${base}/`);
  await page.getByRole('link', { name: 'English' }).click();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('h1'), 'Welcome to Kawasaki City');
  await page.getByRole('link', { name: 'Ward offices and bureaus' }).click();
  assert.equal(await page.textContent('h1'), 'Ward offices and bureaus');
  await page.close();
});

test('a browser that asks for English gets English without choosing', async () => {
  const page = await browser.newPage({ locale: 'en-US' });
  await page.goto(`${base}/`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.close();
});

test('without JavaScript the portal works the same: links lead to real pages', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  assert.equal(await page.textContent('h1'), '川崎市へようこそ');
  await page.click('a[href="/organisation"]');
  assert.equal(await page.textContent('h1'), '区役所と局の一覧');
  assert.equal(await page.locator('table tbody tr').count(), 7);
  await page.click('a[href="/organisation?lang=ja-easy"]');
  assert.match((await page.innerHTML('h1')) ?? '', /<ruby>/);
  await context.close();
});

test('on a 320px-wide phone nothing scrolls sideways', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'ja-JP' });
  const page = await context.newPage();
  for (const path of pages.slice(0, 4)) {
    await page.goto(`${base}${path}`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `${path} overflows by ${overflow}px`);
  }
  await context.close();
});

test('the API reference is a page like any other: its contents link to each operation', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(`${base}/api/docs`);
  assert.equal(await page.textContent('h1'), 'API 仕様');
  await page.click('nav a[href="#op-get-api-v1-departments-code"]');
  assert.ok(await page.isVisible('#op-get-api-v1-departments-code'));
  const download = await page.request.get(`${base}/api/openapi.json`);
  assert.equal((await download.json()).openapi, '3.1.0');
  await context.close();
});
