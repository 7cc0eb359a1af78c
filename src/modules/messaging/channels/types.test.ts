import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { channelLimits, checkMessageLimits, notificationPayload, webPushMaxPlaintextBytes } from './types.ts';

describe('checkMessageLimits', () => {
  it('LINE: 5,000 characters counted as LINE counts them (UTF-16: an emoji is 2)', () => {
    assert.deepEqual(checkMessageLimits('line', { text: 'あ'.repeat(5000) }), { ok: true });
    const over = checkMessageLimits('line', { text: `${'あ'.repeat(4999)}🍎` });
    assert.equal(over.ok, false);
    assert.ok(!over.ok);
    assert.equal(over.limit, 'line.textChars');
    assert.equal(over.max, 5000);
    assert.equal(over.actual, 5001);
    assert.match(over.message, /LINE のテキストメッセージは5,000文字まで/);
    assert.match(over.message, /5,001文字/);
  });

  it('Web Push: the notification JSON may be at most 3,993 bytes (RFC 8291 single 4,096-octet record)', () => {
    assert.equal(webPushMaxPlaintextBytes, 3993);
    const fits = (text: string) => checkMessageLimits('web-push', { subject: '防災', text });
    const overhead = Buffer.byteLength(notificationPayload({ subject: '防災', text: '' }));
    assert.deepEqual(fits('a'.repeat(3993 - overhead)), { ok: true });
    const over = fits('a'.repeat(3994 - overhead));
    assert.ok(!over.ok);
    assert.equal(over.limit, 'web-push.plaintextBytes');
    assert.match(over.message, /3,993バイトまで/);
  });

  it('e-mail and in-app: subject and text lengths, no line break in a subject', () => {
    assert.deepEqual(checkMessageLimits('email', { subject: 'あ'.repeat(100), text: '本文' }), { ok: true });
    const subject = checkMessageLimits('email', { subject: 'あ'.repeat(101), text: '本文' });
    assert.ok(!subject.ok);
    assert.equal(subject.limit, 'email.subjectChars');
    assert.match(subject.message, /メールの件名は100文字まで/);
    const injected = checkMessageLimits('email', { subject: 'a\nBcc: x@example.jp', text: '本文' });
    assert.ok(!injected.ok);
    assert.equal(injected.limit, 'email.subjectLine');
    const inApp = checkMessageLimits('in-app', {
      subject: '件名',
      text: 'あ'.repeat(channelLimits['in-app'].textChars + 1),
    });
    assert.ok(!inApp.ok);
    assert.equal(inApp.limit, 'in-app.textChars');
    assert.match(inApp.message, /お知らせ（アプリ内）の本文は10,000文字まで/);
  });

  it('an empty text is refused on every channel', () => {
    for (const channel of ['line', 'web-push', 'email', 'in-app'] as const) {
      const check = checkMessageLimits(channel, { subject: '件名', text: '  ' });
      assert.ok(!check.ok);
      assert.match(check.message, /本文が空です/);
    }
  });
});
