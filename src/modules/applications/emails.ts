// Notices by e-mail when an application is received and when its status changes. Sent from a job queued
// in the same transaction as the change, so a rolled-back change sends nothing.
import { withTenant } from '../../platform/db/tenant.ts';
import type { PlatformDeps } from '../../platform/module.ts';
import { statusLabel } from './messages.ts';
import { loadApplication } from './queries.ts';

export const sendApplicationEmailJob = 'applications.send-email';

export type EmailKind = 'submitted' | 'status_changed' | 'correction_requested' | 'issued' | 'message';

export async function sendApplicationEmail(
  deps: PlatformDeps,
  data: { tenantId: string; applicationId: string; kind: EmailKind },
): Promise<void> {
  const app = await withTenant(deps.db, data.tenantId, (trx) => loadApplication(trx, data.applicationId));
  if (!app?.notifyEmail) return;
  const base = (deps.config as { publicUrl?: string }).publicUrl ?? '';
  const link = `${base}/applications/${app.id}`;
  const head = `${app.applicantName} 様\n\n「${app.procedureName}」（受付番号 ${app.receiptNumber}）`;
  const bodies: Record<EmailKind, { subject: string; text: string }> = {
    submitted: {
      subject: `【受付】${app.procedureName}（受付番号 ${app.receiptNumber}）`,
      text: `${head}の申請を受け付けました。${app.feeAmount > 0 && app.paymentStatus !== 'paid' ? `\n手数料 ${app.feeAmount.toLocaleString('ja-JP')}円のお支払いをお願いします。` : ''}\n\n状況は次のページで確認できます。\n${link}\n`,
    },
    status_changed: {
      subject: `【状況のお知らせ】${app.procedureName}：${statusLabel('ja', app.status)}`,
      text: `${head}の状況が「${statusLabel('ja', app.status)}」になりました。\n\n${link}\n`,
    },
    correction_requested: {
      subject: `【補正のお願い】${app.procedureName}（受付番号 ${app.receiptNumber}）`,
      text: `${head}について、内容の修正（補正）をお願いします。\n次のページで、修正が必要な項目と理由をご確認のうえ、再提出してください。\n\n${link}\n`,
    },
    issued: {
      subject: `【交付】${app.procedureName}（受付番号 ${app.receiptNumber}）`,
      text: `${head}の交付物（電子文書）を発行しました。次のページからダウンロードできます。\n\n${link}\n`,
    },
    message: {
      subject: `【メッセージ】${app.procedureName}（受付番号 ${app.receiptNumber}）`,
      text: `${head}について、担当からメッセージが届いています。\n\n${link}\n`,
    },
  };
  await deps.mail.send({ to: app.notifyEmail, ...bodies[data.kind] });
}
