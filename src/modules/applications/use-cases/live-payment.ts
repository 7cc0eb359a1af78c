// The payments module is the authority on a fee. Its `payment.confirmed` event updates the application a
// moment after the payment; until then a page or a decision asks payments directly, so the person who
// has just paid (and the staff member deciding) never sees 未払い for a paid fee.
import type { Kysely } from 'kysely';
import { paymentStatusFor } from '../../payments/index.ts';
import type { Application } from '../model.ts';

export async function withLivePayment<A extends Application>(
  deps: { db: Kysely<any> },
  tenantId: string,
  app: A,
): Promise<A> {
  if (app.feeAmount <= 0 || app.paymentStatus !== 'pending') return app;
  const live = (await paymentStatusFor(deps, { tenantId, applicationIds: [app.id] })).get(app.id);
  return live && (live.status === 'paid' || live.status === 'partially_refunded')
    ? { ...app, paymentStatus: 'paid' }
    : app;
}
