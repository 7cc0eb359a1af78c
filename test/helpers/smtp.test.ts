import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import nodemailer from 'nodemailer';
import { type SmtpStandIn, startSmtpStandIn } from './smtp.ts';

let smtp: SmtpStandIn;
before(async () => {
  smtp = await startSmtpStandIn();
});
after(async () => {
  await smtp.close();
});

test('a message sent over real SMTP with nodemailer comes back parsed: Japanese subject, UTF-8 body', async () => {
  const transport = nodemailer.createTransport(smtp.url);
  try {
    const waiting = smtp.waitForMessage((m) => m.subject === '【川崎市】メールアドレスの確認');
    await transport.sendMail({
      from: '川崎市 デジタル市役所 <no-reply@city.kawasaki.example>',
      to: 'hanako@example.jp',
      subject: '【川崎市】メールアドレスの確認',
      text: '見本 花子 様\n\n次のリンクを開いて登録を完了してください。\nhttps://cityhall.example/verify?token=abc\n',
    });
    const mail = await waiting;
    assert.equal(
      mail.text,
      '見本 花子 様\n\n次のリンクを開いて登録を完了してください。\nhttps://cityhall.example/verify?token=abc\n',
    );
    assert.deepEqual(mail.from?.value, [{ address: 'no-reply@city.kawasaki.example', name: '川崎市 デジタル市役所' }]);
    assert.equal(smtp.messages.length, 1);
    // Already received: answered at once.
    assert.equal(await smtp.waitForMessage((m) => m.text?.includes('見本 花子') ?? false, 1), mail);
  } finally {
    transport.close();
  }
});

test('any credentials are accepted, and a wait for a message that never comes ends with a clear error', async () => {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: false,
    auth: { user: 'relay-user', pass: 'whatever' },
  });
  try {
    await transport.sendMail({ from: 'a@example.jp', to: 'b@example.jp', subject: '認証つき', text: 'ok' });
  } finally {
    transport.close();
  }
  assert.equal((await smtp.waitForMessage((m) => m.subject === '認証つき')).text, 'ok\n');
  await assert.rejects(
    smtp.waitForMessage((m) => m.subject === '届かない', 50),
    /届きません.*認証つき/,
  );
});
