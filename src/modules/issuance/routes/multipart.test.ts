import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boundaryOf, parseMultipart } from './multipart.ts';

const boundary = '----cityhall7MA4YWxkTrZu0gW';

function body(parts: string[]): Buffer {
  return Buffer.from(`${parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('')}--${boundary}--\r\n`, 'latin1');
}

test('fields become strings and a file keeps its bytes, name and type', () => {
  const pdf = '%PDF-1.7\r\n\x00\xff binary\r\n--not-a-boundary';
  const raw = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\ntoken-123\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="pdf"; filename="証明書.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    Buffer.from(pdf, 'latin1'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const parsed = parseMultipart(raw, boundary);
  assert.ok(parsed);
  assert.equal(parsed._csrf, 'token-123');
  const file = parsed.pdf;
  assert.ok(file && typeof file === 'object');
  assert.equal(file.filename, '証明書.pdf');
  assert.equal(file.contentType, 'application/pdf');
  assert.deepEqual(file.data, Buffer.from(pdf, 'latin1'));
});

test('the boundary is read quoted or bare; a broken body is refused, not half-read', () => {
  assert.equal(boundaryOf(`multipart/form-data; boundary="${boundary}"`), boundary);
  assert.equal(boundaryOf(`multipart/form-data; boundary=${boundary}`), boundary);
  assert.equal(boundaryOf('multipart/form-data'), undefined);
  const whole = body(['Content-Disposition: form-data; name="a"\r\n\r\nvalue']);
  assert.equal(parseMultipart(whole.subarray(0, whole.length - 12), boundary), undefined);
  assert.equal(parseMultipart(Buffer.from('no parts at all'), boundary), undefined);
  assert.deepEqual(parseMultipart(whole, boundary), { a: 'value' });
});

test('a field named __proto__ is ignored rather than polluting the body object', () => {
  const parsed = parseMultipart(body(['Content-Disposition: form-data; name="__proto__"\r\n\r\nx']), boundary);
  assert.deepEqual(Object.keys(parsed ?? {}), []);
  assert.equal(({} as Record<string, unknown>).x, undefined);
});
