// The city's VAPID key pair (RFC 8292) for Web Push. Production sets WEB_PUSH_VAPID_PRIVATE_KEY (32 bytes,
// base64url) so the key survives a change of server secret; otherwise it is derived from the server's
// secret, so every process and every restart signs with the same key and browsers' subscriptions stay valid.
import { createECDH, createHmac } from 'node:crypto';
import type { PlatformDeps } from '../../platform/module.ts';
import type { VapidOptions } from './channels/web-push.ts';

const made = new WeakMap<PlatformDeps['secrets'], VapidOptions>();

function keyPair(privateKey: Buffer): { publicKey: string; privateKey: string } {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(privateKey);
  return { publicKey: ecdh.getPublicKey().toString('base64url'), privateKey: privateKey.toString('base64url') };
}

function derived(secrets: PlatformDeps['secrets']): Buffer {
  // A scalar of 32 random-looking bytes is below the curve order all but once in 2^32; try the next on refusal.
  for (let n = 0; ; n++) {
    const candidate = createHmac('sha256', secrets.derive('messaging-web-push-vapid')).update(String(n)).digest();
    try {
      createECDH('prime256v1').setPrivateKey(candidate);
      return candidate;
    } catch {}
  }
}

export function vapidFor(deps: Pick<PlatformDeps, 'secrets' | 'config'>): VapidOptions {
  const found = made.get(deps.secrets);
  if (found) return found;
  const configured = process.env.WEB_PUSH_VAPID_PRIVATE_KEY;
  const pair = keyPair(configured ? Buffer.from(configured, 'base64url') : derived(deps.secrets));
  const subject = deps.config.publicUrl?.startsWith('https://')
    ? deps.config.publicUrl
    : 'mailto:webmaster@city.example';
  const options = { ...pair, subject };
  made.set(deps.secrets, options);
  return options;
}
