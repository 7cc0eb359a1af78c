// Identity journeys in a real browser: a resident signs up, confirms the e-mail, registers a passkey
// (Chromium's virtual authenticator) and signs in with it; a staff member signs in with a TOTP code.
// axe-core checks every page on the way.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { base32Decode, totpCode, totpStep } from '../../src/modules/identity/totp.ts';
import { eventually } from '../helpers/agent.ts';
import { startTestCityHall, type TestCityHall } from '../helpers/app.ts';
import { addVirtualAuthenticator, axeViolations, describeViolations, launchBrowser } from '../helpers/browser.ts';

let city: TestCityHall;
let browser: Browser;
let base: string;

before(async () => {
  city = await startTestCityHall({
    listen: true,
    demoResidents: 100,
    env: { NETWORK_ZONES: 'lgwan=127.0.0.0/8,::1/128' },
  });
  // WebAuthn needs a domain as relying party: the browser talks to localhost, not 127.0.0.1.
  base = city.url!.replace('127.0.0.1', 'localhost');
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

test('a resident signs up, confirms the e-mail, registers a passkey and signs in with it', async () => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await addVirtualAuthenticator(context, page);

  await page.goto(`${base}/sign-up`);
  await accessible(page, 'sign-up');
  await page.getByLabel('お名前').fill('宮前 みどり');
  await page.getByLabel('メールアドレス').fill('midori@example.jp');
  await page.getByLabel('パスワード').fill('password1234');
  await page.getByRole('button', { name: '登録する' }).click();
  // The weak password comes back with the error summary, focused by keyboard users' first Tab.
  await page.getByRole('alert').filter({ hasText: 'よく使われていて' }).waitFor();
  await accessible(page, 'sign-up with errors');
  assert.equal(await page.getByLabel('メールアドレス').inputValue(), 'midori@example.jp');
  await page.getByLabel('パスワード').fill('miyamae-hills-lantern-5');
  await page.getByRole('button', { name: '登録する' }).click();
  await page.getByRole('heading', { name: '確認のメールをお送りしました' }).waitFor();

  const mail = await eventually(() => city.city.deps.demoMailbox!.messages().find((m) => m.to === 'midori@example.jp'));
  const link = /https?:\/\/\S+\/verify-email\?token=\S+/.exec(mail.text)![0];
  await page.goto(link.replace(/^https?:\/\/[^/]+/, base));
  await page.getByRole('button', { name: '登録する' }).click();
  await page.getByText('メールアドレスを確認しました').waitFor();
  await accessible(page, 'account');

  await page.getByLabel('パスキーの名前').fill('テスト用の端末');
  await page.getByRole('button', { name: 'この端末でパスキーを登録する' }).click();
  await page.getByText('パスキーを登録しました').waitFor();
  assert.equal(await page.getByRole('cell', { name: 'テスト用の端末' }).count(), 1);

  await page.getByRole('button', { name: 'サインアウト', exact: true }).click();
  await page.getByText('サインアウトしました。').waitFor();
  await accessible(page, 'sign-in');
  await page.getByRole('button', { name: 'パスキーでサインイン' }).first().click();
  await page.waitForURL(`${base}/account`);
  await page.getByRole('link', { name: '宮前 みどり さん' }).waitFor();
  await context.close();
});

test('without JavaScript the password form still signs a resident in', async () => {
  const context = await browser.newContext({ locale: 'ja-JP', javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  assert.equal(
    await page.getByRole('button', { name: 'パスキーでサインイン' }).count(),
    0,
    'the passkey island stays hidden',
  );
  await page.getByLabel('メールアドレス').fill('hanako@example.jp');
  await page.getByLabel('パスワード').fill('kawasaki-demo-2026');
  await page.getByLabel('パスワード').press('Enter');
  await page.waitForURL(`${base}/account`);
  await page.getByRole('heading', { name: 'マイページ' }).waitFor();
  await context.close();
});

test('a staff member signs in with password and TOTP, then looks up a resident', async () => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(`${base}/staff/sign-in`);
  await accessible(page, 'staff sign-in');
  await page.getByLabel('メールアドレス').fill('caseworker@kawasaki.example');
  await page.getByLabel('パスワード').fill('cityhall-staff-demo');
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await page.getByRole('heading', { name: '2段階認証の設定' }).waitFor();
  await accessible(page, 'TOTP enrolment');
  const secret = ((await page.locator('[data-totp-secret]').textContent()) ?? '').replace(/\s/g, '');
  await page.getByLabel('確認コード（6桁）').fill(totpCode(base32Decode(secret), totpStep()));
  await page.getByRole('button', { name: '確認する' }).click();
  await page.getByRole('heading', { name: '職員ポータル' }).waitFor();
  await accessible(page, 'staff portal');
  assert.match((await page.locator('[data-staff-zone]').textContent()) ?? '', /LGWAN/);

  await page.getByRole('link', { name: '住民記録の照会' }).click();
  const someone = await city.database.ownerDb
    .selectFrom('residents')
    .select(['family_name_kana'])
    .where('ward_code', '=', '141313')
    .executeTakeFirstOrThrow();
  await page.getByLabel('氏名またはフリガナ').fill(someone.family_name_kana);
  await page.getByRole('button', { name: '検索する', exact: true }).click();
  await page.getByRole('status').filter({ hasText: '件' }).waitFor();
  await accessible(page, 'resident search');

  // A user-verifying passkey is a second factor by itself: the next sign-in needs no code.
  await addVirtualAuthenticator(context, page);
  await page.goto(`${base}/staff`);
  await page.getByLabel('パスキーの名前').fill('窓口端末');
  await page.getByRole('button', { name: 'この端末でパスキーを登録する' }).click();
  await page.getByText('パスキーを登録しました').waitFor();
  await page.getByRole('button', { name: 'サインアウト', exact: true }).click();
  await page.goto(`${base}/staff/sign-in`);
  await page.getByRole('button', { name: 'パスキーでサインイン' }).first().click();
  await page.getByRole('heading', { name: '職員ポータル' }).waitFor();
  await context.close();
});

test('identity pages in every language pass axe-core, signed out, signed in and as an auditor', async () => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  const visit = async (paths: string[]) => {
    for (const lang of ['ja', 'ja-easy', 'en']) {
      for (const path of paths) {
        const response = await page.goto(`${base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        assert.equal(response?.status(), 200, `${path} ${lang}`);
        await accessible(page, `${path} (${lang})`);
      }
    }
  };
  await visit(['/sign-in', '/sign-up', '/account/recover', '/assurance', '/demo/mailbox', '/staff/sign-in']);

  await page.goto(`${base}/sign-in?lang=ja`);
  await page.getByLabel('メールアドレス').fill('taro@example.jp');
  await page.getByLabel('パスワード').fill('kawasaki-demo-2026');
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await page.waitForURL(`${base}/account`);
  await visit(['/account', '/account/proxies', '/account/businesses', '/account/jpki', '/assurance']);
  await page.goto(`${base}/account?lang=ja`);
  await page.getByRole('button', { name: 'サインアウト', exact: true }).click();

  await page.goto(`${base}/staff/sign-in?lang=ja`);
  await page.getByLabel('メールアドレス').fill('auditor@kawasaki.example');
  await page.getByLabel('パスワード').fill('cityhall-staff-demo');
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  const secret = ((await page.locator('[data-totp-secret]').textContent()) ?? '').replace(/\s/g, '');
  await page.getByLabel('確認コード（6桁）').fill(totpCode(base32Decode(secret), totpStep()));
  await page.getByRole('button', { name: '確認する' }).click();
  await page.getByRole('heading', { name: '職員ポータル' }).waitFor();
  await visit(['/staff', '/staff/audit', '/staff/audit?action=auth', '/staff/proxies', '/staff/devices']);
  await context.close();
});
