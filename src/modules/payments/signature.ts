// Webhook signatures: `Provider-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
// The timestamp is signed with the body, so an old request cannot be replayed with a fresh time.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const signatureHeader = 'provider-signature';
/** How old a signed webhook may be (and how far in the future, for clock skew). */
export const toleranceSeconds = 300;

export function signPayload(secret: string, rawBody: string | Buffer, timestamp: number): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

export type SignatureProblem = 'missing' | 'malformed' | 'too_old' | 'mismatch';

/** Undefined when the header is a valid signature of exactly these bytes within the tolerance. */
export function checkSignature(
  secret: string,
  rawBody: Buffer,
  header: string | undefined,
  now: Date = new Date(),
): SignatureProblem | undefined {
  if (!header) return 'missing';
  let timestamp: number | undefined;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && value && /^[0-9a-f]{64}$/.test(value)) candidates.push(value);
  }
  if (timestamp === undefined || candidates.length === 0) return 'malformed';
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return 'too_old';
  const expected = Buffer.from(signPayload(secret, rawBody, timestamp).split('v1=')[1]!, 'hex');
  // During a secret rotation the provider signs with both secrets: any one valid candidate will do.
  const ok = candidates.some((c) => timingSafeEqual(Buffer.from(c, 'hex'), expected));
  return ok ? undefined : 'mismatch';
}
