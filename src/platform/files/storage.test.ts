// One contract for every FileStorage adapter: the local directory and S3 (against the SigV4-checking
// stand-in) must behave the same to their callers.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, test } from 'node:test';
import { startS3StandIn } from '../../../test/helpers/s3.ts';
import { AppError } from '../http/errors.ts';
import { createLocalFileStorage } from './local.ts';
import { createS3FileStorage, S3Error } from './s3.ts';
import type { FileStorage } from './storage.ts';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A stream that yields some bytes, then fails, like an upload cut off half-way. */
function brokenUpload(): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(Buffer.alloc(64 * 1024, 7));
      } else this.destroy(new Error('connection reset by the uploader'));
    },
  });
}

const pdf = Buffer.from('%PDF-1.7\n申請書の添付ファイル（テスト）\n%%EOF\n');

function contract(name: string, make: () => Promise<{ storage: FileStorage; count: () => Promise<number> }>) {
  describe(name, () => {
    test('put returns size and SHA-256; get gives the same bytes back; head reports type and checksum', async () => {
      const { storage } = await make();
      const key = 'kawasaki/attachments/0b6f0c1e-7c52-4c53-9a8e-2f1f6f3f7a10';
      const stored = await storage.put(key, pdf, { contentType: 'application/pdf' });
      assert.deepEqual(stored, { key, bytes: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') });
      assert.deepEqual(await readAll(await storage.get(key)), pdf);
      assert.deepEqual(await storage.head(key), { ...stored, contentType: 'application/pdf' });
    });

    test('a stream is stored whole, with its checksum computed on the way', async () => {
      const { storage } = await make();
      const parts = Array.from({ length: 40 }, (_, i) => Buffer.alloc(16 * 1024, i));
      const all = Buffer.concat(parts);
      const stored = await storage.put('kawasaki/scans/big', Readable.from(parts), { contentType: 'image/png' });
      assert.equal(stored.bytes, all.length);
      assert.equal(stored.sha256, createHash('sha256').update(all).digest('hex'));
      assert.deepEqual(await readAll(await storage.get('kawasaki/scans/big')), all);
    });

    test('an upload that breaks half-way leaves the previous object and no partial file', async () => {
      const { storage, count } = await make();
      const key = 'kawasaki/attachments/replaced';
      await storage.put(key, pdf, { contentType: 'application/pdf' });
      const before = await count();
      await assert.rejects(storage.put(key, brokenUpload(), { contentType: 'application/pdf' }), /connection reset/);
      assert.deepEqual(await readAll(await storage.get(key)), pdf, 'the old content is intact');
      assert.equal(await count(), before, 'no temp or half file is left behind');
    });

    test('a missing key: get is not_found, head is undefined, delete is quiet', async () => {
      const { storage } = await make();
      await assert.rejects(
        storage.get('kawasaki/attachments/nothing-here'),
        (e: unknown) => e instanceof AppError && e.code === 'not_found',
      );
      assert.equal(await storage.head('kawasaki/attachments/nothing-here'), undefined);
      await storage.delete('kawasaki/attachments/nothing-here');
    });

    test('delete removes the object', async () => {
      const { storage } = await make();
      await storage.put('kawasaki/tmp/x', Buffer.from([0x89]), { contentType: 'image/png' });
      await storage.delete('kawasaki/tmp/x');
      assert.equal(await storage.head('kawasaki/tmp/x'), undefined);
    });

    test('keys that could leave the store are refused before any I/O', async () => {
      const { storage } = await make();
      for (const key of [
        '../etc/passwd',
        'kawasaki/../../x',
        '/abs/path',
        'kawasaki//x',
        'single',
        'a/b\\c',
        'k/.',
        '',
      ]) {
        await assert.rejects(
          storage.put(key, pdf, { contentType: 'application/pdf' }),
          (e: unknown) => e instanceof AppError && e.code === 'bad_request',
          key,
        );
        await assert.rejects(storage.get(key), (e: unknown) => e instanceof AppError && e.code === 'bad_request');
      }
    });
  });
}

const dirs: string[] = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

contract('local directory', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cityhall-files-'));
  dirs.push(dir);
  const count = async () =>
    (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
  return { storage: createLocalFileStorage(dir), count };
});

const s3 = await startS3StandIn();
after(() => s3.close());
contract('S3 (stand-in verifying Signature V4)', async () => {
  s3.objects.clear();
  const storage = createS3FileStorage({
    endpoint: s3.endpoint,
    bucket: s3.bucket,
    region: s3.region,
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
  });
  return { storage, count: async () => s3.objects.size };
});

test('S3: a wrong secret key is refused with SignatureDoesNotMatch and nothing is stored', async () => {
  s3.objects.clear();
  const storage = createS3FileStorage({
    endpoint: s3.endpoint,
    bucket: s3.bucket,
    region: s3.region,
    accessKeyId: s3.accessKeyId,
    secretAccessKey: 'not-the-right-secret',
  });
  await assert.rejects(
    storage.put('kawasaki/attachments/a', pdf, { contentType: 'application/pdf' }),
    (e: unknown) => e instanceof S3Error && e.status === 403 && e.s3Code === 'SignatureDoesNotMatch',
  );
  assert.equal(s3.objects.size, 0);
  assert.equal(s3.refusals.at(-1), 'SignatureDoesNotMatch');
});
