import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { jpkiCommand } from './cli.ts';

const dir = await mkdtemp(path.join(tmpdir(), 'jpki-cli-'));
after(() => rm(dir, { recursive: true, force: true }));

async function cityhallJpki(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await jpkiCommand(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

const file = (name: string) => path.join(dir, name);

test('demo CA, a card, sign, verify, revoke: the whole flow through the CLI', async () => {
  assert.equal((await cityhallJpki('demo-ca', '--dir', dir)).code, 0);
  for (const name of ['ca.pem', 'ca.key', 'ca.crl']) assert.ok(existsSync(file(name)), name);
  assert.match((await cityhallJpki('demo-ca', '--dir', dir)).stdout, /すでにあります/);

  const card = await cityhallJpki(
    'demo-card',
    '--dir',
    dir,
    '--name',
    '川崎 花子',
    '--birth',
    '1990-04-01',
    '--sex',
    '2',
    '--address',
    '神奈川県川崎市川崎区宮本町1番地',
  );
  assert.equal(card.code, 0, card.stderr);
  assert.match(card.stdout, /card1/);
  assert.match(await readFile(file('cards/card1/signing.pem'), 'utf8'), /^-----BEGIN CERTIFICATE-----/);

  await writeFile(file('申請.json'), '{"procedure":"juminhyo-copy"}');
  assert.equal(
    (await cityhallJpki('sign', '--dir', dir, '--card', 'card1', '--in', file('申請.json'), '--out', file('申請.p7s')))
      .code,
    0,
  );
  const verified = await cityhallJpki('verify', '--dir', dir, '--in', file('申請.p7s'));
  assert.equal(verified.code, 0, verified.stderr);
  assert.match(verified.stdout, /署名は有効です/);
  assert.match(verified.stdout, /氏名: 川崎　花子/);
  assert.match(verified.stdout, /生年月日: 1990-04-01（平成）/);
  assert.match(verified.stdout, /性別: 女/);
  const serial = /シリアル番号: ([0-9a-f]+)/.exec(verified.stdout)![1]!;

  // base64 on stdout, as the identity page asks residents to paste.
  const printed = await cityhallJpki('sign', '--dir', dir, '--card', 'card1', '--text', 'こんにちは');
  await writeFile(file('text.b64'), printed.stdout);
  assert.equal((await cityhallJpki('verify', '--dir', dir, '--in', file('text.b64'))).code, 0);

  // PKCS#1: the signature value alone, verified with the data and the card's certificate.
  await cityhallJpki(
    'sign',
    '--dir',
    dir,
    '--card',
    'card1',
    '--in',
    file('申請.json'),
    '--out',
    file('申請.sig'),
    '--pkcs1',
  );
  const pkcs1 = await cityhallJpki(
    'verify',
    '--dir',
    dir,
    '--in',
    file('申請.sig'),
    '--pkcs1',
    '--data',
    file('申請.json'),
    '--card',
    'card1',
  );
  assert.equal(pkcs1.code, 0, pkcs1.stderr);
  const pkcs1WithCert = await cityhallJpki(
    'verify',
    '--dir',
    dir,
    '--in',
    file('申請.sig'),
    '--pkcs1',
    '--data',
    file('申請.json'),
    '--cert',
    file('cards/card1/signing.pem'),
  );
  assert.equal(pkcs1WithCert.code, 0, pkcs1WithCert.stderr);

  // The user-authentication key cannot make a signature that verifies as one.
  await cityhallJpki(
    'sign',
    '--dir',
    dir,
    '--card',
    'card1',
    '--in',
    file('申請.json'),
    '--out',
    file('auth.p7s'),
    '--auth',
  );
  const wrongKey = await cityhallJpki('verify', '--dir', dir, '--in', file('auth.p7s'));
  assert.equal(wrongKey.code, 1);
  assert.match(wrongKey.stderr, /wrong_key_usage/);

  const revoked = await cityhallJpki('crl', '--dir', dir, '--revoke', serial);
  assert.equal(revoked.code, 0, revoked.stderr);
  const refused = await cityhallJpki('verify', '--dir', dir, '--in', file('申請.p7s'));
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /理由: revoked/);
  assert.match(refused.stderr, /失効しています/);
});

test('a second card gets the next id; an explicit id is used as given', async () => {
  const args = [
    '--dir',
    dir,
    '--name',
    '川崎 太郎',
    '--birth',
    '1960-01-01',
    '--sex',
    '1',
    '--address',
    '川崎市川崎区',
  ];
  assert.match((await cityhallJpki('demo-card', ...args)).stdout, /card2/);
  assert.match((await cityhallJpki('demo-card', ...args, '--id', 'taro')).stdout, /taro/);
  assert.ok(existsSync(file('cards/taro/authentication.pem')));
});

test('wrong usage is exit code 2 with the Japanese help; a missing card is 1', async () => {
  const help = await cityhallJpki('help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /使い方: cityhall jpki/);
  for (const args of [
    ['frobnicate'],
    ['demo-card', '--dir', dir, '--name', '川崎花子'],
    ['demo-card', '--dir', dir, '--name', '川崎花子', '--birth', '1990/04/01', '--sex', '2', '--address', 'x'],
    ['demo-card', '--dir', dir, '--name', '川崎花子', '--birth', '1990-04-01', '--sex', '9', '--address', 'x'],
    ['sign', '--dir', dir, '--card', 'card1'],
    ['verify', '--dir', dir],
    ['crl', '--dir', dir, '--revoke', 'not-hex'],
    ['verify', '--no-such-option'],
  ]) {
    const result = await cityhallJpki(...args);
    assert.equal(result.code, 2, args.join(' '));
    assert.match(result.stderr, /使い方/);
  }
  const missing = await cityhallJpki('sign', '--dir', dir, '--card', 'nobody', '--text', 'x');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /デモカード nobody がありません/);
  const traversal = await cityhallJpki('sign', '--dir', dir, '--card', '../../etc', '--text', 'x');
  assert.equal(traversal.code, 1);
});
