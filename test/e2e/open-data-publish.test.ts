// A department publishes a standard dataset in a real browser: the metadata form (sent empty first, then
// filled in), a CSV saved by Excel in Shift_JIS with one bad row, the report naming that row and publishing
// nothing, the fixed file from the report page's own form, publication, and then the dataset found as a
// reader finds it: the public search page and the CKAN API. axe-core checks every staff page on the way.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { getStandardSchema } from '../../src/modules/open-data/ingest/index.ts';
import { startTestCityHall, type TestCityHall } from '../helpers/app.ts';
import { axeViolations, describeViolations, launchBrowser, staffSignInInBrowser } from '../helpers/browser.ts';

let city: TestCityHall;
let browser: Browser;
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
  dir = await mkdtemp(path.join(tmpdir(), 'open-data-publish-e2e-'));
});

after(async () => {
  await browser?.close();
  await city?.close();
  await rm(dir, { recursive: true, force: true });
});

async function accessible(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `${label}:\n${describeViolations(violations)}`);
}

/** An AED list in the standard's columns as Excel writes it on a Japanese PC: Shift_JIS, CRLF. */
async function aedFile(name: string, bad: boolean): Promise<string> {
  const columns = getStandardSchema('aed')!.columns.map((c) => c.name);
  const row = (n: number, lat: string): Record<string, string> => ({
    全国地方公共団体コード: '141305',
    ID: String(n),
    地方公共団体名: '神奈川県川崎市',
    名称: `川崎市ブラウザ試験施設${n}`,
    所在地_連結表記: `神奈川県川崎市中原区小杉町${n}`,
    緯度: lat,
    経度: '139.6595',
    設置位置: '正面玄関',
  });
  const rows = [row(1, '35.5763'), row(2, bad ? '北緯35度' : '35.5764'), row(3, '35.5765')];
  const text = [columns.join(','), ...rows.map((r) => columns.map((c) => r[c] ?? '').join(','))].join('\r\n');
  const file = path.join(dir, name);
  await writeFile(file, iconv.encode(`${text}\r\n`, 'Shift_JIS'));
  return file;
}

test('a department publishes a standard dataset from a Shift_JIS CSV, fixes one bad row, and a reader finds it', async () => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const staff = await context.newPage();
  await staffSignInInBrowser(staff, base, 'planner@kawasaki.example');

  await staff.goto(`${base}/staff/open-data`);
  await staff.getByRole('heading', { name: 'オープンデータの管理' }).waitFor();
  await accessible(staff, 'staff list');

  // The form sent empty names what is missing.
  await staff.getByRole('link', { name: 'データセットを作成' }).click();
  await accessible(staff, 'new dataset');
  await staff.getByRole('button', { name: '作成する' }).click();
  await staff.locator('.error-summary').waitFor();
  assert.ok((await staff.locator('.error-summary a[href="#dataset-name"]').count()) > 0);
  await accessible(staff, 'new dataset with errors');

  await staff.getByLabel('URL名').fill('aed-browser');
  await staff.getByLabel('タイトル').fill('AED設置箇所一覧（ブラウザ試験）');
  await staff.getByLabel('説明').fill('中原区の施設に設置したAEDの場所です。');
  await staff.getByLabel('公開する組織（所属）').selectOption('somu-kikaku.digital');
  await staff.getByLabel('公共データ利用規約（第1.0版）（PDL1.0）').check();
  await staff.getByLabel('更新頻度').selectOption('monthly');
  await staff.getByLabel('標準データセット').selectOption('aed');
  await staff.getByLabel('タグ').fill('救命、AED');
  await staff.getByRole('button', { name: '作成する' }).click();
  await staff.getByText('データセットを作成しました').waitFor();
  await accessible(staff, 'edit dataset');

  // The file with one bad row: checked, refused, the row named.
  await staff.locator('#upload-file').setInputFiles(await aedFile('aed-bad.csv', true));
  await staff.locator('#upload-name').fill('AED設置箇所（中原区）');
  await staff.getByRole('button', { name: 'アップロードして確認する' }).click();
  await staff.getByRole('heading', { name: 'ファイルの確認結果' }).waitFor();
  assert.ok(
    ((await staff.locator('[data-encoding]').textContent()) ?? '').includes(
      'Shift_JIS（CP932）から UTF-8 に変換しました',
    ),
  );
  await staff.getByText('このファイルは公開されていません').waitFor();
  assert.equal(await staff.locator('[data-issue-row="3"]').count(), 1, 'row 3 (as Excel numbers it) is named');
  assert.equal(await staff.getByRole('button', { name: '公開する' }).count(), 0, 'nothing to publish');
  await accessible(staff, 'report with errors');

  // The fixed file from the report page; this one can be published.
  await staff.locator('#upload-file').setInputFiles(await aedFile('aed-fixed.csv', false));
  await staff.getByRole('button', { name: 'アップロードして確認する' }).click();
  await staff.getByText('このファイルは公開できます').waitFor();
  await accessible(staff, 'report without errors');
  await staff.getByRole('button', { name: '公開する' }).click();
  await staff.getByText('ファイルを公開しました').waitFor();
  assert.equal(await staff.locator('[data-resource]').count(), 1);
  await accessible(staff, 'dataset with its resource');

  // The confirmation pages and the tokens page.
  await staff.getByRole('link', { name: '「AED設置箇所（中原区）」を削除する' }).click();
  await staff.getByRole('heading', { name: 'リソースを削除しますか' }).waitFor();
  await accessible(staff, 'remove resource confirmation');
  await staff.getByRole('link', { name: 'やめて戻る' }).click();
  await staff.getByRole('link', { name: 'このデータセットを削除する' }).click();
  await staff.getByRole('heading', { name: 'データセットを削除しますか' }).waitFor();
  await accessible(staff, 'delete dataset confirmation');
  await staff.goto(`${base}/staff/open-data/tokens`);
  await staff.getByLabel('トークンの名前（用途）').fill('ブラウザ試験');
  await staff.getByRole('button', { name: 'トークンを作成する' }).click();
  await staff.getByText('トークン「ブラウザ試験」を作成しました').waitFor();
  await accessible(staff, 'tokens with a new token');
  await context.close();

  // Groups are the DX office's page.
  const dxContext = await browser.newContext({ locale: 'ja-JP' });
  const dx = await dxContext.newPage();
  await staffSignInInBrowser(dx, base, 'dx@kawasaki.example');
  await dx.goto(`${base}/staff/open-data/groups`);
  await dx.getByRole('heading', { name: '分類（グループ）' }).waitFor();
  await accessible(dx, 'groups');
  await dxContext.close();

  // A reader finds it through the search page and through the CKAN API.
  const readerContext = await browser.newContext({ locale: 'ja-JP' });
  const reader = await readerContext.newPage();
  await reader.goto(`${base}/open-data?q=${encodeURIComponent('ブラウザ試験')}`);
  await reader.getByRole('link', { name: 'AED設置箇所一覧（ブラウザ試験）' }).click();
  await reader.getByText('AED設置箇所（中原区）').first().waitFor();
  await readerContext.close();

  const api = await fetch(`${base}/api/3/action/package_search?q=${encodeURIComponent('ブラウザ試験')}`);
  assert.equal(api.status, 200);
  const body = (await api.json()) as {
    success: boolean;
    result: { results: { name: string; num_resources: number; resources: { format: string }[] }[] };
  };
  assert.equal(body.success, true);
  const found = body.result.results.find((d) => d.name === 'aed-browser');
  assert.ok(found, 'package_search finds it');
  assert.equal(found.num_resources, 1);
  assert.equal(found.resources[0]?.format, 'CSV');
});
