import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allScanners, createBuiltinScanner, type FileScanner } from './scanner.ts';

const scanner = createBuiltinScanner();
const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1')]);
const eicar = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

test('files whose first bytes match the declared type pass', async () => {
  for (const [bytes, type] of [
    [pdf, 'application/pdf'],
    [png, 'image/png'],
    [jpeg, 'image/jpeg'],
    [heic, 'image/heic'],
  ] as const) {
    assert.deepEqual(await scanner.scan(bytes, { declaredType: type, name: 'x' }), { ok: true }, type);
  }
});

test('a file that is not what it claims is refused with a Japanese reason naming it', async () => {
  const result = await scanner.scan(Buffer.from('MZ\x90\x00 this is a program'), {
    declaredType: 'application/pdf',
    name: '住民票.pdf',
  });
  assert.deepEqual(result, {
    ok: false,
    reason: 'type_mismatch',
    message: '「住民票.pdf」は PDF ファイルではありません（中身が拡張子・形式と一致しません）。',
  });
  const png2 = await scanner.scan(jpeg, { declaredType: 'image/png', name: 'photo.png' });
  assert.equal(png2.ok ? '' : png2.reason, 'type_mismatch');
});

test('the EICAR test string is refused as malware, even inside a valid-looking PDF', async () => {
  const result = await scanner.scan(Buffer.concat([pdf, Buffer.from(eicar, 'latin1')]), {
    declaredType: 'application/pdf',
    name: 'eicar.pdf',
  });
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.reason, 'malware');
  assert.match(!result.ok ? result.message : '', /ウイルス/);
});

test('types not on the list and empty files are refused', async () => {
  const exe = await scanner.scan(Buffer.from('MZ'), { declaredType: 'application/x-msdownload', name: 'a.exe' });
  assert.equal(!exe.ok && exe.reason, 'unsupported_type');
  assert.match(!exe.ok ? exe.message : '', /PDF、JPEG、PNG/);
  const empty = await scanner.scan(Buffer.alloc(0), { declaredType: 'application/pdf', name: 'a.pdf' });
  assert.equal(!empty.ok && empty.reason, 'empty');
  const onlyPdf = createBuiltinScanner(['application/pdf']);
  const refused = await onlyPdf.scan(png, { declaredType: 'image/png', name: 'a.png' });
  assert.equal(!refused.ok && refused.reason, 'unsupported_type');
});

test('allScanners stops at the first refusal (an external engine chained after the built-in one)', async () => {
  let calls = 0;
  const external: FileScanner = {
    async scan() {
      calls++;
      return { ok: false, reason: 'malware', message: '外部エンジンが検出しました。' };
    },
  };
  const chain = allScanners(scanner, external);
  assert.equal((await chain.scan(Buffer.from('nope'), { declaredType: 'application/pdf', name: 'a' })).ok, false);
  assert.equal(calls, 0, 'a file the built-in scanner refuses never reaches the external engine');
  const result = await chain.scan(pdf, { declaredType: 'application/pdf', name: 'a' });
  assert.equal(!result.ok && result.message, '外部エンジンが検出しました。');
  assert.equal(calls, 1);
});
