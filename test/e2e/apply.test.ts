// Online procedures end to end in a real browser, as people click through them: a resident finds 住民票の写し,
// proves who they are with the (demo) My Number Card, applies, pays on the provider's page, and downloads
// the signed copy that /verify accepts (and refuses once a byte is changed); the correction loop; a proxy's
// and a business's application; a procedure that needs one visit; a double submission; a saved draft.
// axe-core checks every page on the way.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  createCrl,
  createDemoCa,
  createDemoCard,
  type DemoCard,
  signCms,
} from '../../src/modules/identity/jpki/demo-ca.ts';
import { derToPem } from '../../src/modules/identity/jpki/der.ts';
import { isValidCorporateNumber } from '../../src/modules/identity/use-cases/create-business.ts';
import { sampleAnswers, sampleInternal } from '../../src/modules/procedures/full/samples.ts';
import { getProcedure } from '../../src/modules/procedures/index.ts';
import { readHousehold, readResident } from '../../src/modules/residents/index.ts';
import { startTestCityHall, type TestCityHall } from '../helpers/app.ts';
import { axeViolations, describeViolations, launchBrowser, staffSignInInBrowser } from '../helpers/browser.ts';
import { formFields } from '../helpers/forms.ts';

const password = 'kawasaki-demo-2026';

let city: TestCityHall;
let browser: Browser;
let base: string;
let dir: string;
let card: DemoCard;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'apply-e2e-'));
  const ca = await createDemoCa();
  await writeFile(path.join(dir, 'ca.pem'), derToPem(ca.der, 'CERTIFICATE'));
  await writeFile(path.join(dir, 'ca.crl'), await createCrl(ca, []));
  city = await startTestCityHall({
    listen: true,
    demoResidents: 50,
    env: {
      // Staff browsers connect from 127.0.0.1: that is the LGWAN side here.
      NETWORK_ZONES: 'lgwan=127.0.0.0/8,::1/128',
      JPKI_TRUST_ANCHORS: path.join(dir, 'ca.pem'),
      JPKI_CRL_FILE: path.join(dir, 'ca.crl'),
    },
  });
  base = city.url!;
  // The demo card of resident #1, as the card in a person's wallet.
  const resident = (await readResident(city.city.deps, { tenantId: 'kawasaki', id: '1' }))!;
  card = await createDemoCard(ca, 'card', {
    name: `${resident.familyName}　${resident.givenName}`,
    sex: resident.sex,
    birthDate: resident.birthDate,
    address: resident.address,
  });
  browser = await launchBrowser();
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

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'ja-JP' });
  return { context, page: await context.newPage() };
}

/** Fills the sign-in form the page shows (after a redirect to /sign-in, or opened directly). */
async function signIn(page: Page, email: string): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/sign-in')) await page.goto(`${base}/sign-in`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Password, then the TOTP code, with an axe check of the second-factor page. */
async function staffSignIn(page: Page, email: string): Promise<void> {
  await staffSignInInBrowser(page, base, email, (p) => accessible(p, 'staff second factor'));
}

/**
 * Fills the controls of the step on the page from sample answers, the way a person would: types into text
 * boxes, picks radios, options and checkboxes, and adds another item of a repeating group when the answers
 * have more than the page shows. Fields in `keep` are left as the page filled them.
 */
