// A real browser for page tests: Debian's chromium driven by playwright-core, with axe-core injected.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { base32Decode, totpCode, totpStep } from '../../src/modules/identity/totp.ts';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on the page; returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so the page's strict CSP (no inline script) stays on.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })),
    }));
  });
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.html).join('\n  ')}`)
    .join('\n');
}

/** Chromium's virtual authenticator (a platform passkey that verifies its user), for WebAuthn journeys. */
export async function addVirtualAuthenticator(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

const totpSecrets = new Map<string, Buffer>();
const lastTotpStep = new Map<string, number>();

/**
 * Signs a demo staff member in as a person does: password, then the TOTP code (enrolling on first use
 * from the key the page shows), the current window's code taken just before typing it and never one
 * already used. `atSecondFactor` runs on the second-factor page (e.g. an axe check).
 */
export async function staffSignInInBrowser(
  page: Page,
  base: string,
  email: string,
  atSecondFactor: (page: Page) => Promise<void> = async () => undefined,
): Promise<void> {
  await page.goto(`${base}/staff/sign-in`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill('cityhall-staff-demo');
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await page.getByLabel('確認コード（6桁）').waitFor();
  await atSecondFactor(page);
  const shown = page.locator('[data-totp-secret]');
  if ((await shown.count()) > 0) {
    totpSecrets.set(email, base32Decode(((await shown.textContent()) ?? '').replace(/\s/g, '')));
  }
  let step: number;
  for (;;) {
    step = Math.max((lastTotpStep.get(email) ?? -Infinity) + 1, totpStep());
    if (step <= totpStep()) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  lastTotpStep.set(email, step);
  await page.getByLabel('確認コード（6桁）').fill(totpCode(totpSecrets.get(email)!, step));
  await page.getByRole('button', { name: '確認する' }).click();
  await page.getByRole('heading', { name: '職員ポータル' }).waitFor();
}
