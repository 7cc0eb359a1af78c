// Reactions to other modules' events: a confirmed or refunded payment, an issued or revoked document.
// Each is idempotent (an event may be delivered twice).
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { DomainEvent } from '../../../platform/events/events.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { sendApplicationEmailJob } from '../emails.ts';
import { addHistory, loadApplication } from '../queries.ts';

/** The application a payment names: by id, or (a counter payment taken for a receipt number) by 受付番号. */
async function applicationOf(trx: Kysely<any>, data: Record<string, unknown>) {
  if (typeof data.applicationId === 'string' && data.applicationId) {
    return loadApplication(trx, data.applicationId, { forUpdate: true });
  }
  if (typeof data.receiptNumber !== 'string') return undefined;
  const row = await trx
    .selectFrom('applications')
    .select('id')
    .where('receipt_number', '=', data.receiptNumber)
    .executeTakeFirst();
  return row ? loadApplication(trx, row.id as string, { forUpdate: true }) : undefined;
}

export async function onPaymentConfirmed(event: DomainEvent, deps: PlatformDeps): Promise<void> {
  await withTenant(deps.db, event.tenantId, async (trx) => {
    const app = await applicationOf(trx, event.data);
    if (!app || app.paymentStatus === 'paid') return;
    await trx
      .updateTable('applications')
      .set({ payment_status: 'paid', updated_at: sql`now()` })
      .where('id', '=', app.id)
      .execute();
    await addHistory(trx, {
      tenantId: event.tenantId,
      applicationId: app.id,
      actorId: 'payments',
      actorKind: 'system',
      from: app.status,
      to: app.status,
      note: '手数料の支払いを確認しました',
      details: { paymentId: event.data.paymentId, amount: event.data.amount, method: event.data.method },
    });
  });
}

export async function onPaymentRefunded(event: DomainEvent, deps: PlatformDeps): Promise<void> {
  await withTenant(deps.db, event.tenantId, async (trx) => {
    const app = await applicationOf(trx, event.data);
    if (app?.paymentStatus !== 'paid' || event.data.full === false) return;
    await trx
      .updateTable('applications')
      .set({ payment_status: 'refunded', updated_at: sql`now()` })
      .where('id', '=', app.id)
      .execute();
    await addHistory(trx, {
      tenantId: event.tenantId,
      applicationId: app.id,
      actorId: 'payments',
      actorKind: 'system',
      from: app.status,
      to: app.status,
      note: '手数料を返金しました',
      details: { paymentId: event.data.paymentId, amount: event.data.amount },
    });
  });
}

export async function onDocumentIssued(event: DomainEvent, deps: PlatformDeps): Promise<void> {
  const applicationId = String(event.data.applicationId ?? '');
  await withTenant(deps.db, event.tenantId, async (trx) => {
    const app = await loadApplication(trx, applicationId, { forUpdate: true });
    if (!app || app.documentId) return;
    await trx
      .updateTable('applications')
      .set({
        document_id: String(event.data.documentId),
        verification_code: String(event.data.verificationCode ?? ''),
        ...(app.status === 'approved' ? { status: 'issued' } : {}),
        updated_at: sql`now()`,
      })
      .where('id', '=', app.id)
      .execute();
    await addHistory(trx, {
      tenantId: event.tenantId,
      applicationId: app.id,
      actorId: 'issuance',
      actorKind: 'system',
      from: app.status,
      to: app.status === 'approved' ? 'issued' : app.status,
      note: '交付物（電子文書）を発行しました',
      details: { documentId: event.data.documentId },
    });
    if (app.notifyEmail) {
      await deps.jobs.enqueue(trx, sendApplicationEmailJob, {
        tenantId: event.tenantId,
        applicationId: app.id,
        kind: 'issued',
      });
    }
  });
}
