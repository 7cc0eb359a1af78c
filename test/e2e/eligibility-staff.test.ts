// The DX office approves a push-type outreach in a real browser: the overview of every rule, a rule's page with
// the people waiting, the notice opened and read in the three languages, the standing approval ticked with the
// keyboard and the approval sent; then the rule's history shows the outreach and the waiting count is zero, and
// the standing approval is withdrawn; version 2 refused before its difference is checked, then compared by a
// background job: the page says it started, and 「最新の状態を見る」 shows the difference once it is done.
// axe-core checks every page on the way.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  type StaffCity,
  startStaffCity,
  until,
  waitingIds,
} from '../../src/modules/eligibility/use-cases/staff-city.test-support.ts';
import { axeViolations, describeViolations, launchBrowser, staffSignInInBrowser } from '../helpers/browser.ts';

let s: StaffCity;
let browser: Browser;
let base = '';

before(async () => {
  s = await startStaffCity({ listen: true, env: { NETWORK_ZONES: 'lgwan=127.0.0.0/8,::1/128' } });
  base = s.city.url!;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await s?.city.close();
});

async function accessible(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `${label}:\n${describeViolations(violations)}`);
}

test('the DX office reads a rule’s notice and approves telling the people it newly found', async () => {
  const ruleId = 'sumaho-kyoshitsu';
  const waiting = await waitingIds(s.city.city.deps.ownerDb, ruleId);
  assert.ok(waiting.length > 0);
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await staffSignInInBrowser(page, base, 'dx@kawasaki.example');
  // A registered device, as the office's own terminals are (personal data after 22:00 needs one).
  await page.goto(`${base}/staff/devices`);
  await page.getByLabel('端末の名前').fill('DX推進 端末1');
  await page.getByRole('button', { name: '登録する' }).click();
  await page.waitForURL(/\/staff(\?|$)/);

  await page.goto(`${base}/staff/eligibility`);
  await page.getByRole('heading', { level: 1, name: 'プッシュ型サービス' }).waitFor();
  assert.equal(await page.locator('tr[data-rule]').count(), 35);
  await page.getByRole('button', { name: '全員の判定を実行' }).waitFor();
  await accessible(page, 'overview');

  await page.getByRole('link', { name: '高齢者向けスマホ教室' }).click();
  await page.getByRole('heading', { level: 1, name: /高齢者向けスマホ教室/ }).waitFor();
  assert.equal(await page.locator('tr[data-person]').count(), Math.min(5, waiting.length));
  await accessible(page, 'rule page');

  // The notice, opened as a keyboard user does: focus its summary and press Enter.
  const easy = page.locator('[data-notice="notice-easy"]');
  assert.equal(await easy.isVisible(), false, 'closed until asked for');
  await page.locator('[data-notice-preview] summary').focus();
  await page.keyboard.press('Enter');
  await easy.waitFor({ state: 'visible' });
  assert.match((await page.locator('[data-notice="notice-ja"]').textContent()) ?? '', /高齢者向けスマホ教室のご案内/);
  assert.match((await easy.textContent()) ?? '', /スマートフォンの 使い方/);
  assert.match(
    (await page.locator('[data-notice="notice-en"]').textContent()) ?? '',
    /The city's records show you may be eligible/,
  );
  await accessible(page, 'rule page with the notice open');

  // The standing approval, ticked with the keyboard; then the approval.
  const standing = page.getByLabel('今後、出生・転入などで新たに対象になった方にもすぐ案内する');
  await standing.focus();
  await page.keyboard.press('Space');
  assert.equal(await standing.isChecked(), true);
  await page.getByRole('button', { name: '案内を承認して送る' }).click();
  await page.getByText('案内を承認しました。今後、新たに対象になった方にもすぐ案内します。').waitFor();
  await accessible(page, 'after approving');

  await until(
    async () => ((await waitingIds(s.city.city.deps.ownerDb, ruleId)).length === 0 ? true : undefined),
    'sent',
  );
  await page.reload();
  await page.locator('tr[data-outreach-row="staff"]').waitFor();
  assert.equal(await page.locator('[data-count="waiting"]').textContent(), '0人');
  assert.equal(await page.locator('[data-count="standing"]').textContent(), 'あり');
  await accessible(page, 'rule page after the outreach');

  // The standing approval, withdrawn: people newly eligible from now on wait for an approval again.
  await page.getByRole('button', { name: '今後の自動案内をやめる' }).click();
  await page.getByText('今後の自動案内をやめました。新たに対象になった方は、承認するまで案内されません。').waitFor();
  assert.equal(await page.locator('[data-count="standing"]').textContent(), 'なし');
  await accessible(page, 'standing approval withdrawn');

  // Version 2 cannot be activated before its difference is checked; checked, the people it adds are shown.
  const v2 = page.locator('[data-version="2"]');
  await v2.getByRole('button', { name: 'この版を有効にする' }).click();
  await page.locator('.error-summary').getByText('第2版の差分をまだ確認していません', { exact: false }).waitFor();
  await accessible(page, 'activation refused');
  await page.locator('[data-version="2"]').getByRole('button', { name: '差分を確認する' }).click();
  await page.getByText('差分の確認を始めました。終わるとこのページに結果が出ます。').waitFor();
  const gained = page.locator('[data-examples="version-2-gained"] tbody tr');
  if ((await gained.count()) === 0) {
    await page.locator('[data-version="2"] [data-preview-running]').waitFor();
    await accessible(page, 'difference being checked');
  }
  // As staff do: 「最新の状態を見る」 (a plain link, no script) until the job is done.
  await until(async () => {
    if ((await gained.count()) > 0) return true;
    const again = page.getByRole('link', { name: '最新の状態を見る' });
    if ((await again.count()) > 0) await again.click();
    else await page.reload();
    await page.waitForLoadState('load');
    return undefined;
  }, 'the difference');
  assert.equal(await gained.count(), 5);
  assert.equal(await page.locator('[data-preview-running]').count(), 0);
  await accessible(page, 'difference shown');
  await context.close();
});
