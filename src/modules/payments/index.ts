// Payments (C3, KPI ①イ): fees paid online through the payment provider or at the counter, refunds,
// reconciliation with the provider, the cashless share, and tax bills with their eL-QR codes. Owns the
// tables payments, refunds, payment_provider_events and el_bills. Applications call `startPayment` and
// subscribe to `payment.confirmed` (data: PaymentConfirmed).
import { registerMessages } from '../../platform/i18n/i18n.ts';
import type { CityModule } from '../../platform/module.ts';
import { demoProxy, demoResident } from '../identity/demo.ts';
import { messages } from './messages.ts';
import { markDemo } from './provider-for.ts';
import { paymentRoutes } from './routes.ts';
import { seedDemoBills } from './use-cases/seed-demo-bills.ts';

export type { PaymentDeps } from './deps.ts';
export { elQrSvg, formatElNumber } from './el-qr.ts';
export { createPaymentProvider, type OnlineMethod, type PaymentProvider } from './provider.ts';
export { providerFor } from './provider-for.ts';
export type { Method, Payment, PaymentStatus } from './queries.ts';
export { type CashlessRatio, cashlessRatio } from './use-cases/cashless-ratio.ts';
export type { PaymentConfirmed } from './use-cases/confirm-payment.ts';
export { type PaymentSummary, paymentStatusFor } from './use-cases/payment-status.ts';
export { type StartPaymentInput, type StartPaymentResult, startPayment } from './use-cases/start-payment.ts';

registerMessages('payments', messages);

export const payments: CityModule = {
  name: 'payments',
  migrations: new URL('./migrations/', import.meta.url),
  routes: paymentRoutes,
  homeLinks: [{ href: '/account/bills', titleKey: 'payments.billsHome', descriptionKey: 'payments.billsHomeLead' }],
  async seedDemo(deps, options) {
    // Only a demo start seeds: from here on this process may use the in-process stand-in provider.
    markDemo(deps);
    const fiscalYear = Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' }).slice(0, 4));
    await seedDemoBills(deps, {
      tenantId: options.tenantId,
      emails: [demoResident.email, demoProxy.email],
      fiscalYear,
    });
  },
};
