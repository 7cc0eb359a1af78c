// A stand-in payment provider: a real HTTP server speaking exactly the protocol of provider.ts (checkout
// sessions, a hosted checkout page, signed webhooks, refunds, balance transactions). Tests start it on
// its own port; `npm start` runs it in-process when PAYMENT_PROVIDER_URL is unset. No money ever moves.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml } from '../../platform/pages/html.ts';
import type { BalanceTransaction, CheckoutSession, NewCheckoutSession, OnlineMethod, Refund } from './provider.ts';
import { onlineMethods } from './provider.ts';
import { signPayload } from './signature.ts';

export interface StandInOptions {
  secretKey: string;
  webhookSecret: string;
  /** Where webhooks go; may be set later (setWebhookUrl) or computed at delivery time. */
  webhookUrl?: string | (() => string | undefined);
  host?: string;
  port?: number;
}

export interface WebhookDelivery {
  eventId: string;
  type: string;
  status: number | 'error';
}

export interface StandInProvider {
  url: string;
  setWebhookUrl(url: string | (() => string | undefined)): void;
  /** Keep webhooks back (a late webhook) until releaseWebhooks(). */
  holdWebhooks(hold: boolean): void;
  releaseWebhooks(): Promise<void>;
  deliveries: WebhookDelivery[];
  /** The last webhook sent, exactly as sent (raw body and signature header), for replay tests. */
  lastWebhook: { body: string; signature: string } | undefined;
  close(): Promise<void>;
}

interface Session extends CheckoutSession {
  description: string;
  success_url: string;
  cancel_url: string;
  payment_method_types: OnlineMethod[];
}

