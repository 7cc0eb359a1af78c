// How the HTTP channels wait: exponential backoff with jitter between retries, the provider's Retry-After
// when it gives one, and a pacer that keeps requests under a provider's documented rate.
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryPolicy {
  /** Requests in all, the first included. */
  attempts: number;
  /** Wait before the first retry; doubles each time. */
  baseDelayMs: number;
  /** No single wait is longer; a Retry-After longer than this is handed back to the caller instead. */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

/**
 * The wait before retry number `retry` (1 for the first retry): half the exponential step fixed, half
 * random ("equal jitter"), so that many senders failing together do not come back together.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Retry-After (RFC 9110 §10.2.3) as milliseconds from now: delay-seconds or an HTTP-date; undefined if absent or bad. */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export { sleep };

/**
 * Keeps requests at or under `perSecond` (GCRA: each request takes the next slot 1/perSecond after the
 * previous one; up to `burst` may go at once). Shared by every caller of one client, so concurrent
 * senders together stay under the provider's limit.
 */
export function createPacer(perSecond: number, burst = Math.max(1, Math.floor(perSecond / 20))) {
  const interval = 1000 / perSecond;
  const tolerance = (burst - 1) * interval;
  let theoretical = 0;
  return {
    perSecond,
    async take(): Promise<void> {
      const now = performance.now();
      const slot = Math.max(theoretical, now);
      theoretical = slot + interval;
      const wait = slot - tolerance - now;
      if (wait >= 1) await sleep(wait);
    },
  };
}

export type Pacer = ReturnType<typeof createPacer>;
