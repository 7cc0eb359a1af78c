import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { freePort } from '../../../../test/helpers/net.ts';
import { type SmtpStandIn, startSmtpStandIn } from '../../../../test/helpers/smtp.ts';
import { createMailer, type Mailer } from '../../../platform/mail/mailer.ts';
import { createEmailChannel, unsubscribeHeaders } from './email.ts';
import { MessageLimitError } from './types.ts';

describe('e-mail channel over SMTP', () => {
  let smtp: SmtpStandIn;
  let mailer: Mailer;
  before(async () => {
    smtp = await startSmtpStandIn();
    mailer = createMailer(smtp.url, 'お知らせ <oshirase@city.example.jp>');
  });
  after(async () => {
    mailer.close();
    await smtp.close();
  });

  it('sends with one-click unsubscribe headers (RFC 8058) and a stable Message-ID', async () => {
    const email = createEmailChannel(mailer);
    const result = await email.send({
      to: 'taro.yamada@example.jp',
      subject: '【子育て】児童手当の申請のご案内',
      text: 'お子さんが生まれたご家庭へ。児童手当の申請を受け付けています。',
      unsubscribeUrl: 'https://city.example.jp/messaging/unsubscribe/tok_3f9a2c',
      messageId: '<delivery-42.email@city.example.jp>',
    });
    assert.equal(result.status, 'sent');
    const mail = await smtp.waitForMessage((m) => m.subject === '【子育て】児童手当の申請のご案内');
    const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n[ \t]+/g, ' ');
    assert.equal(
      header('list-unsubscribe'),
      'List-Unsubscribe: <https://city.example.jp/messaging/unsubscribe/tok_3f9a2c>',
    );
    assert.equal(header('list-unsubscribe-post'), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    assert.equal(mail.messageId, '<delivery-42.email@city.example.jp>');
    assert.match(mail.text ?? '', /児童手当の申請を受け付けています/);
  });

  it('refuses a subject over the limit or with a line break before sending, naming the limit', async () => {
    const email = createEmailChannel(mailer);
    const before = smtp.messages.length;
    const base = { to: 'a@example.jp', text: '本文', unsubscribeUrl: 'https://city.example.jp/u/1' };
    await assert.rejects(
      () => email.send({ ...base, subject: 'あ'.repeat(101) }),
      (e: unknown) =>
        e instanceof MessageLimitError && e.limit === 'email.subjectChars' && /100文字まで/.test(e.message),
    );
    await assert.rejects(
      () => email.send({ ...base, subject: '件名\r\nBcc: someone@example.jp' }),
      (e: unknown) => e instanceof MessageLimitError && e.limit === 'email.subjectLine',
    );
    assert.equal(smtp.messages.length, before);
  });

  it('will not send without an https unsubscribe URI', () => {
    assert.throws(() => unsubscribeHeaders('http://city.example.jp/u/1'), /https/);
    assert.throws(() => unsubscribeHeaders('mailto:unsubscribe@city.example.jp'), /https/);
    assert.doesNotThrow(() => unsubscribeHeaders('http://127.0.0.1:3000/u/1'));
  });

  it('a relay that cannot be reached is a retryable failure; a 5xx refusal is final', async () => {
    const down = createMailer(`smtp://127.0.0.1:${await freePort()}`, 'oshirase@city.example.jp');
    try {
      const result = await createEmailChannel(down).send({
        to: 'a@example.jp',
        subject: 's',
        text: 't',
        unsubscribeUrl: 'https://city.example.jp/u/1',
      });
      assert.equal(result.status, 'failed');
      assert.equal(result.retryable, true);
      assert.match(result.error!, /接続できません/);
    } finally {
      down.close();
    }
    const refusing = {
      send: async () => {
        throw Object.assign(new Error('Can not send'), { responseCode: 550, response: '550 5.1.1 User unknown' });
      },
    };
    const result = await createEmailChannel(refusing).send({
      to: 'nobody@example.jp',
      subject: 's',
      text: 't',
      unsubscribeUrl: 'https://city.example.jp/u/1',
    });
    assert.deepEqual([result.status, result.retryable], ['failed', false]);
    assert.match(result.error!, /550 5\.1\.1 User unknown/);
  });
});
