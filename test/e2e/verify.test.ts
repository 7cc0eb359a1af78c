// A receiver checks an issued document in a real browser: by the code printed on it, then by uploading
// the PDF, then a copy with one byte changed. axe-core checks each page.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { formatVerificationCode } from '../../src/modules/issuance/code.ts';
import { issuanceDeps } from '../../src/modules/issuance/deps.ts';
import { issueInput } from '../../src/modules/issuance/test-support.ts';
import { issueDocument } from '../../src/modules/issuance/use-cases/issue-document.ts';
import { readDocumentPdf } from '../../src/modules/issuance/use-cases/read-document-pdf.ts';
import { startTestCityHall, type TestCityHall } from '../helpers/app.ts';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser.ts';

let city: TestCityHall;
let browser: Browser;
let dir: string;

before(async () => {
  city = await startTestCityHall({ listen: true, demoResidents: 20 });
  browser = await launchBrowser();
  dir = await mkdtemp(path.join(tmpdir(), 'verify-e2e-'));
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

test('a receiver checks a document by its code, by its PDF, and sees a tampered copy refused', async () => {
  const deps = issuanceDeps(city.city.deps);
  const issued = await issueDocument(deps, issueInput('e2e-app-1'));
  const stored = await readDocumentPdf(deps, { tenantId: 'kawasaki', documentId: issued.documentId });
  const genuine = path.join(dir, 'juminhyo.pdf');
  const tampered = path.join(dir, 'juminhyo-edited.pdf');
  await writeFile(genuine, stored!.pdf);
  const changed = Buffer.from(stored!.pdf);
  changed[700] = changed[700]! ^ 0x01;
  await writeFile(tampered, changed);

  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(`${city.url}/verify`);
  await accessible(page, 'verify form');

  await page.getByRole('button', { name: '確認する', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: '確認コードを入力してください。' }).waitFor();
  await accessible(page, 'verify with an error');

  await page.getByLabel('確認コード').fill(formatVerificationCode(issued.verificationCode).toLowerCase());
  await page.getByRole('button', { name: '確認する', exact: true }).click();
  await page.getByRole('heading', { name: 'この書類は本物です' }).waitFor();
  assert.equal(await page.getByText('川＊ 花＊').count(), 1);
  await accessible(page, 'verify result by code');

  await page.getByLabel('PDFファイル').setInputFiles(genuine);
  await page.getByRole('button', { name: 'ファイルを確認する' }).click();
  await page.getByRole('heading', { name: 'この書類は本物です' }).waitFor();
  await page.getByText('交付したときのファイルと一致します').waitFor();
  await accessible(page, 'verify result by file');

  await page.getByLabel('PDFファイル').setInputFiles(tampered);
  await page.getByRole('button', { name: 'ファイルを確認する' }).click();
  await page.getByRole('heading', { name: 'この書類は改ざんされています' }).waitFor();
  await page.getByText('電子署名を確認できません').waitFor();
  await accessible(page, 'verify result of a tampered file');
  await context.close();
});
