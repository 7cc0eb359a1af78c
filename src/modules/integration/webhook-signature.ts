// Webhook secrets and signatures. An endpoint's secret is derived from the server's secret and the
// endpoint's id (nothing to store or leak from the database); it is shown to staff once, at creation.
// The signature header is `CityHall-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`,
// so a receiver checks both the body and its freshness (replayed old requests fail the time check).
import { createHmac } from 'node:crypto';

export const signatureHeader = 'CityHall-Signature';
export const eventIdHeader = 'CityHall-Event-Id';

export function webhookSecret(root: Buffer, tenantId: string, endpointId: string): string {
  return `whsec_${createHmac('sha256', root).update(`${tenantId}:${endpointId}`).digest('base64url')}`;
}

export function signWebhook(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}