async function fillStep(page: Page, answers: Record<string, unknown>, fields: string[], keep: string[] = []) {
  const values = formFields(
    answers,
    fields.filter((f) => !keep.includes(f)),
  );
  for (const [name, value] of Object.entries(values)) {
    let controls = page.locator(`[name="${name}"]:not([type="hidden"])`);
    const item = /^(.+)\.(\d+)\.[^.]+$/.exec(name);
    if ((await controls.count()) === 0 && item) {
      await page.locator(`button[value="add:${item[1]}"]`).click();
      await page.waitForLoadState();
      controls = page.locator(`[name="${name}"]:not([type="hidden"])`);
    }
    // A field shown only for another answer on an earlier step is not on the page.
    if ((await controls.count()) === 0) continue;
    const first = controls.first();
    const kind = await first.evaluate((el) =>
      el.tagName === 'SELECT' ? 'select' : el.tagName === 'TEXTAREA' ? 'textarea' : (el as HTMLInputElement).type,
    );
    if (kind === 'radio') await page.locator(`[name="${name}"][value="${value}"]`).check();
    else if (kind === 'checkbox' && Array.isArray(value)) {
      for (const box of await controls.all()) await box.setChecked(value.includes((await box.getAttribute('value'))!));
    } else if (kind === 'checkbox') await first.setChecked(value === 'true');
    else if (kind === 'select') await first.selectOption(String(value));
    else if (kind !== 'file') await first.fill(String(value));
  }
}

