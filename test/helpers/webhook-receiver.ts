// A business system's webhook receiver standing in for the real one in tests: a real HTTP server that
// keeps every request (headers and raw body) and answers as the test says: a status, or never (to test
// the sender's time limit).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  body: string;
  at: Date;
}

export type Answer = number | 'hang';

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** How to answer the n-th request (1-based); default 200. */
  answer: (n: number) => Answer;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(answer: (n: number) => Answer = () => 200): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const receiver: WebhookReceiver = {
    url: '',
    received,
    answer,
    async waitFor(count, timeoutMs = 30_000) {
      const started = Date.now();
      while (received.length < count) {
        if (Date.now() - started > timeoutMs) {
          throw new Error(`webhook receiver: ${received.length} of ${count} requests after ${timeoutMs} ms`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: new Date() });
    const what = receiver.answer(received.length);
    if (what === 'hang') return; // never answers; closeAllConnections ends it
    res.writeHead(what, { 'content-type': 'text/plain' });
    res.end(what < 300 ? 'ok' : 'error');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/cityhall`;
  return receiver;
}
