// E-mail over the platform mailer (SMTP), answering like the other channels. Every message carries
// one-click unsubscribe (RFC 8058): List-Unsubscribe with one HTTPS URI and List-Unsubscribe-Post:
// List-Unsubscribe=One-Click, so a mail app's "unsubscribe" POSTs to that URI with no page in between.
// (RFC 8058 also wants both fields covered by the relay's DKIM signature.)
import { AppError } from '../../../platform/http/errors.ts';
import type { Mailer } from '../../../platform/mail/mailer.ts';
import { assertWithinLimits, type ChannelResult } from './types.ts';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  /** The HTTPS URI that unsubscribes this recipient from this list with one POST (an opaque token in it). */
  unsubscribeUrl: string;
  /** A stable Message-ID (`<id@domain>`) per delivery, so a resend after a crash can be recognised. */
  messageId?: string;
}

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The RFC 8058 header fields for an unsubscribe URI (https; plain http only on this machine, for tests). */
export function unsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  let url: URL;
  try {
    url = new URL(unsubscribeUrl);
  } catch {
    throw new AppError('validation_failed', '配信停止の URL が正しくありません。');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback.has(url.hostname))) {
    throw new AppError('validation_failed', '配信停止の URL は https にしてください（RFC 8058）。');
  }
  return {
    'List-Unsubscribe': `<${url.href}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

/** SMTP reply codes 5xx are permanent (RFC 5321 §4.2.1); 4xx and a lost connection may pass later. */
function failure(error: unknown): ChannelResult {
  const e = error as { responseCode?: unknown; response?: unknown; code?: unknown };
  const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  if (code !== undefined && code >= 500) {
    const said = typeof e.response === 'string' ? e.response.slice(0, 200) : String(code);
    return { status: 'failed', retryable: false, error: `メールサーバーが受け付けませんでした（${said}）。` };
  }
  return {
    status: 'failed',
    retryable: true,
    error:
      code !== undefined
        ? `メールサーバーが一時的に受け付けませんでした（${code}）。`
        : 'メールサーバーに接続できません。',
  };
}

export function createEmailChannel(mailer: Pick<Mailer, 'send'>) {
  return {
    async send(message: EmailMessage): Promise<ChannelResult> {
      assertWithinLimits('email', { subject: message.subject, text: message.text });
      const headers = {
        ...unsubscribeHeaders(message.unsubscribeUrl),
        ...(message.messageId ? { 'Message-ID': message.messageId } : {}),
      };
      try {
        await mailer.send({ to: message.to, subject: message.subject, text: message.text, headers });
      } catch (error) {
        return { ...failure(error), attempts: 1 };
      }
      return { status: 'sent', attempts: 1, ...(message.messageId ? { requestId: message.messageId } : {}) };
    },
  };
}

export type EmailChannel = ReturnType<typeof createEmailChannel>;