/** An <h1> ends with its text (a caption may come first, read as part of it). */
function h1(page: Page, text: string) {
  return page.getByRole('heading', { level: 1, name: new RegExp(`${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
}

async function procedure(code: string) {
  return (await getProcedure(city.city.deps, { tenantId: 'kawasaki', code }))!;
}

/** From the start page (already open) through every step to the check page, each page checked by axe. */
async function fillAllSteps(
  page: Page,
  code: string,
  answers: Record<string, unknown>,
  extra: { keep?: string[]; beforeNext?: (stepId: string) => Promise<void>; from?: string } = {},
): Promise<string> {
  const p = await procedure(code);
  if (!extra.from) await page.getByRole('button', { name: '申請を始める' }).click();
  const steps = p.form!.steps;
  for (const step of steps.slice(extra.from ? steps.findIndex((s) => s.id === extra.from) : 0)) {
    await h1(page, step.title).waitFor();
    await accessible(page, `${code} step ${step.id}`);
    await fillStep(page, answers, step.fields, extra.keep);
    await extra.beforeNext?.(step.id);
    await page.getByRole('button', { name: '次へ進む' }).click();
    await page.waitForLoadState();
    const errors = page.locator('.error-summary');
    if ((await errors.count()) > 0) assert.fail(`${code} ${step.id}: ${await errors.textContent()}`);
  }
  await h1(page, '申請内容の確認').waitFor();
  await accessible(page, `${code} check`);
  return /\/applications\/([0-9a-f-]{36})\/check/.exec(page.url())![1]!;
}

async function submitAndReadReceipt(page: Page): Promise<string> {
  await page.getByRole('button', { name: '申請する', exact: true }).click();
  await page.getByRole('heading', { name: '申請を受け付けました' }).waitFor();
  await accessible(page, 'receipt');
  const receipt = (await page.locator('#receipt-number').textContent())!;
  assert.match(receipt, /^\d{4}-\d{6}-\d$/);
  return receipt;
}

async function openCase(page: Page, receipt: string): Promise<void> {
  await page
    .getByRole('link', { name: /案件の一覧/ })
    .first()
    .click();
  await page.getByRole('heading', { name: '案件の一覧（受付箱）' }).waitFor();
  await accessible(page, 'staff inbox');
  await page.getByRole('link', { name: receipt, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`^案件 ${receipt}`) }).waitFor();
  await accessible(page, 'staff case');
}

async function eventually<T>(what: string, check: () => Promise<T | undefined | false>): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`timed out waiting for ${what}`);
}

async function countRows(table: string, where: Record<string, string>): Promise<number> {
  let query = city.database.ownerDb.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n'));
  for (const [column, value] of Object.entries(where)) query = query.where(column, '=', value);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

test('住民票の写し: search, card identity, apply with prefill, pay, staff approve, download and verify the PDF', async (t) => {
  const household = await readHousehold(city.city.deps, { tenantId: 'kawasaki', residentId: '1' });
  // The demo caseworker works at 川崎区 区民課 (ward-141313.kumin); the case goes to the resident's ward.
  assert.equal(
    household?.wardCode,
    '141313',
    `resident #1 lives in ward ${household?.wardCode}: the demo caseworker (ward-141313.kumin) would not see the case`,
  );
  const resident = household!.resident;
  const { context, page } = await newPage();

  await page.goto(`${base}/procedures`);
  await accessible(page, 'procedure search');
  await page.getByLabel('キーワード').fill('じゅうみんひょう');
  await page.getByRole('button', { name: '検索' }).click();
  await page.getByRole('status').filter({ hasText: '件の手続が見つかりました' }).waitFor();
  await accessible(page, 'search results');
  await page.getByRole('link', { name: '住民票の写しの交付請求' }).first().click();
  await page.getByRole('heading', { name: '住民票の写しの交付請求' }).waitFor();
  await accessible(page, 'procedure page');
  await page.getByRole('link', { name: 'オンラインで申請する' }).click();

  await page.getByLabel('メールアドレス').waitFor();
  await accessible(page, 'sign-in');
  await signIn(page, 'hanako@example.jp');
  await page.getByRole('heading', { name: '住民票の写しの交付請求の申請' }).waitFor();
  await accessible(page, 'start page needing the card');
  assert.equal(await page.getByRole('button', { name: '申請を始める' }).count(), 0, 'no start before the card');

  await page.getByRole('link', { name: 'マイナンバーカードで本人確認する' }).click();
  await page.getByRole('heading', { name: 'マイナンバーカードで本人確認' }).waitFor();
  await accessible(page, 'card identity');
  const challenge = (await page.locator('[data-jpki-challenge]').textContent())!;
  const signature = Buffer.from(await signCms(card.signing, new TextEncoder().encode(challenge))).toString('base64');
  await page.getByLabel('署名（base64）').fill(signature);
  await page.getByRole('button', { name: '本人確認する' }).click();
  // Back where the resident was going: the application's start page.
  await page.getByRole('heading', { name: '住民票の写しの交付請求の申請' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/apply/juminhyo-copy');
  await accessible(page, 'start page after the card');

  const answers = sampleAnswers['juminhyo-copy']!;
  const prefilled = ['applicant', 'birthDate', 'address'];
  await fillAllSteps(page, 'juminhyo-copy', answers, {
    keep: prefilled,
    beforeNext: async (stepId) => {
      if (stepId !== 'requester') return;
      // Once-only: name, birth date and address come from the register, each with its source.
      await t.test('name, birth date and address are prefilled from the register with their source', async () => {
        const notes = page.locator('.form-prefill');
        assert.equal(await notes.count(), 3);
        for (const note of await notes.all()) {
          assert.equal(
            await note.textContent(),
            '住民記録（住民基本台帳）から入力しました。内容を確認し、違っていれば直してください。',
          );
        }
        assert.equal(await page.locator('[name="applicant.familyName"]').inputValue(), resident.familyName);
        assert.equal(await page.locator('[name="applicant.givenName"]').inputValue(), resident.givenName);
        assert.equal(await page.locator('[name="address.address"]').inputValue(), household!.address);
      });
    },
  });
  const check = page.locator('main');
  assert.match((await check.textContent())!, new RegExp(resident.familyName));
  assert.match((await check.textContent())!, /手数料：600円/);
  const receipt = await submitAndReadReceipt(page);
  assert.equal(await page.locator('#payment-status').textContent(), '600円（未払い）');
  const filed = await city.database.ownerDb
    .selectFrom('applications')
    .select('department')
    .where('receipt_number', '=', receipt)
    .executeTakeFirstOrThrow();
  assert.equal(
    filed.department,
    `ward-${household!.wardCode}.kumin`,
    'the case goes to the ward the resident lives in',
  );

  const statusUrl = page.url().replace(/\?.*$/, '');
  // The page allows its pay form to end on the provider's checkout (CSP form-action names its origin).
  await page.getByRole('button', { name: '支払う（600円）' }).click();
  await page.getByText('実際のお金は動きません').waitFor();
  await accessible(page, 'provider checkout');
  await page.getByLabel('PayPay（QRコード決済）').check();
  await page.getByRole('button', { name: '支払う' }).click();
  await page.getByRole('heading', { name: 'お支払いが完了しました' }).waitFor();
  await accessible(page, 'payment return');
  await page.getByRole('link', { name: '申請のページに戻る' }).click();
  await page.locator('#payment-status').waitFor();
  await eventually('支払い済み', async () => {
    await page.goto(statusUrl);
    return (await page.locator('#payment-status').textContent()) === '600円（支払い済み）';
  });
  await accessible(page, 'status paid');

  const staff = await newPage();
  await staffSignIn(staff.page, 'caseworker@kawasaki.example');
  await openCase(staff.page, receipt);
  assert.equal(await staff.page.locator('#case-payment').textContent(), '600円（支払い済み）');
  await staff.page.getByRole('button', { name: '審査を始める' }).click();
  await staff.page.locator('#case-status', { hasText: '審査中' }).waitFor();
  await accessible(staff.page, 'case in review');
  for (const [field, value] of Object.entries(sampleInternal['juminhyo-copy'] ?? {})) {
    await staff.page.locator(`[name="internal.${field}"]`).fill(String(value));
  }
  await staff.page.getByRole('button', { name: '承認する' }).click();
  await staff.page.locator('#case-status', { hasText: /承認|交付済み/ }).waitFor();
  await accessible(staff.page, 'case approved');
  await staff.context.close();

  // The document is made by a job after the approval: the resident sees it on the status page when it is.
  await eventually('the document on the status page', async () => {
    await page.goto(statusUrl);
    return (await page.locator('#status').textContent()) === '交付済み';
  });
  await accessible(page, 'status issued');
  const link = page.getByRole('link', { name: '住民票の写し（PDF）をダウンロード' });
  const code = /確認コード\s*([0-9A-Z-]+)/.exec((await link.locator('xpath=..').textContent())!)![1]!;
  // The PDF opens in the browser's viewer (inline); the resident saves it. The viewer hides the bytes from
  // Playwright, so they are fetched again with the same cookies, as 「名前を付けて保存」 would.
  const href = (await link.getAttribute('href'))!;
  const [opened] = await Promise.all([page.waitForResponse((r) => r.url() === `${base}${href}`), link.click()]);
  assert.equal(opened.status(), 200);
  assert.equal(opened.headers()['content-type'], 'application/pdf');
  const pdf = Buffer.from(await (await context.request.get(`${base}${href}`)).body());
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const genuine = path.join(dir, 'juminhyo.pdf');
  const tampered = path.join(dir, 'juminhyo-edited.pdf');
  await writeFile(genuine, pdf);
  const changed = Buffer.from(pdf);
  changed[700] = changed[700]! ^ 0x01;
  await writeFile(tampered, changed);

  await page.goto(`${base}/verify`);
  await accessible(page, 'verify');
  await page.getByLabel('確認コード').fill(code);
  await page.getByRole('button', { name: '確認する', exact: true }).click();
  await page.getByRole('heading', { name: 'この書類は本物です' }).waitFor();
  await accessible(page, 'verified by code');
  await page.getByLabel('PDFファイル').setInputFiles(genuine);
  await page.getByRole('button', { name: 'ファイルを確認する' }).click();
  await page.getByRole('heading', { name: 'この書類は本物です' }).waitFor();
  await page.getByText('交付したときのファイルと一致します').waitFor();
  await accessible(page, 'verified by file');
  await page.getByLabel('PDFファイル').setInputFiles(tampered);
  await page.getByRole('button', { name: 'ファイルを確認する' }).click();
  await page.getByRole('heading', { name: 'この書類は改ざんされています' }).waitFor();
  await accessible(page, 'tampered file');
  await context.close();
});

test('the correction loop: staff ask to fix one field, the resident changes only that and resubmits', async () => {
  const resident = await newPage();
  const { page } = resident;
  await page.goto(`${base}/apply/sodai-gomi`);
  await signIn(page, 'hanako@example.jp');
  await h1(page, '粗大ごみ収集申込の申請').waitFor();
  await accessible(page, 'start sodai-gomi');
  const answers = sampleAnswers['sodai-gomi']!;
  await fillAllSteps(page, 'sodai-gomi', answers);
  const receipt = await submitAndReadReceipt(page);
  const statusUrl = page.url().replace(/\?.*$/, '');

  const staff = await newPage();
  await staffSignIn(staff.page, 'reviewer@kawasaki.example');
  await openCase(staff.page, receipt);
  await staff.page.getByRole('button', { name: '審査を始める' }).click();
  await staff.page.locator('#case-status', { hasText: '審査中' }).waitFor();
  await staff.page.locator('details summary', { hasText: '補正を依頼する' }).click();
  await staff.page.getByLabel('出す場所', { exact: true }).fill('道路から見える位置で、具体的に書いてください。');
  await staff.page.getByLabel('申請者へのお願い（全体）').fill('収集場所の補正をお願いします。');
  await accessible(staff.page, 'correction form');
  await staff.page.locator('form[action$="/correction"]').getByRole('button', { name: '補正を依頼する' }).click();
  await staff.page.locator('#case-status', { hasText: '補正のお願い' }).waitFor();
  await accessible(staff.page, 'case waiting for the correction');

  await page.goto(statusUrl);
  await page.getByRole('heading', { name: '補正のお願い' }).waitFor();
  await page.getByText('道路から見える位置で、具体的に書いてください。').waitFor();
  await page.getByText('収集場所の補正をお願いします。', { exact: true }).waitFor();
  await accessible(page, 'status with a correction');
  await page.getByRole('link', { name: '修正する：収集の場所と日' }).click();
  await h1(page, '収集の場所と日').waitFor();
  await accessible(page, 'correction step');
  assert.equal(await page.locator('input[name="placement"]').count(), 1);
  assert.equal(await page.locator('input[name="phone"]').count(), 0, 'only the field asked about can change');
  await page.getByLabel('出す場所').fill('マンション前の道路沿い、植え込みの横');
  await page.getByRole('button', { name: '次へ進む' }).click();
  await page.getByRole('button', { name: '修正した内容で再提出する' }).click();
  await page.locator('#status', { hasText: '補正済み（再審査待ち）' }).waitFor();
  await accessible(page, 'status after resubmitting');

  await staff.page.reload();
  await staff.page.locator('#case-status', { hasText: '補正済み（再審査待ち）' }).waitFor();
  const shown = (await staff.page.locator('#answers').textContent())!;
  assert.match(shown, /マンション前の道路沿い、植え込みの横/);
  assert.doesNotMatch(shown, /集合住宅1階のごみ置き場/);
  assert.match(shown, new RegExp(String(answers.phone)), 'the other answers are as first sent');
  await accessible(staff.page, 'case resubmitted');
  await staff.context.close();
  await resident.context.close();
});

test('a double click on 申請する (and a second tab) makes one application with one receipt number', async () => {
  const { context, page } = await newPage();
  await page.goto(`${base}/apply/sodai-gomi`);
  await signIn(page, 'hanako@example.jp');
  const before = await countRows('applications', { procedure_code: 'sodai-gomi', status: 'submitted' });
  const id = await fillAllSteps(page, 'sodai-gomi', sampleAnswers['sodai-gomi']!);
  const other = await context.newPage();
  await other.goto(page.url());
  await h1(other, '申請内容の確認').waitFor();

  const posts: string[] = [];
  context.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith(`/applications/${id}/submit`)) posts.push(request.url());
  });
  await page.getByRole('button', { name: '申請する', exact: true }).dblclick();
  await page.getByRole('heading', { name: '申請を受け付けました' }).waitFor();
  const receipt = (await page.locator('#receipt-number').textContent())!;
  // The tab opened before sends the same form again: it lands on the same application.
  await other.getByRole('button', { name: '申請する', exact: true }).click();
  await other.locator('#status').waitFor();
  assert.equal(other.url().replace(/\?.*$/, ''), page.url().replace(/\?.*$/, ''));
  assert.match((await other.locator('h1').textContent())!, new RegExp(receipt));

  assert.ok(posts.length >= 2, `the form was sent ${posts.length} times`);
  assert.equal(await countRows('applications', { procedure_code: 'sodai-gomi', status: 'submitted' }), before + 1);
  assert.equal(await countRows('application_history', { application_id: id, to_status: 'submitted' }), 1);
  assert.equal(await countRows('domain_events', { subject_id: id, type: 'application.submitted' }), 1);
  await page.goto(`${base}/my/applications`);
  await accessible(page, 'my applications');
  assert.equal(await page.getByRole('cell', { name: receipt, exact: true }).count(), 1);
  await context.close();
});

