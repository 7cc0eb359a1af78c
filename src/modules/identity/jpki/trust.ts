// The trust settings the server verifies with, read from the configured files at each verification,
// so a CA bundle or CRL the operator replaces takes effect without a restart.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Config } from '../../../platform/config/config.ts';
import type { TrustSettings } from './certificate.ts';
import { pemToDer } from './der.ts';
import { JpkiError } from './errors.ts';
import { crlFileChecker, httpRevocationChecker, type RevocationChecker } from './revocation.ts';

const unknown: RevocationChecker = { check: async () => 'unknown' };

export async function loadTrustSettings(config: Pick<Config, 'jpki'>): Promise<TrustSettings> {
  if (!existsSync(config.jpki.trustAnchors)) {
    throw new JpkiError(
      'unknown_ca',
      `信頼する認証局の証明書が設定されていません（JPKI_TRUST_ANCHORS、いま ${config.jpki.trustAnchors}）`,
    );
  }
  const trustAnchors = pemToDer(await readFile(config.jpki.trustAnchors, 'utf8'));
  let revocation = unknown;
  if (config.jpki.revocationUrl) revocation = httpRevocationChecker(config.jpki.revocationUrl);
  else if (existsSync(config.jpki.crlFile)) revocation = await crlFileChecker(config.jpki.crlFile);
  return { trustAnchors, revocation };
}
