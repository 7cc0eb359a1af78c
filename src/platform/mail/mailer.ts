// Outgoing e-mail over SMTP (nodemailer). The same code talks to the city's relay in production, to
// the tests' stand-in server, and to the demo mailbox that `npm start` runs when SMTP_URL is unset.
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Extra header fields, e.g. List-Unsubscribe (RFC 8058) or a stable Message-ID. */
  headers?: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.headers ? { headers: message.headers } : {}),
      });
    },
    close() {
      transport.close();
    },
  };
}