test('a draft: fill the first step, save and leave, find it in the list, continue and submit', async () => {
  const { context, page } = await newPage();
  await page.goto(`${base}/procedures/inu-toroku`);
  await page.getByRole('link', { name: 'オンラインで申請する' }).click();
  await signIn(page, 'hanako@example.jp');
  await page.getByRole('button', { name: '申請を始める' }).click();
  await h1(page, '飼い主').waitFor();
  const answers = sampleAnswers['inu-toroku']!;
  await fillStep(page, answers, (await procedure('inu-toroku')).form!.steps[0]!.fields);
  await page.getByRole('button', { name: '一時保存して中断する' }).click();

  await page.getByText('下書きを保存しました。続きはこの一覧から入力できます。').waitFor();
  await accessible(page, 'my applications with a draft');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: '犬の登録' }) });
  assert.equal(await row.count(), 1);
  await row.getByRole('cell', { name: '下書き' }).waitFor();
  await row.getByRole('link', { name: '犬の登録' }).click();
  await page.locator('#status', { hasText: '下書き' }).waitFor();
  await accessible(page, 'draft status');
  await page.getByRole('link', { name: '下書きの続きから入力する' }).click();
  await h1(page, '飼い主').waitFor();
  assert.equal(await page.locator('[name="phone"]').inputValue(), answers.phone, 'what was typed is kept');
  assert.equal(await page.locator('[name="owner.givenName"]').inputValue(), '花子');

  await fillAllSteps(page, 'inu-toroku', answers, { from: 'owner' });
  await submitAndReadReceipt(page);
  await context.close();
});

