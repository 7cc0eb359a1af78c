// A reader finds and downloads open data in a real browser: the search form used with the keyboard only
// (keyword, a facet checkbox, submit), the dataset, the resource's preview with its map, and the download,
// which is the file that was published. axe-core checks every page on the way.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { OpenDataActor } from '../../src/modules/open-data/actor.ts';
import { createDataset } from '../../src/modules/open-data/use-cases/create-dataset.ts';
import { publishUpload } from '../../src/modules/open-data/use-cases/publish-upload.ts';
import { uploadResource } from '../../src/modules/open-data/use-cases/upload-resource.ts';
import { startTestCityHall, type TestCityHall } from '../helpers/app.ts';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser.ts';

let city: TestCityHall;
let browser: Browser;
let base = '';
const tenantId = 'kawasaki';
const actor: OpenDataActor = { accountId: randomUUID(), roles: ['dx_admin'], departments: [] };
const csv = Buffer.from(
  '名称,住所,緯度,経度\n川崎市役所本庁舎,川崎区宮本町1,35.5308,139.7029\n中原区役所,中原区小杉町3-245,35.5763,139.6595\n高津区役所,高津区下作延2-8-1,35.5995,139.6108\n',
  'utf8',
);

async function publish(name: string, title: string, tags: string[], file?: { name: string; data: Buffer }) {
  const deps = city.city.deps;
  await createDataset(deps, {
    tenantId,
    actor,
    fields: {
      name,
      title,
      notes: `${title}のデータです。`,
      organization: 'somu-kikaku',
      licenseId: 'cc-by-4.0',
      frequency: 'irregular',
      spatial: '川崎市',
      contactName: 'デジタル化推進室',
      contactEmail: 'opendata@city.kawasaki.example',
      private: false,
      tags,
      groups: [],
    },
  });
  if (!file) return;
  const up = await uploadResource(deps, {
    tenantId,
    actor,
    datasetIdOrName: name,
    fileName: file.name,
    file: Readable.from([file.data]),
  });
  assert.ok(up.ok, up.report.summary);
  await publishUpload(deps, { tenantId, actor, uploadId: up.uploadId });
}

before(async () => {
  city = await startTestCityHall({ listen: true, demoResidents: 20 });
  base = city.url!;
  browser = await launchBrowser();
  await publish('aed-locations', 'AED設置箇所一覧', ['AED', '防災'], { name: 'AED設置箇所.csv', data: csv });
  await publish('aed-training', 'AED講習会の開催実績', ['AED', '講習']);
  await publish('hinanjo', '指定緊急避難場所一覧', ['防災']);
});

after(async () => {
  await browser?.close();
  await city?.close();
});

async function accessible(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `${label}:\n${describeViolations(violations)}`);
}

/** Presses Tab until the focused element matches, as a keyboard user moves through the page. */
async function tabTo(page: Page, matches: (el: Element) => boolean, label: string): Promise<void> {
  // The test runs in the page: the function's source is evaluated there against the focused element.
  const check = `(${matches.toString()})(document.activeElement)`;
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(check)) return;
  }
  throw new Error(`Tab never reached ${label}`);
}

test('a reader searches with the keyboard, opens the dataset and its resource, sees the map and downloads the file', async () => {
  const context = await browser.newContext({ locale: 'ja-JP', acceptDownloads: true });
  const page = await context.newPage();
  // The JSON-LD element is data, not script, and the map uses no inline style: the strict CSP must not object.
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.goto(`${base}/open-data`);
  await page.getByRole('heading', { level: 1, name: 'オープンデータ' }).waitFor();
  await accessible(page, 'search page');

  // Keyboard only: the keyword, a tag to narrow by (Space ticks it), then the filter button (Enter).
  await tabTo(page, (el) => el.id === 'search-q', 'the keyword box');
  await page.keyboard.type('AED');
  await tabTo(
    page,
    (el) => el instanceof HTMLInputElement && el.name === 'tags' && el.value === '防災',
    'the 防災 tag checkbox',
  );
  await page.keyboard.press('Space');
  await tabTo(page, (el) => el.tagName === 'BUTTON' && el.textContent === 'この条件で絞り込む', 'the filter button');
  await Promise.all([page.waitForURL(/\/open-data\?/), page.keyboard.press('Enter')]);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('q'), 'AED');
  assert.deepEqual(url.searchParams.getAll('tags'), ['防災']);
  const results = await page
    .locator('[data-dataset]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-dataset')));
  assert.deepEqual(results, ['aed-locations']);
  await accessible(page, 'search results');

  // The dataset.
  await page.getByRole('link', { name: 'AED設置箇所一覧' }).click();
  await page.getByRole('heading', { level: 1, name: /AED設置箇所一覧/ }).waitFor();
  await accessible(page, 'dataset page');
  assert.equal(await page.locator('script[type="application/ld+json"]').count(), 1);

  // Its history.
  await page.getByRole('link', { name: '変更履歴を見る' }).click();
  await page.getByRole('heading', { level: 1, name: /変更履歴/ }).waitFor();
  await accessible(page, 'history page');
  await page.goBack();

  // The resource: preview table and map.
  await page.getByRole('link', { name: 'AED設置箇所.csv' }).first().click();
  await page.getByRole('heading', { level: 2, name: 'データのプレビュー' }).waitFor();
  assert.equal(await page.locator('table[data-preview] tbody tr').count(), 3);
  const map = page.getByRole('img', { name: /地点/ });
  assert.ok(await map.isVisible(), 'the map is drawn');
  assert.equal(await page.locator('svg circle').count(), 3);
  await accessible(page, 'resource page');

  // The download.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /ダウンロードする/ }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'AED設置箇所.csv');
  const saved = await download.path();
  // The published file: the upload as UTF-8 with a BOM (so Excel reads it).
  assert.deepEqual(await readFile(saved), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv]));
  // A search the catalogue cannot run says why, accessibly.
  await page.goto(`${base}/open-data?sort=${encodeURIComponent('downloads desc')}`);
  await page.getByRole('heading', { name: '検索の条件を確認してください' }).waitFor();
  await accessible(page, 'search with a bad sort');
  assert.deepEqual(refused, [], 'no CSP violation on any page');
  await context.close();
});
