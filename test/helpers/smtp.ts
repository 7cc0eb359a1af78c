// An SMTP server standing in for the city's mail relay in tests: the app sends real SMTP (nodemailer) to
// it, and the test reads each message back parsed (mailparser), headers decoded and body in UTF-8. No TLS
// and any AUTH accepted, as a relay on the loopback would; messages are kept in memory, oldest first.
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpStandIn {
  host: string;
  port: number;
  /** `smtp://host:port`, the form SMTP_URL and nodemailer take. */
  url: string;
  /** Every message received so far, in arrival order. */
  messages: ParsedMail[];
  /** The first message (already received or still to come) that matches; rejects after timeoutMs. */
  waitForMessage(predicate: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

export async function startSmtpStandIn(): Promise<SmtpStandIn> {
  const host = '127.0.0.1';
  const messages: ParsedMail[] = [];
  const waiters = new Set<(mail: ParsedMail) => void>();
  const server = new SMTPServer({
    secure: false,
    // Not advertising STARTTLS keeps nodemailer from trying an upgrade the stand-in has no certificate for.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anyone' });
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          for (const waiter of waiters) waiter(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
    logger: false,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  // After start-up, a failing connection must not become an unhandled 'error' event that ends the test run.
  server.on('error', () => undefined);
  const { port } = server.server.address() as AddressInfo;
  return {
    host,
    port,
    url: `smtp://${host}:${port}`,
    messages,
    waitForMessage(predicate, timeoutMs = 5_000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise<ParsedMail>((resolve, reject) => {
        const waiter = (mail: ParsedMail) => {
          if (!predicate(mail)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen = messages.map((m) => `「${m.subject ?? ''}」`).join(', ') || 'なし';
          reject(new Error(`SMTP stand-in: ${timeoutMs} ms 待っても該当するメールが届きません（受信済み: ${seen}）`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