interface Intent {
  id: string;
  amount: number;
  refunded: number;
  metadata: Record<string, string>;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const now = () => Math.floor(Date.now() / 1000);

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

function fail(res: ServerResponse, status: number, type: string, message: string): void {
  send(res, status, { error: { type, message } });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 100_000) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const labels: Record<OnlineMethod, string> = { card: 'クレジットカード', paypay: 'PayPay（QRコード決済）' };

function checkoutPage(session: Session): string {
  const methods = session.payment_method_types
    .map(
      (m, i) =>
        `<div class="choice"><input type="radio" name="method" id="method-${m}" value="${m}"${i === 0 ? ' checked' : ''}><label for="method-${m}">${labels[m]}</label></div>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>お支払い | デモ用決済代行（スタンドイン）</title>
<style>
body{font-family:system-ui,"Noto Sans JP",sans-serif;margin:0;color:#1a1a1c;background:#f8f8fb;line-height:1.7}
main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #767676;border-radius:8px}
.demo{border:3px solid #b78f00;background:#fffbe6;padding:.75rem 1rem;border-radius:6px}
.amount{font-size:2rem;font-weight:700}
fieldset{border:0;padding:0;margin:1rem 0}
legend{font-weight:700}
.choice{margin:.5rem 0}
.choice input{width:1.25rem;height:1.25rem;vertical-align:middle}
button{font:inherit;font-weight:700;padding:.75rem 1.5rem;border-radius:8px;border:2px solid #0031d8;cursor:pointer;margin:.25rem .5rem .25rem 0}
.pay{background:#0031d8;color:#fff}
.cancel{background:#fff;color:#0031d8}
button:focus-visible{outline:4px solid #000;outline-offset:2px}
</style></head>
<body><main>
<h1>お支払い</h1>
<p class="demo" role="note"><strong>デモ用の決済代行（スタンドイン）です。実際のお金は動きません。</strong>カード番号などは入力しないでください。</p>
<dl><dt>内容</dt><dd>${escapeHtml(session.description)}</dd><dt>金額</dt><dd class="amount">${session.amount_total.toLocaleString('ja-JP')}円</dd></dl>
<form method="post" action="/checkout/${session.id}/pay">
<fieldset><legend>お支払い方法</legend>
${methods}
</fieldset>
<button class="pay" type="submit">支払う</button>
<button class="cancel" type="submit" formaction="/checkout/${session.id}/cancel">キャンセル</button>
</form>
</main></body></html>`;
}

function gonePage(): string {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>お支払いできません</title></head><body><main><h1>このお支払いページは使えません</h1><p>すでに支払済みか、キャンセルされたか、有効期限が切れています。申請のページに戻ってください。</p></main></body></html>`;
}

export async function startStandInProvider(options: StandInOptions): Promise<StandInProvider> {
  const sessions = new Map<string, Session>();
  const intents = new Map<string, Intent>();
  const transactions: BalanceTransaction[] = [];
  const idempotency = new Map<string, { fingerprint: string; status: number; body: unknown }>();
  let webhookUrl = options.webhookUrl;
  let holding = false;
  const held: (() => Promise<void>)[] = [];
  const deliveries: WebhookDelivery[] = [];
  let lastWebhook: StandInProvider['lastWebhook'];
  let publicUrl = '';

  const authorised = (req: IncomingMessage) => {
    const header = req.headers.authorization ?? '';
    const expected = Buffer.from(`Bearer ${options.secretKey}`);
    const given = Buffer.from(header);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  async function deliver(type: string, session: Session): Promise<void> {
    const event = { id: id('evt'), object: 'event', type, created: now(), data: { object: publicSession(session) } };
    const body = JSON.stringify(event);
    const attempt = async (tries: number): Promise<void> => {
      const target = typeof webhookUrl === 'function' ? webhookUrl() : webhookUrl;
      if (!target) return;
      const signature = signPayload(options.webhookSecret, body, now());
      lastWebhook = { body, signature };
      let status: number | 'error';
      try {
        const response = await fetch(target, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'provider-signature': signature },
          body,
          signal: AbortSignal.timeout(5000),
        });
        status = response.status;
        await response.arrayBuffer();
      } catch {
        status = 'error';
      }
      deliveries.push({ eventId: event.id, type, status });
      // Like a real provider: retry a failed delivery later, with the same event id.
      if ((status === 'error' || status >= 500) && tries < 4) {
        setTimeout(() => void attempt(tries + 1), 500 * 2 ** tries).unref();
      }
    };
    if (holding) held.push(() => attempt(1));
    else await attempt(1);
  }

  function publicSession(s: Session): CheckoutSession {
    return {
      id: s.id,
      url: s.url,
      status: s.status,
      payment_status: s.payment_status,
      amount_total: s.amount_total,
      currency: s.currency,
      client_reference_id: s.client_reference_id,
      metadata: s.metadata,
      payment_intent: s.payment_intent,
      payment_method_type: s.payment_method_type,
      created: s.created,
    };
  }

  /** Runs `create` once per idempotency key; the same key with another body is an error, like Stripe. */
  function idempotent(req: IncomingMessage, res: ServerResponse, raw: string, create: () => [number, unknown]): void {
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || key.length === 0 || key.length > 255) {
      fail(res, 400, 'invalid_request_error', 'Idempotency-Key header is required');
      return;
    }
    const fingerprint = createHash('sha256').update(`${req.url}\n${raw}`).digest('hex');
    const seen = idempotency.get(key);
    if (seen) {
      if (seen.fingerprint !== fingerprint) {
        fail(res, 409, 'idempotency_error', 'Keys for idempotent requests can only be used with the same parameters');
        return;
      }
      res.setHeader('idempotent-replayed', 'true');
      send(res, seen.status, seen.body);
      return;
    }
    const [status, body] = create();
    if (status < 500) idempotency.set(key, { fingerprint, status, body });
    send(res, status, body);
  }

  function createSession(input: Partial<NewCheckoutSession>): [number, unknown] {
    const amount = input.amount;
    if (!Number.isInteger(amount) || (amount as number) < 1 || (amount as number) > 10_000_000) {
      return [
        400,
        { error: { type: 'invalid_request_error', message: 'amount must be an integer between 1 and 10000000' } },
      ];
    }
    if (input.currency !== 'jpy')
      return [400, { error: { type: 'invalid_request_error', message: 'currency must be jpy' } }];
    const urlOk = (u: unknown) => typeof u === 'string' && /^https?:\/\//.test(u);
    if (!urlOk(input.success_url) || !urlOk(input.cancel_url)) {
      return [
        400,
        { error: { type: 'invalid_request_error', message: 'success_url and cancel_url must be absolute URLs' } },
      ];
    }
    const types = input.payment_method_types ?? ['card'];
    if (!Array.isArray(types) || types.length === 0 || types.some((t) => !onlineMethods.includes(t))) {
      return [
        400,
        { error: { type: 'invalid_request_error', message: `payment_method_types: ${onlineMethods.join(', ')}` } },
      ];
    }
    const sessionId = id('cs');
    const session: Session = {
      id: sessionId,
      url: `${publicUrl}/checkout/${sessionId}`,
      status: 'open',
      payment_status: 'unpaid',
      amount_total: amount as number,
      currency: 'jpy',
      client_reference_id: String(input.client_reference_id ?? ''),
      metadata: { ...(input.metadata ?? {}) },
      payment_intent: null,
      payment_method_type: null,
      created: now(),
      description: String(input.description ?? '').slice(0, 500),
      success_url: input.success_url as string,
      cancel_url: input.cancel_url as string,
      payment_method_types: types,
    };
    sessions.set(sessionId, session);
    return [200, publicSession(session)];
  }

  function createRefund(input: { payment_intent?: unknown; amount?: unknown }): [number, unknown] {
    const intent = intents.get(String(input.payment_intent));
    if (!intent) return [404, { error: { type: 'invalid_request_error', message: 'No such payment_intent' } }];
    const amount = input.amount ?? intent.amount - intent.refunded;
    if (!Number.isInteger(amount) || (amount as number) < 1) {
      return [400, { error: { type: 'invalid_request_error', message: 'amount must be a positive integer' } }];
    }
    if ((amount as number) > intent.amount - intent.refunded) {
      return [
        400,
        { error: { type: 'invalid_request_error', message: 'Refund amount is greater than unrefunded amount' } },
      ];
    }
    intent.refunded += amount as number;
    const refund: Refund = {
      id: id('re'),
      amount: amount as number,
      payment_intent: intent.id,
      status: 'succeeded',
      created: now(),
    };
    transactions.push({
      id: id('txn'),
      type: 'refund',
      amount: -refund.amount,
      currency: 'jpy',
      created: refund.created,
      source: refund.id,
      payment_intent: intent.id,
      metadata: intent.metadata,
    });
    return [200, refund];
  }

  function listTransactions(url: URL): [number, unknown] {
    const gte = Number(url.searchParams.get('created[gte]') ?? 0);
    const lt = Number(url.searchParams.get('created[lt]') ?? Number.MAX_SAFE_INTEGER);
    const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 10)));
    const after = url.searchParams.get('starting_after');
    let matching = transactions.filter((t) => t.created >= gte && t.created < lt);
    if (after) matching = matching.slice(matching.findIndex((t) => t.id === after) + 1);
    return [200, { object: 'list', data: matching.slice(0, limit), has_more: matching.length > limit }];
  }

  async function checkout(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const match = /^\/checkout\/(cs_[0-9a-f]+)(?:\/(pay|cancel))?$/.exec(url.pathname);
    const session = match ? sessions.get(match[1]!) : undefined;
    const page = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    if (!session || !match) {
      res.writeHead(404, page).end(gonePage());
      return;
    }
    if (req.method === 'GET' && !match[2]) {
      res
        .writeHead(session.status === 'open' ? 200 : 410, page)
        .end(session.status === 'open' ? checkoutPage(session) : gonePage());
      return;
    }
    if (req.method !== 'POST' || !match[2]) {
      res.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    const form = new URLSearchParams(await readBody(req));
    if (session.status !== 'open') {
      res.writeHead(410, page).end(gonePage());
      return;
    }
    if (match[2] === 'cancel') {
      session.status = 'expired';
      await deliver('checkout.session.expired', session);
      res.writeHead(303, { location: session.cancel_url }).end();
      return;
    }
    const method = form.get('method') as OnlineMethod | null;
    if (!method || !session.payment_method_types.includes(method)) {
      res.writeHead(400, page).end(checkoutPage(session));
      return;
    }
    const intent: Intent = {
      id: id('pi'),
      amount: session.amount_total,
      refunded: 0,
      metadata: {
        ...session.metadata,
        client_reference_id: session.client_reference_id,
      },
    };
    intents.set(intent.id, intent);
    session.status = 'complete';
    session.payment_status = 'paid';
    session.payment_intent = intent.id;
    session.payment_method_type = method;
    transactions.push({
      id: id('txn'),
      type: 'charge',
      amount: intent.amount,
      currency: 'jpy',
      created: now(),
      source: intent.id,
      payment_intent: intent.id,
      metadata: intent.metadata,
    });
    await deliver('checkout.session.completed', session);
    res.writeHead(303, { location: session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id) }).end();
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      if (url.pathname.startsWith('/checkout/')) return checkout(req, res, url);
      if (!url.pathname.startsWith('/v1/')) return fail(res, 404, 'invalid_request_error', 'Unrecognized request URL');
      if (!authorised(req)) return fail(res, 401, 'authentication_error', 'Invalid API Key provided');
      const raw = req.method === 'POST' ? await readBody(req) : '';
      let body: Record<string, unknown> = {};
      if (raw) {
        try {
          body = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          return fail(res, 400, 'invalid_request_error', 'Invalid JSON body');
        }
      }
      const sessionMatch = /^\/v1\/checkout\/sessions\/([A-Za-z0-9_]+)$/.exec(url.pathname);
      if (req.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
        return idempotent(req, res, raw, () => createSession(body as Partial<NewCheckoutSession>));
      }
      if (req.method === 'GET' && sessionMatch) {
        const session = sessions.get(sessionMatch[1]!);
        return session
          ? send(res, 200, publicSession(session))
          : fail(res, 404, 'invalid_request_error', 'No such checkout.session');
      }
      if (req.method === 'POST' && url.pathname === '/v1/refunds') {
        return idempotent(req, res, raw, () => createRefund(body));
      }
      if (req.method === 'GET' && url.pathname === '/v1/balance_transactions') {
        const [status, out] = listTransactions(url);
        return send(res, status, out);
      }
      return fail(res, 404, 'invalid_request_error', 'Unrecognized request URL');
    })().catch((error: unknown) => {
      if (!res.headersSent) fail(res, 500, 'api_error', String((error as Error).message));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  publicUrl = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  return {
    url: publicUrl,
    deliveries,
    get lastWebhook() {
      return lastWebhook;
    },
    setWebhookUrl(url) {
      webhookUrl = url;
    },
    holdWebhooks(hold) {
      holding = hold;
    },
    async releaseWebhooks() {
      holding = false;
      for (const send of held.splice(0)) await send();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