test('a proxy: hanako asks taro in the browser, taro applies for her, the case says a proxy filed it', async () => {
  const nextYear = `${new Date().getFullYear() + 1}-03-31`;
  const hanako = await newPage();
  await hanako.page.goto(`${base}/account/proxies`);
  await signIn(hanako.page, 'hanako@example.jp');
  await h1(hanako.page, '代理人の管理').waitFor();
  await accessible(hanako.page, 'proxies');
  await hanako.page.getByLabel('代理人のメールアドレス').fill('taro@example.jp');
  await hanako.page.getByLabel('家族', { exact: true }).check();
  await hanako.page.getByLabel('代理をお願いする手続').fill('sodai-gomi');
  await hanako.page.getByLabel('有効期限').fill(nextYear);
  await hanako.page.getByRole('button', { name: '代理をお願いする' }).click();
  await hanako.page.getByText('代理をお願いしました。').waitFor();
  await accessible(hanako.page, 'proxy granted');

  const taro = await newPage();
  const { page } = taro;
  await page.goto(`${base}/account/proxies`);
  await signIn(page, 'taro@example.jp');
  await page.getByRole('button', { name: 'この人の代理で操作する' }).click();
  await page.getByText('川崎 花子 さんの代理で操作中').first().waitFor();
  await accessible(page, 'acting for hanako');
  await page.goto(`${base}/procedures/sodai-gomi`);
  await page.getByRole('link', { name: 'オンラインで申請する' }).click();
  await fillAllSteps(page, 'sodai-gomi', sampleAnswers['sodai-gomi']!);
  const receipt = await submitAndReadReceipt(page);
  await page.getByText('川崎 花子 さんの代理で操作中').first().waitFor();

  // Hanako sees it among her own applications.
  await hanako.page.goto(`${base}/my/applications`);
  assert.equal(await hanako.page.getByRole('cell', { name: receipt, exact: true }).count(), 1);

  const staff = await newPage();
  await staffSignIn(staff.page, 'reviewer@kawasaki.example');
  await openCase(staff.page, receipt);
  assert.match((await staff.page.locator('main dl').first().textContent())!, /川崎 花子（代理人による申請）/);
  await staff.context.close();
  await taro.context.close();
  await hanako.context.close();
});

