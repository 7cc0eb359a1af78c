import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyHash, encodeKeyPath, parseAuthorization, signRequest } from './sigv4.ts';

// The worked example "GET Object" of the S3 documentation (Signature Version 4, header-based auth).
test('signs the S3 documentation example exactly as AWS does', () => {
  const { signature, authorization } = signRequest({
    method: 'GET',
    path: '/test.txt',
    headers: {
      host: 'examplebucket.s3.amazonaws.com',
      range: 'bytes=0-9',
      'x-amz-content-sha256': emptyHash,
      'x-amz-date': '20130524T000000Z',
    },
    payloadHash: emptyHash,
    region: 'us-east-1',
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    amzDate: '20130524T000000Z',
  });
  assert.equal(signature, 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  assert.deepEqual(parseAuthorization(authorization), {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    day: '20130524',
    region: 'us-east-1',
    service: 's3',
    signedHeaders: ['host', 'range', 'x-amz-content-sha256', 'x-amz-date'],
    signature,
  });
});

test('encodes key segments once, keeping the slashes between them', () => {
  assert.equal(encodeKeyPath('bucket', 'kawasaki/申請/a b+c'), '/bucket/kawasaki/%E7%94%B3%E8%AB%8B/a%20b%2Bc');
});
