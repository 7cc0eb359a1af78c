// The payment provider adapter: Stripe Checkout / PAY.JP-style REST over HTTPS (docs/adr/0010). The
// same code talks to the real provider in production and to the stand-in in tests and the demo.
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../platform/http/errors.ts';

export const onlineMethods = ['card', 'paypay'] as const;
export type OnlineMethod = (typeof onlineMethods)[number];

export interface CheckoutSession {
  id: string;
  url: string;
  /** open: waiting for the person; complete: paid; expired: cancelled or timed out. */
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  amount_total: number;
  currency: string;
  client_reference_id: string;
  metadata: Record<string, string>;
  payment_intent: string | null;
  payment_method_type: OnlineMethod | null;
  created: number;
}

export interface NewCheckoutSession {
  amount: number;
  currency: 'jpy';
  description: string;
  client_reference_id: string;
  success_url: string;
  cancel_url: string;
  payment_method_types: OnlineMethod[];
  metadata: Record<string, string>;
}

export interface Refund {
  id: string;
  amount: number;
  payment_intent: string;
  status: 'succeeded' | 'failed';
  created: number;
}

export interface BalanceTransaction {
  id: string;
  /** charge: money in (positive amount); refund: money out (negative amount). */
  type: 'charge' | 'refund';
  amount: number;
  currency: string;
  created: number;
  /** The payment intent (charge) or refund id. */
  source: string;
  payment_intent: string;
  metadata: Record<string, string>;
}

export interface PaymentProvider {
  createCheckoutSession(input: NewCheckoutSession, idempotencyKey: string): Promise<CheckoutSession>;
  retrieveCheckoutSession(id: string): Promise<CheckoutSession>;
  createRefund(input: { payment_intent: string; amount: number }, idempotencyKey: string): Promise<Refund>;
  /** Every balance transaction created in [from, to), all pages. */
  listBalanceTransactions(from: Date, to: Date): Promise<BalanceTransaction[]>;
  /** Secret that signs the webhooks this provider sends us. */
  webhookSecret: string;
  /** Where the provider lives (its checkout pages are on this origin). */
  baseUrl: string;
}

export interface ProviderConfig {
  baseUrl: string;
  secretKey: string;
  webhookSecret: string;
  /** Attempts per call (network errors and 5xx are retried with the same idempotency key). */
  attempts?: number;
  timeoutMs?: number;
}

const unreachable = '決済事業者に接続できません。お支払いは行われていません。しばらくしてからもう一度お試しください。';

export function createPaymentProvider(config: ProviderConfig): PaymentProvider {
  const base = config.baseUrl.replace(/\/+$/, '');
  const attempts = config.attempts ?? 3;
  const timeoutMs = config.timeoutMs ?? 10_000;

  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) await sleep(150 * 3 ** (attempt - 2));
      let response: Response;
      try {
        response = await fetch(`${base}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${config.secretKey}`,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        lastError = error;
        continue; // network error or timeout: the idempotency key makes a retry safe
      }
      const text = await response.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      if (response.ok && json && typeof json === 'object') return json as T;
      if (response.status >= 500 || response.status === 429) {
        lastError = new Error(`provider answered ${response.status}`);
        continue;
      }
      const message = (json as { error?: { message?: string } } | undefined)?.error?.message ?? text.slice(0, 200);
      throw new AppError(
        'payment_provider_error',
        `決済事業者が要求を受け付けませんでした（${response.status}: ${message}）。`,
      );
    }
    throw new AppError('unavailable', unreachable, { cause: lastError, headers: { 'retry-after': '30' } });
  }

  return {
    baseUrl: base,
    webhookSecret: config.webhookSecret,
    createCheckoutSession: (input, key) => call('POST', '/v1/checkout/sessions', input, key),
    retrieveCheckoutSession: (id) => call('GET', `/v1/checkout/sessions/${encodeURIComponent(id)}`),
    createRefund: (input, key) => call('POST', '/v1/refunds', input, key),
    async listBalanceTransactions(from, to) {
      const out: BalanceTransaction[] = [];
      let after: string | undefined;
      for (;;) {
        const query = new URLSearchParams({
          'created[gte]': String(Math.floor(from.getTime() / 1000)),
          'created[lt]': String(Math.floor(to.getTime() / 1000)),
          limit: '100',
          ...(after ? { starting_after: after } : {}),
        });
        const page = await call<{ data: BalanceTransaction[]; has_more: boolean }>(
          'GET',
          `/v1/balance_transactions?${query}`,
        );
        out.push(...page.data);
        if (!page.has_more || page.data.length === 0) return out;
        after = page.data.at(-1)!.id;
      }
    },
  };
}