test('a business: hanako registers one, acts as it and applies for 道路占用許可; the case says so', async (t) => {
  const corporateNumber = String(sampleAnswers['doro-senyo']!.corporateNumber);
  assert.ok(isValidCorporateNumber(corporateNumber));
  const { context, page } = await newPage();
  await page.goto(`${base}/account/businesses`);
  await signIn(page, 'hanako@example.jp');
  await h1(page, '事業者アカウント').waitFor();
  await accessible(page, 'businesses');
  await page.getByLabel('事業者名').fill('株式会社サンプル建設');
  await page.getByLabel('法人番号（13桁）').fill(corporateNumber);
  await page.getByLabel('所在地').fill('川崎市中原区小杉町3丁目600番地');
  await page.getByRole('button', { name: '事業者を登録する' }).click();
  await page.getByRole('heading', { name: /株式会社サンプル建設/ }).waitFor();
  await page.getByRole('button', { name: 'この事業者として操作する' }).click();
  await page.waitForLoadState();
  assert.equal(await page.getByRole('button', { name: 'この事業者として操作する' }).count(), 0);
  await accessible(page, 'acting as the business');

  await page.goto(`${base}/procedures/doro-senyo`);
  await accessible(page, 'doro-senyo');
  await page.getByRole('link', { name: 'オンラインで申請する' }).click();
  const drawings = path.join(dir, 'zumen.pdf');
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  await writeFile(drawings, await doc.save());
  await fillAllSteps(page, 'doro-senyo', sampleAnswers['doro-senyo']!, {
    beforeNext: async (stepId) => {
      if (stepId === 'applicant') {
        await t.test('the business name and number are prefilled', async () => {
          await page.reload();
          assert.equal(await page.locator('[name="companyName"]').inputValue(), '株式会社サンプル建設');
          assert.equal(await page.locator('[name="corporateNumber"]').inputValue(), corporateNumber);
        });
        await fillStep(page, sampleAnswers['doro-senyo']!, (await procedure('doro-senyo')).form!.steps[0]!.fields);
      }
      if (stepId === 'works') await page.getByLabel('位置図・平面図・断面図').first().setInputFiles(drawings);
    },
  });
  assert.match((await page.locator('main').textContent())!, /zumen\.pdf/);
  const receipt = await submitAndReadReceipt(page);

  const staff = await newPage();
  await staffSignIn(staff.page, 'reviewer@kawasaki.example');
  await openCase(staff.page, receipt);
  assert.match((await staff.page.locator('main dl').first().textContent())!, /（事業者としての申請）/);
  await staff.page.getByRole('link', { name: 'zumen.pdf' }).waitFor();
  await staff.context.close();
  await context.close();
});

test('a procedure that needs one visit says why, and what can be done online', async () => {
  const { context, page } = await newPage();
  await page.goto(`${base}/procedures/shogaisha-techo`);
  await h1(page, '障害者手帳の申請').waitFor();
  await accessible(page, 'shogaisha-techo');
  await page.getByRole('heading', { name: '窓口に来ていただく理由: 現物の受渡し' }).waitFor();
  await page.getByText('手帳は、区役所の窓口で本人確認をしてお渡しします。').waitFor();
  await page.getByRole('heading', { name: 'オンラインでできること' }).waitFor();
  await page.getByText('申請書の記入、写真のアップロード、受け取る区役所の選択はオンラインでできます。').waitFor();
  await page.getByText('オンラインで申請し、窓口に1回だけ来ていただきます。').waitFor();
  await context.close();
});
