// A local SMTP server for `npm start` without SMTP_URL: the app sends real SMTP to it, and the messages
// appear on /demo/mailbox, so a developer can follow e-mail links (sign-up, recovery) on one machine.
// Kept in memory only, newest first, at most 200 messages.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  id: number;
  to: string;
  subject: string;
  text: string;
  receivedAt: Date;
}

export interface DemoMailbox {
  url: string;
  messages(): ReceivedMail[];
  close(): Promise<void>;
}

export async function startDemoMailbox(host = '127.0.0.1'): Promise<DemoMailbox> {
  const received: ReceivedMail[] = [];
  let next = 1;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    banner: 'cityhall demo mailbox',
    size: 1_000_000,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.unshift({
            id: next++,
            to: session.envelope.rcptTo.map((r) => r.address).join(', '),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            receivedAt: new Date(),
          });
          received.splice(200);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${host}:${port}`,
    messages: () => [...received],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
