// Which provider this process talks to: PAYMENT_PROVIDER_URL when set; in the demo (`npm start`) the
// stand-in, started in-process on its own port on first use; otherwise none (online payment is refused
// with a message naming the variable, counter payments still work).
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/http/errors.ts';
import { ownOrigin } from '../../platform/http/own-origin.ts';
import type { PlatformDeps } from '../../platform/module.ts';
import { createPaymentProvider, type PaymentProvider } from './provider.ts';
import { type StandInProvider, startStandInProvider } from './stand-in-provider.ts';

// Keyed by the process's deps object: the demo seeder marks it, so a production start never gets the stand-in.
const demoProcesses = new WeakSet<PlatformDeps>();
const standIns = new WeakMap<PlatformDeps, Promise<{ standIn: StandInProvider; provider: PaymentProvider }>>();
const configured = new WeakMap<PlatformDeps, PaymentProvider>();

export function markDemo(deps: PlatformDeps): void {
  demoProcesses.add(deps);
}

/** Where our own server listens, for the stand-in's webhooks (demo only). */
function ownWebhookUrl(app: FastifyInstance): string | undefined {
  const origin = ownOrigin(app);
  return origin ? `${origin}/payments/webhook` : undefined;
}

export async function providerFor(deps: PlatformDeps, app: FastifyInstance): Promise<PaymentProvider> {
  const payment = deps.config.payment;
  if (payment) {
    let provider = configured.get(deps);
    if (!provider) {
      provider = createPaymentProvider({
        baseUrl: payment.providerUrl,
        secretKey: payment.secretKey,
        webhookSecret: payment.webhookSecret,
      });
      configured.set(deps, provider);
    }
    return provider;
  }
  if (!demoProcesses.has(deps)) {
    throw new AppError(
      'unavailable',
      'オンライン決済の設定（環境変数 PAYMENT_PROVIDER_URL）がないため、オンラインでは支払えません。窓口でお支払いください。',
    );
  }
  let started = standIns.get(deps);
  if (!started) {
    started = (async () => {
      const secretKey = `sk_demo_${deps.secrets.derive('payments-demo-key').toString('hex').slice(0, 32)}`;
      const webhookSecret = `whsec_demo_${deps.secrets.derive('payments-demo-webhook').toString('hex').slice(0, 32)}`;
      const standIn = await startStandInProvider({
        secretKey,
        webhookSecret,
        webhookUrl: () => ownWebhookUrl(app),
      });
      deps.log.info({ url: standIn.url }, 'デモ用の決済代行（スタンドイン）を起動しました（実際のお金は動きません）');
      return { standIn, provider: createPaymentProvider({ baseUrl: standIn.url, secretKey, webhookSecret }) };
    })();
    standIns.set(deps, started);
  }
  return (await started).provider;
}

/** Stops the demo stand-in with the server (registered as the routes' onClose hook). */
export async function closeDemoProvider(deps: PlatformDeps): Promise<void> {
  const started = standIns.get(deps);
  standIns.delete(deps);
  if (started) await (await started).standIn.close();
}
